"""Horizontal probability bars, one plot per masked position (pyqtgraph)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from core import MaskPrediction

from ..view_style import plot_font

BAR_BRUSH = pg.mkBrush("#3a73d0")
TOP_BRUSH = pg.mkBrush("#1f9d55")


class ProbabilityBarsView(pg.GraphicsLayoutWidget):
    """Top-k candidates per mask as labelled horizontal bars with their probabilities."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self._values: list[np.ndarray] = []
        self._labels: list[list[str]] = []
        self.setMinimumHeight(160)

    def clear_bars(self) -> None:
        self.clear()
        self._values, self._labels = [], []

    def bar_values(self) -> list[np.ndarray]:
        """The plotted probabilities, one array per mask (for tests)."""
        return [v.copy() for v in self._values]

    def bar_labels(self) -> list[list[str]]:
        return [list(x) for x in self._labels]

    def set_predictions(self, predictions: tuple[MaskPrediction, ...] | list[MaskPrediction],
                        titles: list[str] | None = None, axis_label: str = "") -> None:
        """Draw one plot per prediction; ``titles`` label each plot (default: position)."""
        self.clear_bars()
        font = plot_font()  # follows the projector text size, with CJK/Cyrillic fallbacks
        for n, pred in enumerate(predictions):
            probs = np.array([c.probability for c in pred.candidates], dtype=float)
            labels = [c.token for c in pred.candidates]
            self._values.append(probs)
            self._labels.append(labels)
            title = titles[n] if titles else f"[MASK] @ {pred.position}"
            plot = self.addPlot(row=n, col=0, title=f"<span style='font-size:{font.pointSizeF() + 1:g}pt'>{title}</span>")
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.setMenuEnabled(False)
            y = np.arange(len(probs))
            brushes = [TOP_BRUSH if i == 0 else BAR_BRUSH for i in range(len(probs))]
            plot.addItem(pg.BarGraphItem(x0=0, y=y, height=0.75, width=probs, brushes=brushes))
            for i, p in enumerate(probs):
                txt = pg.TextItem(f"{p:.3f}", color="#222", anchor=(0, 0.5))
                txt.setFont(font)
                txt.setPos(float(p), float(i))
                plot.addItem(txt)
            left = plot.getAxis("left")
            left.setTicks([[(i, lab) for i, lab in enumerate(labels)]])
            left.setStyle(tickFont=font)
            left.setWidth(110)
            if axis_label:
                plot.getAxis("bottom").setLabel(axis_label)
            plot.invertY(True)
            plot.setXRange(0, 1.18, padding=0)
            plot.setYRange(-0.6, len(probs) - 0.4, padding=0)
