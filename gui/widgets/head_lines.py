"""The bertviz "head view", painted natively: token columns joined by lines weighted by attention."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QMouseEvent, QPainter, QPaintEngine, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

#: One colour per head (d3 category10 as in bertviz, then six more), cycled for > 16 heads.
HEAD_COLORS: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#e7ba52", "#7b4173", "#3182bd",
)
#: Weights below this are not drawn (as in bertviz); it also keeps 512-token inputs fast.
MIN_WEIGHT = 0.01
#: Up to this many lines are stroked by QPainter (antialiased, vector); more are rasterised in
#: numpy, because Qt spends ~0.1–0.2 µs per pixel of translucent line and 512 tokens give millions.
VECTOR_LINE_LIMIT = 400
#: Raster lines are drawn in horizontal chunks of this many pixels, cached while nothing is focused.
CHUNK_HEIGHT = 256
#: On screen, at most this many (line, pixel column) runs per chunk, heaviest lines first: the
#: rasteriser's cost is the runs, and a chunk crossed by more lines than this is a wash anyway
#: (64 tokens × 12 heads can give 30 000 lines). Exports draw every line.
MAX_RUNS_PER_CHUNK = 300_000
_ALPHA_STEPS = 50     # vector lines: opacity quantised so each (head, step) is one drawLines call
_MARGIN = 8
_LINE_GAP = 6         # between a token's text and its line end
_MIN_LINES_W = 120    # narrowest band for the lines
_MAX_LABEL_CHARS = 16  # labels wider than this many average characters are elided
_SELECTED_BG = QColor("#cfe3ff")


def head_color(head: int) -> QColor:
    return QColor(HEAD_COLORS[head % len(HEAD_COLORS)])


def _t_range(y0: np.ndarray, y1: np.ndarray, top: float, bottom: float) -> tuple[np.ndarray, np.ndarray]:
    """Parameter range [t_lo, t_hi] ⊂ [0, 1] where the segment y0 → y1 lies within top ≤ y ≤ bottom."""
    dy = y1 - y0
    flat = np.abs(dy) < 1e-9
    safe = np.where(flat, 1.0, dy)
    ta, tb = (top - y0) / safe, (bottom - y0) / safe
    inside = (y0 >= top) & (y0 <= bottom)
    t_lo = np.where(flat, np.where(inside, 0.0, 1.0), np.clip(np.minimum(ta, tb), 0.0, 1.0))
    t_hi = np.where(flat, np.where(inside, 1.0, 0.0), np.clip(np.maximum(ta, tb), 0.0, 1.0))
    return t_lo, t_hi


def rasterize_lines(y_left: np.ndarray, y_right: np.ndarray, slot: np.ndarray, alpha: np.ndarray,
                    colors: np.ndarray, height: int, width: int, widen: int = 0,
                    max_runs: int | None = None) -> np.ndarray:
    """Lines from (0, y_left) to (width, y_right) as a premultiplied RGBA uint8 image [height, width, 4].

    In each pixel column a line covers the vertical run between its y at the column's two edges
    (± ``widen`` px), so steep lines stay connected. Only the columns where a line is inside the
    image are visited; runs go into difference images (``np.bincount``) summed by ``cumsum``, so
    the cost is the covered columns, not the line length. Opacity composes exactly as "over"
    (1 − Π(1 − α)); where lines of different colours (``slot`` indexes ``colors`` [n, 3], 0..1)
    cross, the colour is their mix weighted by optical depth −log(1 − α), which does not depend
    on drawing order. With ``max_runs``, only the heaviest lines whose column runs add up to at
    most that many are drawn.
    """
    if not alpha.size or height <= 0 or width <= 0:
        return np.zeros((height, width, 4), dtype=np.uint8)
    y_left, y_right = y_left.astype(np.float64), y_right.astype(np.float64)
    t_lo, t_hi = _t_range(y_left, y_right, -1.0 - widen, height + 1.0 + widen)
    c0 = np.clip(np.floor(t_lo * width), 0, width).astype(np.int64)
    counts = np.maximum(np.clip(np.ceil(t_hi * width), 0, width).astype(np.int64) - c0, 0)
    if max_runs is not None and counts.sum() > max_runs:
        order = np.argsort(-alpha, kind="stable")
        counts[order[np.cumsum(counts[order]) > max_runs]] = 0
    line = np.repeat(np.arange(alpha.size), counts)
    col = np.arange(line.size) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(c0, counts)
    step = ((y_right - y_left) / width).astype(np.float32)[line]
    ya = y_left.astype(np.float32)[line] + step * col.astype(np.float32)
    lo = np.clip(np.floor(np.minimum(ya, ya + step)) - widen, 0, height).astype(np.int64)
    hi = np.clip(np.floor(np.maximum(ya, ya + step)) + widen + 1, 0, height).astype(np.int64)
    # Empty runs (hi == lo, outside the image) add and remove the same depth: no need to filter them.
    # Layout [column, y], so the cumsum runs along contiguous memory.
    key = col * (height + 1)
    idx = np.concatenate([key + lo, key + hi])
    depth = -np.log1p(-np.minimum(alpha.astype(np.float64), 0.999))
    rgb = colors.astype(np.float64)[slot]
    size = width * (height + 1)
    planes = []  # depth-weighted red, green, blue, then depth itself
    for per_line in (*(depth * rgb[:, k] for k in range(3)), depth):
        weight = per_line[line]
        diff = np.bincount(idx, np.concatenate([weight, -weight]), size)
        planes.append(np.cumsum(diff.reshape(width, height + 1)[:, :height], axis=-1))
    total = np.maximum(planes[3], 0.0)
    cover = -np.expm1(-total)
    scale = np.divide(cover, total, out=np.zeros_like(total), where=total > 1e-9)
    out = np.stack([planes[0] * scale, planes[1] * scale, planes[2] * scale, cover], axis=-1)  # [width, height, 4]
    return np.ascontiguousarray(np.rint(np.clip(out, 0.0, 1.0) * 255).astype(np.uint8).transpose(1, 0, 2))


class HeadLinesView(QWidget):
    """Two token columns ("from" left, "to" right) joined by one coloured line per head and weight."""

    token_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._from: list[str] = []
        self._to: list[str] = []
        # Lines with weight >= MIN_WEIGHT, one entry per (head, i, j); built once in set_data.
        self._line_head = np.zeros(0, dtype=np.int32)
        self._line_i = np.zeros(0, dtype=np.int32)
        self._line_j = np.zeros(0, dtype=np.int32)
        self._line_w = np.zeros(0, dtype=np.float32)
        self._selected: int | None = None
        self._hover: tuple[str, int] | None = None
        self._chunks: dict[tuple[int, int, float], QImage] = {}  # (chunk, width, dpr) -> all-lines image
        self.lines_drawn = 0  # lines crossing the area of the last paint (tests; shows the culling)
        self._relayout()

    # ----------------------------------------------------------------- public API
    def set_data(self, tokens_from: Sequence[str], tokens_to: Sequence[str], att: np.ndarray,
                 heads: Sequence[int]) -> None:
        """Show heads ``heads`` of ``att`` [n_heads_total, S_from, S_to] between the two token lists."""
        a = np.asarray(att, dtype=np.float32)
        if a.ndim != 3 or a.shape[1:] != (len(tokens_from), len(tokens_to)):
            raise ValueError(f"attention of shape {a.shape} does not fit {len(tokens_from)} × {len(tokens_to)} tokens")
        bad = [h for h in heads if not 0 <= h < a.shape[0]]
        if bad:
            raise ValueError(f"heads {bad} out of range for {a.shape[0]} heads")
        self._from, self._to = [str(t) for t in tokens_from], [str(t) for t in tokens_to]
        parts = [(int(h), *np.nonzero(a[h] >= MIN_WEIGHT)) for h in heads]
        self._line_head = np.concatenate([np.full(len(i), h, np.int32) for h, i, _ in parts] or [self._line_head])
        self._line_i = np.concatenate([i for _, i, _ in parts] or [self._line_i]).astype(np.int32)
        self._line_j = np.concatenate([j for _, _, j in parts] or [self._line_j]).astype(np.int32)
        self._line_w = np.concatenate([a[h][i, j] for h, i, j in parts] or [self._line_w])
        if self._selected is not None and self._selected >= len(self._from):
            self._selected = None
        self._hover = None
        self._relayout()

    def line_count(self) -> int:
        """Number of (head, from, to) lines with weight ≥ MIN_WEIGHT."""
        return int(self._line_w.size)

    def selected_token(self) -> int | None:
        return self._selected

    def set_selected_token(self, i: int | None) -> None:
        """Draw only the lines leaving "from" token ``i``, thicker (None shows every line)."""
        self._selected = i if i is not None and 0 <= i < len(self._from) else None
        self.update()

    def hovered_token(self) -> tuple[str, int] | None:
        """("from" | "to", index) of the token under the mouse, or None."""
        return self._hover

    def token_center(self, side: str, index: int) -> QPoint:
        """Widget position of the centre of token ``index`` in column ``side`` ("from" or "to")."""
        return self._token_rect(side, index).center()

    def token_at(self, pos: QPoint) -> tuple[str, int] | None:
        """Which token (side, index) is at widget position ``pos``."""
        if pos.y() < self._top:
            return None
        row = (pos.y() - self._top) // self._row_h
        for side, tokens in (("from", self._from), ("to", self._to)):
            if row < len(tokens) and self._token_rect(side, row).contains(pos):
                return side, int(row)
        return None

    # ---------------------------------------------------------------- geometry
    def _relayout(self) -> None:
        metrics = QFontMetrics(self.font())
        self._row_h = metrics.height() + 4
        self._top = _MARGIN + self._row_h  # one header row: "from" / "to"
        cap = _MAX_LABEL_CHARS * metrics.averageCharWidth()
        widest = max((metrics.horizontalAdvance(t) for t in self._from + self._to), default=40)
        self._col_w = min(max(widest, metrics.horizontalAdvance("from")), cap) + 10
        # Elide 2 px inside the drawn text rect: elidedText rounds, and would cut the widest label.
        self._elided = {side: [metrics.elidedText(t, Qt.TextElideMode.ElideRight, self._col_w - 8) for t in tokens]
                        for side, tokens in (("from", self._from), ("to", self._to))}
        rows = max(len(self._from), len(self._to))
        # The height grows with the tokens; the panel puts this widget in a QScrollArea.
        self.setMinimumSize(2 * (self._col_w + _MARGIN + _LINE_GAP) + _MIN_LINES_W,
                            self._top + rows * self._row_h + _MARGIN)
        self._chunks.clear()
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.minimumWidth() + 160, self.minimumHeight())

    def _token_rect(self, side: str, index: int) -> QRect:
        x = _MARGIN if side == "from" else self.width() - _MARGIN - self._col_w
        return QRect(x, self._top + index * self._row_h, self._col_w, self._row_h)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(ev)
        if ev.size().width() != ev.oldSize().width():
            self._chunks.clear()  # the line band changed width; cached chunks are stale

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange:  # projector mode: bigger font, bigger rows
            self._relayout()

    # ---------------------------------------------------------------- painting
    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        exposed = ev.rect()
        painter.fillRect(exposed, self.palette().base())
        painter.setFont(self.font())
        first = max(0, (exposed.top() - self._top) // self._row_h)
        self._paint_tokens(painter, first, (exposed.bottom() - self._top) // self._row_h + 1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_lines(painter, exposed)
        painter.end()

    def _focus(self) -> tuple[str, int] | None:
        if self._hover is not None:
            return self._hover
        return ("from", self._selected) if self._selected is not None else None

    def _paint_tokens(self, painter: QPainter, first: int, last: int) -> None:
        text_pen = self.palette().text().color()
        bold = painter.font()
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_pen)
        headers = {"from": QCoreApplication.translate("HeadLinesView", "from"),
                   "to": QCoreApplication.translate("HeadLinesView", "to")}
        for side, align in (("from", Qt.AlignmentFlag.AlignRight), ("to", Qt.AlignmentFlag.AlignLeft)):
            painter.drawText(self._token_rect(side, -1), align | Qt.AlignmentFlag.AlignVCenter, headers[side])
        painter.restore()
        focus = self._focus()
        painter.setPen(text_pen)
        for side, align in (("from", Qt.AlignmentFlag.AlignRight), ("to", Qt.AlignmentFlag.AlignLeft)):
            labels = self._elided[side]
            for index in range(first, min(last, len(labels))):
                rect = self._token_rect(side, index)
                if focus == (side, index):
                    painter.fillRect(rect, _SELECTED_BG)
                painter.drawText(rect.adjusted(3, 0, -3, 0), align | Qt.AlignmentFlag.AlignVCenter, labels[index])

    def _lines_in(self, top: float, bottom: float, focus: tuple[str, int] | None) -> np.ndarray:
        """Indices of the lines (of the focused token, if any) whose vertical extent meets [top, bottom]."""
        y_from, y_to = self._line_y()
        keep = (np.maximum(y_from, y_to) >= top) & (np.minimum(y_from, y_to) <= bottom)
        if focus is not None:
            keep &= (self._line_i if focus[0] == "from" else self._line_j) == focus[1]
        return np.flatnonzero(keep)

    def _line_y(self) -> tuple[np.ndarray, np.ndarray]:
        return self._top + (self._line_i + 0.5) * self._row_h, self._top + (self._line_j + 0.5) * self._row_h

    def _paint_lines(self, painter: QPainter, exposed: QRect) -> None:
        focus = self._focus()
        idx = self._lines_in(exposed.top(), exposed.bottom() + 1, focus)
        self.lines_drawn = int(idx.size)
        if not idx.size:
            return
        x0, x1 = _MARGIN + self._col_w + _LINE_GAP, self.width() - _MARGIN - self._col_w - _LINE_GAP
        if painter.paintEngine().type() != QPaintEngine.Type.Raster or idx.size <= VECTOR_LINE_LIMIT:
            self._stroke_lines(painter, idx, float(x0), float(x1), exposed, focus is not None)
            return
        # Rasterise at the target's pixel ratio (under render() that is the image's), so a 2×
        # export or a high-DPI screen stays sharp.
        dpr = painter.paintEngine().paintDevice().devicePixelRatioF()
        cacheable = focus is None and dpr == self.devicePixelRatioF()
        for chunk in range(max(0, exposed.top()) // CHUNK_HEIGHT, exposed.bottom() // CHUNK_HEIGHT + 1):
            key = (chunk, x1 - x0, dpr)
            image = self._chunks.get(key) if cacheable else None
            if image is None:
                image = self._render_chunk(chunk, x1 - x0, dpr, focus)
                if cacheable:
                    self._chunks[key] = image
            painter.drawImage(QPoint(x0, chunk * CHUNK_HEIGHT), image)

    def _render_chunk(self, chunk: int, width: int, dpr: float, focus: tuple[str, int] | None) -> QImage:
        top = chunk * CHUNK_HEIGHT
        idx = self._lines_in(top - 1, top + CHUNK_HEIGHT + 1, focus)
        y_from, y_to = self._line_y()
        slots, slot = np.unique(self._line_head[idx], return_inverse=True)
        colors = np.array([head_color(int(h)).getRgbF()[:3] for h in slots], dtype=np.float32).reshape(-1, 3)
        rgba = rasterize_lines((y_from[idx] - top) * dpr, (y_to[idx] - top) * dpr, slot, self._line_w[idx],
                               colors, round(CHUNK_HEIGHT * dpr), round(width * dpr), widen=1 if focus else 0,
                               max_runs=MAX_RUNS_PER_CHUNK if dpr == self.devicePixelRatioF() else None)
        image = QImage(rgba.data, rgba.shape[1], rgba.shape[0], rgba.strides[0],
                       QImage.Format.Format_RGBA8888_Premultiplied).copy()  # copy: own the pixels, not numpy's
        image.setDevicePixelRatio(dpr)
        return image

    def _stroke_lines(self, painter: QPainter, idx: np.ndarray, x0: float, x1: float, exposed: QRect,
                      thick: bool) -> None:
        steps = np.clip(np.rint(self._line_w[idx] * _ALPHA_STEPS), 1, _ALPHA_STEPS).astype(np.int32)
        key = self._line_head[idx] * (_ALPHA_STEPS + 1) + steps  # batch by (head, opacity step)
        order = np.argsort(key, kind="stable")
        key, idx = key[order], idx[order]
        bounds = np.flatnonzero(np.diff(key)) + 1
        # Clip each line to the exposed band ourselves: Qt strokes an antialiased line over its
        # whole length before clipping, and a line to a token 400 rows away is ~8000 px long.
        y_from, y_to = (y[idx] for y in self._line_y())
        t_lo, t_hi = _t_range(y_from, y_to, exposed.top() - 4.0, exposed.bottom() + 4.0)
        dx, dy = x1 - x0, y_to - y_from
        segs = np.stack([x0 + t_lo * dx, y_from + t_lo * dy, x0 + t_hi * dx, y_from + t_hi * dy], axis=1).tolist()
        for start, stop in zip([0, *bounds.tolist()], [*bounds.tolist(), key.size]):
            head, step = divmod(int(key[start]), _ALPHA_STEPS + 1)
            color = head_color(head)
            color.setAlphaF(step / _ALPHA_STEPS)
            pen = QPen(color, 2.0 if thick else 1.0)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLines([QLineF(*seg) for seg in segs[start:stop]])

    # ------------------------------------------------------------- mouse
    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.token_at(ev.position().toPoint())
        if hit != self._hover:
            self._hover = hit
            self.update()
        super().mouseMoveEvent(ev)

    def leaveEvent(self, ev: QEvent) -> None:  # noqa: N802 (Qt override)
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(ev)

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if ev.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(ev)
        hit = self.token_at(ev.position().toPoint())
        if hit is None:
            self.set_selected_token(None)
            return
        side, index = hit
        # A "to" click selects the same index only for self-attention, where both columns are one sequence.
        if side == "from" or self._to == self._from:
            self.set_selected_token(index)
        self.token_clicked.emit(index)
