"""PLM Studio's main window: two model slots, docked panels side by side, status bar."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar,
                               QScrollArea, QToolBar, QVBoxLayout, QWidget)

from core import LoadedModel, iter_load_checkpoint

from .errors import show_failure
from .model_bar import ModelBar
from .panels.base import BasePanel
from .panels.registry import PANELS
from .resources import icon, load_stylesheet
from .settings import AppSettings
from .state import SLOTS, ModelState
from .widgets.message_bar import MessageBar
from .widgets.panel_header import PanelHeader
from .workers import TaskFailure, Worker

BASE_PT_RANGE = (9, 24)


class MainWindow(QMainWindow):
    """Hosts the panels as docks around the shared ``ModelState`` (model slots A and B)."""

    load_failed = Signal(object)   # TaskFailure (screenshot mode and tests listen)

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowIcon(icon("app"))
        self.settings = settings or AppSettings()
        self.state = ModelState(self)
        self._load_workers: dict[str, Worker | None] = {s: None for s in SLOTS}
        self._pending: dict[str, str] = {s: "" for s in SLOTS}
        self._base_pt = int(self.settings.q.value("view/base_pt", 12))

        self.model_bars = {slot: ModelBar(self.settings, self, slot) for slot in SLOTS}
        self.model_bar = self.model_bars["A"]
        self.load_message = MessageBar(self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        for bar in self.model_bars.values():
            top_layout.addWidget(bar)
        top_layout.addWidget(self.load_message)  # takes no room while hidden
        self.model_toolbar = QToolBar(self)
        self.model_toolbar.setObjectName("model_toolbar")
        self.model_toolbar.setMovable(False)
        self.model_toolbar.addWidget(top)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.model_toolbar)

        self.panels: dict[str, BasePanel] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.headers: dict[str, PanelHeader] = {}
        self.setDockNestingEnabled(True)
        first_in_group: dict[str, str] = {}
        for spec in PANELS:
            area = (Qt.DockWidgetArea.LeftDockWidgetArea if spec.area == "left"
                    else Qt.DockWidgetArea.RightDockWidgetArea)
            self._add_panel(spec.create(self.state, self.settings), area)
            if spec.group in first_in_group:
                # Panels of one group share their dock area as tabs.
                self.tabifyDockWidget(self.docks[first_in_group[spec.group]], self.docks[spec.key])
            else:
                first_in_group[spec.group] = spec.key
        for key in first_in_group.values():
            self.docks[key].raise_()
        central = QLabel("")
        central.setMaximumSize(0, 0)
        self.setCentralWidget(central)

        self.model_labels = {slot: QLabel(self) for slot in SLOTS}
        self.model_label = self.model_labels["A"]
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.statusBar().addWidget(self.model_labels["A"], 3)
        self.statusBar().addWidget(self.model_labels["B"], 2)
        self.statusBar().addPermanentWidget(self.busy)

        self._make_menus()
        for slot, bar in self.model_bars.items():
            bar.load_requested.connect(lambda source, s=slot: self.load_model(source, s))
            bar.cancel_requested.connect(lambda s=slot: self.cancel_loading(s))
            bar.unload_requested.connect(lambda s=slot: self.unload(s))
        self.state.busy_changed.connect(self._on_state_busy_changed)
        self.state.slot_changed.connect(self._on_state_slot_changed)
        self.retranslate_ui()
        from .classroom import Classroom  # menus for language, presentation, lessons, export

        self.classroom = Classroom(self)
        self._apply_font()
        self.resize(1500, 900)
        if (geo := self.settings.geometry()) is not None:
            self.restoreGeometry(geo)
        if (st := self.settings.window_state()) is not None:
            self.restoreState(st)

    # ---------------------------------------------------------------- layout
    def _add_panel(self, panel: BasePanel, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(panel.display_title(), self)
        dock.setObjectName(f"dock_{panel.key}")
        holder = QWidget(dock)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = PanelHeader(panel, holder)
        layout.addWidget(header)
        layout.addWidget(panel, 1)
        # A panel rich in controls may want more room than a laptop screen gives a dock: it
        # scrolls inside its dock instead of forcing the whole window past the screen.
        scroll = QScrollArea(dock)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setMinimumSize(200, 160)
        dock.setWidget(scroll)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.panels[panel.key] = panel
        self.docks[panel.key] = dock
        self.headers[panel.key] = header

    def _make_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_act = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_act.triggered.connect(self.model_bar.browse_folder)
        self.focus_act = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.focus_act.triggered.connect(self._focus_model_field)
        self.quit_act = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_act.triggered.connect(self.close)
        self.file_menu.addActions([self.open_act, self.focus_act])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_act)

        self.view_menu = self.menuBar().addMenu("")
        for n, dock in enumerate(self.docks.values(), start=1):
            act = dock.toggleViewAction()
            if n <= 9:
                act.setShortcut(QKeySequence(f"Alt+{n}"))
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.bigger_act = QAction(self, shortcut=QKeySequence("Ctrl+="))
        self.bigger_act.triggered.connect(lambda: self.set_base_font(self._base_pt + 1))
        self.smaller_act = QAction(self, shortcut=QKeySequence("Ctrl+-"))
        self.smaller_act.triggered.connect(lambda: self.set_base_font(self._base_pt - 1))
        self.view_menu.addActions([self.bigger_act, self.smaller_act])

        self.help_menu = self.menuBar().addMenu("")
        self.about_act = QAction(self)
        self.about_act.triggered.connect(self._about)
        self.help_menu.addAction(self.about_act)

    def retranslate_ui(self) -> None:
        """Every label of the window itself (the panels re-label themselves)."""
        self.model_toolbar.setWindowTitle(self.tr("Models"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_act.setText(self.tr("Open model folder…"))
        self.focus_act.setText(self.tr("Type a model name or hub id"))
        self.quit_act.setText(self.tr("Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.bigger_act.setText(self.tr("Larger text (projector)"))
        self.smaller_act.setText(self.tr("Smaller text"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_act.setText(self.tr("About PLM Studio"))
        self.busy.setToolTip(self.tr("The model is working"))
        for key, dock in self.docks.items():
            dock.setWindowTitle(self.panels[key].display_title())
        for slot in SLOTS:
            self._show_slot_summary(slot, self.state.model(slot))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_base_font(self, pt: int) -> None:
        self._base_pt = max(BASE_PT_RANGE[0], min(BASE_PT_RANGE[1], pt))
        self.settings.q.setValue("view/base_pt", self._base_pt)
        self._apply_font()

    def _apply_font(self) -> None:
        app = QApplication.instance()
        font = QFont(app.font())
        font.setPointSize(self._base_pt)
        app.setFont(font)
        self.setStyleSheet(load_stylesheet(self._base_pt, self.settings.theme))

    @Slot()
    def _focus_model_field(self) -> None:
        self.model_bar.combo.setFocus()
        self.model_bar.combo.lineEdit().selectAll()

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About PLM Studio"),
                          self.tr("PLM Studio — a desktop lab for pretrained language models.\n"
                                  "Masked prediction, attention, embeddings, generation, pre-training "
                                  "and fine-tuning, on real Hugging Face checkpoints."))

    def show_panel(self, key: str) -> BasePanel:
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        return self.panels[key]

    # ---------------------------------------------------------------- loading
    def is_loading(self, slot: str = "A") -> bool:
        return self._load_workers[slot] is not None

    @Slot(str)
    def load_model(self, source: str, slot: str = "A") -> None:
        """Load ``source`` into ``slot`` on a worker; the panels follow through ``ModelState``."""
        self.cancel_loading(slot)
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
        self._load_workers[slot] = worker
        self._pending[slot] = source
        self.model_bars[slot].set_loading(True)
        self.state.pool.start(worker)

    def _slot_of_sender(self) -> str | None:
        """The slot whose *current* load sent the signal (a replaced load's signals are ignored)."""
        sender = self.sender()
        for slot, worker in self._load_workers.items():
            if worker is not None and worker.signals is sender:
                return slot
        return None

    @Slot(object)
    def _on_load_progress(self, item: object) -> None:
        if (slot := self._slot_of_sender()) is not None:
            self.model_bars[slot].show_progress(item)

    @Slot()
    def cancel_loading(self, slot: str = "A") -> None:
        if self._load_workers[slot] is not None:
            self._load_workers[slot].cancel()

    def unload(self, slot: str) -> None:
        """Empty ``slot`` (panels pinned to it show nothing)."""
        self.cancel_loading(slot)
        self.state.set_loaded(None, slot)
        self.model_bars[slot].combo.setEditText("")
        if slot == "B":
            self.settings.q.setValue("model/last_b", "")

    @Slot(object)
    def _on_load_result(self, loaded: LoadedModel) -> None:
        if (slot := self._slot_of_sender()) is None:
            return
        if slot == "A":
            self.settings.last_model = self._pending[slot]
        else:
            self.settings.q.setValue("model/last_b", self._pending[slot])
        self.state.set_loaded(loaded, slot)

    @Slot(object)
    def _on_load_failed(self, failure: TaskFailure) -> None:
        slot = self._slot_of_sender()
        if slot is None:
            return
        self.load_message.show_error(self.tr("Model {0}: {1}: {2}").format(slot, failure.title, failure.message))
        if not failure.expected:
            show_failure(self, failure)
        self.load_failed.emit(failure)

    @Slot()
    def _on_load_cancelled(self) -> None:
        # A load replaced by a newer one is cancelled too; only the current one reports it.
        if self._slot_of_sender() is not None:
            self.load_message.show_info(self.tr("Loading was cancelled."))

    @Slot()
    def _on_load_finished(self) -> None:
        if (slot := self._slot_of_sender()) is not None:
            self._load_workers[slot] = None
            self.model_bars[slot].set_loading(False)

    @Slot(str, object)
    def _on_state_slot_changed(self, slot: str, loaded: LoadedModel | None) -> None:
        self._show_slot_summary(slot, loaded)
        bar = self.model_bars[slot]
        bar.set_loaded(loaded is not None)
        if loaded is not None:
            bar.set_source(self._pending[slot] or loaded.path)
        if slot == "A":
            self.setWindowTitle(self.tr("PLM Studio — {0}").format(loaded.name) if loaded else self.tr("PLM Studio"))

    def _show_slot_summary(self, slot: str, loaded: LoadedModel | None) -> None:
        label = self.model_labels[slot]
        if slot == "A":
            label.setText(loaded.summary() if loaded else self.tr("No model loaded"))
        else:
            label.setText(self.tr("B: {0}").format(loaded.summary()) if loaded else "")
        if self.windowTitle() == "" and slot == "A":
            self.setWindowTitle(self.tr("PLM Studio"))

    @Slot(bool)
    def _on_state_busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        for panel in self.panels.values():
            if not panel.confirm_close():
                event.ignore()
                return
        self.settings.save_window(*self.classroom.presentation.layout_to_save())
        for slot in SLOTS:
            self.cancel_loading(slot)
        for panel in self.panels.values():
            panel.shutdown()
        # Give a running forward pass a moment to end so no thread outlives the window.
        self.state.pool.waitForDone(5000)
        super().closeEvent(event)


def start_with(window: MainWindow, source: str | None, source_b: str | None = None) -> None:
    """Load ``source`` (or the last/default model) into slot A once the event loop runs; B if given."""
    from core import DEFAULT_MODEL

    chosen = source or window.settings.last_model or DEFAULT_MODEL
    QTimer.singleShot(0, lambda: window.load_model(chosen, "A"))
    chosen_b = source_b if source_b is not None else str(window.settings.q.value("model/last_b", "") or "")
    if chosen_b:
        QTimer.singleShot(0, lambda: window.load_model(chosen_b, "B"))
