"""The model picker of one slot: discovered models, a field for a hub id or folder, Browse, Load/Cancel."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QSizePolicy, QWidget)

from core import DownloadProgress, LoadProgress, discover_models

from .settings import AppSettings


class ModelBar(QWidget):
    """Emits ``load_requested(source)``, ``cancel_requested()`` and (slot B) ``unload_requested()``."""

    load_requested = Signal(str)
    cancel_requested = Signal()
    unload_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, slot: str = "A") -> None:
        super().__init__(parent)
        self.settings = settings
        self.slot = slot
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(28 if slot == "A" else 20)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.browse = QPushButton(self)
        self.load = QPushButton(self)
        self.unload = QPushButton(self)
        self.unload.setVisible(slot != "A")
        self.unload.setEnabled(False)
        self.cancel = QPushButton(self)
        self.cancel.hide()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("caption")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.browse)
        layout.addWidget(self.load)
        layout.addWidget(self.unload)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addWidget(self.status)
        self.retranslate_ui()

        self.browse.clicked.connect(self.browse_folder)
        self.load.clicked.connect(self._on_load_clicked)
        self.unload.clicked.connect(self.unload_requested)
        self.combo.lineEdit().returnPressed.connect(self._on_load_clicked)
        self.cancel.clicked.connect(self.cancel_requested)
        self.populate()
        if slot != "A":
            self.combo.setEditText("")  # slot B may stay empty

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Model {0}:").format(self.slot))
        self.combo.setToolTip(self.tr(
            "A model folder (with config.json), a bundled model, or a Hugging Face hub id such as "
            "bert-base-uncased. Hub models are downloaded once, then work offline."))
        if self.slot == "A":
            self.combo.lineEdit().setPlaceholderText(
                self.tr("model folder, bundled name or hub id (e.g. bert-base-uncased)"))
        else:
            self.combo.lineEdit().setPlaceholderText(
                self.tr("optional second model, to compare side by side"))
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Pick a model folder on disk (Ctrl+O)"))
        self.load.setText(self.tr("Load"))
        self.load.setToolTip(self.tr("Load the model (Enter)"))
        self.unload.setText(self.tr("Unload"))
        self.unload.setToolTip(self.tr("Empty slot {0}: panels pinned to it show nothing").format(self.slot))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop loading or downloading"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def populate(self) -> None:
        """Fill the list: discovered models first, then recently used sources."""
        current = self.combo.currentText()
        self.combo.clear()
        seen: set[str] = set()
        for entry in discover_models():
            origins = {"bundled": self.tr("bundled"), "folder": self.tr("folder"), "hub cache": self.tr("hub cache")}
            self.combo.addItem(f"{entry.name}  ({origins.get(entry.origin, entry.origin)})", entry.source)
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
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder (with config.json)"),
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

    def set_loaded(self, loaded: bool) -> None:
        """Slot B: Unload is only offered while a model is in the slot."""
        self.unload.setEnabled(loaded)

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
            self.progress.setFormat(self.tr("{0:.1f} / {1:.1f} MB").format(item.done_bytes / 1e6,
                                                                            item.total_bytes / 1e6))
            self.status.setText(item.filename)
        elif isinstance(item, LoadProgress):
            self.progress.setRange(0, 0)
            self.status.setText(item.message)
