"""The same prompt and settings on model slots A and B, in two columns."""
from __future__ import annotations

import math

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QWidget

from .token_text_view import TokenTextView


class SideBySideView(QWidget):
    """Two output columns (slot A | slot B), each with its model name and perplexity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_button = QPushButton(self)
        self.other_seed = QCheckBox(self)
        self.other_seed.setChecked(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.titles = {s: QLabel(self) for s in ("A", "B")}
        self.views = {s: TokenTextView(self) for s in ("A", "B")}
        self.stats = {s: QLabel(self) for s in ("A", "B")}
        grid = QGridLayout(self)
        grid.addWidget(self.run_button, 0, 0)
        grid.addWidget(self.other_seed, 0, 1)
        grid.addWidget(self.hint, 4, 0, 1, 2)
        for col, s in enumerate(("A", "B")):
            self.titles[s].setWordWrap(True)
            grid.addWidget(self.titles[s], 1, col)
            grid.addWidget(self.views[s], 2, col)
            grid.addWidget(self.stats[s], 3, col)
        grid.setRowStretch(2, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.run_button.setText(self.tr("Run on A and B"))
        self.run_button.setToolTip(self.tr(
            "Generate from the same prompt with the same settings on both model slots: a decoder against a "
            "seq2seq model, a base against an instruction-tuned model, or one model with two seeds."))
        self.other_seed.setText(self.tr("Sampling: B uses seed + 1"))
        self.other_seed.setToolTip(self.tr("Compare two random draws of the same model (or two models with "
                                           "different seeds). Off: both use the same seed."))
        self.hint.setText(self.tr("Load a second model into slot B in the model bar to compare two models."))

    def set_models(self, name_a: str | None, name_b: str | None) -> None:
        none = self.tr("(empty slot)")
        self.titles["A"].setText(self.tr("<b>A</b>: {0}").format(name_a or none))
        self.titles["B"].setText(self.tr("<b>B</b>: {0}").format(name_b or none))
        self.hint.setVisible(name_b is None)

    def clear(self) -> None:
        for s in ("A", "B"):
            self.views[s].set_prompt([], [])
            self.stats[s].setText("")

    def set_stats(self, slot: str, n_tokens: int, ppl: float, note: str = "") -> None:
        ppl_text = f"{ppl:.2f}" if math.isfinite(ppl) else "–"
        text = self.tr("{0} tokens · output perplexity {1}").format(n_tokens, ppl_text)
        self.stats[slot].setText(f"{text}  {note}".strip())
