"""The generation panel's beam-search tab: the live beam tree and the finished hypotheses."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QScrollBar, QVBoxLayout, QWidget

from core.generation_types import BeamResult, BeamStep
from core.seq2seq import RecordedGeneration

from ..i18n import Retranslatable
from ..widgets.beam_tree import BeamTreeView


class BeamPage(Retranslatable, QWidget):
    """The beam tree drawn step by step, a scroll bar along its steps, and the final hypotheses with their scores."""

    SCROLL_UNITS = 10      # scroll-bar units per step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: BeamResult | None = None
        self.prompt = ""             # the text the search ran on (its source, for an encoder-decoder)
        self.beam_tree = BeamTreeView(self)
        self.scroll = QScrollBar(Qt.Orientation.Horizontal, self)
        self.scroll.setVisible(False)
        self.hint = QLabel(self)
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.beam_tree, 1)
        layout.addWidget(self.scroll)
        layout.addWidget(self.hint)
        layout.addWidget(self.caption)
        self.beam_tree.view_changed.connect(self._sync_scroll)
        self.scroll.valueChanged.connect(self._on_scrolled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr(
            "A long search scrolls: drag the tree, use the scroll bar or ←/→ (Home/End), zoom with the wheel. "
            "Hover a node to read its whole hypothesis."))
        self.scroll.setToolTip(self.tr("Scroll along the steps of the search; at the right end the view follows "
                                       "the newest steps."))
        if self.result is not None:
            self._show_caption(self.result)
            return
        self.caption.setText(self.tr(
            "Every hypothesis with its summed log-probability. Blue: still alive; green squares: finished; grey: "
            "pruned. ★ and the gold line mark the best finished sequence (scored with the length penalty)."))

    def clear(self) -> None:
        self.result = None
        self.beam_tree.clear_tree()
        self.retranslate_ui()

    def start(self, prompt: str) -> None:
        """A new search from ``prompt``: an empty tree rooted at it."""
        self.result = None
        self.prompt = prompt
        self.beam_tree.clear_tree(prompt if prompt.strip() else self.tr("prompt"))

    def add_step(self, step: BeamStep) -> None:
        self.beam_tree.add_step(step)

    def flush(self) -> None:
        """Draw the steps still waiting for a redraw (a stopped search shows all it found)."""
        self.beam_tree.flush()

    def show_result(self, result: BeamResult) -> None:
        self.result = result
        if result.node_ids:
            self.beam_tree.set_best(result.node_ids[0])
        self._show_caption(result)

    def _show_caption(self, result: BeamResult) -> None:
        lines = [f"{s:.3f}  {t!r}" for s, t in zip(result.scores, result.texts)]
        self.caption.setText(self.tr("Finished hypotheses (score = log-prob / length^penalty):") + "\n"
                             + "\n".join(lines))

    @Slot()
    def _sync_scroll(self) -> None:
        """The scroll bar shows where the view is along the tree's steps."""
        lo, hi, left, span = self.beam_tree.scroll_info()
        u = self.SCROLL_UNITS
        self.scroll.blockSignals(True)
        self.scroll.setRange(round(lo * u), round(hi * u))
        self.scroll.setPageStep(max(1, round(span * u)))
        self.scroll.setSingleStep(u)
        self.scroll.setValue(round(left * u))
        self.scroll.blockSignals(False)
        self.scroll.setVisible(hi - lo > 1e-3)

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        self.beam_tree.scroll_to(value / self.SCROLL_UNITS)

    def recording(self, slot: str) -> RecordedGeneration | None:
        """The best hypothesis of an encoder-decoder's search with its recorded cross-attention (else ``None``)."""
        result = self.result
        if result is None or result.cross_attention is None or not result.sequences:
            return None
        cross, start = result.cross_attention, result.start
        return RecordedGeneration(
            slot=slot, text=self.prompt, encoder_ids=np.asarray(start.prompt_ids, dtype=np.int64),
            decoder_ids=np.concatenate([np.asarray(start.decoder_start_ids, dtype=np.int64),
                                        np.asarray(result.sequences[0], dtype=np.int64)]),
            cross=np.asarray(cross, dtype=np.float32), strategy="beam")
