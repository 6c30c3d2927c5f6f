"""One generation step through every decoding stage, as bars; candidates to branch from; the logit lens."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from core.generation_types import LogitLens, StageView

from .heatmap import HeatmapView
from .logit_lens_table import LogitLensTable

CHOSEN = pg.mkBrush("#1f9d55")
KEPT = pg.mkBrush("#3a73d0")
DROPPED = pg.mkBrush("#d5d9de")


class StageBarsView(pg.GraphicsLayoutWidget):
    """Five bar plots side by side: raw softmax → penalty → temperature → top-k → top-p/min-p."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(200)
        self.view: StageView | None = None
        self._columns = 5

    def stage_titles(self) -> list[str]:
        return [self.tr("raw softmax"), self.tr("repetition penalty"), self.tr("temperature"), self.tr("top-k"),
                self.tr("top-p / min-p")]

    def set_view(self, view: StageView | None) -> None:
        self.clear()
        self.view = view
        if view is None:
            return
        font = QFont()
        font.setPointSize(11)
        m = len(view.ids)
        y = np.arange(m)
        titles = self.stage_titles()
        for s in range(view.probs.shape[0]):
            state = (self.tr("{0} kept").format(int(view.n_kept[s])) if view.applied[s] else self.tr("off"))
            r, c = divmod(s, self._columns)
            plot = self.addPlot(row=r, col=c, title=f"<span style='font-size:11pt'>{titles[s]}<br>"
                                                     f"<span style='color:#666'>{state}</span></span>")
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.setMenuEnabled(False)
            brushes = [CHOSEN if int(view.ids[i]) == view.chosen else KEPT if view.kept[s, i] else DROPPED
                       for i in range(m)]
            plot.addItem(pg.BarGraphItem(x0=0, y=y, height=0.72, width=view.probs[s], brushes=brushes))
            for i in range(m):
                txt = pg.TextItem(f"{view.probs[s, i]:.2f}" if view.kept[s, i] else "−∞", color="#222",
                                  anchor=(0, 0.5))
                txt.setFont(font)
                txt.setPos(float(view.probs[s, i]), float(i))
                plot.addItem(txt)
            left = plot.getAxis("left")
            if c == 0:
                left.setTicks([[(i, repr(t)[1:-1]) for i, t in enumerate(view.tokens)]])
                left.setStyle(tickFont=font)
                left.setWidth(90)
            else:
                left.setTicks([[]])
                left.setWidth(4)
            plot.invertY(True)
            plot.setXRange(0, 1.3, padding=0)
            plot.setYRange(-0.6, m - 0.4, padding=0)


class StepInspector(QWidget):
    """Stage bars for the selected step, its candidates (branch from one) and the logit lens."""

    branch_requested = Signal(int)    # token id to continue with at the selected step
    lens_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.bars = StageBarsView(self)
        self.candidates = QListWidget(self)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setMaximumWidth(210)
        self.branch_button = QPushButton(self)
        self.lens_button = QPushButton(self)
        self.lens = LogitLensTable(self)
        self.lens.setMinimumHeight(120)
        self.lens.setMinimumWidth(160)
        self.cross = HeatmapView(self)
        self.cross.set_minimum_floor(200, 140)
        self.cross.hide()

        side = QVBoxLayout()
        self.cand_label = QLabel(self)
        side.addWidget(self.cand_label)
        side.addWidget(self.candidates, 1)
        side.addWidget(self.branch_button)
        side.addWidget(self.lens_button)
        side_w = QWidget(self)
        side_w.setLayout(side)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.lens)
        right.addWidget(self.cross)
        rest = QSplitter(Qt.Orientation.Horizontal, self)
        rest.addWidget(side_w)
        rest.addWidget(right)
        rest.setSizes([200, 260])
        # Wide: bars | candidates | lens in one row. Narrow: the bars get the full width on top.
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.bars)
        self.split.addWidget(rest)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.split, 1)

        self.branch_button.clicked.connect(self._on_branch_clicked)
        self.candidates.itemDoubleClicked.connect(self._on_branch_clicked)
        self.lens_button.clicked.connect(self.lens_requested)
        self.retranslate_ui()
        self.set_step(None, None)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        wide = self.width() >= 1100
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
            total = self.width() if wide else self.height()
            self.split.setSizes([int(total * 0.6), int(total * 0.4)])

    def retranslate_ui(self) -> None:
        self.cand_label.setText(self.tr("Candidates (raw p)"))
        self.branch_button.setText(self.tr("Continue with this token"))
        self.branch_button.setToolTip(self.tr(
            "Branching: replace the token at this step by the selected candidate and generate on from there. "
            "The old continuation stays in the branch list."))
        self.lens_button.setText(self.tr("Layer by layer (logit lens)"))
        self.lens_button.setToolTip(self.tr(
            "Read every layer's hidden state at this step through the final norm and the LM head: "
            "where in the network does the prediction appear?"))
        self.bars.setToolTip(self.tr(
            "The decoding pipeline at this step, in transformers' order: raw softmax → repetition penalty → "
            "temperature → top-k → top-p/min-p (each renormalised). Green: the chosen token; grey: filtered "
            "out (−∞). Moving a control redraws the stages without running the model again."))

    # ---------------------------------------------------------------- content
    def set_step(self, index: int | None, view: StageView | None, *, cross: np.ndarray | None = None,
                 source_tokens: tuple[str, ...] = ()) -> None:
        self.bars.set_view(view)
        self.candidates.clear()
        self.lens.set_lens(None)
        enabled = view is not None
        self.branch_button.setEnabled(enabled)
        self.lens_button.setEnabled(enabled)
        if view is None:
            self.title.setText(self.tr("Click a generated token to inspect its step."))
            self.cross.hide()
            return
        chosen = view.tokens[list(view.ids).index(view.chosen)] if view.chosen in view.ids else "?"
        self.title.setText(self.tr("Step {0}: chose {1}").format(index + 1, repr(chosen)))
        for i, (tid, tok) in enumerate(zip(view.ids, view.tokens)):
            item = QListWidgetItem(f"{repr(tok)}   {view.probs[0, i]:.3f}")
            item.setData(Qt.ItemDataRole.UserRole, int(tid))
            if int(tid) == view.chosen:
                item.setForeground(QColor("#1f9d55"))
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(1 if self.candidates.count() > 1 and int(view.ids[0]) == view.chosen else 0)
        if cross is not None and source_tokens:
            self.cross.set_matrix(cross.mean(axis=1), [self.tr("layer {0}").format(i + 1)
                                                       for i in range(cross.shape[0])], list(source_tokens))
            self.cross.setToolTip(self.tr("Cross-attention of this step: how much the decoder looked at each "
                                          "source token (mean over heads), layer by layer."))
            self.cross.show()
        else:
            self.cross.hide()

    def update_view(self, view: StageView) -> None:
        """Redraw the bars for new settings (same step, no forward pass)."""
        self.bars.set_view(view)

    def set_lens(self, lens: LogitLens) -> None:
        self.lens.set_lens(lens)

    def selected_candidate(self) -> int | None:
        item = self.candidates.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @Slot()
    def _on_branch_clicked(self, *_: object) -> None:
        token_id = self.selected_candidate()
        if token_id is not None:
            self.branch_requested.emit(token_id)
