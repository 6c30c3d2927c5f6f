"""PLM Studio's main window: model bar, docked panels side by side, status bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar,
                               QToolBar, QVBoxLayout, QWidget)

from core import LoadedModel, iter_load_checkpoint

from .errors import show_failure
from .model_bar import ModelBar
from .panels.attention_panel import AttentionPanel
from .panels.base import BasePanel
from .panels.mask_panel import MaskPanel
from .panels.tokens_panel import TokensPanel
from .resources import icon, load_stylesheet
from .settings import AppSettings
from .state import ModelState
from .widgets.message_bar import MessageBar
from .workers import TaskFailure, Worker

BASE_PT_RANGE = (9, 24)


class MainWindow(QMainWindow):
    """Hosts the panels as docks around the shared ``ModelState``."""

    load_failed = Signal(object)   # TaskFailure (screenshot mode and tests listen)

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("PLM Studio")
        self.setWindowIcon(icon("app"))
        self.settings = settings or AppSettings()
        self.state = ModelState(self)
        self._load_worker: Worker | None = None
        self._pending_source = ""
        self._base_pt = int(self.settings.q.value("view/base_pt", 12))

        self.model_bar = ModelBar(self.settings, self)
        self.load_message = MessageBar(self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addWidget(self.model_bar)
        top_layout.addWidget(self.load_message)  # takes no room while hidden
        bar = QToolBar("Model", self)
        bar.setObjectName("model_toolbar")
        bar.setMovable(False)
        bar.addWidget(top)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        self.panels: dict[str, BasePanel] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.setDockNestingEnabled(True)
        self._add_panel(MaskPanel(self.state, self.settings), Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_panel(TokensPanel(self.state), Qt.DockWidgetArea.RightDockWidgetArea)
        self._add_panel(AttentionPanel(self.state), Qt.DockWidgetArea.RightDockWidgetArea)
        # Tokens and attention share the right-hand area as tabs; mask stays beside them.
        self.tabifyDockWidget(self.docks["tokens"], self.docks["attention"])
        self.docks["tokens"].raise_()
        central = QLabel("")
        central.setMaximumSize(0, 0)
        self.setCentralWidget(central)

        self.model_label = QLabel("No model loaded", self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setToolTip("The model is working")
        self.busy.hide()
        self.statusBar().addWidget(self.model_label, 1)
        self.statusBar().addPermanentWidget(self.busy)

        self._make_menus()
        self.model_bar.load_requested.connect(self.load_model)
        self.model_bar.cancel_requested.connect(self.cancel_loading)
        self.state.busy_changed.connect(self._on_state_busy_changed)
        self.state.model_changed.connect(self._on_state_model_changed)
        self._apply_font()
        self.resize(1500, 900)
        if (geo := self.settings.geometry()) is not None:
            self.restoreGeometry(geo)
        if (st := self.settings.window_state()) is not None:
            self.restoreState(st)

    # ---------------------------------------------------------------- layout
    def _add_panel(self, panel: BasePanel, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(panel.title, self)
        dock.setObjectName(f"dock_{panel.key}")
        dock.setWidget(panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.panels[panel.key] = panel
        self.docks[panel.key] = dock

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_act = QAction("Open model folder…", self, shortcut=QKeySequence.StandardKey.Open)
        open_act.triggered.connect(self.model_bar.browse_folder)
        focus_act = QAction("Type a model name or hub id", self, shortcut=QKeySequence("Ctrl+L"))
        focus_act.triggered.connect(self._focus_model_field)
        quit_act = QAction("Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_act.triggered.connect(self.close)
        file_menu.addActions([open_act, focus_act])
        file_menu.addSeparator()
        file_menu.addAction(quit_act)

        view = self.menuBar().addMenu("&View")
        for n, (key, dock) in enumerate(self.docks.items(), start=1):
            act = dock.toggleViewAction()
            act.setShortcut(QKeySequence(f"Alt+{n}"))
            view.addAction(act)
        view.addSeparator()
        bigger = QAction("Larger text (projector)", self, shortcut=QKeySequence("Ctrl+="))
        bigger.triggered.connect(lambda: self.set_base_font(self._base_pt + 1))
        smaller = QAction("Smaller text", self, shortcut=QKeySequence("Ctrl+-"))
        smaller.triggered.connect(lambda: self.set_base_font(self._base_pt - 1))
        view.addActions([bigger, smaller])

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("About PLM Studio", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def set_base_font(self, pt: int) -> None:
        self._base_pt = max(BASE_PT_RANGE[0], min(BASE_PT_RANGE[1], pt))
        self.settings.q.setValue("view/base_pt", self._base_pt)
        self._apply_font()

    def _apply_font(self) -> None:
        app = QApplication.instance()
        font = QFont(app.font())
        font.setPointSize(self._base_pt)
        app.setFont(font)
        self.setStyleSheet(load_stylesheet(self._base_pt))

    @Slot()
    def _focus_model_field(self) -> None:
        self.model_bar.combo.setFocus()
        self.model_bar.combo.lineEdit().selectAll()

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(self, "About PLM Studio",
                          "PLM Studio — a desktop lab for pretrained language models.\n"
                          "Masked prediction, tokenisation and more, on real Hugging Face checkpoints.")

    def show_panel(self, key: str) -> BasePanel:
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        return self.panels[key]

    # ---------------------------------------------------------------- loading
    @Slot(str)
    def load_model(self, source: str) -> None:
        """Load ``source`` on a worker; the panels follow through ``ModelState``."""
        self.cancel_loading()
        self.load_message.clear()
        worker = Worker(iter_load_checkpoint, source)
        # The download checks this worker's own event between chunks, so Cancel (or a
        # newer load) stops it promptly.
        worker.kwargs["cancel"] = worker.cancel_event
        worker.signals.progress.connect(self._on_load_progress)
        worker.signals.result.connect(self._on_load_result)
        worker.signals.failed.connect(self._on_load_failed)
        worker.signals.cancelled.connect(self._on_load_cancelled)
        worker.signals.finished.connect(self._on_load_finished)
        self._load_worker = worker
        self._pending_source = source
        self.model_bar.set_loading(True)
        self.state.pool.start(worker)

    @Slot(object)
    def _on_load_progress(self, item: object) -> None:
        if self._load_worker is not None and self.sender() is self._load_worker.signals:
            self.model_bar.show_progress(item)

    @Slot()
    def cancel_loading(self) -> None:
        if self._load_worker is not None:
            self._load_worker.cancel()

    @Slot(object)
    def _on_load_result(self, loaded: LoadedModel) -> None:
        if self.sender() is not (self._load_worker.signals if self._load_worker else None):
            return
        self.settings.last_model = self._pending_source
        self.state.set_loaded(loaded)

    @Slot(object)
    def _on_load_failed(self, failure: TaskFailure) -> None:
        self.load_message.show_error(f"{failure.title}: {failure.message}")
        if not failure.expected:
            show_failure(self, failure)
        self.load_failed.emit(failure)

    @Slot()
    def _on_load_cancelled(self) -> None:
        # A load replaced by a newer one is cancelled too; only the current one reports it.
        if self._load_worker is not None and self.sender() is self._load_worker.signals:
            self.load_message.show_info("Loading was cancelled.")

    @Slot()
    def _on_load_finished(self) -> None:
        if self._load_worker is not None and self.sender() is self._load_worker.signals:
            self._load_worker = None
            self.model_bar.set_loading(False)

    @Slot(object)
    def _on_state_model_changed(self, loaded: LoadedModel | None) -> None:
        self.model_label.setText(loaded.summary() if loaded else "No model loaded")
        if loaded is not None:
            self.model_bar.set_source(self._pending_source)
            self.setWindowTitle(f"PLM Studio — {loaded.name}")

    @Slot(bool)
    def _on_state_busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.cancel_loading()
        for panel in self.panels.values():
            panel.cancel()
        # Give a running forward pass a moment to end so no thread outlives the window.
        self.state.pool.waitForDone(5000)
        super().closeEvent(event)


def start_with(window: MainWindow, source: str | None) -> None:
    """Load ``source`` (or the last/default model) once the event loop runs."""
    from core import DEFAULT_MODEL

    chosen = source or window.settings.last_model or DEFAULT_MODEL
    QTimer.singleShot(0, lambda: window.load_model(chosen))
