"""Per-layer bars: what trains (trainable share) and what changed (relative weight change)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

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
        self._bars: pg.BarGraphItem | None = None
        self._labels: list[pg.TextItem] = []
        self.values = np.zeros(0)
        self.names: list[str] = []
        self.trainable: list[bool] = []

    def set_title(self, text: str) -> None:
        self.getPlotItem().setTitle(text, color="#222", size=f"{self._font.pointSize() + 1}pt")

    def set_bars(self, names: Sequence[str], values: Sequence[float], trainable: Sequence[bool]) -> None:
        plot = self.getPlotItem()
        if self._bars is not None:
            plot.removeItem(self._bars)
        for t in self._labels:
            plot.removeItem(t)
        self._labels.clear()
        self.names, self.values, self.trainable = list(names), np.asarray(values, dtype=float), list(trainable)
        x = np.arange(len(self.names))
        brushes = [TRAIN_BRUSH if t else FROZEN_BRUSH for t in self.trainable]
        self._bars = pg.BarGraphItem(x=x, height=self.values, width=0.7, brushes=brushes)
        plot.addItem(self._bars)
        plot.getAxis("bottom").setTicks([[(i, n) for i, n in enumerate(self.names)]])
        top = float(self.values.max()) if self.values.size else 1.0
        if self._percent:
            top = 1.0  # shares: always the full 0-100% scale, so 1% looks small
        plot.setYRange(0, top * 1.25 if top > 0 else 1.0, padding=0)
        plot.setXRange(-0.6, len(self.names) - 0.4, padding=0)
        small = QFont(self._font)
        small.setPointSize(max(8, self._font.pointSize() - 2))
        for i, v in enumerate(self.values):
            text = f"{v:.0%}" if self._percent else (f"{v:.3f}" if v >= 1e-3 or v == 0 else f"{v:.1e}")
            label = pg.TextItem(text, color="#222", anchor=(0.5, 1.0))
            label.setFont(small)
            label.setPos(float(i), float(v))
            plot.addItem(label)
            self._labels.append(label)

