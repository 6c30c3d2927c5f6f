"""A similarity heatmap with the value written in each cell; NaN cells drawn as "no value"."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from .heatmap import HeatmapView

#: Above this many cells the numbers would be unreadable: only colours are drawn.
MAX_LABELLED_CELLS = 256


class ValueHeatmapView(HeatmapView):
    """``HeatmapView`` for cosine matrices: numbers in the cells, chosen axis titles, NaN = grey."""

    def __init__(self, parent: QWidget | None = None, *, rows_title: str = "", cols_title: str = "") -> None:
        self._axis_titles = (rows_title, cols_title)
        super().__init__(parent)
        self._texts: list[pg.TextItem] = []
        self._shown_texts = 0
        self.set_axis_titles(rows_title, cols_title)
        self.set_minimum_floor(100, 80)

    def hide_colour_bar(self) -> None:
        """Side-by-side matrices on one scale need only one colour bar."""
        self._plot.layout.removeItem(self._bar)
        self._bar.hide()

    def set_axis_titles(self, rows: str, cols: str) -> None:
        """Axis titles (already translated by the caller); kept across font changes."""
        self._axis_titles = (rows, cols)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # HeatmapView titles its axes "from (query)" / "to (key)" on every font change: not here.
        titles = getattr(self, "_axis_titles", None)
        if titles is None:
            return super().retranslate_ui()
        size = f"{max(9.0, self._font.pointSizeF() * 0.9):g}pt"
        self._plot.getAxis("left").setLabel(titles[0], color="#555", **{"font-size": size})
        self._plot.getAxis("top").setLabel(titles[1], color="#555", **{"font-size": size})

    def set_values(self, values: np.ndarray, row_labels: Sequence[str], col_labels: Sequence[str], *,
                   levels: tuple[float, float] = (0.0, 1.0), title: str = "", decimals: int = 2) -> None:
        """Show ``values`` [rows, cols]; NaN cells are masked (light grey, no number)."""
        vals = np.asarray(values, dtype=np.float32)
        nan = np.isnan(vals)
        self.set_matrix(np.where(nan, levels[0], vals), row_labels, col_labels, levels=levels,
                        masked=nan if nan.any() else None, title=title)
        rows, cols = vals.shape
        cells = [(r, c) for r, c in zip(*np.nonzero(~nan))]  # a span triangle labels only its spans
        if len(cells) > MAX_LABELLED_CELLS:
            cells = []
        # Text items are re-used between calls: creating hundreds per slider move is slow.
        while len(self._texts) < len(cells):
            item = pg.TextItem("", anchor=(0.5, 0.5))
            item.setZValue(8)
            self._plot.addItem(item, ignoreBounds=True)
            self._texts.append(item)
        font = QFont(self._font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * (1.1 if rows * cols <= 36 else 0.8)))
        mid = (levels[0] + levels[1]) / 2
        for item, (r, c) in zip(self._texts, cells):
            v = float(vals[r, c])
            item.setText(f"{v:.{decimals}f}", color="#111" if v > mid else "#fff")
            item.setFont(font)
            item.setPos(c, r)
            item.setVisible(True)
        for item in self._texts[len(cells):]:
            item.setVisible(False)
        self._shown_texts = len(cells)

    def cell_texts(self) -> list[str]:
        """The numbers written in the cells (tests)."""
        return [t.toPlainText() for t in self._texts[: self._shown_texts]]
