"""Token labels on matrix axes that stay readable: all shown up to ~48 tokens, thinned only beyond.

For each axis :func:`plan_labels` picks, in this order, the first that fits the cells:
1. the full font, horizontal;
2. (columns only) the full font rotated 90°, so a label needs only a line height of width;
3. a smaller font, down to ``MIN_LABEL_PT`` (rotated for columns);
4. only then every n-th label (n = 1, 2, 5, 10, ...), at the smallest font.
Up to ``ALWAYS_LABEL`` tokens step 4 is skipped while cells are at least 1/``OVERLAP_OK`` of a
line of the smallest font (the class must be able to tell which row is which).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

#: Below this many tokens every label is drawn.
ALWAYS_LABEL = 48
#: Line height / cell size accepted without thinning (up to ALWAYS_LABEL tokens).
OVERLAP_OK = 1.35
#: Smallest tick font (points) before labels are thinned.
MIN_LABEL_PT = 7.0
#: Labels longer than this many pixels are elided, so one long sub-word cannot eat the plot.
MAX_LABEL_PX = 110
_NICE_STEPS = (1, 2, 5)


def nice_step(minimum: float) -> int:
    """Smallest 1/2/5×10^k integer that is ≥ ``minimum`` (1 for anything ≤ 1)."""
    if minimum <= 1:
        return 1
    power = 10 ** math.floor(math.log10(minimum))
    for base in (*_NICE_STEPS, 10):
        if base * power >= minimum:
            return int(base * power)
    return int(10 * power)


@dataclass(frozen=True)
class LabelPlan:
    """How one axis draws its labels."""

    point_size: float
    step: int          # 1 = every label
    rotated: bool      # columns only: text turned 90°


def plan_labels(n: int, cell_px: float, base_pt: float, *, line_px: Callable[[float], float],
                text_px: Callable[[float], float], columns: bool) -> LabelPlan:
    """Choose font size, rotation and thinning for ``n`` labels on cells ``cell_px`` wide.

    ``line_px(pt)`` is a line's height and ``text_px(pt)`` the widest label's width at ``pt``
    points (injected, so the rule is testable without fonts).
    """
    if n <= 0:
        return LabelPlan(base_pt, 1, False)
    pts = [base_pt]
    pt = base_pt
    while pt > MIN_LABEL_PT:
        pt = max(MIN_LABEL_PT, pt - 1)
        pts.append(pt)
    need = (lambda p: 1.05 * line_px(p))
    if columns:
        if text_px(base_pt) + 6 <= cell_px:
            return LabelPlan(base_pt, 1, False)
        for p in pts:
            if need(p) <= cell_px:
                return LabelPlan(p, 1, True)
    else:
        for p in pts:
            if need(p) <= cell_px:
                return LabelPlan(p, 1, False)
    smallest = pts[-1]
    # Up to ALWAYS_LABEL tokens a little overlap of line boxes is accepted (glyphs are shorter
    # than a line); labels printed over each other would help nobody, so beyond that, thin.
    if n <= ALWAYS_LABEL and line_px(smallest) <= OVERLAP_OK * cell_px:
        return LabelPlan(smallest, 1, columns)
    return LabelPlan(smallest, nice_step(need(smallest) / max(cell_px, 1e-9)), columns)


def plan_square(rows: int, cols: int, avail_px: float, col_px: float, base_pt: float, *,
                line_px: Callable[[float], float], col_text_px: Callable[[float], float],
                axis_extra_px: float = 14) -> tuple[LabelPlan, LabelPlan]:
    """Row and column plans sharing one font, chosen together.

    ``avail_px`` is the height shared by the column-label band and the rows: a larger font
    makes the band taller (much taller when labels are turned) and the rows shorter, so the
    size is the largest at which both fit (labels across where they fit, turned otherwise),
    instead of letting the two axes push each other back and forth on every relayout.
    """
    pts = [base_pt]
    while pts[-1] > MIN_LABEL_PT:
        pts.append(max(MIN_LABEL_PT, pts[-1] - 1))
    for p in pts:
        # At each size: across if the widest label fits a column, else turned; then the rows must fit.
        flat = col_text_px(p) + 6 <= col_px
        band = (line_px(p) if flat else min(MAX_LABEL_PX, col_text_px(p))) + axis_extra_px
        row_px = (avail_px - band) / max(rows, 1)
        if 1.05 * line_px(p) <= row_px and (flat or 1.05 * line_px(p) <= col_px):
            return LabelPlan(p, 1, False), LabelPlan(p, 1, not flat)
    p = pts[-1]
    flat = col_text_px(p) + 6 <= col_px
    band = (line_px(p) if flat else min(MAX_LABEL_PX, col_text_px(p))) + axis_extra_px
    row_px = max((avail_px - band) / max(rows, 1), 1e-9)
    row_plan = plan_labels(rows, row_px, p, line_px=line_px, text_px=lambda _p: 0.0, columns=False)
    col_plan = plan_labels(cols, col_px, p, line_px=line_px, text_px=col_text_px, columns=True)
    return row_plan, col_plan


def metrics_funcs(font: QFont, labels: Sequence[str]) -> tuple[Callable[[float], float], Callable[[float], float]]:
    """``line_px`` and ``text_px`` for ``font`` at any point size, measuring ``labels``."""

    def at(pt: float) -> QFontMetricsF:
        f = QFont(font)
        f.setPointSizeF(pt)
        return QFontMetricsF(f)

    def line_px(pt: float) -> float:
        return at(pt).height()

    def text_px(pt: float) -> float:
        m = at(pt)
        return max((min(MAX_LABEL_PX, m.horizontalAdvance(s)) for s in labels), default=0.0)

    return line_px, text_px


class TokenAxis(pg.AxisItem):
    """An axis whose tick labels can be drawn rotated by 90° (reading upwards), for token columns."""

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.rotated = False
        self._labels: list[tuple[float, str]] = []

    def set_labels(self, ticks: list[tuple[float, str]], font: QFont, rotated: bool) -> None:
        """Show ``ticks`` (value, label) in ``font``; rotated ones get room for the longest label."""
        self._labels = list(ticks)
        self.rotated = rotated and self.orientation in ("top", "bottom")
        self.setStyle(tickFont=font, autoExpandTextSpace=not self.rotated)
        self.setTicks([ticks])
        if self.orientation in ("top", "bottom"):  # setHeight also clamps a vertical axis: never there
            if self.rotated:
                m = QFontMetricsF(font)
                longest = max((m.horizontalAdvance(s) for _, s in ticks), default=0.0)
                label_h = 1.2 * 0.9 * m.height() if self.labelText else 0
                self.setHeight(int(min(MAX_LABEL_PX, longest) + 10 + label_h))
            else:
                self.setHeight(None)
        self.picture = None
        self.update()

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph override)
        specs = super().generateDrawSpecs(p)
        if specs is None or not self.rotated:
            return specs
        axis_spec, tick_specs, _ = specs
        view = self.linkedView()
        texts: list[tuple[float, str]] = []
        if view is not None:
            for value, label in self._labels:
                x = self.mapFromScene(view.mapViewToScene(QPointF(value, 0))).x()
                if -1 <= x <= self.width() + 1:
                    texts.append((x, label))
        return axis_spec, tick_specs, texts

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802,N803 (pyqtgraph override)
        if not self.rotated:
            return super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
        super().drawPicture(p, axisSpec, tickSpecs, [])
        font = self.style["tickFont"] or self.font()
        p.setFont(font)
        p.setPen(self.textPen())
        m = QFontMetricsF(font)
        bottom = self.height() - 6 if self.orientation == "top" else 6
        for x, label in textSpecs:
            text = m.elidedText(label, Qt.TextElideMode.ElideRight, MAX_LABEL_PX)
            p.save()
            # Rotated -90°, the baseline runs upwards and glyphs extend to its left: shift right by
            # half the ascent so each label is centred on its column.
            p.translate(x + (m.ascent() - m.descent()) / 2, bottom)
            p.rotate(-90)
            if self.orientation == "top":
                p.drawText(QPointF(0, 0), text)
            else:
                p.drawText(QPointF(-m.horizontalAdvance(text), 0), text)
            p.restore()
        return None
