"""An inline message area for a panel (Orange's ``Msg``): errors never become tracebacks."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class MessageBar(QLabel):
    """Shows one error or info line; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setOpenExternalLinks(True)
        self.hide()
        self._level = ""

    @property
    def level(self) -> str:
        return self._level

    def _show(self, level: str, text: str) -> None:
        self._level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        self._show("error", text)

    def show_info(self, text: str) -> None:
        self._show("info", text)

    def clear(self) -> None:
        self._level = ""
        super().clear()
        self.hide()
