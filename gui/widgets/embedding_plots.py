"""Plots of the embeddings panel: Ethayarajh's layer curves, the PCA projection, a per-layer line."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEngine, QPen, QTransform
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


class PointLabels(pg.GraphicsObject):
    """Bold text beside a few points, all drawn in screen pixels by one paint.

    (A ``pg.TextItem`` per point updates its own transform on every view change; a slider drag
    moves the points on every step.) Positions are in data coordinates; the text keeps its size
    whatever the zoom. Add it with ``ignoreBounds=True``: its bounding rect is the view.
    """

    # px from a point to its label's baseline, as a TextItem anchored at its bottom-left corner
    # (4 px of document margin and the line's leading below the text)
    OFFSET = (4.0, 7.0)

    def __init__(self) -> None:
        super().__init__()
        self._xy = np.zeros((0, 2))
        self._texts: tuple[str, ...] = ()
        self._colours: list[QColor] = []
        self.font = QFont()
        self.font.setBold(True)
        self.setZValue(20)

    def set_labels(self, texts: Sequence[str], colours: Sequence[str], xy: np.ndarray) -> None:
        self._texts = tuple(texts)
        self._colours = [QColor(c) for c in colours]
        self.set_positions(xy)

    def set_positions(self, xy: np.ndarray) -> None:
        self._xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.update()

    def texts(self) -> list[str]:
        return list(self._texts)

    def positions(self) -> np.ndarray:
        return self._xy.copy()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        view = self.getViewBox()
        return view.viewRect() if view is not None else QRectF()

    def viewRangeChanged(self) -> None:  # noqa: N802 (pyqtgraph hook)
        self.prepareGeometryChange()

    def paint(self, painter: QPainter, *args) -> None:
        if not self._texts:
            return
        to_screen = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        lift = QPointF(self.OFFSET[0], -self.OFFSET[1] - QFontMetricsF(self.font).descent())
        for (x, y), text, colour in zip(self._xy.tolist(), self._texts, self._colours):
            painter.setPen(colour)
            painter.drawText(to_screen.map(QPointF(x, y)) + lift, text)
        painter.restore()


class VectorScatter(pg.ScatterPlotItem):
    """A scatter item that draws its symbols as vector shapes when the painter writes SVG.

    pyqtgraph stamps pixel-mode symbols from one atlas pixmap; Qt's SVG engine ignores the
    source rectangle of a pixmap fragment, so every point would carry the whole atlas (all the
    sentences' colours). Raster painting (screen, PNG) keeps the fast atlas.
    """

    def paint(self, painter: QPainter, option, widget) -> None:
        engine = painter.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.SVG:
            super().paint(painter, option, widget)
            return
        cached, self.opts["useCache"] = self.opts["useCache"], False
        try:
            super().paint(painter, option, widget)
        finally:
            self.opts["useCache"] = cached


class GridLines(pg.GraphicsObject):
    """The plot's grid, drawn under the points in opaque colours.

    pyqtgraph draws a grid as part of each axis: the axes then cover the whole plot, so every
    point move repaints them, and their half-transparent lines are slow to blend. This item
    draws the same lines (the axes' tick values, the same fading per tick level) in the colour
    they have on the white background, in one cheap paint. Add it with ``ignoreBounds=True``.
    """

    def __init__(self, plot: pg.PlotItem, alpha: float = 0.25) -> None:
        super().__init__()
        self._axes = (plot.getAxis("bottom"), plot.getAxis("left"))
        self._alpha = alpha
        self._cache: tuple[tuple, list] = ((), [])
        self.setZValue(-50)  # above the view's background, under every data item

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        view = self.getViewBox()
        return view.viewRect() if view is not None else QRectF()

    def viewRangeChanged(self) -> None:  # noqa: N802 (pyqtgraph hook)
        self.prepareGeometryChange()

    def _lines(self, rect: QRectF, to_screen: QTransform, size: tuple[float, float]) -> list[tuple[QPen, list[QLineF]]]:
        """Per tick level: its pen and its lines in screen pixels (cached while the view holds still)."""
        key = (rect.getRect(), size, to_screen)
        if self._cache[0] == key:
            return self._cache[1]
        lines = []
        for axis, vertical, length in ((self._axes[0], True, size[0]), (self._axes[1], False, size[1])):
            lo, hi = (rect.left(), rect.right()) if vertical else (rect.top(), rect.bottom())
            if not hi > lo or length <= 0:
                continue
            base = axis.pen().color()
            for level, (_spacing, values) in enumerate(axis.tickValues(lo, hi, length)):
                # pyqtgraph's grid: alpha 1/(level+1) · grid alpha · a fade for dense levels
                a = self._alpha / (level + 1) * min(max(0.05 * length / (len(values) + 1), 0.0), 1.0)
                colour = QColor(*(round(255 - a * (255 - c)) for c in (base.red(), base.green(), base.blue())))
                if colour == QColor("white"):
                    continue  # too faint to see on white
                pen = QPen(colour, 0)
                pen.setCosmetic(True)
                ends = [((v, rect.top()), (v, rect.bottom())) if vertical else ((rect.left(), v), (rect.right(), v))
                        for v in values if lo <= v <= hi]
                lines.append((pen, [to_screen.map(QLineF(QPointF(*p), QPointF(*q))) for p, q in ends]))
        self._cache = (key, lines)
        return lines

    def paint(self, painter: QPainter, *args) -> None:
        view = self.getViewBox()
        if view is None:
            return
        to_screen = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._lines(view.viewRect(), to_screen, (view.width(), view.height())):
            painter.setPen(pen)
            painter.drawLines(lines)
        painter.restore()


class ProjectionView(pg.PlotWidget):
    """Every token vector of every sentence in 2-D (PCA), coloured by sentence; targets labelled.

    One scatter item holds all points (a brush per point, built once per set of sentences); a
    slider move only writes the new positions. The view range is refitted only when points
    leave it or fill much less of it (no axis re-layout on most moves), and the grid is drawn
    under the points by :class:`GridLines` (the axes stay outside the plot: a move never
    repaints them).
    """

    FIT_PADDING = 0.06   # of the points' span, on each side
    FIT_SHRINK = 0.6     # refit when the points span less than this share of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _plain_plot(self)
        self.showGrid(x=False, y=False)  # the grid lives under the points (GridLines): moves leave the axes alone
        for name in ("left", "bottom"):
            self.getAxis(name).setStyle(tickLength=0)  # as with pyqtgraph's grid: no tick marks
        self.grid = GridLines(self.getPlotItem())
        self.addItem(self.grid, ignoreBounds=True)
        self.legend = self.addLegend(offset=(10, 10), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        self.projection: Projection | None = None
        self._brushes = [pg.mkBrush(c) for c in PALETTE]
        self.points = VectorScatter(size=10, pen=pg.mkPen("w"), hoverable=True, hoverSize=14, tip=self._tip)
        self.labels = PointLabels()
        self.addItem(self.points)
        self.addItem(self.labels, ignoreBounds=True)
        self._samples: list[pg.ScatterPlotItem] = []   # legend entries: clicking one hides that sentence
        self._point_style: dict[str, list] = {"brush": [], "data": []}
        self._axis_labels: tuple[str, str] = ("", "")
        self._user_range = False
        view = self.getViewBox()
        view.disableAutoRange()
        view.sigRangeChangedManually.connect(self._on_user_range)

    def set_projection(self, proj: Projection, sentence_names: Sequence[str]) -> None:
        same = (self.projection is not None and self.projection.labels == proj.labels
                and np.array_equal(self.projection.sentence, proj.sentence)
                and np.array_equal(self.projection.is_target, proj.is_target))
        self.projection = proj
        if same:
            self._move(proj)  # a slider move: same points, new places
        else:
            self._rebuild(proj, sentence_names)
        labels = (_tr("PC 1 ({0}% of variance)").format(f"{100 * proj.explained[0]:.0f}"),
                  _tr("PC 2 ({0}% of variance)").format(f"{100 * proj.explained[1]:.0f}"))
        if labels != self._axis_labels:  # a new label re-lays out and repaints the axes
            self._axis_labels = labels
            self.setLabel("bottom", labels[0])
            self.setLabel("left", labels[1])

    def _rebuild(self, proj: Projection, sentence_names: Sequence[str]) -> None:
        self.legend.clear()
        self._samples = []
        for s in range(len(sentence_names)):
            if not (proj.sentence == s).any():
                continue
            sample = pg.ScatterPlotItem(size=10, pen=pg.mkPen("w"), brush=self._brushes[s % len(PALETTE)])
            sample.visibleChanged.connect(self._on_legend_toggled)
            sample.setProperty("sentence", s)
            self.legend.addItem(sample, sentence_names[s])
            self._samples.append(sample)
        names = [sentence_names[s] for s in proj.sentence.tolist()]
        self._point_style = {"brush": [self._brushes[s % len(PALETTE)] for s in proj.sentence.tolist()],
                             "data": list(zip(proj.labels, names))}
        self.points.setData(x=proj.coords[:, 0], y=proj.coords[:, 1], **self._point_style)
        targets = np.flatnonzero(proj.is_target)
        self.labels.set_labels([proj.labels[i] for i in targets],
                               [PALETTE[int(proj.sentence[i]) % len(PALETTE)] for i in targets], proj.coords[targets])
        self._user_range = False
        self._fit(proj.coords, force=True)

    def _move(self, proj: Projection) -> None:
        self._set_positions(proj.coords)
        self.labels.set_positions(proj.coords[proj.is_target])
        self._fit(proj.coords)

    def _set_positions(self, coords: np.ndarray, in_place: bool = True) -> None:
        """New places for the same points, keeping their brushes, hover data and atlas entries.

        In place: pyqtgraph keeps its points in a record array with ``x`` and ``y`` fields;
        writing those skips ``setData``'s re-styling of every spot (a few ms for 1,000 points).
        Should a pyqtgraph version store them otherwise, ``setData`` does the work.
        """
        item = self.points
        table = getattr(item, "data", None)
        if not (in_place and isinstance(table, np.ndarray) and table.dtype.names
                and {"x", "y"} <= set(table.dtype.names) and len(table) == len(coords)):
            item.setData(x=coords[:, 0], y=coords[:, 1], **self._point_style)
            self._on_legend_toggled()  # setData shows every point again
            return
        # What ScatterPlotItem.setData does after filling its table, minus re-styling every spot.
        table["x"], table["y"] = coords[:, 0], coords[:, 1]
        item.prepareGeometryChange()
        item.informViewBoundsChanged()
        item.bounds = [None, None]
        item.invalidate()
        item.sigPlotChanged.emit(item)

    def _fit(self, coords: np.ndarray, force: bool = False) -> None:
        """Fit the view to the points, unless it already shows them all at a fair size.

        A range the user set (pan, zoom) is kept; the auto-range button fits again."""
        view = self.getViewBox()
        if any(view.autoRangeEnabled()):  # the "A" button: fit now, then hold still again
            view.disableAutoRange()
            self._user_range, force = False, True
        if len(coords) == 0 or (self._user_range and not force):
            return
        lo, hi = coords.min(axis=0), coords.max(axis=0)
        span = np.maximum(hi - lo, 1e-9)
        (x0, x1), (y0, y1) = view.viewRange()
        shown_lo, shown_hi = np.array([x0, y0]), np.array([x1, y1])
        if (not force and np.all(lo >= shown_lo) and np.all(hi <= shown_hi)
                and np.all(span >= self.FIT_SHRINK * (shown_hi - shown_lo))):
            return
        pad = self.FIT_PADDING * span
        view.setRange(xRange=(lo[0] - pad[0], hi[0] + pad[0]), yRange=(lo[1] - pad[1], hi[1] + pad[1]), padding=0)
        view.updateMatrix()  # now, not while painting: items hear of the new transform before the paint

    def _on_user_range(self, *_args) -> None:
        self._user_range = True

    def _on_legend_toggled(self) -> None:
        if self.projection is None:
            return
        hidden = [int(s.property("sentence")) for s in self._samples if not s.isVisible()]
        self.points.setPointsVisible(~np.isin(self.projection.sentence, hidden))

    @staticmethod
    def _tip(x: float, y: float, data: tuple[str, str]) -> str:
        return _tr("{0} — {1}").format(data[0], data[1])

    def target_labels(self) -> list[str]:
        return self.labels.texts()


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
