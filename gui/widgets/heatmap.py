"""One attention matrix as a heatmap: token ticks, causal-mask overlay, hover readout, click to select."""
from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QMouseEvent
from PySide6.QtWidgets import QGraphicsRectItem, QTabWidget, QWidget

from ..i18n import Retranslatable
from ..view_style import plot_font, view_style
from .token_axis import (ALWAYS_LABEL, MAX_LABEL_PX, MIN_LABEL_PT, OVERLAP_OK, TokenAxis, metrics_funcs, nice_step,
                         plan_square)

#: Colour of cells that may not be attended to (e.g. a decoder's causal upper triangle).
MASK_RGBA = (222, 222, 222, 255)
#: Outline of the selected token's row and column.
HIGHLIGHT_PEN = pg.mkPen("#ff3b30", width=2)
__all__ = ["HIGHLIGHT_PEN", "MASK_RGBA", "MAX_LABEL_PX", "HeatmapView", "nice_step", "setup_matrix_plot"]


def setup_matrix_plot(plot: pg.PlotItem) -> tuple[pg.ImageItem, pg.ImageItem, pg.ColorBarItem]:
    """Shared look of matrix plots: row 0 at the top, labels on top and left, no menus;
    a data image, a mask overlay above it and a viridis colour bar."""
    plot.invertY(True)  # row 0 (the first token) at the top, like a table
    plot.showAxis("top")
    plot.hideAxis("bottom")
    plot.hideButtons()
    plot.setMenuEnabled(False)
    for name in ("left", "top"):
        plot.getAxis(name).setTextPen("#222")
    image = pg.ImageItem(axisOrder="row-major")
    mask_image = pg.ImageItem(axisOrder="row-major")
    mask_image.setZValue(5)
    plot.addItem(image)
    plot.addItem(mask_image)
    bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=view_style().colormap(), interactive=False, width=14)
    bar.setImageItem(image, insert_in=plot)
    return image, mask_image, bar


