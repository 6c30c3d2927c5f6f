"""Beam search drawn live as a tree: every hypothesis, its score; pruned grey, finished marked.

Long searches (40 steps × 4 beams and more) do not fit a docked panel with readable labels, so
the view keeps a minimum width per step and scrolls: it follows the newest steps while the
search runs, the mouse drags or wheel-zooms along the steps, the arrow keys scroll, and the
page's scroll bar follows :attr:`BeamTreeView.view_changed`. Labels are laid out in pixels after
every change of the view: each stays inside its step's column (the token is elided, then the
score dropped), labels of one column never overlap (best path, finished, alive, then pruned
ones get the room first), and pruned branches lose their labels when the tree is dense.
Hovering a node shows its whole hypothesis as a tooltip.
"""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QWidget

from core.beam import live_nodes
from core.generation_types import BeamNode, BeamStep

from ..view_style import plot_font

LIVE = "#3a73d0"
PRUNED = "#c4c9cf"
FINISHED = "#1f9d55"
BEST = "#e0a100"
LABEL_COLOURS = {"pruned": "#8a9199", "alive": "#0b3d91", "finished": "#14703c"}
#: Who gets a label first when a column is crowded.
PRIORITY = {"best": 0, "finished": 1, "alive": 2, "pruned": 3}
NODE_GAP_PX = 9          # from a node's centre to its label
TEXT_MARGIN_PX = 14      # the label's own margins and the half of the next step's node it must not touch
MIN_LABEL_PX = 20        # narrower than this: no label (the tooltip still tells)


