"""Reusable widgets: message bar, token strip, probability bars."""
