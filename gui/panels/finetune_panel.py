"""Fine-tuning studio: train a copy of the panel's model on a task while every other panel stays usable."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QMessageBox,
                               QProgressBar, QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from core import LoadedModel, errors
from core.datasets import Task
from core.finetune import alignment_preview, iter_finetune, iter_resume, plan_trainable
from core.finetune_types import FineTuneResult, Snapshot, TrainableSummary
from core.training import TrainProgress, read_curves

from ..errors import show_failure
from ..state import ModelState
from ..training_runner import TrainingRunner, set_progress
from ..widgets.draw_queue import DrawQueue
from ..widgets.finetune_form import FineTuneForm
from ..widgets.flow_layout import FlowLayout
from ..widgets.heatmap import HeatmapView
from ..widgets.layer_bars import LayerBarsView
from ..widgets.probe_view import ProbeView
from ..widgets.run_compare import RunCompareView
from ..widgets.train_curves import TrainCurvesView
from ..workers import TaskFailure, Worker
from .base import BasePanel
from .finetune_extras import (alignment_html, draw_attention, draw_snapshot_view, export_run_script, format_eta,
                              group_label, tokenizer_of)


class FineTunePanel(BasePanel):
    """Fine-tune the slot's model (its own copy, own thread): live curves, probe, what changed, runs."""

    title = "Fine-tuning"
    key = "finetune"

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.runner = TrainingRunner(self)
        self._load_pool = QThreadPool(self)
        self._load_pool.setMaxThreadCount(1)
        self._loaders: set[Worker] = set()
        self.runs_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "runs"
        self.last_saved: str | None = None
        self.last_result: FineTuneResult | None = None
        self.last_record: TrainProgress | None = None
        self._snapshots: list[Snapshot] = []
        self._train_tokenizer: tuple[str, object] | None = None   # (base path, tokenizer) for the runs
        self._drawn: dict[str, object] = {}      # view -> id of the snapshot (and layer, head) it shows
        # Curves and the visible tab's views redraw one per pass of the event loop, never two at once.
        self.draw_queue = DrawQueue(self)
        self._run_dir = ""

        self.form = FineTuneForm(self)
        self.trainable_label = QLabel(self)
        self.trainable_label.setWordWrap(True)
        self.trainable_label.setStyleSheet("font-weight: bold;")
        self.trainable_map = LayerBarsView(self, percent=True)
        self.alignment = QLabel(self)
        self.alignment.setWordWrap(True)
        self.alignment.setTextFormat(Qt.TextFormat.RichText)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.addWidget(self.form)
        # Right under "What trains": the count and the per-layer map follow the strategy live.
        self.form.layout().insertWidget(3, self.trainable_label)
        self.form.layout().insertWidget(4, self.trainable_map)
        self.form.layout().insertWidget(3, self.alignment)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(left)
        self.scroll.setMinimumWidth(300)

        self.start_btn = QPushButton(self)
        self.stop_btn = QPushButton(self)
        self.save_stop_btn = QPushButton(self)
        self.resume_btn = QPushButton(self)
        self.export_btn = QPushButton(self)
        self.load_btn = QPushButton(self)
        self.load_slot = QComboBox(self)
        for slot in ("B", "A"):
            self.load_slot.addItem(self.tr("Model {0}").format(slot), slot)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.status = QLabel(self)
        self.status.setStyleSheet("font-size: 15pt;")
        self.status.setWordWrap(True)

        self.curves = TrainCurvesView(self, queue=self.draw_queue)
        self.probe_view = ProbeView(self)
        training = QSplitter(Qt.Orientation.Vertical, self)
        training.addWidget(self.curves)
        training.addWidget(self.probe_view)
        training.setStretchFactor(0, 3)
        training.setStretchFactor(1, 1)
        training.setSizes([620, 220])
        self.changes = LayerBarsView(self)
        self.att_layer = QSpinBox(self)
        self.att_head = QSpinBox(self)
        self.att_before = HeatmapView(self)
        self.att_now = HeatmapView(self)
        self.att_caption = QLabel(self)
        self.att_caption.setWordWrap(True)
        for view in (self.att_before, self.att_now):
            view.set_minimum_floor(140, 96)
        for spin in (self.att_layer, self.att_head):
            # A fixed width: the range set when the first probe arrives mid-run must not
            # re-lay out the tab (which resized and re-rendered every plot in it).
            spin.setRange(0, 99)
            spin.setFixedWidth(spin.sizeHint().width())
        changed = QWidget(self)
        cl = QGridLayout(changed)
        picks = QHBoxLayout()
        self.att_layer_label, self.att_head_label = QLabel(self), QLabel(self)
        for w in (self.att_caption, self.att_layer_label, self.att_layer, self.att_head_label, self.att_head):
            picks.addWidget(w)
        picks.addStretch(1)
        cl.addWidget(self.changes, 0, 0, 1, 2)
        cl.addLayout(picks, 1, 0, 1, 2)
        cl.addWidget(self.att_before, 2, 0)
        cl.addWidget(self.att_now, 2, 1)
        cl.setRowStretch(0, 2)
        cl.setRowStretch(2, 3)
        self.confusion = HeatmapView(self)
        self.compare = RunCompareView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(training, "")
        self.tabs.addTab(changed, "")
        self.tabs.addTab(self.confusion, "")
        self.tabs.addTab(self.compare, "")

        buttons = FlowLayout()  # wraps onto a second row in a narrow dock
        for b in (self.start_btn, self.stop_btn, self.save_stop_btn, self.resume_btn, self.export_btn,
                  self.load_btn, self.load_slot):
            buttons.addWidget(b)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(buttons)
        rl.addWidget(self.progress)
        rl.addWidget(self.status)
        rl.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        self._split = split
        self._sized = False
        split.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(split, 1)

        self.start_btn.clicked.connect(self.start)
        self.stop_btn.clicked.connect(lambda: self.stop(save=False))
        self.save_stop_btn.clicked.connect(lambda: self.stop(save=True))
        self.resume_btn.clicked.connect(self._on_resume_clicked)
        self.export_btn.clicked.connect(self._on_export_clicked)
        self.load_btn.clicked.connect(self.load_result)
        self.runner.records.connect(self._on_records)
        self.runner.finished.connect(self._on_run_finished)
        self.runner.failed.connect(self._on_run_failed)
        self.runner.cancelled.connect(self._on_run_cancelled)
        self.runner.running_changed.connect(self._update_buttons)
        self.form.changed.connect(self._update_trainable)
        self.form.data_changed.connect(self._update_alignment)
        self.form.data_changed.connect(self._update_trainable)
        self.form.load_failed.connect(self.message_bar.show_error)
        self.compare.overlays_changed.connect(self.curves.set_overlays)
        self.tabs.currentChanged.connect(self._render_tab)
        self.att_layer.valueChanged.connect(self._show_attention)
        self.att_head.valueChanged.connect(self._show_attention)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.start)
        QShortcut(QKeySequence("Ctrl+."), self, activated=lambda: self.stop(save=False))
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=lambda: self.stop(save=True))
        self.retranslate_ui()
        self._update_buttons(False)
        self.on_model_changed(self.loaded)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self._sized:
            # Keep the form at a readable width as the dock settles, until the user drags the splitter
            # (after the layout has resized the splitter itself, hence the zero-delay timer).
            QTimer.singleShot(0, self._size_split)

    @Slot()
    def _size_split(self) -> None:
        total = self._split.width()
        if self._sized or total <= 0:
            return
        left = max(self.scroll.minimumWidth(), min(470, int(total * 0.38)))
        self._split.setSizes([left, max(1, total - left)])

    @Slot()
    def _on_splitter_moved(self) -> None:
        self._sized = True

    # ---------------------------------------------------------------- text
    def retranslate_ui(self) -> None:
        self.start_btn.setText(self.tr("Start training"))
        self.start_btn.setToolTip(self.tr("Train a copy of this model on its own thread (Ctrl+Enter); the other "
                                          "panels stay usable."))
        self.stop_btn.setText(self.tr("Stop"))
        self.stop_btn.setToolTip(self.tr("Stop after the current step and discard the run (Ctrl+.)"))
        self.save_stop_btn.setText(self.tr("Stop and save"))
        self.save_stop_btn.setToolTip(self.tr("Stop after the current step and save a checkpoint you can resume "
                                              "(Ctrl+Shift+S)"))
        self.resume_btn.setText(self.tr("Resume…"))
        self.resume_btn.setToolTip(self.tr("Continue a saved run exactly where it stopped."))
        self.export_btn.setText(self.tr("Export as script…"))
        self.export_btn.setToolTip(self.tr("Write a standalone training script and config for these settings, "
                                           "runnable with 'accelerate launch' on several GPUs."))
        self.load_btn.setText(self.tr("Open result in slot"))
        self.load_btn.setToolTip(self.tr("Load the saved fine-tuned model into the other panels."))
        for i, name in enumerate((self.tr("Training"), self.tr("What changed"), self.tr("Confusion matrix"),
                                  self.tr("Compare runs"))):
            self.tabs.setTabText(i, name)
        self.changes.set_title(self.tr("Relative weight change ‖W_after − W_before‖ / ‖W_before‖ per layer "
                                       "(grey: frozen)"))
        self.trainable_map.set_title(self.tr("What trains (share of each layer)"))
        self.att_caption.setText(self.tr("Probe attention, before → now:"))
        self.att_layer_label.setText(self.tr("Layer"))
        # The heatmap's axes say query/key (attention); here rows are the truth, columns the prediction.
        plot = self.confusion.getItem(1, 0)
        plot.getAxis("left").setLabel(self.tr("true label"), color="#333")
        plot.getAxis("top").setLabel(self.tr("predicted label (share of each true label)"), color="#333")
        self.att_head_label.setText(self.tr("Head"))
        self.form.retranslate_ui()
        self.probe_view.retranslate_ui()
        self.compare.retranslate_ui()
        if not self.runner.running and self.last_record is None:
            from core.training import resolve_device

            self.status.setText(self.tr("Pick a task and press Start training (device: {0}).").format(
                resolve_device("auto")))

    # ---------------------------------------------------------------- model
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        if loaded is None:
            self.status.setText(self.tr("Load a model first: fine-tuning trains a copy of the panel's model."))
        else:
            self._preload_tokenizer(loaded.path)
        self._update_buttons(self.runner.running)
        self._update_trainable()
        self._update_alignment()

    def _preload_tokenizer(self, base: str) -> None:
        """Load the training runs' own tokenizer now, on the helper thread.

        Parsing a tokenizer file holds the GIL for 15-20 ms (much longer on a busy machine);
        done at the start of a run it kept the window from repainting. Runs of this panel are
        its only user, one at a time.
        """
        if self._train_tokenizer is not None and self._train_tokenizer[0] == base:
            return
        self._train_tokenizer = None
        self._aux(tokenizer_of, self._on_tokenizer_loaded, base)

    @Slot(object)
    def _on_tokenizer_loaded(self, result: object) -> None:
        if isinstance(result, tuple) and result[0] == self._base_path():
            self._train_tokenizer = result

    @property
    def tokenizer_ready(self) -> bool:
        """Whether a run starts with a tokenizer already loaded."""
        return self._train_tokenizer is not None and self._train_tokenizer[0] == self._base_path()

    def _base_path(self) -> str | None:
        return self.loaded.path if self.loaded is not None else None

    # ---------------------------------------------------------------- trainable summary / alignment
    @Slot()
    def _update_trainable(self) -> None:
        base = self._base_path()
        if base is None:
            return
        try:
            labels = self.form.dataset().labels or ("a", "b")
        except errors.InspectorError:
            labels = ("a", "b")
        task = self.form.current_task
        # Counting builds the task model on the meta device (no weights): a short job on the
        # panel's own helper thread, never the shared inference pool.
        self._aux(plan_trainable, self._on_plan, base, task, labels if task is not Task.CAUSAL_LM else (),
                  self.form.current_strategy, freeze_layers=self.form.freeze.value(), lora=self.form.lora())

    def _aux(self, fn, on_result, *args, **kwargs) -> Worker:
        worker = Worker(fn, *args, **kwargs)
        worker.signals.result.connect(on_result)
        worker.signals.failed.connect(self._on_aux_failed)
        worker.signals.finished.connect(self._on_loader_finished)
        self._loaders.add(worker)
        self._load_pool.start(worker)
        return worker

    @Slot(object)
    def _on_aux_failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_error(failure.message)
        if not failure.expected:
            show_failure(self, failure)

    @Slot(object)
    def _on_plan(self, result: object) -> None:
        if isinstance(result, TrainableSummary):
            self.trainable_label.setText(self.tr("Trainable parameters: {0:,} of {1:,} ({2:.2f}%)").format(
                result.trainable, result.total, result.percent))
            self.trainable_map.set_bars([group_label(self, s.name) for s in result.layers],
                                        [s.trainable / s.total if s.total else 0.0 for s in result.layers],
                                        [s.trainable > 0 for s in result.layers])

    @Slot()
    def _update_alignment(self) -> None:
        self.alignment.setVisible(self.form.current_task is Task.TOKENS and self.loaded is not None)
        if not self.alignment.isVisible():
            return
        try:
            ex = self.form.dataset().examples[0]
            pairs = alignment_preview(self.loaded.tokenizer, ex.words, ex.tags, self.form.every_subword.isChecked())
        except (errors.InspectorError, IndexError, ValueError, TypeError):
            self.alignment.setText("")
            return
        self.alignment.setText(alignment_html(self, pairs))

    # ---------------------------------------------------------------- running
    @Slot()
    def start(self) -> None:
        if self.runner.running:
            return
        base = self._base_path()
        if base is None:
            self.message_bar.show_error(self.tr("Load a model first."))
            return
        try:
            dataset = self.form.dataset()
            self._run_dir = str(self._new_run_dir(base))
            cfg = self.form.config(output_dir=self._run_dir)
        except errors.InspectorError as exc:
            self.message_bar.show_error(str(exc))
            return
        self._reset_views()
        tokenizer = self._train_tokenizer[1] if self.tokenizer_ready else None
        self.runner.start(iter_finetune, base, dataset, cfg, mapping=self.form.mapping(), tokenizer=tokenizer)
        self.status.setText(self.tr("Preparing the model copy and the data…"))

    def _new_run_dir(self, base: str) -> Path:
        """A fresh folder name per run (two runs in the same second must not share one)."""
        stem = f"{Path(base).name}-{self.form.current_task.value}-{time.strftime('%Y%m%d-%H%M%S')}"
        path, n = self.runs_dir / stem, 2
        while path.exists():
            path, n = self.runs_dir / f"{stem}-{n}", n + 1
        return path

    def resume(self, folder: str) -> None:
        """Continue a saved run (its own base, data and settings)."""
        if self.runner.running:
            return
        self._reset_views()
        self.curves.set_history(read_curves(folder))
        self._run_dir = folder
        self.runner.start(iter_resume, folder)
        self.status.setText(self.tr("Resuming {0}…").format(Path(folder).name))

    def stop(self, save: bool = False) -> None:
        if not self.runner.running:
            return
        self.runner.stop(save=save)
        self.status.setText(self.tr("Saving after this step…") if save else self.tr("Stopping after this step…"))

    def _reset_views(self) -> None:
        self.message_bar.clear()
        self.curves.clear_run()
        self.probe_view.clear()
        self._snapshots.clear()
        self.draw_queue.discard("view:")
        self._drawn.clear()
        self.last_record = None
        self.last_result = None
        set_progress(self.progress, 0)

    @Slot(list)
    def _on_records(self, records: list) -> None:
        self.curves.add_records(records)   # cheap: the plots redraw themselves one at a time
        snaps = [rec.probe for rec in records if isinstance(rec.probe, Snapshot)]
        if snaps:
            if not self._snapshots:
                self.probe_view.set_before(snaps[0].probe)
            self._snapshots.extend(snaps)
            if len(self._snapshots) > 1:
                self.probe_view.set_now(self._snapshots[-1].probe)
            # Only the visible tab is redrawn, one view per pass of the event loop; hidden tabs
            # draw when shown (rebuilding hidden pyqtgraph items would only cost the GUI time).
            self._queue_tab_views()
        rec = records[-1]
        self.last_record = rec
        set_progress(self.progress, rec.step, rec.total_steps)
        phase = {"setup": self.tr("preparing"), "probe": self.tr("probing"), "train": self.tr("training"),
                 "eval": self.tr("evaluating"), "saving": self.tr("saving"), "done": self.tr("done"),
                 "stopped": self.tr("stopped")}.get(rec.phase, rec.phase)
        loss = f"{self.curves.losses[-1]:.3f}" if self.curves.losses else "—"
        self.status.setText(self.tr("{0} · epoch {1:.2f} · step {2}/{3} · loss {4} · ETA {5} · {6} {7}").format(
            phase, rec.epoch, rec.step, rec.total_steps, loss, format_eta(rec.eta_s), rec.device, rec.precision))

    # ---------------------------------------------------------------- what changed / confusion tabs
    _TAB_VIEWS = {1: ("changes", "att_before", "att_now"), 2: ("confusion",)}

    def _queue_tab_views(self) -> None:
        for view in self._TAB_VIEWS.get(self.tabs.currentIndex(), ()):
            self.draw_queue.add(f"view:{view}", lambda view=view: self._draw_view(view))

    @Slot()
    def _render_tab(self) -> None:
        """The user switched tabs: draw the tab's views now (those already up to date are skipped)."""
        self.draw_queue.discard("view:")
        for view in self._TAB_VIEWS.get(self.tabs.currentIndex(), ()):
            self._draw_view(view)

    def _draw_view(self, view: str) -> None:
        if view in ("att_before", "att_now"):
            draw_attention(self, view)
        else:
            draw_snapshot_view(self, view)

    @Slot()
    def _show_attention(self) -> None:
        """Layer or head picked: redraw both heatmaps."""
        draw_attention(self, "att_before")
        draw_attention(self, "att_now")

    @Slot(object)
    def _on_run_finished(self, result: object) -> None:
        if not isinstance(result, FineTuneResult):
            return
        self.last_result = result
        self.last_saved = result.saved_to
        if result.saved_to:
            self.compare.add_run(result.saved_to)
        metrics = ", ".join(f"{k} {v:.3f}" for k, v in result.train.final_metrics.items())
        if result.train.stopped:
            text = (self.tr("Stopped at step {0} and saved to {1}").format(result.train.steps, result.saved_to)
                    if result.saved_to else self.tr("Stopped at step {0}.").format(result.train.steps))
        else:
            text = self.tr("Done: {0} steps in {1:.0f} s. {2}").format(result.train.steps, result.train.elapsed_s,
                                                                       metrics)
        self.status.setText(text)
        self._update_buttons(False)
        self.result_shown.emit()

    @Slot(object)
    def _on_run_failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_error(failure.message)
        self.status.setText(self.tr("Training stopped: {0}").format(failure.title))
        if not failure.expected:
            show_failure(self, failure)
        self.result_shown.emit()

    @Slot()
    def _on_run_cancelled(self) -> None:
        self.status.setText(self.tr("Stopped; the run was discarded (nothing saved)."))
        self.result_shown.emit()

    @Slot(bool)
    def _update_buttons(self, running: bool) -> None:
        has_model = self.loaded is not None
        self.start_btn.setEnabled(has_model and not running)
        self.resume_btn.setEnabled(not running)
        self.stop_btn.setEnabled(running)
        self.save_stop_btn.setEnabled(running)
        self.load_btn.setEnabled(bool(self.last_saved) and not running)
        self.form.setEnabled(not running)

    # ---------------------------------------------------------------- results
    @Slot()
    def _on_resume_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pick a saved run to resume"), str(self.runs_dir))
        if folder:
            self.resume(folder)

    @Slot()
    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the training script"))
        if folder:
            self.export_script(folder)

    def export_script(self, folder: str) -> Path | None:
        try:
            path = export_run_script(folder, self._base_path(), self.form)
        except errors.InspectorError as exc:
            self.message_bar.show_error(str(exc))
            return None
        self.message_bar.show_info(self.tr("Wrote {0} (run it with: accelerate launch {1})").format(
            path, path.name))
        return path

    @Slot()
    def load_result(self) -> None:
        """Load the last saved run into a model slot (a loader thread of its own)."""
        if not self.last_saved:
            return
        from core.loader import clear_cache, iter_load_checkpoint

        clear_cache()  # a resumed run re-saves into the same folder: never reuse a stale copy
        worker = Worker(iter_load_checkpoint, self.last_saved)
        worker.signals.result.connect(self._on_result_loaded)
        worker.signals.failed.connect(self._on_run_failed)
        worker.signals.finished.connect(self._on_loader_finished)
        self._loaders.add(worker)
        self._load_target = self.load_slot.currentData()
        self._load_pool.start(worker)

    @Slot(object)
    def _on_result_loaded(self, loaded: object) -> None:
        if isinstance(loaded, LoadedModel):
            self.state.set_loaded(loaded, self._load_target)
            self.message_bar.show_info(self.tr("The fine-tuned model is in slot {0}.").format(self._load_target))

    @Slot()
    def _on_loader_finished(self) -> None:
        sig = self.sender()
        self._loaders = {w for w in self._loaders if w.signals is not sig}

    # ---------------------------------------------------------------- closing / CLI
    def confirm_close(self) -> bool:
        if not self.runner.running:
            return True
        return self.ask_stop_running()

    def ask_stop_running(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Training is running"),
                                      self.tr("A fine-tune is still training. Stop it (unsaved progress is lost) "
                                              "and close?"))
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        super().shutdown()
        self.runner.shutdown()
        self._load_pool.waitForDone(30_000)

    @classmethod
    def add_cli_arguments(cls, parser: argparse.ArgumentParser) -> None:
        from .registry import add_option

        add_option(parser, "--task", help="fine-tuning task: classify, pair, tokens, spans or causal_lm")
        add_option(parser, "--strategy", help="fine-tuning strategy: full, features, freeze or lora")
        add_option(parser, "--epochs", type=float, help="fine-tuning epochs")

    # ---------------------------------------------------------------- lessons
    _TASK_ALIASES = {"sequence_classification": "classify", "classification": "classify",
                     "pair_classification": "pair", "token_classification": "tokens", "ner": "tokens",
                     "span_classification": "spans", "clm": "causal_lm"}

    def view_state(self) -> dict:
        return {"task": self.form.task.currentData(), "strategy": self.form.strategy.currentData()}

    def apply_view(self, view: dict) -> None:
        task = view.get("task")
        if isinstance(task, str) and (i := self.form.task.findData(self._TASK_ALIASES.get(task, task))) >= 0:
            self.form.task.setCurrentIndex(i)
        strategy = view.get("strategy")
        if isinstance(strategy, str) and (i := self.form.strategy.findData(strategy)) >= 0:
            self.form.strategy.setCurrentIndex(i)

    def apply_cli(self, args: argparse.Namespace) -> None:
        task = getattr(args, "task", None)
        if task:
            self.form.task.setCurrentIndex(self.form.task.findData(Task(task).value))
        strategy = getattr(args, "strategy", None)
        if strategy:
            from core.finetune_types import Strategy

            self.form.strategy.setCurrentIndex(self.form.strategy.findData(Strategy(strategy).value))
        if getattr(args, "epochs", None):
            self.form.epochs.setValue(args.epochs)
        super().apply_cli(args)

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        self.form.probe.setText(text)
        if text_pair is not None:
            self.form.probe_b.setText(text_pair)

    def refresh(self) -> None:
        """Screenshot mode: run a fine-tune with the current settings."""
        self.start()
