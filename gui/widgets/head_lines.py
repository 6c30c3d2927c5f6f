"""The bertviz "head view", painted natively: token columns joined by lines weighted by attention."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

#: One colour per head (d3 category10 as in bertviz, then six more), cycled for > 16 heads.
HEAD_COLORS: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#e7ba52", "#7b4173", "#3182bd",
)
#: Weights below this are not drawn (as in bertviz); it also keeps 512-token inputs fast.
MIN_WEIGHT = 0.01
#: Most lines drawn per BUDGET_HEIGHT pixels of exposed height, heaviest first: Qt's raster engine
#: needs ~50 µs per long translucent antialiased line on a laptop CPU, and past a few thousand
#: lines the picture is a wash anyway. Scaling with height keeps a full-size export complete.
MAX_LINES_PER_PAINT = 3000
BUDGET_HEIGHT = 800
#: Opacity is quantised to this many steps so lines can be drawn in a few batched drawLines calls.
_ALPHA_STEPS = 20
_MARGIN = 8
_LINE_GAP = 6         # between a token's text and its line end
_MIN_LINES_W = 120    # narrowest band for the lines
_MAX_LABEL_CHARS = 16  # labels wider than this many average characters are elided
_SELECTED_BG = QColor("#cfe3ff")


def head_color(head: int) -> QColor:
    return QColor(HEAD_COLORS[head % len(HEAD_COLORS)])


def _clip_to_band(x0: float, y0: np.ndarray, x1: float, y1: np.ndarray, top: float,
                  bottom: float) -> tuple[list[float], list[float], list[float], list[float]]:
    """End points of the segments (x0, y0)–(x1, y1) clipped to top ≤ y ≤ bottom (all assumed to cross it)."""
    dy = y1 - y0
    flat = np.abs(dy) < 1e-9
    safe = np.where(flat, 1.0, dy)
    ta, tb = (top - y0) / safe, (bottom - y0) / safe
    t_lo = np.where(flat, 0.0, np.clip(np.minimum(ta, tb), 0.0, 1.0))
    t_hi = np.where(flat, 1.0, np.clip(np.maximum(ta, tb), 0.0, 1.0))
    dx = x1 - x0
    return ((x0 + t_lo * dx).tolist(), (y0 + t_lo * dy).tolist(),
            (x0 + t_hi * dx).tolist(), (y0 + t_hi * dy).tolist())


class HeadLinesView(QWidget):
    """Two token columns ("from" left, "to" right) joined by one coloured line per head and weight."""

    token_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._from: list[str] = []
        self._to: list[str] = []
        self._heads: list[int] = []
        # Lines with weight >= MIN_WEIGHT, one entry per (head, i, j); built once in set_data.
        self._line_head = np.zeros(0, dtype=np.int32)
        self._line_i = np.zeros(0, dtype=np.int32)
        self._line_j = np.zeros(0, dtype=np.int32)
        self._line_w = np.zeros(0, dtype=np.float32)
        self._selected: int | None = None
        self._hover: tuple[str, int] | None = None
        self.lines_drawn = 0  # lines drawn by the last paint (tests, and to see the culling work)
        self._relayout()

    # ----------------------------------------------------------------- public API
    def set_data(self, tokens_from: Sequence[str], tokens_to: Sequence[str], att: np.ndarray,
                 heads: Sequence[int]) -> None:
        """Show heads ``heads`` of ``att`` [n_heads_total, S_from, S_to] between the two token lists."""
        a = np.asarray(att, dtype=np.float32)
        if a.ndim != 3 or a.shape[1:] != (len(tokens_from), len(tokens_to)):
            raise ValueError(f"attention of shape {a.shape} does not fit "
                             f"{len(tokens_from)} × {len(tokens_to)} tokens")
        bad = [h for h in heads if not 0 <= h < a.shape[0]]
        if bad:
            raise ValueError(f"heads {bad} out of range for {a.shape[0]} heads")
        self._from, self._to = [str(t) for t in tokens_from], [str(t) for t in tokens_to]
        self._heads = [int(h) for h in heads]
        parts = [(h, *np.nonzero(a[h] >= MIN_WEIGHT)) for h in self._heads]
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
        rect = self._token_rect(side, index)
        return rect.center()

    def token_at(self, pos: QPoint) -> tuple[str, int] | None:
        """Which token (side, index) is at widget position ``pos``."""
        row = (pos.y() - self._top) // self._row_h
        if pos.y() < self._top or row < 0:
            return None
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
        self._col_w = min(max(widest, metrics.horizontalAdvance("from")), cap) + 6
        self._elided = {
            side: [metrics.elidedText(t, Qt.TextElideMode.ElideRight, self._col_w - 6) for t in tokens]
            for side, tokens in (("from", self._from), ("to", self._to))
        }
        rows = max(len(self._from), len(self._to))
        # The height grows with the tokens; the panel puts this widget in a QScrollArea.
        self.setMinimumSize(2 * (self._col_w + _MARGIN + _LINE_GAP) + _MIN_LINES_W,
                            self._top + rows * self._row_h + _MARGIN)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.minimumWidth() + 160, self.minimumHeight())

    def _token_rect(self, side: str, index: int) -> QRect:
        x = _MARGIN if side == "from" else self.width() - _MARGIN - self._col_w
        return QRect(x, self._top + index * self._row_h, self._col_w, self._row_h)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange:  # projector mode: bigger font, bigger rows
            self._relayout()

    # ---------------------------------------------------------------- painting
    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(ev.rect(), self.palette().base())
        painter.setFont(self.font())
        exposed = ev.rect()
        first = max(0, (exposed.top() - self._top) // self._row_h)
        last = (exposed.bottom() - self._top) // self._row_h + 1
        self._paint_tokens(painter, first, last)
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
        for side, align in (("from", Qt.AlignmentFlag.AlignRight), ("to", Qt.AlignmentFlag.AlignLeft)):
            header = self._token_rect(side, -1)
            painter.drawText(header, align | Qt.AlignmentFlag.AlignVCenter, side)
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

    def _paint_lines(self, painter: QPainter, exposed: QRect) -> None:
        keep = np.ones(self._line_w.size, dtype=bool)
        focus = self._focus()
        if focus is not None:
            keep &= (self._line_i if focus[0] == "from" else self._line_j) == focus[1]
        y_from = self._top + (self._line_i + 0.5) * self._row_h
        y_to = self._top + (self._line_j + 0.5) * self._row_h
        # Cull: draw a line only if its vertical extent meets the exposed (scrolled-to) band.
        keep &= (np.maximum(y_from, y_to) >= exposed.top()) & (np.minimum(y_from, y_to) <= exposed.bottom() + 1)
        idx = np.nonzero(keep)[0]
        budget = int(MAX_LINES_PER_PAINT * max(1.0, exposed.height() / BUDGET_HEIGHT))
        if idx.size > budget:
            idx = idx[np.argpartition(-self._line_w[idx], budget)[:budget]]
        self.lines_drawn = int(idx.size)
        if not idx.size:
            return
        x0 = float(_MARGIN + self._col_w + _LINE_GAP)
        x1 = float(self.width() - _MARGIN - self._col_w - _LINE_GAP)
        steps = np.clip(np.rint(self._line_w[idx] * _ALPHA_STEPS), 1, _ALPHA_STEPS).astype(np.int32)
        # Batch by (head, opacity step): one pen change and one drawLines call per group.
        key = self._line_head[idx] * (_ALPHA_STEPS + 1) + steps
        order = np.argsort(key, kind="stable")
        idx, key = idx[order], key[order]
        bounds = np.flatnonzero(np.diff(key)) + 1
        width = 2.0 if focus is not None else 1.0
        # Clip each line to the exposed band ourselves: Qt strokes an antialiased line over its
        # whole length before clipping, and a line to a token 400 rows away is ~8000 px long.
        xa, ya, xb, yb = _clip_to_band(x0, y_from[idx], x1, y_to[idx], exposed.top() - 4, exposed.bottom() + 4)
        for start, stop in zip([0, *bounds.tolist()], [*bounds.tolist(), idx.size]):
            head, step = divmod(int(key[start]), _ALPHA_STEPS + 1)
            color = head_color(head)
            color.setAlphaF(step / _ALPHA_STEPS)
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLines([QLineF(*seg) for seg in zip(xa[start:stop], ya[start:stop], xb[start:stop], yb[start:stop])])

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
