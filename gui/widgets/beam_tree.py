"""Beam search drawn live as a tree: every hypothesis, its score; pruned grey, finished marked."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from core.beam import live_nodes
from core.generation_types import BeamNode, BeamStep

LIVE = "#3a73d0"
PRUNED = "#c4c9cf"
FINISHED = "#1f9d55"


class BeamTreeView(pg.PlotWidget):
    """Steps run left to right; at each step the 2 × beams candidates, best on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMinimumHeight(240)
        self.getPlotItem().hideAxis("left")
        self.getPlotItem().setLabel("bottom", self.tr("step"))
        self.getPlotItem().invertY(True)
        self.getPlotItem().setMenuEnabled(False)
        self.nodes: list[BeamNode] = []
        self.alive: tuple[int, ...] = ()
        self.finished: tuple[int, ...] = ()
        self.best: int | None = None
        self._pos: dict[int, tuple[float, float]] = {}
        self._root_label = ""
        # Steps can arrive faster than a growing tree redraws: coalesce them (≤ 25 redraws/s), so the
        # GUI thread stays free and Stop is handled at once.
        self._redraw_timer = QTimer(self, singleShot=True, interval=40)
        self._redraw_timer.timeout.connect(self._redraw)

    def clear_tree(self, root_label: str = "") -> None:
        self._redraw_timer.stop()
        self.nodes, self.alive, self.finished, self.best = [], (), (), None
        self._pos = {}
        self._root_label = root_label
        self.getPlotItem().clear()

    def add_step(self, step: BeamStep) -> None:
        width = len(step.new_nodes)
        for rank, node in enumerate(step.new_nodes):
            self._pos[node.node_id] = (float(step.step + 1), rank - (width - 1) / 2.0)
        self.nodes.extend(step.new_nodes)
        self.alive, self.finished = step.alive, step.finished
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def set_best(self, node_id: int | None) -> None:
        self.best = node_id
        self._redraw_timer.stop()
        self._redraw()

    def flush(self) -> None:
        """Draw pending steps now (a stopped search shows everything it found)."""
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self._redraw()

    def status(self) -> dict[int, str]:
        """``node_id → "alive" | "finished" | "pruned"`` (tests, tooltips)."""
        live = live_nodes(self.nodes, self.alive, self.finished)
        fin = set(self.finished)
        return {n.node_id: "finished" if n.node_id in fin else "alive" if n.node_id in live else "pruned"
                for n in self.nodes}

    def _redraw(self) -> None:
        plot = self.getPlotItem()
        plot.clear()
        status = self.status()
        font = QFont()
        font.setPointSize(10)
        edges = {"live": [], "pruned": []}
        for n in self.nodes:
            x1, y1 = self._pos[n.node_id]
            x0, y0 = self._pos.get(n.parent, (0.0, 0.0))
            edges["pruned" if status[n.node_id] == "pruned" else "live"].append(((x0, y0), (x1, y1)))
        for kind, pen in (("pruned", pg.mkPen(PRUNED, width=1)), ("live", pg.mkPen(LIVE, width=2.5))):
            pairs = edges[kind]
            if pairs:
                xy = np.asarray(pairs, dtype=float).reshape(-1, 2)
                plot.addItem(pg.PlotDataItem(xy[:, 0], xy[:, 1], connect="pairs", pen=pen))
        for kind, colour, symbol, size in (("pruned", PRUNED, "o", 7), ("alive", LIVE, "o", 10),
                                           ("finished", FINISHED, "s", 13)):
            pts = [self._pos[n.node_id] for n in self.nodes if status[n.node_id] == kind]
            if pts:
                xy = np.asarray(pts, dtype=float)
                plot.addItem(pg.ScatterPlotItem(xy[:, 0], xy[:, 1], symbol=symbol, size=size,
                                                brush=pg.mkBrush(colour), pen=pg.mkPen(colour)))
        plot.addItem(pg.ScatterPlotItem([0.0], [0.0], symbol="d", size=14, brush=pg.mkBrush("#444")))
        if self._root_label:
            root = pg.TextItem(self._root_label, color="#444", anchor=(1, 0.5))
            root.setFont(font)
            plot.addItem(root)
        many = len(self.nodes) > 400   # a long search: label only the hypotheses still in play
        for n in self.nodes:
            x, y = self._pos[n.node_id]
            kind = status[n.node_id]
            if many and kind == "pruned":
                continue
            colour = {"pruned": "#9aa1a8", "alive": "#0b3d91", "finished": "#14703c"}[kind]
            label = f"{repr(n.token)[1:-1]} {n.score:.2f}"
            if n.node_id == self.best:
                label = "★ " + label
            txt = pg.TextItem(label, color=colour, anchor=(-0.05, 1.0))
            txt.setFont(font)
            txt.setPos(x, y)
            plot.addItem(txt)
        steps = max((self._pos[n.node_id][0] for n in self.nodes), default=1.0)
        plot.setXRange(-0.6, steps + 0.9, padding=0.02)
