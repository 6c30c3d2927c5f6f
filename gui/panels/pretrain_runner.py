"""The from-scratch pre-training runner: form, live loss, probe timeline, stop / save.

Training runs on a :class:`~gui.training_runner.TrainingRunner` (the fine-tuning panel's
runner): its own thread, never the shared inference pool, with the progress records handed
to the GUI in batches, so every other panel stays usable and the window never stalls while a
tiny model learns.
"""
from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from core.pretrain import DEFAULT_CORPUS, OBJECTIVES, PRESETS, PretrainConfig, iter_pretrain
from core.pretrain_objectives import ProbeResult
from core.training import TrainConfig, TrainProgress, TrainResult

from ..training_runner import TrainingRunner, set_progress
from ..widgets.message_bar import MessageBar
from ..widgets.train_curves import fast_axes, grow_range
from ..workers import TaskFailure


class PretrainRunner(QWidget):
    """Pick objective, size, tokenizer and corpus; train in the background; watch it learn."""

    trained = Signal(str)          # folder of the saved checkpoint
    running_changed = Signal(bool)
    probe_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = TrainingRunner(self)
        self.engine.records.connect(self._on_records)
        self.engine.finished.connect(self._on_result)
        self.engine.failed.connect(self._on_failed)
        self.engine.cancelled.connect(self._on_cancelled)
        self.engine.running_changed.connect(self._on_running_changed)
        self.loss_x: list[float] = []
        self.loss_y: list[float] = []
        self.probes: list[tuple[int, ProbeResult]] = []
        self.saved_to: str | None = None
        self.tokenizer_source = ""   # folder of the loaded model's tokenizer (set by the panel)

        self.message_bar = MessageBar(self)
        self.objective = QComboBox(self)
        for key in OBJECTIVES:
            self.objective.addItem(key, key)
        self.preset = QComboBox(self)
        for key in PRESETS:
            self.preset.addItem(key, key)
        self.preset.setCurrentIndex(list(PRESETS).index("2x128"))
        self.tokenizer = QComboBox(self)
        self.tokenizer.addItem("", "train")
        self.tokenizer.addItem("", "loaded")
        self.corpus = QLineEdit(str(DEFAULT_CORPUS) if DEFAULT_CORPUS.is_file() else "", self)
        self.browse = QPushButton(self)
        self.steps = QSpinBox(self)
        self.steps.setRange(10, 200_000)
        self.steps.setValue(1500)
        self.batch = QSpinBox(self)
        self.batch.setRange(1, 1024)
        self.batch.setValue(32)
        self.lr = QDoubleSpinBox(self)
        self.lr.setDecimals(4)
        self.lr.setRange(1e-5, 0.05)
        self.lr.setSingleStep(5e-4)
        self.lr.setValue(1e-3)
        self.probe_every = QSpinBox(self)
        self.probe_every.setRange(5, 10_000)
        self.probe_every.setValue(50)
        self.output = QLineEdit(str(Path(tempfile.gettempdir()) / "plm-studio-pretrained"), self)
        self.start_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.load_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.loss_plot = pg.PlotWidget(self)
        self.loss_plot.setBackground("w")
        self.loss_plot.setMinimumHeight(160)
        self.loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen("#3a73d0", width=2))
        # Set by hand and only growing (see grow_range): auto-ranging re-rendered both axes and
        # re-laid out the plot with every new point.
        self.loss_plot.disableAutoRange()
        fast_axes(self.loss_plot.getPlotItem(), self.loss_plot.getAxis("left").style["tickFont"] or self.font(),
                  ("10.88",))
        self._loss_range: tuple[float, float] | None = None
        self._x_range = 0
        self.timeline = QTableWidget(0, 3, self)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setStretchLastSection(True)

        self.form = QFormLayout()
        corpus_row = QHBoxLayout()
        corpus_row.addWidget(self.corpus, 1)
        corpus_row.addWidget(self.browse)
        self._form_labels = [QLabel(self) for _ in range(9)]
        for lab, field in zip(self._form_labels, (self.objective, self.preset, self.tokenizer, corpus_row, self.steps,
                                                   self.batch, self.lr, self.probe_every, self.output)):
            self.form.addRow(lab, field)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.stop_button, self.save_button, self.load_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.loss_plot, 1)
        right.addWidget(self.timeline, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message_bar)
        lay.addLayout(body, 1)

        self.browse.clicked.connect(self._on_browse_clicked)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.load_button.clicked.connect(self._on_load_clicked)
        self._set_running(False)
        self.retranslate_ui()

    # ---------------------------------------------------------------- text
    def retranslate_ui(self) -> None:
        names = (self.tr("Objective"), self.tr("Architecture"), self.tr("Tokenizer"), self.tr("Corpus"),
                 self.tr("Steps"), self.tr("Batch size"), self.tr("Learning rate"), self.tr("Probe every"),
                 self.tr("Save to"))
        for lab, name in zip(self._form_labels, names):
            lab.setText(name)
        obj_names = {"mlm": self.tr("BERT MLM (80/10/10)"), "wwm": self.tr("Whole-word masking"),
                     "spanbert": self.tr("SpanBERT span masking"), "electra": self.tr("ELECTRA (generator + discriminator)"),
                     "t5": self.tr("T5 span corruption"), "clm": self.tr("Causal LM (GPT)")}
        for i in range(self.objective.count()):
            self.objective.setItemText(i, obj_names[self.objective.itemData(i)])
        for i in range(self.preset.count()):
            p = PRESETS[self.preset.itemData(i)]
            self.preset.setItemText(i, self.tr("{0} layers × {1} hidden, {2} heads").format(p.layers, p.hidden, p.heads))
        self.tokenizer.setItemText(0, self.tr("Train a new WordPiece on the corpus"))
        self.tokenizer.setItemText(1, self.tr("Reuse the loaded model's tokenizer"))
        self.objective.setToolTip(self.tr(
            "What the model learns from the raw text: MLM predicts 15% masked tokens from both sides; "
            "ELECTRA's discriminator learns from every token whether a small generator replaced it; "
            "T5 regenerates masked spans; a causal LM predicts each next token."))
        self.preset.setToolTip(self.tr("A tiny transformer that learns in minutes on a laptop CPU."))
        self.corpus.setToolTip(self.tr("Any UTF-8 text file, one document per line."))
        self.browse.setText(self.tr("Browse…"))
        self.start_button.setText(self.tr("Start training"))
        self.start_button.setToolTip(self.tr("Train a new model from random weights (Ctrl+T)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop and throw the run away"))
        self.save_button.setText(self.tr("Stop and save"))
        self.save_button.setToolTip(self.tr("Stop after this step and save a Hugging Face checkpoint"))
        self.load_button.setText(self.tr("Load result"))
        self.load_button.setToolTip(self.tr("Load the saved checkpoint into the model slot, for every panel"))
        self.probe_every.setToolTip(self.tr("How often (in steps) the probe sentence is shown to the model"))
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.loss_plot.setLabel("left", self.tr("training loss"))
        self.timeline.setHorizontalHeaderLabels([self.tr("Step"), self.tr("P(target)"), self.tr("Model's answer")])
        self.timeline.setToolTip(self.tr("The probe over time: watch the model go from punctuation to 'girl'."))

    # ---------------------------------------------------------------- run
    def config(self) -> tuple[PretrainConfig, TrainConfig]:
        """The run the form describes."""
        tok = "train" if self.tokenizer.currentData() == "train" or not self.tokenizer_source else self.tokenizer_source
        pre = PretrainConfig(objective=self.objective.currentData(), preset=self.preset.currentData(),
                             corpus=self.corpus.text().strip(), tokenizer=tok, probe_every=self.probe_every.value())
        train = TrainConfig(max_steps=self.steps.value(), batch_size=self.batch.value(), lr=self.lr.value(),
                            warmup_ratio=0.03, output_dir=self.output.text().strip())
        return pre, train

    @Slot()
    def start(self) -> None:
        if self.engine.running:
            return
        self.message_bar.clear()
        self.loss_x, self.loss_y, self.probes, self.saved_to = [], [], [], None
        self.loss_curve.setData([], [])
        self._loss_range, self._x_range = None, 0
        self.timeline.setRowCount(0)
        pre, train = self.config()
        self.status.setText(self.tr("Preparing the tokenizer and the data…"))
        self.engine.start(iter_pretrain, pre, train)

    def stop(self, save: bool = False) -> None:
        """Stop the run; with ``save`` the engine saves the model first."""
        self.engine.stop(save=save)

    def shutdown(self) -> None:
        """Window closing: discard the run and wait for the thread."""
        self.engine.shutdown()

    @property
    def running(self) -> bool:
        return self.engine.running

    @property
    def pool(self):
        return self.engine.pool

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self._set_running(running)

    def _set_running(self, running: bool) -> None:
        for w in (self.start_button, self.objective, self.preset, self.tokenizer, self.corpus, self.browse,
                  self.steps, self.batch, self.lr, self.probe_every, self.output):
            w.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.save_button.setEnabled(running)
        self.load_button.setEnabled(not running and self.saved_to is not None)
        self.running_changed.emit(running)

    # ---------------------------------------------------------------- slots
    @Slot(list)
    def _on_records(self, records: list) -> None:
        """A batch of progress records (every ~250 ms): one curve update, one status line."""
        for rec in records:
            if rec.loss is not None and math.isfinite(rec.loss):
                self.loss_x.append(rec.step)
                self.loss_y.append(rec.loss)
            if isinstance(rec.probe, ProbeResult):
                self._add_probe(rec.step, rec.probe)
        rec = records[-1]
        if rec.total_steps:
            set_progress(self.progress, rec.step, rec.total_steps)
        if any(r.loss is not None for r in records):
            self._draw_loss()
        self._show_status(rec)

    def _draw_loss(self) -> None:
        plot = self.loss_plot.getPlotItem()
        total = max(self.progress.maximum(), self.loss_x[-1] if self.loss_x else 0)
        if total > self._x_range:
            self._x_range = total
            plot.setXRange(0, total, padding=0.02)
        rng = grow_range(self._loss_range, self.loss_y, nonneg=True)
        if rng is not None:
            self._loss_range = rng
            plot.setYRange(*rng, padding=0)
        self.loss_curve.setData(self.loss_x, self.loss_y)

    def _on_progress(self, rec: TrainProgress) -> None:
        """One record (kept for callers that feed records one at a time)."""
        self._on_records([rec])

    def _show_status(self, rec: TrainProgress) -> None:
        eta = self.tr(", about {0} s left").format(int(rec.eta_s)) if rec.eta_s else ""
        if rec.phase == "setup":
            self.status.setText(self.tr("Preparing the tokenizer and the data…"))
        elif rec.total_steps:
            loss = f"{self.loss_y[-1]:.3f}" if self.loss_y else "–"
            self.status.setText(self.tr("Step {0} of {1} · loss {2} · {3:.0f} sequences/s on {4}{5}").format(
                rec.step, rec.total_steps, loss, rec.samples_per_s, rec.device, eta))

    def _add_probe(self, step: int, probe: ProbeResult) -> None:
        self.probes.append((step, probe))
        row = self.timeline.rowCount()
        self.timeline.insertRow(row)
        if probe.top:
            answer = ", ".join(f"{tok} {p:.2f}" for tok, p in probe.top)
        else:
            answer = probe.output
        if probe.kind == "span-filling":
            answer = f"{answer} → {probe.output}"
        prob = "–" if math.isnan(probe.target_prob) else f"{probe.target_prob:.3f}"
        for col, text in enumerate((str(step), prob, answer)):
            self.timeline.setItem(row, col, QTableWidgetItem(text))
        self.timeline.scrollToBottom()
        self.probe_shown.emit()

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if not isinstance(result, TrainResult):
            return
        self._draw_loss()
        self.saved_to = result.saved_to
        if result.saved_to:
            self.status.setText(self.tr("Saved to {0} after {1} steps.").format(result.saved_to, result.steps))
            self.trained.emit(result.saved_to)
        else:
            self.status.setText(self.tr("Stopped after {0} steps (not saved).").format(result.steps))

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_error(failure.message)
        self.status.setText(self.tr("Training failed."))

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Stopped; the run was discarded."))

    @Slot()
    def _on_stop_clicked(self) -> None:
        self.stop(save=False)

    @Slot()
    def _on_save_clicked(self) -> None:
        self.stop(save=True)

    @Slot()
    def _on_load_clicked(self) -> None:
        if self.saved_to:
            self.trained.emit(self.saved_to)

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Corpus: a text file"), self.corpus.text(),
                                              self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.corpus.setText(path)
