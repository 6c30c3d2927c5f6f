"""Histogram of sampled span lengths beside the theoretical distribution (pyqtgraph)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication


class SpanHistogramView(pg.PlotWidget):
    """Bars: observed share of each span length; dots and line: the theory."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setFixedHeight(190)
        self.showGrid(x=False, y=True, alpha=0.3)
        self.getAxis("left").enableAutoSIPrefix(False)
        self.observed = np.zeros(0)
        self.theory = np.zeros(0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        t = QCoreApplication.translate
        self.setLabel("bottom", t("SpanHistogramView", "span length (words)"))
        self.setLabel("left", t("SpanHistogramView", "share of spans"))

    def set_data(self, samples: np.ndarray, theory: np.ndarray) -> None:
        """``samples`` int lengths (1…n); ``theory`` float ``[n]`` P(length = 1…n)."""
        self.clear()
        n = len(theory)
        counts = np.bincount(np.asarray(samples, dtype=np.int64), minlength=n + 1)[1:n + 1]
        self.observed = counts / max(1, counts.sum())
        self.theory = np.asarray(theory, dtype=float)
        x = np.arange(1, n + 1)
        self.addItem(pg.BarGraphItem(x=x, height=self.observed, width=0.7, brush="#9ec5ff", pen="#3a73d0"))
        self.plot(x, self.theory, pen=pg.mkPen("#d0453a", width=2), symbol="o", symbolBrush="#d0453a")
        mean_obs = float((x * self.observed).sum())
        mean_th = float((x * self.theory).sum())
        self.setTitle(QCoreApplication.translate(
            "SpanHistogramView", "{0} samples: mean {1:.2f} (theory {2:.2f}, red)").format(
                int(counts.sum()), mean_obs, mean_th))
