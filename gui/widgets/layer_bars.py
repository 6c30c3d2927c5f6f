"""Per-layer bars: what trains (trainable share) and what changed (relative weight change)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QWidget

TRAIN_BRUSH = pg.mkBrush("#2d6cdf")
FROZEN_BRUSH = pg.mkBrush("#b8bec7")


class LayerBarsView(pg.PlotWidget):
    """Vertical bars, one per group ("embeddings", "layer 0", …, "head"); frozen groups grey."""

    def __init__(self, parent: QWidget | None = None, font_pt: int = 13, percent: bool = False) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(100)
        self._percent = percent
        self._font = QFont()
        self._font.setPointSize(font_pt)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.showGrid(y=True, alpha=0.25)
        for name in ("left", "bottom"):
            plot.getAxis(name).setStyle(tickFont=self._font)
            plot.getAxis(name).setTextPen("#222")
            # The y grid makes the axes span the plot: cache them, so new bar heights do not
            # re-render them (they are redrawn when the range changes).
            plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bars: pg.BarGraphItem | None = None
        self._labels: list[pg.TextItem] = []
        self.values = np.zeros(0)
        self.names: list[str] = []
        self.trainable: list[bool] = []
        self._top: float | None = None

    def set_title(self, text: str) -> None:
        self.getPlotItem().setTitle(text, color="#222", size=f"{self._font.pointSize() + 1}pt")

    def set_bars(self, names: Sequence[str], values: Sequence[float], trainable: Sequence[bool]) -> None:
        """Show one bar per group. With the same groups as before only the heights and labels
        change (cheap enough to follow a training run); new groups rebuild the plot."""
        values = np.asarray(values, dtype=float)
        if self._bars is not None and list(names) == self.names and len(values) == len(self._labels):
            self._update_bars(values, list(trainable))
            return
        plot = self.getPlotItem()
        if self._bars is not None:
            plot.removeItem(self._bars)
        for t in self._labels:
            plot.removeItem(t)
        self._labels.clear()
        self.names, self.values, self.trainable = list(names), values, list(trainable)
        x = np.arange(len(self.names))
        self._bars = pg.BarGraphItem(x=x, height=self.values, width=0.7, brushes=self._brushes())
        plot.addItem(self._bars)
        plot.getAxis("bottom").setTicks([[(i, n) for i, n in enumerate(self.names)]])
        self._top = None
        self._fit_top()
        plot.setXRange(-0.6, len(self.names) - 0.4, padding=0)
        small = QFont(self._font)
        small.setPointSize(max(8, self._font.pointSize() - 2))
        for i, v in enumerate(self.values):
            label = pg.TextItem(self._text(v), color="#222", anchor=(0.5, 1.0))
            label.setFont(small)
            label.setPos(float(i), float(v))
            plot.addItem(label)
            self._labels.append(label)

    def _brushes(self) -> list:
        return [TRAIN_BRUSH if t else FROZEN_BRUSH for t in self.trainable]

    def _text(self, v: float) -> str:
        return f"{v:.0%}" if self._percent else (f"{v:.3f}" if v >= 1e-3 or v == 0 else f"{v:.1e}")

    def _update_bars(self, values: np.ndarray, trainable: list[bool]) -> None:
        self.values = values
        if trainable != self.trainable:
            self.trainable = trainable
            self._bars.setOpts(height=values, brushes=self._brushes())
        else:
            self._bars.setOpts(height=values)
        for label, v in zip(self._labels, values):
            text = self._text(v)
            if label.textItem.toPlainText() != text:
                label.setText(text)
            label.setPos(label.pos().x(), float(v))
        self._fit_top()

    def _fit_top(self) -> None:
        """The y range: 25% headroom over the tallest bar, changed only when the bars outgrow it
        or shrink below half of it (each change re-renders the axis)."""
        top = float(self.values.max()) if self.values.size else 1.0
        if self._percent:
            top = 1.0  # shares: always the full 0-100% scale, so 1% looks small
        want = top * 1.25 if top > 0 else 1.0
        if self._top is not None and want <= self._top and want > self._top / 2:
            return
        self._top = want
        self.getPlotItem().setYRange(0, want, padding=0)
