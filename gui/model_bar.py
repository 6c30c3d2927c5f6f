"""The model picker: discovered models, a field for a hub id or folder, Browse, Load/Cancel."""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QSizePolicy, QWidget)

from core import DownloadProgress, LoadProgress, discover_models

from .settings import AppSettings

PICKER_TOOLTIP = ("A model folder (with config.json), a bundled model, or a Hugging Face hub id such as "
                  "bert-base-uncased. Hub models are downloaded once, then work offline.")


class ModelBar(QWidget):
    """Emits ``load_requested(source)`` and ``cancel_requested()``; shows load progress."""

    load_requested = Signal(str)
    cancel_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(34)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setToolTip(PICKER_TOOLTIP)
        self.combo.lineEdit().setPlaceholderText("model folder, bundled name or hub id (e.g. bert-base-uncased)")
        self.browse = QPushButton("Browse…", self)
        self.browse.setToolTip("Pick a model folder on disk (Ctrl+O)")
        self.load = QPushButton("Load", self)
        self.load.setToolTip("Load the model (Enter)")
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setToolTip("Stop loading or downloading")
        self.cancel.hide()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("caption")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(QLabel("Model:", self))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.browse)
        layout.addWidget(self.load)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addWidget(self.status)

        self.browse.clicked.connect(self.browse_folder)
        self.load.clicked.connect(self._on_load_clicked)
        self.combo.lineEdit().returnPressed.connect(self._on_load_clicked)
        self.cancel.clicked.connect(self.cancel_requested)
        self.populate()

    def populate(self) -> None:
        """Fill the list: discovered models first, then recently used sources."""
        current = self.combo.currentText()
        self.combo.clear()
        seen: set[str] = set()
        for entry in discover_models():
            self.combo.addItem(f"{entry.name}  ({entry.origin})", entry.source)
            seen.add(entry.source)
        for recent in self.settings.recent_models:
            if recent not in seen:
                self.combo.addItem(recent, recent)
                seen.add(recent)
        if current:
            self.set_source(current)

    def source(self) -> str:
        """What to load: the item's source when an item is shown, else the typed text."""
        text = self.combo.currentText().strip()
        idx = self.combo.findText(text)
        if idx >= 0 and self.combo.itemData(idx):
            return str(self.combo.itemData(idx))
        return text

    def set_source(self, source: str) -> None:
        idx = self.combo.findData(source)
        if idx >= 0:
            self.combo.setCurrentIndex(idx)
        else:
            self.combo.setEditText(source)

    @Slot()
    def browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a model folder (with config.json)",
                                                  self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.set_source(folder)
            self._on_load_clicked()

    @Slot()
    def _on_load_clicked(self) -> None:
        source = self.source()
        if source:
            self.load_requested.emit(source)

    def set_loading(self, loading: bool) -> None:
        self.load.setEnabled(not loading)
        self.browse.setEnabled(not loading)
        self.cancel.setVisible(loading)
        self.progress.setVisible(loading)
        self.progress.setRange(0, 0)  # busy until a download reports sizes
        if not loading:
            self.status.clear()

    def show_progress(self, item: object) -> None:
        if isinstance(item, DownloadProgress) and item.total_bytes:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * item.fraction))
            self.progress.setFormat(f"{item.done_bytes / 1e6:.1f} / {item.total_bytes / 1e6:.1f} MB")
            self.status.setText(item.filename)
        elif isinstance(item, LoadProgress):
            self.progress.setRange(0, 0)
            self.status.setText(item.message)
