"""The fine-tuning settings form: task, data + column mapping + preview, strategy, hyper-parameters, probe."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core import errors
from core.datasets import ColumnMapping, Table, Task, TaskDataset, build_dataset, guess_mapping, read_table, sample_path
from core.finetune import FineTuneConfig
from core.finetune_types import Strategy
from core.strategies import LoraSettings
from core.training import TrainConfig

ROLES = {Task.CLASSIFY: ("text", "label"), Task.PAIR: ("text", "text_b", "label"), Task.TOKENS: ("tokens", "tags"),
         Task.SPANS: ("tokens", "spans"), Task.CAUSAL_LM: ("text",)}


class FineTuneForm(QWidget):
    """Collects a :class:`FineTuneConfig` and a validated dataset."""

    changed = Signal()            # anything that changes the trainable count or the data
    data_changed = Signal()
    load_failed = Signal(str)     # a data file was refused (message with line numbers)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self.data_path: Path | None = None
        self.task = QComboBox(self)
        for t in Task:
            self.task.addItem("", t.value)
        self.data_label = QLabel(self)
        self.data_label.setWordWrap(True)
        self.sample_btn = QPushButton(self)
        self.browse_btn = QPushButton(self)
        self.role_boxes: dict[str, QComboBox] = {r: QComboBox(self) for r in
                                                 ("text", "text_b", "label", "tokens", "tags", "spans")}
        self.role_labels: dict[str, QLabel] = {r: QLabel(self) for r in self.role_boxes}
        self.preview = QTableWidget(0, 0, self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setMaximumHeight(150)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.every_subword = QCheckBox(self)
        self.span_len = QSpinBox(self)
        self.span_len.setRange(1, 16)
        self.span_len.setValue(6)
        self.span_len_label = QLabel(self)

        self.strategy = QComboBox(self)
        for s in Strategy:
            self.strategy.addItem("", s.value)
        self.freeze = QSpinBox(self)
        self.freeze.setRange(0, 48)
        self.freeze.setValue(2)
        self.lora_r = QSpinBox(self)
        self.lora_r.setRange(1, 256)
        self.lora_r.setValue(8)
        self.lora_alpha = QSpinBox(self)
        self.lora_alpha.setRange(1, 512)
        self.lora_alpha.setValue(16)
        self.lora_dropout = QDoubleSpinBox(self)
        self.lora_dropout.setRange(0.0, 0.9)
        self.lora_dropout.setSingleStep(0.05)
        self.lora_dropout.setValue(0.05)
        self.lora_targets = QLineEdit(self)

        self.epochs = QDoubleSpinBox(self)
        self.epochs.setRange(0.1, 100)
        self.epochs.setValue(3)
        self.batch = QSpinBox(self)
        self.batch.setRange(1, 1024)
        self.batch.setValue(16)
        self.lr = QLineEdit("5e-5", self)
        self.warmup = QDoubleSpinBox(self)
        self.warmup.setRange(0, 0.5)
        self.warmup.setSingleStep(0.05)
        self.warmup.setValue(0.1)
        self.weight_decay = QDoubleSpinBox(self)
        self.weight_decay.setRange(0, 1)
        self.weight_decay.setSingleStep(0.01)
        self.weight_decay.setValue(0.01)
        self.max_length = QSpinBox(self)
        self.max_length.setRange(8, 4096)
        self.max_length.setValue(64)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2 ** 31 - 1)
        self.val_split = QDoubleSpinBox(self)
        self.val_split.setRange(0.0, 0.5)
        self.val_split.setSingleStep(0.05)
        self.val_split.setValue(0.15)
        self.precision = QComboBox(self)
        for p in ("auto", "fp32", "bf16", "fp16"):
            self.precision.addItem(p, p)
        self.probe = QLineEdit(self)
        self.probe_b = QLineEdit(self)

        self.data_box = QGroupBox(self)
        data_form = QFormLayout(self.data_box)
        data_form.addRow(self.data_label)
        data_form.addRow(self.sample_btn)
        data_form.addRow(self.browse_btn)
        for r, box in self.role_boxes.items():
            data_form.addRow(self.role_labels[r], box)
        data_form.addRow(self.preview)
        data_form.addRow(self.every_subword)
        data_form.addRow(self.span_len_label, self.span_len)
        self.strategy_box = QGroupBox(self)
        self.strategy_form = QFormLayout(self.strategy_box)
        self.strategy_labels = [QLabel(self) for _ in range(6)]
        for lab, w in zip(self.strategy_labels, (self.strategy, self.freeze, self.lora_r, self.lora_alpha,
                                                 self.lora_dropout, self.lora_targets)):
            self.strategy_form.addRow(lab, w)
        self.hyper_box = QGroupBox(self)
        self.hyper_form = QFormLayout(self.hyper_box)
        self.hyper_labels = [QLabel(self) for _ in range(9)]
        for lab, w in zip(self.hyper_labels, (self.epochs, self.batch, self.lr, self.warmup, self.weight_decay,
                                              self.max_length, self.seed, self.val_split, self.precision)):
            self.hyper_form.addRow(lab, w)
        self.probe_box = QGroupBox(self)
        probe_form = QFormLayout(self.probe_box)
        probe_form.addRow(self.probe)
        probe_form.addRow(self.probe_b)
        top = QFormLayout()
        self.task_label = QLabel(self)
        top.addRow(self.task_label, self.task)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        for box in (self.data_box, self.strategy_box, self.probe_box, self.hyper_box):
            layout.addWidget(box)
        layout.addStretch(1)

        for combo in (self.task, self.strategy, *self.role_boxes.values()):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.task.currentIndexChanged.connect(self._on_task_changed)
        self.sample_btn.clicked.connect(self.use_sample)
        self.browse_btn.clicked.connect(self._on_browse)
        self.strategy.currentIndexChanged.connect(self._on_strategy_changed)
        for w in (self.freeze, self.lora_r):
            w.valueChanged.connect(self.changed)
        self.lora_targets.editingFinished.connect(self.changed)
        for box in self.role_boxes.values():
            box.currentIndexChanged.connect(self.data_changed)
        self.retranslate_ui()
        self._on_task_changed()
        self._on_strategy_changed()

    # ---------------------------------------------------------------- text
    def retranslate_ui(self) -> None:
        names = {Task.CLASSIFY: self.tr("Sequence classification ([CLS] → label)"),
                 Task.PAIR: self.tr("Sentence pair ([CLS] A [SEP] B [SEP])"),
                 Task.TOKENS: self.tr("Token labelling (BIO tags)"),
                 Task.SPANS: self.tr("Span classification (nested entities)"),
                 Task.CAUSAL_LM: self.tr("Causal LM (learn a style)")}
        for i in range(self.task.count()):
            self.task.setItemText(i, names[Task(self.task.itemData(i))])
        self.task.setToolTip(self.tr("Classification reads y = softmax(W·h_CLS) (the last token for decoders, as in "
                                     "GPT-1); token labelling puts a word's tag on its first sub-word; span "
                                     "classification scores every span up to L words with FFN(spanRep)."))
        self.task_label.setText(self.tr("Task"))
        strategies = {Strategy.FULL: self.tr("Full fine-tuning"),
                      Strategy.FEATURES: self.tr("Feature-based (frozen encoder, head only)"),
                      Strategy.FREEZE_BOTTOM: self.tr("Freeze the bottom N layers"),
                      Strategy.LORA: self.tr("LoRA (low-rank adapters, peft)")}
        for i in range(self.strategy.count()):
            self.strategy.setItemText(i, strategies[Strategy(self.strategy.itemData(i))])
        self.strategy.setToolTip(self.tr("Full: every weight moves (use a low learning rate). Feature-based: the "
                                         "pre-trained encoder is frozen, like ELMo features. Freezing keeps the "
                                         "general bottom layers. LoRA learns W + B·A with a small rank r."))
        self.data_box.setTitle(self.tr("Data"))
        self.strategy_box.setTitle(self.tr("What trains"))
        self.hyper_box.setTitle(self.tr("Settings"))
        self.probe_box.setTitle(self.tr("Probe sentence"))
        self.sample_btn.setText(self.tr("Use the sample data"))
        self.browse_btn.setText(self.tr("Open CSV / TSV / JSONL…"))
        roles = {"text": self.tr("Text column"), "text_b": self.tr("Sentence B column"),
                 "label": self.tr("Label column"), "tokens": self.tr("Words column"),
                 "tags": self.tr("Tags column"), "spans": self.tr("Spans column")}
        for r, lab in self.role_labels.items():
            lab.setText(roles[r])
        self.every_subword.setText(self.tr("Label every sub-word (not only the first)"))
        self.span_len_label.setText(self.tr("Longest span L (words)"))
        self.span_len.setToolTip(self.tr("Every span of up to L words is scored: y_ij = softmax(W·[FFN_start(h_i); "
                                         "FFN_end(h_j); attention-pooled h_i..h_j]); nested entities are allowed."))
        self.every_subword.setToolTip(self.tr("Off: only a word's first sub-word carries its tag, the others get "
                                              "−100 and are ignored by the loss; predictions are read from the "
                                              "first sub-word."))
        labels = [self.tr("Strategy"), self.tr("Frozen bottom layers"), self.tr("LoRA rank r"),
                  self.tr("LoRA alpha"), self.tr("LoRA dropout"), self.tr("LoRA target modules")]
        for lab, text in zip(self.strategy_labels, labels):
            lab.setText(text)
        self.lora_targets.setPlaceholderText(self.tr("default for the model (e.g. query, value)"))
        hyper = [self.tr("Epochs"), self.tr("Batch size"), self.tr("Learning rate"), self.tr("Warm-up share"),
                 self.tr("Weight decay"), self.tr("Max length (tokens)"), self.tr("Seed"),
                 self.tr("Validation share"), self.tr("Precision")]
        for lab, text in zip(self.hyper_labels, hyper):
            lab.setText(text)
        self.lr.setToolTip(self.tr("Full fine-tuning of a large model: 2e-5 … 5e-5 (small models and tiny data "
                                   "tolerate 1e-4 … 5e-4). Heads and LoRA: 1e-4 … 1e-3."))
        self.precision.setToolTip(self.tr("auto: bf16 mixed precision on a GPU that supports it, else fp16 with a "
                                          "gradient scaler; fp32 on the CPU."))
        self.probe.setPlaceholderText(self.tr("A sentence to watch during training"))
        self.probe_b.setPlaceholderText(self.tr("Sentence B (pairs)"))
        self._show_data_label()

    # ---------------------------------------------------------------- data
    @staticmethod
    def default_probe(task: Task) -> tuple[str, str]:
        """A probe sentence (and sentence B) in the style of the task's English sample data."""
        return {Task.CLASSIFY: ("Lily lost her kite in the rain and felt sad.", ""),
                Task.PAIR: ("Tom played with a red fox at Oak Town.", "Tom stayed at home all day."),
                Task.TOKENS: ("Mia went to Pine Valley with a brown bear .", ""),
                Task.SPANS: ("the queen of Blue Lake met Ben .", ""),
                Task.CAUSAL_LM: ("Arr, gather round, little mates!", "")}[task]

    @property
    def current_task(self) -> Task:
        return Task(self.task.currentData())

    @Slot()
    def _on_task_changed(self) -> None:
        task = self.current_task
        self.every_subword.setVisible(task is Task.TOKENS)
        self.probe_b.setVisible(task is Task.PAIR)
        text, text_b = self.default_probe(task)
        self.span_len.setVisible(task is Task.SPANS)
        self.span_len_label.setVisible(task is Task.SPANS)
        self.probe.setText(text)
        self.probe_b.setText(text_b)
        # Defaults that show learning within a lesson on the small samples (heads start random).
        self.lr.setText({Task.CLASSIFY: "1e-4", Task.PAIR: "1e-4", Task.TOKENS: "3e-4", Task.SPANS: "5e-4",
                         Task.CAUSAL_LM: "1e-3"}[task])
        self.use_sample()
        self.changed.emit()

    @Slot()
    def use_sample(self) -> None:
        self.load_file(sample_path(self.current_task))

    @Slot()
    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a dataset"), "",
                                              self.tr("Data files (*.csv *.tsv *.jsonl *.json *.txt)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """``load_file`` for the user: a refused file is reported through ``load_failed``."""
        try:
            self.load_file(path)
        except errors.InspectorError as exc:
            self.load_failed.emit(str(exc))
            return False
        return True

    def load_file(self, path: Path) -> None:
        """Read a file for the preview and column mapping; a bad file raises ``DatasetError`` (nothing kept)."""
        table = read_table(path)
        self.table, self.data_path = table, Path(path)
        guess = guess_mapping(self.current_task, table.columns)
        roles = ROLES[self.current_task]
        for r, box in self.role_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItems(list(table.columns))
            col = getattr(guess, r)
            if col is not None:
                box.setCurrentText(col)
            box.blockSignals(False)
            visible = r in roles
            box.setVisible(visible)
            self.role_labels[r].setVisible(visible)
        self.preview.clear()
        self.preview.setColumnCount(len(table.columns))
        self.preview.setHorizontalHeaderLabels(list(table.columns))
        rows = table.preview(6)
        self.preview.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                self.preview.setItem(i, j, QTableWidgetItem(cell))
        self._show_data_label()
        self.data_changed.emit()

    def _show_data_label(self) -> None:
        if self.table is None:
            self.data_label.setText(self.tr("No data loaded."))
            return
        self.data_label.setText(self.tr("{0}: {1} rows").format(self.data_path.name, len(self.table.rows)))

    def mapping(self) -> ColumnMapping:
        roles = ROLES[self.current_task]
        return ColumnMapping(**{r: self.role_boxes[r].currentText() or None for r in roles})

    def dataset(self) -> TaskDataset:
        """The checked dataset for the current task and mapping (raises ``DatasetError``)."""
        if self.table is None:
            raise errors.DatasetError("No dataset is loaded.", hint="Use the sample data or open a file.")
        return build_dataset(self.table, self.current_task, self.mapping())

    # ---------------------------------------------------------------- strategy / config
    @property
    def current_strategy(self) -> Strategy:
        return Strategy(self.strategy.currentData())

    @Slot()
    def _on_strategy_changed(self) -> None:
        s = self.current_strategy
        for w in (self.freeze,):
            w.setEnabled(s is Strategy.FREEZE_BOTTOM)
        for w in (self.lora_r, self.lora_alpha, self.lora_dropout, self.lora_targets):
            w.setEnabled(s is Strategy.LORA)
        if s in (Strategy.FEATURES, Strategy.LORA) and self.current_task is not Task.CAUSAL_LM:
            self.lr.setText("1e-3")
        self.changed.emit()

    def lora(self) -> LoraSettings:
        targets = tuple(t.strip() for t in self.lora_targets.text().split(",") if t.strip())
        return LoraSettings(r=self.lora_r.value(), alpha=self.lora_alpha.value(), dropout=self.lora_dropout.value(),
                            targets=targets)

    def config(self, output_dir: str = "", device: str = "auto") -> FineTuneConfig:
        try:
            lr = float(self.lr.text())
        except ValueError:
            raise errors.InputError(f"'{self.lr.text()}' is not a learning rate.", hint="Type a number like 5e-5.")
        if not 0 < lr < 1:
            raise errors.InputError("The learning rate must be between 0 and 1.", hint="Try 5e-5.")
        train = TrainConfig(epochs=self.epochs.value(), batch_size=self.batch.value(), lr=lr,
                            warmup_ratio=self.warmup.value(), weight_decay=self.weight_decay.value(),
                            seed=self.seed.value(), device=device, precision=self.precision.currentData(),
                            output_dir=output_dir)
        return FineTuneConfig(task=self.current_task, strategy=self.current_strategy,
                              freeze_layers=self.freeze.value(), lora=self.lora(),
                              every_subword=self.every_subword.isChecked(), max_length=self.max_length.value(),
                              max_span_words=self.span_len.value(),
                              val_fraction=self.val_split.value(), probe_text=self.probe.text(),
                              probe_text_b=self.probe_b.text(), train=train)
