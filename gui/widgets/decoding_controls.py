"""The decoding controls: strategy, temperature, top-k/top-p/min-p, penalty, beams, length, seed."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout,
                               QWidget)

from .flow_layout import FlowLayout

from core.generation_types import DecodingConfig, Strategy


class DecodingControls(QWidget):
    """Edits a :class:`DecodingConfig`; ``changed`` fires on every edit."""

    changed = Signal(object)   # DecodingConfig

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._defaults = DecodingConfig()
        self.strategy = QComboBox(self)
        for s in Strategy:
            self.strategy.addItem("", s.value)  # plain str: Qt would not keep the enum type
        self.temperature = self._double(0.0, 5.0, 0.05, 2)
        self.top_k = QSpinBox(self)
        self.top_k.setRange(0, 1000)
        self.top_p = self._double(0.0, 1.0, 0.01, 2)
        self.min_p = self._double(0.0, 1.0, 0.01, 2)
        self.penalty = self._double(0.1, 5.0, 0.05, 2)
        self.beams = QSpinBox(self)
        self.beams.setRange(2, 64)
        self.length_penalty = self._double(-5.0, 5.0, 0.1, 1)
        self.max_new = QSpinBox(self)
        self.max_new.setRange(1, 4096)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.stop_eos = QCheckBox(self)
        self.note = QLabel(self)
        self.note.setObjectName("caption")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(200)
        self._labels: dict[str, QLabel] = {}
        # Label/field pairs flow into as many rows as the dock's width needs (laptop or projector).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        holder = QWidget(self)
        flow = FlowLayout(holder, spacing=10)
        cells = [("strategy", self.strategy), ("temperature", self.temperature), ("top_k", self.top_k),
                 ("top_p", self.top_p), ("min_p", self.min_p), ("penalty", self.penalty),
                 ("beams", self.beams), ("length_penalty", self.length_penalty), ("max_new", self.max_new),
                 ("seed", self.seed)]
        for key, widget in cells:
            pair = QWidget(holder)
            pl = QHBoxLayout(pair)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.setSpacing(4)
            label = QLabel(pair)
            label.setBuddy(widget)
            self._labels[key] = label
            if widget is not self.strategy:
                widget.setMaximumWidth(95)
            pl.addWidget(label)
            pl.addWidget(widget)
            flow.addWidget(pair)
        flow.addWidget(self.stop_eos)
        outer.addWidget(holder)
        outer.addWidget(self.note)
        for w in (self.temperature, self.top_p, self.min_p, self.penalty, self.length_penalty):
            w.valueChanged.connect(self._on_edited)
        for w in (self.top_k, self.beams, self.max_new, self.seed):
            w.valueChanged.connect(self._on_edited)
        self.strategy.currentIndexChanged.connect(self._on_edited)
        self.stop_eos.toggled.connect(self._on_edited)
        self.retranslate_ui()
        self.set_config(self._defaults)

    def _double(self, lo: float, hi: float, step: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(lo, hi)
        box.setSingleStep(step)
        box.setDecimals(decimals)
        return box

    def retranslate_ui(self) -> None:
        names = {Strategy.GREEDY: self.tr("greedy"), Strategy.SAMPLE: self.tr("sampling"),
                 Strategy.BEAM: self.tr("beam search")}
        for i in range(self.strategy.count()):
            self.strategy.setItemText(i, names[Strategy(self.strategy.itemData(i))])
        text = {"strategy": self.tr("&Decoding"), "temperature": self.tr("&Temperature"), "top_k": self.tr("Top-&k"),
                "top_p": self.tr("Top-&p"), "min_p": self.tr("&Min-p"), "penalty": self.tr("&Repetition"),
                "beams": self.tr("&Beams"), "length_penalty": self.tr("&Length pen."),
                "max_new": self.tr("Ma&x new"), "seed": self.tr("S&eed")}
        for key, label in self._labels.items():
            label.setText(text[key])
        self.stop_eos.setText(self.tr("Stop at EOS"))
        self.strategy.setToolTip(self.tr(
            "Greedy takes the most likely token each step. Sampling draws from the processed distribution. "
            "Beam search keeps the k best partial sequences by summed log-probability."))
        self.temperature.setToolTip(self.tr(
            "Divides the logits before softmax: below 1 sharpens, above 1 flattens the distribution. "
            "0 means greedy decoding. Used only when sampling, as in transformers' generate."))
        self.top_k.setToolTip(self.tr("Keep only the k most likely tokens (ties at the k-th value are kept). 0 = off."))
        self.top_p.setToolTip(self.tr(
            "Nucleus sampling: keep the smallest set of most likely tokens whose probability reaches p; the token "
            "that crosses the threshold is kept. 1.0 = off. Must lie in (0, 1]."))
        self.min_p.setToolTip(self.tr("Drop tokens less likely than min-p × the top token's probability. 0 = off."))
        self.penalty.setToolTip(self.tr(
            "CTRL repetition penalty: logits of tokens already in the text are divided by it (multiplied when "
            "negative). Applied first, before temperature. 1.0 = off."))
        self.beams.setToolTip(self.tr("How many hypotheses beam search keeps at each step."))
        self.length_penalty.setToolTip(self.tr(
            "Finished beams are ranked by log-prob / length^penalty: above 0 favours longer outputs."))
        self.max_new.setToolTip(self.tr("How many new tokens to generate at most."))
        self.seed.setToolTip(self.tr("Random seed for sampling: the same seed gives the same text."))
        self.stop_eos.setToolTip(self.tr("End when the model produces its end-of-sequence token."))
        self._update_note()

    # ---------------------------------------------------------------- config
    def set_defaults(self, cfg: DecodingConfig) -> None:
        """The checkpoint's generation_config defaults: shown in the note and applied."""
        self._defaults = cfg
        self.set_config(cfg)

    def set_config(self, cfg: DecodingConfig) -> None:
        widgets = (self.strategy, self.temperature, self.top_k, self.top_p, self.min_p, self.penalty, self.beams,
                   self.length_penalty, self.max_new, self.seed, self.stop_eos)
        for w in widgets:
            w.blockSignals(True)
        self.strategy.setCurrentIndex(self.strategy.findData(cfg.strategy.value))
        self.temperature.setValue(cfg.temperature)
        self.top_k.setValue(cfg.top_k)
        self.top_p.setValue(cfg.top_p)
        self.min_p.setValue(cfg.min_p)
        self.penalty.setValue(cfg.repetition_penalty)
        self.beams.setValue(max(2, cfg.num_beams))
        self.length_penalty.setValue(cfg.length_penalty)
        self.max_new.setValue(cfg.max_new_tokens)
        self.seed.setValue(cfg.seed)
        self.stop_eos.setChecked(cfg.stop_at_eos)
        for w in widgets:
            w.blockSignals(False)
        self._on_edited()

    def config(self) -> DecodingConfig:
        return dataclasses.replace(
            self._defaults, strategy=self.current_strategy(), temperature=self.temperature.value(),
            top_k=self.top_k.value(), top_p=self.top_p.value(), min_p=self.min_p.value(),
            repetition_penalty=self.penalty.value(), num_beams=self.beams.value(),
            length_penalty=self.length_penalty.value(), max_new_tokens=self.max_new.value(),
            seed=self.seed.value(), stop_at_eos=self.stop_eos.isChecked())

    def current_strategy(self) -> Strategy:
        return Strategy(self.strategy.currentData())

    @Slot()
    def _on_edited(self) -> None:
        strategy = self.current_strategy()
        sampling = strategy is Strategy.SAMPLE
        for w in (self.temperature, self.top_k, self.top_p, self.min_p, self.seed):
            w.setEnabled(sampling)
        for w in (self.beams, self.length_penalty):
            w.setEnabled(strategy is Strategy.BEAM)
        self._update_note()
        self.changed.emit(self.config())

    def _update_note(self) -> None:
        d = self._defaults
        parts = [self.tr("Checkpoint defaults (generation_config.json): temperature {0}, top-k {1}, top-p {2}, "
                         "repetition penalty {3}, {4} new tokens.").format(
            d.temperature, d.top_k, d.top_p, d.repetition_penalty, d.max_new_tokens)]
        strategy = self.current_strategy()
        if strategy is Strategy.SAMPLE and self.temperature.value() == 0:
            parts.append(self.tr("Temperature 0 means greedy decoding: the most likely token every step."))
        elif strategy is not Strategy.SAMPLE:
            parts.append(self.tr("Temperature, top-k, top-p and min-p act only when sampling, "
                                 "as in transformers' generate."))
        self.note.setText(" ".join(parts))
