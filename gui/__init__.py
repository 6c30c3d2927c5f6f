"""PLM Studio's PySide6 user interface."""
