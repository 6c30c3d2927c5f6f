"""Guard against the PySide6 6.12.0 bug that drops a reference to None on every void call.

On CPython < 3.12 None is not immortal: after ~16,000 such calls the interpreter dies
with "Fatal Python error: none_dealloc" — a long teaching session would crash. This
test fails on an affected PySide6 so the pin in pyproject.toml cannot silently regress.
"""
from __future__ import annotations

import sys

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    colour = QColor(1, 2, 3)
    calls = (lambda: label.setToolTip("x"), label.update, lambda: colour.setAlphaF(0.5))
    for call in calls:
        before = sys.getrefcount(None)
        for _ in range(500):
            call()
        # Other threads may create or drop a few references meanwhile; a leak costs 500.
        assert sys.getrefcount(None) - before > -100, f"{call} drops references to None"
