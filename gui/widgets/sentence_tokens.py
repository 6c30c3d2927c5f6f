"""Several tokenised sentences as wrapped token boxes: click a token, or drag over a span."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core import Encoding

PAD_X, PAD_Y, GAP, LABEL_W = 6, 4, 4, 38
COLOURS = {"normal": QColor("#ffffff"), "special": QColor("#e4e7eb"), "target": QColor("#ffd166"),
           "selected": QColor("#9ec5fe"), "reference": QColor("#c3f0c8")}


class SentenceTokensView(QWidget):
    """One line group per sentence ("S1", "S2", …), one box per token.

    ``token_clicked(sentence, token)`` on a click; ``span_dragged(s0, t0, s1, t1)`` when the mouse
    is dragged from one token to another (the panel checks it stays inside one sentence).
    """

    token_clicked = Signal(int, int)
    span_dragged = Signal(int, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.encodings: list[Encoding] = []
        self._rects: dict[tuple[int, int], QRect] = {}
        self._labels: dict[int, QRect] = {}
        self._height = 40
        self._press: tuple[int, int] | None = None
        self._hover_end: tuple[int, int] | None = None
        self.targets: set[tuple[int, int]] = set()
        self.selection: tuple[int, int, int] | None = None   # sentence, i, j
        self.reference: tuple[int, int, int] | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    # ---------------------------------------------------------------- data
    def set_encodings(self, encodings: Sequence[Encoding]) -> None:
        self.encodings = list(encodings)
        self.targets, self.selection, self.reference = set(), None, None
        self._relayout()

    def set_targets(self, cells: set[tuple[int, int]]) -> None:
        self.targets = set(cells)
        self.update()

    def set_selection(self, sentence: int | None, i: int = 0, j: int = 0) -> None:
        self.selection = None if sentence is None else (sentence, i, j)
        self.update()

    def set_reference(self, sentence: int | None, i: int = 0, j: int = 0) -> None:
        self.reference = None if sentence is None else (sentence, i, j)
        self.update()

    def token_center(self, sentence: int, token: int) -> QPoint:
        """Widget position of a token's box centre (tests drive clicks and drags with it)."""
        return self._rects[(sentence, token)].center()

    # ---------------------------------------------------------------- layout
    def _relayout(self) -> None:
        width = max(self.width(), 200)
        fm = QFontMetrics(self.font())
        h = fm.height() + 2 * PAD_Y
        y = GAP
        self._rects, self._labels = {}, {}
        for s, enc in enumerate(self.encodings):
            x = LABEL_W
            self._labels[s] = QRect(0, y, LABEL_W - GAP, h)
            for t, tok in enumerate(enc.tokens):
                w = fm.horizontalAdvance(tok) + 2 * PAD_X
                if x + w > width - GAP and x > LABEL_W:
                    x, y = LABEL_W, y + h + GAP
                self._rects[(s, t)] = QRect(x, y, w, h)
                x += w + GAP
            y += h + 2 * GAP
        self._height = max(y, h + 2 * GAP)
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, _w: int) -> int:  # noqa: N802 (Qt override)
        return self._height

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(400, self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, self._height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._relayout()

    # ---------------------------------------------------------------- painting
    def _in(self, sel: tuple[int, int, int] | None, s: int, t: int) -> bool:
        return sel is not None and sel[0] == s and sel[1] <= t <= sel[2]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        drag = self._drag_selection()
        for s, rect in self._labels.items():
            p.setPen(QColor("#555"))
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.tr("S{0}").format(s + 1))
        for (s, t), rect in self._rects.items():
            enc = self.encodings[s]
            if self._in(drag or self.selection, s, t):
                fill = COLOURS["selected"]
            elif (s, t) in self.targets:
                fill = COLOURS["target"]
            elif self._in(self.reference, s, t):
                fill = COLOURS["reference"]
            elif enc.special_mask[t]:
                fill = COLOURS["special"]
            else:
                fill = COLOURS["normal"]
            p.setBrush(fill)
            p.setPen(QPen(QColor("#3a73d0") if self._in(self.reference, s, t) else QColor("#b9c3cf"), 1))
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(QColor("#222"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, enc.tokens[t])
        p.end()

    # ---------------------------------------------------------------- mouse
    def token_at(self, pos: QPoint) -> tuple[int, int] | None:
        for key, rect in self._rects.items():
            if rect.contains(pos):
                return key
        return None

    def _drag_selection(self) -> tuple[int, int, int] | None:
        if self._press is None or self._hover_end is None or self._hover_end == self._press:
            return None
        (s0, t0), (s1, t1) = self._press, self._hover_end
        if s0 != s1:
            return None
        return s0, min(t0, t1), max(t0, t1)

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if ev.button() == Qt.MouseButton.LeftButton:
            self._press = self.token_at(ev.position().toPoint())
            self._hover_end = self._press
        super().mousePressEvent(ev)

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.token_at(ev.position().toPoint())
        if hit is not None:
            enc = self.encodings[hit[0]]
            self.setToolTip(self.tr("Sentence {0}, token {1}: {2}").format(hit[0] + 1, hit[1], enc.tokens[hit[1]]))
        if self._press is not None and hit is not None and hit != self._hover_end:
            self._hover_end = hit
            self.update()
        super().mouseMoveEvent(ev)

    def mouseReleaseEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if ev.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(ev)
        start, self._press = self._press, None
        end = self.token_at(ev.position().toPoint()) or self._hover_end or start
        self._hover_end = None
        if end == start:
            self.token_clicked.emit(*start)
        else:
            self.span_dragged.emit(start[0], start[1], end[0], end[1])
        self.update()
        super().mouseReleaseEvent(ev)
