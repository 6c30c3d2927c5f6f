"""Plots of the embeddings panel: Ethayarajh's layer curves, the PCA projection, a per-layer line."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from core.embeddings import LayerCurves, Projection

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmbeddingPlots", text)


def _plain_plot(widget: pg.PlotWidget) -> None:
    widget.setBackground("w")
    widget.setMenuEnabled(False)
    widget.showGrid(x=True, y=True, alpha=0.25)
    for name in ("left", "bottom"):
        widget.getAxis(name).setTextPen("#222")


def _integer_ticks(widget: pg.PlotWidget, n: int) -> None:
    """Layers are whole numbers: tick every layer, never 0.5."""
    widget.getAxis("bottom").setTicks([[(i, str(i)) for i in range(n)]])


class LayerCurvesView(pg.PlotWidget):
    """Self-similarity (solid), anisotropy baseline (dotted) and their difference (dashed) per layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain_plot(self)
        # Bottom right: the curves live above the anisotropy baseline, that corner stays free.
        self.legend = self.addLegend(offset=(-10, -10), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        self.curves: list[LayerCurves] = []
        self.setLabel("bottom", _tr("layer (0 = embeddings)"))
        self.setLabel("left", _tr("mean cosine"))

    def set_curves(self, curves: Sequence[LayerCurves]) -> None:
        self.clear()
        self.legend.clear()
        self.curves = list(curves)
        for n, c in enumerate(self.curves):
            colour = PALETTE[n % len(PALETTE)]
            x = np.arange(len(c.self_similarity))
            self.plot(x, c.self_similarity, pen=pg.mkPen(colour, width=3), symbol="o", symbolBrush=colour,
                      name=_tr("{0}: self-similarity").format(c.word))
            if n == 0:  # the baseline is the same for every word: draw it once
                self.plot(x, c.baseline, pen=pg.mkPen("#555", width=2, style=Qt.PenStyle.DotLine),
                          name=_tr("baseline (random token pairs)"))
            self.plot(x, c.adjusted, pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine),
                      name=_tr("{0}: self − baseline").format(c.word))
        if self.curves:
            _integer_ticks(self, len(self.curves[0].self_similarity))
        self.setYRange(-0.1, 1.05, padding=0)


class ProjectionView(pg.PlotWidget):
    """Every token vector of every sentence in 2-D (PCA), coloured by sentence; targets labelled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain_plot(self)
        self.legend = self.addLegend(offset=(10, 10), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        self.projection: Projection | None = None
        self._labels: list[pg.TextItem] = []
        self._items: list[tuple[np.ndarray, pg.ScatterPlotItem]] = []
        self._axis_labels: tuple[str, str] = ("", "")

    def set_projection(self, proj: Projection, sentence_names: Sequence[str]) -> None:
        same = (self.projection is not None and self.projection.labels == proj.labels
                and np.array_equal(self.projection.sentence, proj.sentence)
                and np.array_equal(self.projection.is_target, proj.is_target))
        self.projection = proj
        if same:
            self._move(proj)  # a slider move: same points, new places (no items rebuilt)
        else:
            self._rebuild(proj, sentence_names)
        labels = (_tr("PC 1 ({0}% of variance)").format(f"{100 * proj.explained[0]:.0f}"),
                  _tr("PC 2 ({0}% of variance)").format(f"{100 * proj.explained[1]:.0f}"))
        if labels != self._axis_labels:  # a new label re-lays out and repaints the axes
            self._axis_labels = labels
            self.setLabel("bottom", labels[0])
            self.setLabel("left", labels[1])

    def _rebuild(self, proj: Projection, sentence_names: Sequence[str]) -> None:
        self.clear()
        self.legend.clear()
        self._labels, self._items = [], []
        for s in range(len(sentence_names)):
            sel = proj.sentence == s
            if not sel.any():
                continue
            colour = PALETTE[s % len(PALETTE)]
            data = [(proj.labels[i], sentence_names[s]) for i in np.flatnonzero(sel)]
            item = pg.ScatterPlotItem(proj.coords[sel, 0], proj.coords[sel, 1], data=data, size=10,
                                      brush=pg.mkBrush(colour), pen=pg.mkPen("w"), hoverable=True,
                                      hoverSize=14, tip=self._tip, name=sentence_names[s])
            self.addItem(item)  # named items join the legend by themselves
            self._items.append((sel, item))
        for i in np.flatnonzero(proj.is_target):
            text = pg.TextItem(proj.labels[i], color=PALETTE[int(proj.sentence[i]) % len(PALETTE)], anchor=(0, 1))
            font = text.textItem.font()
            font.setBold(True)
            text.setFont(font)
            text.setPos(proj.coords[i, 0], proj.coords[i, 1])
            self.addItem(text)
            self._labels.append(text)

    def _move(self, proj: Projection) -> None:
        for sel, item in self._items:
            data = item.data["data"].copy()
            item.setData(x=proj.coords[sel, 0], y=proj.coords[sel, 1], data=data)
        for text, i in zip(self._labels, np.flatnonzero(proj.is_target)):
            text.setPos(proj.coords[i, 0], proj.coords[i, 1])

    @staticmethod
    def _tip(x: float, y: float, data: tuple[str, str]) -> str:
        return _tr("{0} — {1}").format(data[0], data[1])

    def target_labels(self) -> list[str]:
        return [t.toPlainText() for t in self._labels]


class LayerLineView(pg.PlotWidget):
    """One value per layer (the left-context check's before/after cosine)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain_plot(self)
        self.setLabel("bottom", _tr("layer (0 = embeddings)"))
        self.setMinimumHeight(80)

    def set_values(self, values: np.ndarray, title: str) -> None:
        self.clear()
        self.plot(np.arange(len(values)), values, pen=pg.mkPen("#3a73d0", width=3), symbol="o")
        self.setLabel("left", title)
        _integer_ticks(self, len(values))
        lo = float(np.nanmin(values)) if len(values) else 0.0
        self.setYRange(min(lo, 0.9) - 0.02, 1.01, padding=0)
