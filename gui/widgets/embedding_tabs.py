"""The embeddings panel's tab pages: static vs contextual similarity, neighbours, left context."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout,
                               QWidget)

from core.embeddings import ContextCheck, TargetMatch, cosine_matrix
from core.static_vectors import GloVeTable, ModelInputTable, Neighbour

from .embedding_plots import LayerLineView
from .value_heatmap import ValueHeatmapView


class SimilarityTab(QWidget):
    """Static (model input table, GloVe) and contextual similarity of the target's occurrences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_static = ValueHeatmapView(self)
        self.glove = ValueHeatmapView(self)
        self.contextual = ValueHeatmapView(self)
        self.model_static.hide_colour_bar()
        self.glove.hide_colour_bar()
        self.glove_note = QLabel(self)
        self.glove_note.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setObjectName("caption")
        self.why.setWordWrap(True)
        row = QHBoxLayout()
        for view in (self.model_static, self.glove, self.contextual):
            row.addWidget(view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.glove_note)
        layout.addWidget(self.why)
        self.glove_note.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.why.setText(self.tr(
            "Static tables (left, middle) hold one vector per word type: every occurrence gets the same vector, "
            "so all cosines are 1 whatever the sentence. A contextual model (right) gives each occurrence its own "
            "vector: different senses drift apart."))
        self.model_static.setToolTip(self.tr("The model's own input-embedding rows (before any layer): static."))
        self.glove.setToolTip(self.tr("GloVe 6B, 50 dimensions, 400,000 words: one vector per word type."))
        self.contextual.setToolTip(self.tr("The model's hidden states at the chosen layer or mix: contextual."))

    def views(self) -> tuple[ValueHeatmapView, ValueHeatmapView, ValueHeatmapView]:
        return self.model_static, self.glove, self.contextual

    def show_glove(self, glove: GloVeTable | None, match: TargetMatch, labels: Sequence[str]) -> None:
        """GloVe cosines of the occurrences (all 1: one vector per word); grey when out of vocabulary."""
        k = len(labels)
        look = [glove.lookup(o.surface) for o in match.occurrences] if glove is not None else []
        if glove is None or any(x.oov for x in look):
            values = np.full((k, k), np.nan, dtype=np.float32)
            title = self.tr("GloVe: no '{0}'").format(match.word)
        else:
            values = cosine_matrix(np.stack([x.vector for x in look]))
            title = self.tr("GloVe 50d")
        self.glove.set_values(values, labels, labels, title=title)


class NeighboursTab(QWidget):
    """Nearest neighbours of the target in the static tables, and of one contextual occurrence."""

    occurrence_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_list = QListWidget(self)
        self.glove_list = QListWidget(self)
        self.context_list = QListWidget(self)
        self.occurrence = QComboBox(self)
        self.titles = [QLabel(self) for _ in range(3)]
        cols = QHBoxLayout()
        for title, lst, extra in zip(self.titles, (self.model_list, self.glove_list, self.context_list),
                                     (None, None, self.occurrence)):
            col = QVBoxLayout()
            col.addWidget(title)
            if extra is not None:
                col.addWidget(extra)
            col.addWidget(lst, 1)
            cols.addLayout(col, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cols, 1)
        self.occurrence.currentIndexChanged.connect(self.occurrence_changed.emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.titles[0].setText(self.tr("Input-embedding table"))
        self.titles[1].setText(self.tr("GloVe 6B 50d"))
        self.titles[2].setText(self.tr("Vocabulary nearest one occurrence"))
        self.context_list.setToolTip(self.tr(
            "Input-embedding rows nearest the contextual vector of the chosen occurrence at the chosen layer. "
            "Near the input the neighbours are the word itself; higher up they drift with the context."))
        self.occurrence.setToolTip(self.tr("Which occurrence of the target to look up"))

    def set_occurrences(self, labels: Sequence[str]) -> None:
        current = self.occurrence.currentIndex()
        self.occurrence.blockSignals(True)
        self.occurrence.clear()
        self.occurrence.addItems(list(labels))
        self.occurrence.setCurrentIndex(current if 0 <= current < len(labels) else 0)
        self.occurrence.blockSignals(False)

    def show_neighbours(self, table: ModelInputTable, glove: GloVeTable | None, word: str,
                        vector: np.ndarray) -> None:
        """Fill the three lists: static neighbours of ``word``, vocabulary nearest ``vector``."""
        look = table.lookup(word)
        none = self.tr("(none)")
        self.fill(self.model_list, table.nearest(look.vector, 10, exclude=look.pieces) if not look.oov else None,
                  none)
        g = glove.lookup(word) if glove is not None else None
        self.fill(self.glove_list, glove.nearest(g.vector, 10, exclude=(word,)) if g is not None and not g.oov
                  else None, self.tr("not in GloVe"))
        if vector.shape[-1] == table.dim:
            self.fill(self.context_list, table.nearest(vector, 10), none)

    @staticmethod
    def fill(lst: QListWidget, items: Sequence[Neighbour] | None, empty: str) -> None:
        lst.clear()
        if not items:
            lst.addItem(empty)
            return
        for n in items:
            lst.addItem(f"{n.item}    {n.cosine:.3f}")


class LeftContextTab(QWidget):
    """Edit the words after the target: a decoder's vector stays bit-identical, an encoder's changes."""

    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tail = QLineEdit(self)
        self.check_button = QPushButton(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.explain = QLabel(self)
        self.explain.setObjectName("caption")
        self.explain.setWordWrap(True)
        self.plot = LayerLineView(self)
        row = QHBoxLayout()
        self.tail_label = QLabel(self)
        row.addWidget(self.tail_label)
        row.addWidget(self.tail, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.explain)
        self.check_button.clicked.connect(self.check_requested.emit)
        self.tail.returnPressed.connect(self.check_requested.emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tail_label.setText(self.tr("New ending after the target:"))
        self.check_button.setText(self.tr("Compare"))
        self.check_button.setToolTip(self.tr("Run the original and the edited sentence and compare the target's "
                                             "vector layer by layer"))
        self.explain.setText(self.tr(
            "A GPT-style decoder reads left to right: the target's vector depends only on the words before it, so "
            "changing what follows leaves it bit-identical — ideal for generating the next word. A BERT-style "
            "encoder reads both sides: the same edit changes the vector — ideal for labelling each word with "
            "its whole context."))

    def show_check(self, check: ContextCheck) -> None:
        layers = len(check.cosine)
        same = int(check.identical.sum())
        if check.causal:
            text = self.tr("Decoder: the target's vector is bit-identical in {0} of {1} layers "
                           "(largest difference {2}).").format(same, layers, f"{check.max_abs_diff.max():.1e}")
        else:
            text = self.tr("Encoder: the target's vector changed in {0} of {1} layers; cosine before/after at the "
                           "top layer = {2}. Layer 0 is token + position only, so it cannot change.").format(
                layers - same, layers, f"{check.cosine[-1]:.3f}")
        self.summary.setText(text + "\n" + self.tr("Edited: {0}").format(check.after))
        self.plot.set_values(np.asarray(check.cosine), self.tr("cosine before/after"))
