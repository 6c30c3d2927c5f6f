"""Saved runs side by side: tick runs to overlay their curves; the table lists the settings that differ."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.training import read_curves, read_run


def _flatten(d: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = str(v)
    return out


def settings_diff(runs: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(setting, value per run) for every setting or metric whose values differ between runs."""
    flat = []
    for info in runs:
        card = info.get("card") or {}
        f = _flatten(card.get("finetune") or {})
        f.update({"base_model": str(card.get("base_model", "")), "data": str(card.get("data", ""))})
        f.update({f"metric.{k}": f"{v:.4f}" for k, v in (info.get("metrics") or {}).items()})
        f["steps"] = str(info.get("step", ""))
        flat.append(f)
    keys = sorted({k for f in flat for k in f if not k.endswith("output_dir")})
    return [(k, [f.get(k, "—") for f in flat]) for k in keys if len({f.get(k, "—") for f in flat}) > 1]


class RunCompareView(QWidget):
    """A list of saved runs (tick to overlay) and the differences of their settings."""

    overlays_changed = Signal(list)   # [(name, curve rows)]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs = QListWidget(self)
        self.add_btn = QPushButton(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.diff = QTableWidget(0, 0, self)
        self.diff.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.diff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.add_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.runs, 1)
        layout.addWidget(self.diff, 2)
        self.add_btn.clicked.connect(self._on_add_clicked)
        self.runs.itemChanged.connect(self._on_item_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_btn.setText(self.tr("Add a saved run…"))
        self.hint.setText(self.tr("Tick runs to overlay their curves (dashed) on the training plots; the table shows "
                                  "the settings and results that differ."))

    def add_run(self, folder: str | Path, checked: bool = False) -> None:
        folder = str(folder)
        for i in range(self.runs.count()):
            item = self.runs.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == folder:
                if checked:
                    item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(Path(folder).name)
        item.setData(Qt.ItemDataRole.UserRole, folder)
        item.setToolTip(folder)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.runs.addItem(item)

    @Slot()
    def _on_add_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pick a saved run"))
        if folder:
            self.add_run(folder, checked=True)

    def checked_runs(self) -> list[str]:
        return [self.runs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.runs.count())
                if self.runs.item(i).checkState() == Qt.CheckState.Checked]

    @Slot(QListWidgetItem)
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        from PySide6.QtGui import QBrush, QColor

        from .train_curves import OVERLAY_COLOURS

        folders = self.checked_runs()
        self.runs.blockSignals(True)
        for i in range(self.runs.count()):
            item = self.runs.item(i)
            folder = item.data(Qt.ItemDataRole.UserRole)
            if folder in folders:
                n = folders.index(folder)
                item.setText(f"#{n + 1}  {Path(folder).name}")
                item.setForeground(QBrush(QColor(OVERLAY_COLOURS[n % len(OVERLAY_COLOURS)])))
            else:
                item.setText(Path(folder).name)
                item.setForeground(QBrush(QColor("#222")))
        self.runs.blockSignals(False)
        self.overlays_changed.emit([(Path(f).name, read_curves(f)) for f in folders])
        infos = [read_run(f) for f in folders]
        rows = settings_diff(infos) if len(infos) > 1 else []
        self.diff.clear()
        self.diff.setColumnCount(len(folders))
        self.diff.setHorizontalHeaderLabels([f"#{n + 1}" for n in range(len(folders))])
        self.diff.setRowCount(len(rows))
        self.diff.setVerticalHeaderLabels([k for k, _ in rows])
        for i, (_, values) in enumerate(rows):
            for j, v in enumerate(values):
                self.diff.setItem(i, j, QTableWidgetItem(v))
