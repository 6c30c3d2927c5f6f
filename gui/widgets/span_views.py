"""The three span representations of one span, drawn as colour strips with their parts labelled."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from core.spans import SboInputs

from .value_heatmap import ValueHeatmapView


class SpanRepsView(pg.GraphicsLayoutWidget):
    """One row per variant: the vector ``[part₁; part₂; part₃]`` as a 1 × D colour strip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(90)
        self.rows: list[tuple[str, np.ndarray, tuple[str, ...]]] = []

    def set_rows(self, rows: Sequence[tuple[str, np.ndarray, Sequence[str]]]) -> None:
        """``rows``: ``(title, vector [D], part labels)``; the parts split D into equal-or-given widths."""
        self.clear()
        self.rows = [(t, np.asarray(v, dtype=np.float32), tuple(p)) for t, v, p in rows]
        for r, (title, vec, parts) in enumerate(self.rows):
            plot = self.addPlot(row=r, col=0)
            plot.setTitle(title, color="#222", size="11pt")
            plot.hideAxis("left")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            lim = float(np.abs(vec).max()) or 1.0
            img = pg.ImageItem(vec[None, :], axisOrder="row-major")
            img.setColorMap(pg.colormap.get("CET-D1"))
            img.setLevels((-lim, lim))
            plot.addItem(img)
            widths = self._widths(len(vec), parts)
            edges = np.cumsum([0, *widths])
            for x in edges[1:-1]:
                plot.addItem(pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen("#111", width=2)))
            ticks = [((a + b) / 2, label) for a, b, label in zip(edges[:-1], edges[1:], parts)]
            plot.getAxis("bottom").setTicks([ticks])
            plot.getAxis("bottom").setTextPen("#222")
            plot.setXRange(0, len(vec), padding=0)
            plot.setYRange(0, 1, padding=0)

    @staticmethod
    def _widths(total: int, parts: Sequence[str]) -> list[int]:
        n = max(len(parts), 1)
        base = total // n
        return [base] * (n - 1) + [total - base * (n - 1)]


class SboInputsView(ValueHeatmapView):
    """SpanBERT's SBO inputs as rows: ``x(s−1)``, ``x(e+1)`` and the position embedding of each
    inner token's place in the span; each row scaled to its own largest value."""

    def show_inputs(self, sbo: SboInputs, tokens: Sequence[str], span_text: str) -> np.ndarray:
        """Draw ``sbo``; returns the unscaled ``[rows, d]`` matrix shown."""
        rows, labels = [], []
        if sbo.left_vector is not None:
            rows.append(sbo.left_vector)
            labels.append(self.tr("x(s−1) = {0}").format(tokens[sbo.left]))
        if sbo.right_vector is not None:
            rows.append(sbo.right_vector)
            labels.append(self.tr("x(e+1) = {0}").format(tokens[sbo.right]))
        if sbo.position_vectors is not None:
            for r, t, p in zip(sbo.relative_positions, sbo.inner, sbo.position_vectors):
                rows.append(p)
                labels.append(self.tr("p{0} for {1}").format(r, tokens[t]))
        mat = np.stack(rows)
        # Position embeddings are far smaller than hidden states: scale each row on its own.
        scale = np.maximum(np.abs(mat).max(axis=1, keepdims=True), 1e-12)
        self.set_values(mat / scale, labels, [str(k) for k in range(mat.shape[1])], levels=(-1.0, 1.0),
                        title=self.tr("SBO inputs for \"{0}\" (each row scaled to its largest value)").format(
                            span_text))
        self.set_axis_titles("", "" if sbo.position_vectors is not None else self.tr(
            "This model has no position-embedding table (rotary positions): only the boundary vectors are shown."))
        return mat
