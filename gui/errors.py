"""Unexpected errors: a dialog with the traceback under "Show Details" (superqt style)."""
from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .workers import TaskFailure


def show_failure(parent: QWidget | None, failure: TaskFailure) -> None:
    """Show an unexpected failure; expected ones belong in a panel's message bar."""
    box = QMessageBox(QMessageBox.Icon.Critical if not failure.expected else QMessageBox.Icon.Warning,
                      failure.title, failure.message, QMessageBox.StandardButton.Ok, parent)
    if failure.details:
        box.setDetailedText(failure.details)
    box.setModal(True)
    box.open()  # non-blocking: never stalls a worker's queued signals


def install_excepthook(parent: QWidget | None) -> None:
    """Route uncaught GUI-thread exceptions to a dialog instead of killing the app."""

    def hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(etype, value, tb))
        sys.__stderr__.write(details)
        show_failure(parent, TaskFailure(QCoreApplication.translate("Errors", "Unexpected error"), f"{etype.__name__}: {value}", details, False))

    sys.excepthook = hook
