"""Ask for a file name and export a panel's visible view, reporting in its message bar."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from .export import EXPORT_FILTER
from .message_bar import MessageBar


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def export_with_dialog(parent: QWidget, bar: MessageBar, default_name: str, save: Callable[[Path], Path]) -> None:
    """PNG or SVG by the chosen suffix (``save`` writes it atomically); errors go to ``bar``."""
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Export view"), default_name, EXPORT_FILTER)
    if not path:
        return
    try:
        save(Path(path))
    except (OSError, ValueError) as exc:
        bar.show_error(_tr("Could not export: {0}").format(exc))
    else:
        bar.show_info(_tr("Saved {0}").format(path))
