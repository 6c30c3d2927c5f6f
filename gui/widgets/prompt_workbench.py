"""The prompting workbench: lecture templates, coloured parts, token count, label-word scoring bars."""
from __future__ import annotations

import html
import json
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QTextEdit, QVBoxLayout,
                               QWidget)

from core import errors
from core.prompting import (AssembledPrompt, Example, PromptForm, PromptTemplate, assemble, count_tokens,
                            templates_from_data)
from core.scoring import LabelScores

from ..resources import asset

PART_COLOURS = {"instruction": "#fff1c1", "example": "#dff3e4", "query": "#dbe9ff", "prefix": "#f6dcf2"}


def load_presets() -> list[PromptTemplate]:
    """The editable presets in ``assets/prompt_presets.json``."""
    return templates_from_data(json.loads(asset("prompt_presets.json").read_text(encoding="utf-8")))


class LabelBarsView(pg.PlotWidget):
    """Candidate answers as bars: probability among the candidates, summed log-prob in the label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMinimumHeight(130)
        self.getPlotItem().setMenuEnabled(False)
        self.getPlotItem().setMouseEnabled(False, False)
        self.scores: LabelScores | None = None

    def set_scores(self, scores: LabelScores | None) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.scores = scores
        if scores is None:
            return
        font = QFont()
        font.setPointSize(11)
        probs = np.asarray([s.probability for s in scores.scores])
        brushes = [pg.mkBrush("#1f9d55" if i == scores.best else "#3a73d0") for i in range(len(probs))]
        plot.addItem(pg.BarGraphItem(x0=0, y=np.arange(len(probs)), height=0.7, width=probs, brushes=brushes))
        for i, s in enumerate(scores.scores):
            t = pg.TextItem(self.tr("{0}  (log p = {1}, {2} tokens)").format(
                f"{s.probability:.2f}", f"{s.logprob:.2f}", len(s.token_ids)), color="#222", anchor=(0, 0.5))
            t.setFont(font)
            t.setPos(float(probs[i]), float(i))
            plot.addItem(t)
        left = plot.getAxis("left")
        left.setTicks([[(i, repr(s.label)) for i, s in enumerate(scores.scores)]])
        left.setStyle(tickFont=font)
        plot.invertY(True)
        plot.getAxis("bottom").setLabel(self.tr("probability among the candidates"))
        plot.setXRange(0, 2.3, padding=0)
        plot.setYRange(-0.6, len(probs) - 0.4, padding=0)


class PromptWorkbench(QWidget):
    """Build a prompt from a template; ``use_prompt(text)`` and ``score_requested(text, labels)``."""

    use_prompt = Signal(str)
    score_requested = Signal(str, object)   # prompt, list[str]
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tokenizer: Any = None
        self.presets = load_presets()
        self.preset = QComboBox(self)
        for t in self.presets:
            self.preset.addItem(t.name)
        self.form = QComboBox(self)
        for f in PromptForm:
            self.form.addItem(f.value, f)
        self.instruction = QPlainTextEdit(self)
        self.instruction.setMaximumHeight(70)
        self.prefix = QLineEdit(self)
        self.input_label = QLineEdit(self)
        self.output_label = QLineEdit(self)
        self.cue = QLineEdit(self)
        self.examples = QTableWidget(0, 3, self)
        self.examples.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.examples.horizontalHeader().setStretchLastSection(True)
        self.examples.setMinimumHeight(90)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.query = QPlainTextEdit(self)
        self.query.setMaximumHeight(60)
        self.preview = QTextEdit(self)
        self.preview.setReadOnly(True)
        self.count = QLabel(self)
        self.labels = QLineEdit(self)
        self.use_button, self.score_button = QPushButton(self), QPushButton(self)
        self.bars = LabelBarsView(self)
        self.prediction = QLabel(self)

        self.form_layout = QFormLayout()
        self._rows: dict[str, QWidget] = {"preset": self.preset, "form": self.form, "instruction": self.instruction,
                                          "prefix": self.prefix, "input_label": self.input_label,
                                          "output_label": self.output_label, "cue": self.cue,
                                          "query": self.query, "labels": self.labels}
        self._row_labels: dict[str, QLabel] = {}
        for key in ("preset", "form", "instruction", "prefix", "input_label", "output_label", "cue"):
            self._add_row(key)
        ex_buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            ex_buttons.addWidget(b)
        ex_box = QVBoxLayout()
        ex_box.addWidget(self.examples)
        ex_box.addLayout(ex_buttons)
        self.examples_label = QLabel(self)
        self.form_layout.addRow(self.examples_label, ex_box)
        self._add_row("query")
        self._add_row("labels")
        actions = QHBoxLayout()
        actions.addWidget(self.use_button)
        actions.addWidget(self.score_button)
        right = QVBoxLayout()
        right.addWidget(self.preview, 2)
        right.addWidget(self.count)
        right.addLayout(actions)
        right.addWidget(self.bars, 1)
        right.addWidget(self.prediction)
        layout = QHBoxLayout(self)
        left = QWidget(self)
        left.setLayout(self.form_layout)
        layout.addWidget(left, 1)
        layout.addLayout(right, 1)

        self.preset.activated.connect(self._on_preset_chosen)
        self.form.currentIndexChanged.connect(self._on_form_changed)
        for w in (self.instruction, self.query):
            w.textChanged.connect(self.update_preview)
        for w in (self.prefix, self.input_label, self.output_label, self.cue):
            w.textChanged.connect(self.update_preview)
        self.examples.itemChanged.connect(self.update_preview)
        self.add_button.clicked.connect(self.add_example)
        self.remove_button.clicked.connect(self.remove_example)
        self.up_button.clicked.connect(lambda: self.move_example(-1))
        self.down_button.clicked.connect(lambda: self.move_example(1))
        self.use_button.clicked.connect(self._on_use_clicked)
        self.score_button.clicked.connect(self._on_score_clicked)
        self.retranslate_ui()
        if self.presets:
            self.set_template(self.presets[0])

    def _add_row(self, key: str) -> None:
        label = QLabel(self)
        self._row_labels[key] = label
        self.form_layout.addRow(label, self._rows[key])

    def retranslate_ui(self) -> None:
        names = {"preset": self.tr("Preset"), "form": self.tr("Form"), "instruction": self.tr("Instruction"),
                 "prefix": self.tr("T5 prefix"), "input_label": self.tr("Input label"),
                 "output_label": self.tr("Answer label"), "cue": self.tr("Answer cue"), "query": self.tr("Query"),
                 "labels": self.tr("Candidate answers")}
        for key, label in self._row_labels.items():
            label.setText(names[key])
        self.examples_label.setText(self.tr("Examples"))
        self.examples.setHorizontalHeaderLabels([self.tr("input"), self.tr("reasoning"), self.tr("answer")])
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.use_button.setText(self.tr("Use as prompt"))
        self.score_button.setText(self.tr("Score answers"))
        self.labels.setPlaceholderText(self.tr("answers separated by | — e.g.  positive| negative"))
        self.form.setToolTip(self.tr(
            "zero-shot: task description + input (GPT-2). few-shot: k solved examples before the query, no weight "
            "update (GPT-3 in-context learning). chain-of-thought: the examples show their reasoning. "
            "instruction: the task said in words (FLAN/T0). t5-prefix: T5's text-to-text task prefixes."))
        self.score_button.setToolTip(self.tr(
            "Classification without generation (GPT-2/GPT-3 papers): the log-probability of each answer as the "
            "continuation of the prompt (decoder) or as the target (encoder-decoder), summed over its tokens."))
        self.preview.setToolTip(self.tr("The assembled prompt: instruction yellow, examples green, query blue, "
                                         "T5 prefix pink."))
        self.update_preview()

    # ---------------------------------------------------------------- template <-> widgets
    def set_tokenizer(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.update_preview()

    def set_template(self, t: PromptTemplate) -> None:
        self.blockSignals(True)
        self.form.setCurrentIndex(self.form.findData(t.form))
        self.instruction.setPlainText(t.instruction)
        self.prefix.setText(t.prefix)
        self.input_label.setText(t.input_label)
        self.output_label.setText(t.output_label)
        self.cue.setText(t.cue)
        self.query.setPlainText(t.query)
        self.labels.setText("|".join(t.labels))
        self.examples.blockSignals(True)
        self.examples.setRowCount(0)
        for ex in t.examples:
            self._append_row(ex.input, ex.reasoning, ex.output)
        self.examples.blockSignals(False)
        self.blockSignals(False)
        self._on_form_changed()

    def template(self) -> PromptTemplate:
        rows = []
        for r in range(self.examples.rowCount()):
            cell = [(self.examples.item(r, c).text() if self.examples.item(r, c) else "") for c in range(3)]
            rows.append(Example(cell[0], cell[2], cell[1]))
        return PromptTemplate(
            name=self.preset.currentText(), form=self.form.currentData(), query=self.query.toPlainText(),
            instruction=self.instruction.toPlainText(), examples=tuple(rows), input_label=self.input_label.text(),
            output_label=self.output_label.text(), prefix=self.prefix.text(), cue=self.cue.text(),
            labels=tuple(self.label_list()))

    def label_list(self) -> list[str]:
        return [x for x in self.labels.text().split("|") if x.strip()]

    def _append_row(self, *cells: str) -> None:
        r = self.examples.rowCount()
        self.examples.insertRow(r)
        for c, text in enumerate(cells):
            self.examples.setItem(r, c, QTableWidgetItem(text))

    @Slot()
    def add_example(self) -> None:
        self._append_row(self.tr("new input"), "", self.tr("answer"))
        self.update_preview()

    @Slot()
    def remove_example(self) -> None:
        r = self.examples.currentRow()
        if r < 0:
            r = self.examples.rowCount() - 1
        if r >= 0:
            self.examples.removeRow(r)
            self.update_preview()

    def move_example(self, delta: int) -> None:
        r = self.examples.currentRow()
        s = r + delta
        if r < 0 or not 0 <= s < self.examples.rowCount():
            return
        self.examples.blockSignals(True)
        for c in range(3):
            a, b = self.examples.takeItem(r, c), self.examples.takeItem(s, c)
            self.examples.setItem(r, c, b)
            self.examples.setItem(s, c, a)
        self.examples.blockSignals(False)
        self.examples.setCurrentCell(s, 0)
        self.update_preview()

    # ---------------------------------------------------------------- preview and actions
    def assembled(self) -> AssembledPrompt:
        """The assembled prompt (raises ``TemplateError``)."""
        return assemble(self.template())

    @Slot()
    def update_preview(self) -> None:
        try:
            a = self.assembled()
        except errors.TemplateError as exc:
            self.preview.setHtml(f"<i style='color:#8a1111'>{html.escape(str(exc))}</i>")
            self.count.setText("")
            return
        out, pos = [], 0
        for part in a.parts:
            out.append(html.escape(a.text[pos:part.start]))
            out.append(f"<span style='background:{PART_COLOURS.get(part.role, '#fff')}'>"
                       f"{html.escape(a.text[part.start:part.end])}</span>")
            pos = part.end
        out.append(html.escape(a.text[pos:]))
        self.preview.setHtml("<pre style='white-space:pre-wrap;font-family:sans-serif'>" + "".join(out) + "</pre>")
        if self.tokenizer is not None:
            self.count.setText(self.tr("{0} tokens, {1} characters").format(count_tokens(self.tokenizer, a.text),
                                                                          len(a.text)))
        else:
            self.count.setText(self.tr("{0} characters").format(len(a.text)))

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        if 0 <= index < len(self.presets):
            self.set_template(self.presets[index])
            self.bars.set_scores(None)
            self.prediction.setText("")

    @Slot()
    def _on_form_changed(self, *_: object) -> None:
        form = self.form.currentData()
        shots = form in (PromptForm.FEW_SHOT, PromptForm.CHAIN_OF_THOUGHT)
        for w in (self.examples, self.add_button, self.remove_button, self.up_button, self.down_button):
            w.setEnabled(shots)
        self.examples.setColumnHidden(1, form is not PromptForm.CHAIN_OF_THOUGHT)
        self.prefix.setEnabled(form is PromptForm.T5_PREFIX)
        self.update_preview()

    @Slot()
    def _on_use_clicked(self) -> None:
        try:
            self.use_prompt.emit(self.assembled().text)
        except errors.TemplateError as exc:
            self.failed.emit(str(exc))

    @Slot()
    def _on_score_clicked(self) -> None:
        try:
            text = self.assembled().text
        except errors.TemplateError as exc:
            self.failed.emit(str(exc))
            return
        self.score_requested.emit(text, self.label_list())

    def show_scores(self, scores: LabelScores) -> None:
        self.bars.set_scores(scores)
        best = scores.scores[scores.best]
        self.prediction.setText(self.tr("Zero-shot prediction: {0}").format(repr(best.label)))