class HeatmapView(Retranslatable, pg.GraphicsLayoutWidget):
    """A rows × cols attention matrix (rows = "from"/query, cols = "to"/key) with token labels."""

    cell_hovered = Signal(int, int, float)
    token_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self._floor = QSize(200, 96)         # the smallest size whatever the labels need
        self._label_need = QSize(0, 0)       # room for every token label (up to ALWAYS_LABEL) at the smallest font
        self._label_key: tuple = ()          # what the room was computed for (matrix shape, font)
        self._values = np.zeros((0, 0), dtype=np.float32)
        self._masked: np.ndarray | None = None
        self._row_labels: list[str] = []
        self._col_labels: list[str] = []
        self._row_ticks: list[tuple[int, str]] = []
        self._col_ticks: list[tuple[int, str]] = []
        self._hover: tuple[int, int] | None = None
        self._hover_text = ""
        self._selected: int | None = None
        self._font = plot_font()  # the application font (projector size) with CJK/Cyrillic fallbacks
        self._plans: tuple[object, object] | None = None

        self._readout = self.addLabel("", row=0, col=0, justify="left", color="#222")
        self._plot = plot = self.addPlot(row=1, col=0, axisItems={"top": TokenAxis("top"), "left": TokenAxis("left")})
        self._image, self._mask_image, self._bar = setup_matrix_plot(plot)
        for name in ("left", "top"):
            plot.getAxis(name).setStyle(tickFont=self._font, tickLength=-3)
        self.retranslate_ui()
        self._row_box = self._outline()
        self._col_box = self._outline()
        plot.vb.sigResized.connect(self._update_ticks)
        plot.vb.sigRangeChanged.connect(self._update_ticks)
        view_style().changed.connect(self._on_style_changed)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def _on_style_changed(self) -> None:
        self._bar.setColorMap(view_style().colormap())
        if self._masked is not None and self._masked.any():
            overlay = np.zeros((*self._masked.shape, 4), dtype=np.uint8)
            overlay[self._masked] = view_style().mask_rgba()
            self._mask_image.setImage(overlay, autoLevels=False)

    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        # The projector text size changes the application font: relabel with the new size.
        if ev.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange) and hasattr(self, "_plot"):
            self._font = plot_font()
            self.retranslate_ui()
            if getattr(self, "_title", ""):
                self._plot.setTitle(html.escape(self._title), size=f"{max(10.0, self._font.pointSizeF()):g}pt")
            self._row_ticks, self._col_ticks = [], []
            self._update_ticks()
        super().changeEvent(ev)

    def retranslate_ui(self) -> None:
        size = f"{max(9.0, self._font.pointSizeF() * 0.9):g}pt"   # follows the projector text size
        self._plot.getAxis("left").setLabel(QCoreApplication.translate("HeatmapView", "from (query)"), color="#555",
                                            **{"font-size": size})
        self._plot.getAxis("top").setLabel(QCoreApplication.translate("HeatmapView", "to (key)"), color="#555",
                                           **{"font-size": size})

    def _outline(self) -> QGraphicsRectItem:
        box = QGraphicsRectItem()
        box.setPen(HIGHLIGHT_PEN)
        box.setZValue(10)
        box.setVisible(False)
        self._plot.addItem(box, ignoreBounds=True)
        return box

    # ----------------------------------------------------------------- public API
    def set_matrix(self, values: np.ndarray, row_labels: Sequence[str], col_labels: Sequence[str], *,
                   levels: tuple[float, float] = (0.0, 1.0), masked: np.ndarray | None = None,
                   title: str = "") -> None:
        """Show ``values`` [rows, cols]; ``masked`` (bool, same shape) cells are drawn light grey."""
        vals = np.asarray(values, dtype=np.float32)
        if vals.ndim != 2:
            raise ValueError(f"expected a 2-D matrix, got shape {vals.shape}")
        rows, cols = vals.shape
        if len(row_labels) != rows or len(col_labels) != cols:
            raise ValueError(f"{len(row_labels)} row / {len(col_labels)} column labels for a {rows}×{cols} matrix")
        mask = None if masked is None else np.asarray(masked, dtype=bool)
        if mask is not None and mask.shape != vals.shape:
            raise ValueError(f"masked has shape {mask.shape}, expected {vals.shape}")
        rows_text, cols_text = [str(x) for x in row_labels], [str(x) for x in col_labels]
        if (mask is None and self._masked is None and vals.shape == self._values.shape and vals.size
                and rows_text == self._row_labels and cols_text == self._col_labels
                and title == getattr(self, "_title", None) and tuple(levels) == getattr(self, "_levels", None)):
            # Only the values changed (a live view, e.g. attention during training): swap the
            # image. Re-titling, re-ranging and re-labelling would re-layout the plot and
            # re-render its axes: ~10 ms of the GUI thread for the same picture frame.
            self._values = vals.copy()
            self._image.setImage(self._values, autoLevels=False, levels=levels)
            if self._hover_text:
                self._hover = None
                self._set_readout("")
            return
        self._levels = tuple(levels)
        self._values, self._masked = vals.copy(), mask
        self._row_labels, self._col_labels = rows_text, cols_text
        # Half-cell offset: cell (r, c) is centred on integer coordinates, so ticks sit on cells.
        rect = QRectF(-0.5, -0.5, cols, rows)
        self._image.setImage(self._values, autoLevels=False, levels=levels)
        self._image.setRect(rect)
        self._bar.setLevels(levels)
        if mask is not None and mask.any():
            overlay = np.zeros((rows, cols, 4), dtype=np.uint8)
            overlay[mask] = view_style().mask_rgba()
            self._mask_image.setImage(overlay, autoLevels=False)
            self._mask_image.setRect(rect)
            self._mask_image.setVisible(True)
        else:
            self._mask_image.clear()
            self._mask_image.setVisible(False)
        self._title = title
        self._plot.setTitle(html.escape(title) if title else None, size=f"{max(10.0, self._font.pointSizeF()):g}pt")
        vb = self._plot.vb
        vb.setLimits(xMin=-0.5, xMax=max(cols, 1) - 0.5, yMin=-0.5, yMax=max(rows, 1) - 0.5)
        vb.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0)
        self._hover = None
        self._set_readout("")
        self.highlight(self._selected if self._selected is not None and self._selected < rows else None)
        self._update_label_room()
        self._update_ticks()

    def values(self) -> np.ndarray:
        """The matrix currently shown (a copy)."""
        return self._values.copy()

    def masked(self) -> np.ndarray | None:
        """The bool mask currently drawn, or None."""
        return None if self._masked is None else self._masked.copy()

    def mask_overlay(self) -> np.ndarray | None:
        """The RGBA overlay image drawn over masked cells, or None when nothing is masked."""
        return self._mask_image.image if self._mask_image.isVisible() else None

    def hover_text(self) -> str:
        """The current hover readout, e.g. ``"lily → girl: 0.231"`` ("" when not over a cell)."""
        return self._hover_text

    def row_ticks(self) -> list[tuple[int, str]]:
        """The (row, label) ticks currently set on the left axis (after thinning)."""
        return list(self._row_ticks)

    def col_ticks(self) -> list[tuple[int, str]]:
        """The (column, label) ticks currently set on the top axis (after thinning)."""
        return list(self._col_ticks)

    def selected(self) -> int | None:
        return self._selected

    def highlight(self, index: int | None) -> None:
        """Outline row ``index`` and column ``index`` (None clears)."""
        rows, cols = self._values.shape
        self._selected = index
        show_row = index is not None and 0 <= index < rows
        show_col = index is not None and 0 <= index < cols
        if show_row:
            self._row_box.setRect(QRectF(-0.5, index - 0.5, cols, 1))
        if show_col:
            self._col_box.setRect(QRectF(index - 0.5, -0.5, 1, rows))
        self._row_box.setVisible(show_row)
        self._col_box.setVisible(show_col)

    def cell_scene_pos(self, row: int, col: int) -> QPointF:
        """Scene position of the centre of cell (row, col); map with ``mapFromScene`` for widget coords."""
        return self._plot.vb.mapViewToScene(QPointF(col, row))

    def row_label_scene_pos(self, row: int) -> QPointF:
        """Scene position of row ``row``'s label on the left axis."""
        axis = self._plot.getAxis("left").sceneBoundingRect()
        return QPointF(axis.center().x(), self.cell_scene_pos(row, 0).y())

    # ---------------------------------------------------------------- size for the labels
    def set_minimum_floor(self, width: int, height: int) -> None:
        """The smallest size of this view whatever its labels need (instead of ``setMinimumSize``,
        which would override the room asked for the token labels)."""
        self._floor = QSize(width, height)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for every row and column label (up to ``ALWAYS_LABEL`` tokens) at the smallest font.

        A docked view shorter than that would have to thin its labels; asking for the room lets the
        panel scroll inside its dock instead, so the class can still tell which row is which.
        """
        return self._floor.expandedTo(self._label_need)

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().showEvent(ev)
        self._update_label_room()   # measured only while shown (a hidden tab keeps a stale layout)

    def label_room(self) -> QSize:
        """The size the token labels ask for (0 × 0 before a matrix is shown)."""
        return QSize(self._label_need)

    def _update_label_room(self) -> None:
        """Recompute the room every label needs (up to ``ALWAYS_LABEL`` of them) at ``MIN_LABEL_PT``."""
        rows, cols = self._values.shape
        key = (rows, cols, self._font.key())
        same = key == self._label_key
        need = QSize(0, 0)
        if rows and cols:
            plot, vb = self._plot, self._plot.vb
            top, left = plot.getAxis("top"), plot.getAxis("left")
            # A hidden view (another tab, a closed dock) keeps a stale layout: measure only a shown one.
            laid_out = (self.isVisible() and 1 < vb.width() < self.width() and 1 < vb.height() < self.height())
            if same and not laid_out:
                return
            small = QFont(self._font)
            small.setPointSizeF(MIN_LABEL_PT)
            m = QFontMetricsF(small)
            line = m.height()
            title_font = QFont(self._font)
            title_font.setPointSizeF(0.9 * self._font.pointSizeF())
            axis_title = 1.2 * QFontMetricsF(title_font).height()
            # The column band when its labels are turned (the tallest it gets at the smallest font).
            band = self._widest(small, self._col_labels) + 10 + (axis_title if top.labelText else 0)
            if laid_out:
                # What is neither the matrix nor its labels (readout, title, colour bar, margins, the
                # axis titles) does not depend on the label font: measure it from the current layout.
                other_h = max(0.0, self.height() - vb.height() - top.height())
                other_w = max(0.0, self.width() - vb.width() - left.textWidth)  # pyqtgraph's room for row labels
            else:
                other_h = 2 * QFontMetricsF(self._font).height() + 40
                other_w = 110 + (axis_title if left.labelText else 0)
            # pyqtgraph keeps the row labels' room unless the text outgrows it or is 10 px narrower.
            row_text = self._widest(small, self._row_labels)
            if laid_out and row_text <= left.textWidth <= row_text + 10:
                row_text = left.textWidth
            n_rows, n_cols = min(rows, ALWAYS_LABEL), min(cols, ALWAYS_LABEL)
            # Rows a full line of the smallest font each; turned columns as close as plan_labels allows.
            need = QSize(math.ceil(other_w + row_text + n_cols * line / OVERLAP_OK) + 4,
                         math.ceil(other_h + band + n_rows * 1.06 * line) + 2)
        if need != self._label_need and not (same and abs(need.width() - self._label_need.width()) <= 3
                                               and abs(need.height() - self._label_need.height()) <= 3):
            # (A pixel or two of measuring noise on a relayout is no reason to relayout again.)
            self._label_key = key
            self._label_need = need
            self.updateGeometry()
            # A QTabWidget re-lays out its tab bar on a page's layout request but does not pass the
            # page's new minimum on: tell it, so a scrolling dock grows to the room asked for.
            parent = self.parentWidget()
            while parent is not None and not parent.isWindow():
                if isinstance(parent, QTabWidget):
                    parent.updateGeometry()
                parent = parent.parentWidget()

    # ---------------------------------------------------------------- tick thinning
    def _update_ticks(self, *_: object) -> None:
        rows, cols = self._values.shape
        vb = self._plot.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        # Before the first layout the view box has no size; the widget's size is a fair guess.
        height = vb.height() if vb.height() > 1 else 0.8 * self.height()
        width = vb.width() if vb.width() > 1 else 0.8 * self.width()
        metrics = QFontMetrics(self._font)
        row_labels = [self._elide(metrics, s) for s in self._row_labels]
        col_labels = [self._elide(metrics, s) for s in self._col_labels]
        col_px = width / max(x1 - x0, 1e-9)
        base = self._font.pointSizeF()
        line_px, _ = metrics_funcs(self._font, row_labels)
        _, col_text_px = metrics_funcs(self._font, col_labels)
        top = self._plot.getAxis("top")
        label_h = 1.2 * line_px(0.9 * base) if top.labelText else 0   # the "to (key)" axis title
        row_plan, col_plan = plan_square(rows, cols, height + top.height(), col_px, base, line_px=line_px,
                                         col_text_px=col_text_px, axis_extra_px=10 + label_h)
        row_ticks = [(i, row_labels[i]) for i in range(0, rows, row_plan.step)]
        col_ticks = [(j, col_labels[j]) for j in range(0, cols, col_plan.step)]
        # set_labels relayouts the axis, which resizes the view box and calls us again: stop when stable.
        if row_ticks != self._row_ticks or self._plans is None or self._plans[0] != row_plan:
            self._row_ticks = row_ticks
            self._plot.getAxis("left").set_labels(row_ticks, self._sized(row_plan.point_size), False)
        if col_ticks != self._col_ticks or self._plans is None or self._plans[1] != col_plan:
            self._col_ticks = col_ticks
            self._plot.getAxis("top").set_labels(col_ticks, self._sized(col_plan.point_size), col_plan.rotated)
        self._plans = (row_plan, col_plan)
        self._update_label_room()

    def label_plans(self):
        """The (row, column) ``LabelPlan`` in use: font size, thinning step, rotation."""
        return self._plans

    @staticmethod
    def _widest(font: QFont, labels: Sequence[str]) -> float:
        m = QFontMetricsF(font)
        return max((min(MAX_LABEL_PX, m.horizontalAdvance(s)) for s in labels), default=0.0)

    def _sized(self, pt: float) -> QFont:
        f = QFont(self._font)
        f.setPointSizeF(pt)
        return f

    @staticmethod
    def _elide(metrics: QFontMetrics, text: str) -> str:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, MAX_LABEL_PX)

    # ------------------------------------------------------------- hover and click
    def _cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        rows, cols = self._values.shape
        vb = self._plot.vb
        if not rows or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        r, c = math.floor(p.y() + 0.5), math.floor(p.x() + 0.5)
        return (r, c) if 0 <= r < rows and 0 <= c < cols else None

    def _row_at_axis(self, scene_pos: QPointF) -> int | None:
        rows = self._values.shape[0]
        if not rows or not self._plot.getAxis("left").sceneBoundingRect().contains(scene_pos):
            return None
        vb = self._plot.vb
        inside = QPointF(vb.sceneBoundingRect().center().x(), scene_pos.y())
        r = math.floor(vb.mapSceneToView(inside).y() + 0.5)
        return r if 0 <= r < rows else None

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(ev)
        # Handled on the view, not via scene.sigMouseMoved, which pyqtgraph rate-limits (drops moves).
        cell = self._cell_at(self.mapToScene(ev.position().toPoint()))
        if cell == self._hover:
            return
        self._hover = cell
        if cell is None:
            self._set_readout("")
            return
        r, c = cell
        value = float(self._values[r, c])
        suffix = (" " + QCoreApplication.translate("HeatmapView", "(masked)")
                  if self._masked is not None and self._masked[r, c] else "")
        self._set_readout(f"{self._row_labels[r]} → {self._col_labels[c]}: {value:.3f}{suffix}")
        self.cell_hovered.emit(r, c, value)

    def leaveEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().leaveEvent(ev)
        self._hover = None
        self._set_readout("")

    def _set_readout(self, text: str) -> None:
        self._hover_text = text
        self._readout.setText(html.escape(text) if text else "&nbsp;")
        self.setToolTip(text)

    def _on_scene_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = ev.scenePos()
        cell = self._cell_at(pos)
        row = cell[0] if cell is not None else self._row_at_axis(pos)
        if row is None:
            return
        self.highlight(row)
        self.token_clicked.emit(row)