class BeamTreeView(pg.PlotWidget):
    """Steps run left to right; at each step the 2 × beams candidates, best on top."""

    view_changed = Signal()      # the visible steps changed (the page's scroll bar follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMinimumHeight(240)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)     # arrow keys scroll
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.setLabel("bottom", self.tr("step"))
        plot.invertY(True)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)               # drag and wheel move along the steps only
        self.nodes: list[BeamNode] = []
        self.alive: tuple[int, ...] = ()
        self.finished: tuple[int, ...] = ()
        self.best: int | None = None
        self.follow = True       # keep the newest steps in view (off once the teacher scrolls back)
        self._by_id: dict[int, BeamNode] = {}
        self._pos: dict[int, tuple[float, float]] = {}
        self._width = 1          # candidates per step
        self._root_label = ""
        self._status: dict[int, str] = {}
        self._best_path: set[int] = set()
        self._labels: list[pg.TextItem] = []
        self._setting_range = False
        self._font = plot_font()
        # Steps can arrive faster than a growing tree redraws: coalesce them (≤ 25 redraws/s), so the
        # GUI thread stays free and Stop is handled at once.
        self._redraw_timer = QTimer(self, singleShot=True, interval=40)
        self._redraw_timer.timeout.connect(self._redraw)
        self._label_timer = QTimer(self, singleShot=True, interval=30)
        self._label_timer.timeout.connect(self._relabel)
        plot.getViewBox().sigXRangeChanged.connect(self._on_range_changed)
        plot.getViewBox().sigResized.connect(self._on_resized)

    # ---------------------------------------------------------------- data
    def clear_tree(self, root_label: str = "") -> None:
        self._redraw_timer.stop()
        self.nodes, self.alive, self.finished, self.best = [], (), (), None
        self._by_id, self._pos, self._status, self._best_path = {}, {}, {}, set()
        self._root_label = " ".join(root_label.split())
        self.follow = True
        self._labels = []
        self.getPlotItem().clear()
        self.view_changed.emit()

    def add_step(self, step: BeamStep) -> None:
        width = len(step.new_nodes)
        self._width = max(self._width, width)
        for rank, node in enumerate(step.new_nodes):
            self._pos[node.node_id] = (float(step.step + 1), rank - (width - 1) / 2.0)
            self._by_id[node.node_id] = node
        self.nodes.extend(step.new_nodes)
        self.alive, self.finished = step.alive, step.finished
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def set_best(self, node_id: int | None) -> None:
        self.best = node_id
        self._redraw_timer.stop()
        self._redraw()
        if node_id in self._pos and not self.is_step_visible(self._pos[node_id][0]):
            self.scroll_to(self._pos[node_id][0] - self.visible_steps() + 1.0)   # the ★ in view

    def flush(self) -> None:
        """Draw pending steps now (a stopped search shows everything it found)."""
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self._redraw()
        if self._label_timer.isActive():
            self._label_timer.stop()
            self._relabel()

    def status(self) -> dict[int, str]:
        """``node_id → "alive" | "finished" | "pruned"`` (tests, tooltips)."""
        live = live_nodes(self.nodes, self.alive, self.finished)
        fin = set(self.finished)
        return {n.node_id: "finished" if n.node_id in fin else "alive" if n.node_id in live else "pruned"
                for n in self.nodes}

    def path_of(self, node_id: int) -> list[BeamNode]:
        """The nodes from the first step down to ``node_id``."""
        path, node = [], node_id
        while node in self._by_id:
            path.append(self._by_id[node])
            node = self._by_id[node].parent
        return path[::-1]

    def node_tooltip(self, node_id: int) -> str:
        """What hovering a node says: its whole hypothesis, step, summed log-probability and fate."""
        node = self._by_id.get(node_id)
        if node is None:
            return ""
        text = "".join(n.token for n in self.path_of(node_id))
        fate = {"alive": self.tr("still in the beam"), "finished": self.tr("finished"),
                "pruned": self.tr("pruned")}.get(self._status.get(node_id, ""), "")
        if node_id == self.best:
            fate = self.tr("★ best finished hypothesis")
        return self.tr("Step {0}: {1}\nsummed log-probability {2:.3f} · {3}").format(
            node.step + 1, repr(text), node.score, fate)

    def _tip_html(self, node_id: int) -> str:
        # Tokens such as <s> must not be read as HTML tags by the tooltip.
        return "<p style='white-space:pre'>" + html.escape(self.node_tooltip(node_id)).replace("\n", "<br>") + "</p>"

    # ---------------------------------------------------------------- drawing
    def _redraw(self) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self._labels = []
        self._font = plot_font()
        status = self._status = self.status()
        self._best_path = {n.node_id for n in self.path_of(self.best)} if self.best is not None else set()
        edges: dict[str, list] = {"live": [], "pruned": [], "best": []}
        for n in self.nodes:
            x1, y1 = self._pos[n.node_id]
            x0, y0 = self._pos.get(n.parent, (0.0, 0.0))
            kind = "best" if n.node_id in self._best_path else "pruned" if status[n.node_id] == "pruned" else "live"
            edges[kind].append(((x0, y0), (x1, y1)))
        for kind, pen in (("pruned", pg.mkPen(PRUNED, width=1)), ("live", pg.mkPen(LIVE, width=2.5)),
                          ("best", pg.mkPen(BEST, width=4))):
            if edges[kind]:
                xy = np.asarray(edges[kind], dtype=float).reshape(-1, 2)
                plot.addItem(pg.PlotDataItem(xy[:, 0], xy[:, 1], connect="pairs", pen=pen))
        for kind, colour, symbol, size in (("pruned", PRUNED, "o", 7), ("alive", LIVE, "o", 10),
                                           ("finished", FINISHED, "s", 13)):
            ids = [n.node_id for n in self.nodes if status[n.node_id] == kind]
            if ids:
                xy = np.asarray([self._pos[i] for i in ids], dtype=float)
                plot.addItem(pg.ScatterPlotItem(
                    xy[:, 0], xy[:, 1], data=ids, symbol=symbol, size=size, brush=pg.mkBrush(colour),
                    pen=pg.mkPen(colour), hoverable=True, tip=lambda x, y, data: self._tip_html(int(data))))
        plot.addItem(pg.ScatterPlotItem([0.0], [0.0], symbol="d", size=14, brush=pg.mkBrush("#444")))
        half = (self._width - 1) / 2.0
        self._set_range(y=(-half - 0.7, half + 0.7))
        rows_px = self._width * (QFontMetrics(self._font).height() + 6) + 60
        self.setMinimumHeight(max(240, min(rows_px, 1600)))   # many beams: the page scrolls instead
        if self.follow:
            self.scroll_to_end()
        else:
            self._set_limits()
        self._relabel()
        self._label_timer.stop()          # the range set above asked for a relabel: done already
        self.view_changed.emit()

    def _relabel(self) -> None:
        """Lay the labels out for the current view (see the module docstring)."""
        plot = self.getPlotItem()
        for item in self._labels:
            plot.removeItem(item)
        self._labels = []
        vb = plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        w_px, h_px = max(1.0, vb.width()), max(1.0, vb.height())
        col_px, row_px = w_px / max(1e-6, x1 - x0), h_px / max(1e-6, y1 - y0)
        fm = QFontMetrics(self._font)
        fm_best = QFontMetrics(self._bold())
        line_h = fm.height()
        avail = col_px - NODE_GAP_PX - TEXT_MARGIN_PX
        root_room = (0.0 - x0) * col_px - NODE_GAP_PX - TEXT_MARGIN_PX
        if self._root_label and x0 < 0.0 < x1 and root_room >= MIN_LABEL_PX:    # the prompt's end, elided
            root = fm.elidedText(self._root_label, Qt.TextElideMode.ElideLeft, int(root_room))
            self._add_label(root, -NODE_GAP_PX / col_px, 0.0, "#444", anchor=(1, 0.5))
        if avail < MIN_LABEL_PX or not self.nodes:
            return
        dense = avail < fm.horizontalAdvance("_word -0.00") or row_px < line_h + 2 or len(self.nodes) > 400
        by_step: dict[float, list[tuple[int, BeamNode, str]]] = {}
        last = float(self.steps())
        for n in self.nodes:
            x, y = self._pos[n.node_id]
            if not x0 - 1.0 <= x <= x1:
                continue
            kind = "best" if n.node_id in self._best_path else self._status.get(n.node_id, "pruned")
            if dense and kind == "pruned":
                continue
            by_step.setdefault(x, []).append((PRIORITY[kind], n, kind))
        for x, column in by_step.items():
            if x + NODE_GAP_PX / col_px < x0:     # the column is cut by the left edge: its labels would be too
                continue
            # the last step's labels may use the room up to the right edge; the others end before the next step
            edge = (x1 - x) * col_px - NODE_GAP_PX - 8
            room = edge if x >= last else min(avail, edge)
            if room < MIN_LABEL_PX:
                continue
            taken: list[float] = []          # label centres (px) already placed in this column
            for _prio, n, kind in sorted(column, key=lambda c: (c[0], self._pos[c[1].node_id][1])):
                y = self._pos[n.node_id][1]
                if any(abs((y - t) * row_px) < line_h for t in taken):
                    continue
                text = self._fit_label(n, kind, fm_best if kind == "best" else fm, room)
                if text:
                    taken.append(y)
                    colour = LABEL_COLOURS["finished" if kind == "best" else kind]
                    self._add_label(text, x + NODE_GAP_PX / col_px, y, colour, bold=kind == "best")

    def _fit_label(self, n: BeamNode, kind: str, fm: QFontMetrics, avail: float) -> str:
        """``token score`` within ``avail`` px: the token elided, then the score dropped."""
        token = repr(n.token)[1:-1] or "·"
        star = "★ " if kind == "best" and n.node_id == self.best else ""
        avail -= fm.horizontalAdvance(star)
        score = f" {n.score:.2f}"
        if fm.horizontalAdvance(token + score) <= avail:
            return star + token + score
        room = avail - fm.horizontalAdvance(score)
        if room >= fm.horizontalAdvance("W…"):
            return star + fm.elidedText(token, Qt.TextElideMode.ElideRight, int(room)) + score
        if avail >= fm.horizontalAdvance("W…"):
            return star + fm.elidedText(token, Qt.TextElideMode.ElideRight, int(avail))
        return star.strip()

    def _add_label(self, text: str, x: float, y: float, colour: str, *, anchor: tuple[float, float] = (0, 0.5),
                   bold: bool = False) -> None:
        # A light backdrop keeps a label readable where edges to the next step cross it.
        item = pg.TextItem(text, color=colour, anchor=anchor, fill=pg.mkBrush(255, 255, 255, 215))
        item.setFont(self._bold() if bold else self._font)
        item.setPos(x, y)
        self.getPlotItem().addItem(item)
        self._labels.append(item)

    def _bold(self) -> QFont:
        font = QFont(self._font)
        font.setBold(True)
        return font

    # ---------------------------------------------------------------- scrolling
    def label_items(self) -> list[pg.TextItem]:
        """The labels drawn now (tests)."""
        return list(self._labels)

    def steps(self) -> int:
        return int(max((p[0] for p in self._pos.values()), default=0.0))

    def min_step_px(self) -> int:
        """The width a step gets when the tree is wider than the view: a token and its score."""
        fm = QFontMetrics(plot_font())
        return fm.horizontalAdvance("_little -12.34") + NODE_GAP_PX + TEXT_MARGIN_PX

    def _bounds(self) -> tuple[float, float]:
        """The x range that holds the whole tree, with room for the root label and the last labels."""
        step_px = self.min_step_px()
        root_px = min(QFontMetrics(self._font).horizontalAdvance(self._root_label), 1.5 * step_px)
        left = -(root_px + NODE_GAP_PX + TEXT_MARGIN_PX + 2) / step_px
        return min(-0.4, left), self.steps() + 1.25      # room for the last step's labels

    def visible_steps(self) -> float:
        return max(1.0, self.getPlotItem().getViewBox().width() / self.min_step_px())

    def is_step_visible(self, x: float) -> bool:
        (x0, x1), _ = self.getPlotItem().getViewBox().viewRange()
        return x0 <= x <= x1 - 0.5

    def scroll_info(self) -> tuple[float, float, float, float]:
        """``(lowest left edge, highest left edge, left edge now, steps in view)`` for a scroll bar."""
        lo, hi = self._bounds()
        (x0, x1), _ = self.getPlotItem().getViewBox().viewRange()
        return lo, max(lo, hi - (x1 - x0)), x0, x1 - x0

    def scroll_to(self, left: float) -> None:
        """Show the steps from ``left`` on, at the minimum step width (the whole tree if it fits)."""
        lo, hi = self._bounds()
        span = min(hi - lo, self.visible_steps())
        left = min(max(lo, left), hi - span)
        self.follow = left + span >= hi - 1e-6
        self._set_limits()
        self._set_range(x=(left, left + span))

    def scroll_to_end(self) -> None:
        lo, hi = self._bounds()
        self.scroll_to(hi)
        self.follow = True

    def _set_limits(self) -> None:
        lo, hi = self._bounds()
        self.getPlotItem().getViewBox().setLimits(xMin=lo, xMax=hi, minXRange=1.5)

    def _set_range(self, x: tuple[float, float] | None = None, y: tuple[float, float] | None = None) -> None:
        self._setting_range = True
        try:
            self.getPlotItem().getViewBox().setRange(xRange=x, yRange=y, padding=0)
        finally:
            self._setting_range = False

    def _on_range_changed(self, *_: object) -> None:
        if not self._setting_range:      # the teacher dragged or zoomed: follow only if the end is in view
            (_x0, x1), _ = self.getPlotItem().getViewBox().viewRange()
            self.follow = x1 >= self._bounds()[1] - 1e-3
        if not self._label_timer.isActive():
            self._label_timer.start()
        self.view_changed.emit()

    def _on_resized(self, *_: object) -> None:
        """The plot area changed size: keep the step width (and the newest steps in view when following)."""
        if not self._pos:
            return
        if self.follow:
            self.scroll_to_end()
        else:
            self.scroll_to(self.getPlotItem().getViewBox().viewRange()[0][0])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        x0 = self.getPlotItem().getViewBox().viewRange()[0][0]
        page = max(1.0, self.visible_steps() - 1.0)
        moves = {Qt.Key.Key_Left: x0 - 1.0, Qt.Key.Key_Right: x0 + 1.0, Qt.Key.Key_PageUp: x0 - page,
                 Qt.Key.Key_PageDown: x0 + page, Qt.Key.Key_Home: -1e9}
        if event.key() == Qt.Key.Key_End:
            self.scroll_to_end()
        elif event.key() in moves:
            self.scroll_to(moves[event.key()])
        else:
            super().keyPressEvent(event)
