"""The "model view": every layer × head attention map as one downsampled mosaic image."""
from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from ..view_style import view_style
from .heatmap import HIGHLIGHT_PEN, setup_matrix_plot

#: Pixels between tiles; gap pixels are NaN, which ImageItem leaves transparent (white background).
GAP = 2


def scale_tip(per_tile_max: bool) -> str:
    """What the colours mean (tooltip), in the current language."""
    if per_tile_max:
        return QCoreApplication.translate(
            "AttentionGridView", "Colours: each tile scaled to its own maximum — patterns are easier to read, "
            "but colours are not comparable between heads.")
    return QCoreApplication.translate(
        "AttentionGridView", "Colours: one shared 0–1 scale, so heads can be compared with each other.")


def block_mean(att: np.ndarray, tile: int) -> np.ndarray:
    """Downsample the last two axes of ``att`` [..., rows, cols] to at most ``tile`` cells by block means.

    One factor ``f = ceil(max(rows, cols) / tile)`` serves both axes, so cells stay square
    (a tgt × src cross-attention map keeps its shape). A trailing partial block is averaged
    over the cells it really has, not over zero padding, so border tiles are not darkened.
    """
    a = np.asarray(att, dtype=np.float32)
    rows, cols = a.shape[-2:]
    f = max(1, math.ceil(max(rows, cols) / max(1, tile)))
    if f == 1:
        return a.copy()
    lead = a.shape[:-2]
    r_full, r_rest = divmod(rows, f)
    c_full, c_rest = divmod(cols, f)
    # Rows first: summing f contiguous rows streams memory once and leaves an f-times smaller
    # array, so the column reduction and any padding act on little data (~30 ms for 12×12×512²).
    summed = a[..., : r_full * f, :].reshape(*lead, r_full, f, cols).sum(axis=-2)
    if r_rest:
        summed = np.concatenate([summed, a[..., r_full * f:, :].sum(axis=-2, keepdims=True)], axis=-2)
    if c_rest:
        summed = np.concatenate([summed, np.zeros((*summed.shape[:-1], f - c_rest), np.float32)], axis=-1)
    t_rows, t_cols = summed.shape[-2], summed.shape[-1] // f
    sums = summed.reshape(*lead, t_rows, t_cols, f).sum(axis=-1)
    r_counts = np.full(t_rows, f, dtype=np.float32)
    c_counts = np.full(t_cols, f, dtype=np.float32)
    if r_rest:
        r_counts[-1] = r_rest
    if c_rest:
        c_counts[-1] = c_rest
    return sums / np.outer(r_counts, c_counts)


class AttentionGridView(pg.GraphicsLayoutWidget):
    """All layers × heads as small heatmaps in one image (click a tile to open that head)."""

    head_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, *, per_tile_max: bool = False) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumSize(200, 96)
        self._per_tile_max = per_tile_max
        self._tiles = np.zeros((0, 0, 0, 0), dtype=np.float32)  # block means [L, H, T, T]
        self._tile_mask: np.ndarray | None = None                # bool [T, T], fully masked blocks
        self._grid: np.ndarray | None = None                     # set_values mode: [L, H]
        self._mosaic = np.zeros((0, 0), dtype=np.float32)
        self._cell = (1, 1)  # tile height, width in pixels; tiles sit GAP apart (none for set_values)
        self._gap = 0
        self._selected: tuple[int, int] | None = None
        self._hover: tuple[int, int] | None = None
        self._hover_text = ""

        self._plot = plot = self.addPlot(row=0, col=0)
        self._image, self._mask_image, self._bar = setup_matrix_plot(plot)
        plot.setAspectLocked(True)  # tiles stay square
        view_style().changed.connect(self._on_style_changed)
        for name in ("left", "top"):
            plot.getAxis(name).setStyle(tickLength=0)
        self._box = QGraphicsRectItem()
        self._box.setPen(HIGHLIGHT_PEN)
        self._box.setZValue(10)
        self._box.setVisible(False)
        plot.addItem(self._box, ignoreBounds=True)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    # ----------------------------------------------------------------- public API
    def set_attentions(self, att: np.ndarray, *, tile: int = 64, masked: np.ndarray | None = None) -> None:
        """Show ``att`` [L, H, S, S] (or [L, H, rows, cols]) as an L × H mosaic of ≤ ``tile``-pixel maps.

        ``masked`` (bool [S, S], e.g. a causal upper triangle) greys out blocks that are fully masked.
        """
        a = np.asarray(att)
        if a.ndim != 4 or 0 in a.shape:
            raise ValueError(f"expected attentions [layer, head, rows, cols], got shape {a.shape}")
        self._tiles = block_mean(a, tile)
        self._grid = None
        self._tile_mask = None
        if masked is not None:
            m = np.asarray(masked, dtype=bool)
            if m.shape != a.shape[-2:]:
                raise ValueError(f"masked has shape {m.shape}, expected {a.shape[-2:]}")
            self._tile_mask = block_mean(m.astype(np.float32), tile) >= 1.0
        self._cell, self._gap = self._tiles.shape[-2:], GAP
        self._plot.setTitle(None)
        self._render()

    def set_values(self, grid: np.ndarray, *, levels: tuple[float, float] | None = None, title: str = "") -> None:
        """Show one scalar per head, ``grid`` [L, H] (e.g. entropy); ``levels`` default to the data range."""
        g = np.asarray(grid, dtype=np.float32)
        if g.ndim != 2:
            raise ValueError(f"expected a [layer, head] grid, got shape {g.shape}")
        if levels is None:
            finite = g[np.isfinite(g)]
            lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            levels = (lo, hi if hi > lo else lo + 1e-6)
        self._grid, self._tile_mask = g.copy(), None
        self._tiles = g[:, :, None, None].copy()
        self._cell, self._gap = (1, 1), 0
        self._plot.setTitle(html.escape(title) if title else None)
        self._render(levels)

    def set_per_tile_max(self, enabled: bool) -> None:
        """Scale each attention tile by its own maximum (True) or use one shared 0–1 scale (False)."""
        self._per_tile_max = bool(enabled)
        if self._grid is None and self._tiles.size:
            self._render()

    def per_tile_max(self) -> bool:
        return self._per_tile_max

    def tile_means(self) -> np.ndarray:
        """The block-mean tiles [L, H, T, T] (before any per-tile scaling)."""
        return self._tiles.copy()

    def mosaic(self) -> np.ndarray:
        """The image drawn, [L*(T+gap)-gap, H*(T+gap)-gap]; gap pixels are NaN."""
        return self._mosaic.copy()

    def tile_rect(self, layer: int, head: int) -> QRectF:
        """Rectangle of tile (layer, head) in image (view) coordinates."""
        (h, w), gap = self._cell, self._gap
        return QRectF(head * (w + gap), layer * (h + gap), w, h)

    def tile_scene_pos(self, layer: int, head: int) -> QPointF:
        """Scene position of the centre of tile (layer, head)."""
        return self._plot.vb.mapViewToScene(self.tile_rect(layer, head).center())

    def hover_text(self) -> str:
        return self._hover_text

    def selected(self) -> tuple[int, int] | None:
        return self._selected

    def select(self, layer: int | None, head: int | None = None) -> None:
        """Outline tile (layer, head); ``select(None)`` clears."""
        n_layers, n_heads = self._tiles.shape[:2]
        if layer is None or head is None or not (0 <= layer < n_layers and 0 <= head < n_heads):
            self._selected = None
            self._box.setVisible(False)
            return
        self._selected = (layer, head)
        self._box.setRect(self.tile_rect(layer, head).adjusted(-0.5, -0.5, 0.5, 0.5))
        self._box.setVisible(True)

    # ---------------------------------------------------------------- drawing
    def _render(self, levels: tuple[float, float] = (0.0, 1.0)) -> None:
        tiles = self._tiles
        n_layers, n_heads, th, tw = tiles.shape
        if self._grid is None and self._per_tile_max:
            peak = tiles.max(axis=(2, 3), keepdims=True)
            tiles = np.divide(tiles, peak, out=np.zeros_like(tiles), where=peak > 0)
        gap = self._gap
        # Vectorised placement: [L, th+gap, H, tw+gap] flattens to the mosaic; the gaps stay NaN.
        mosaic = np.full((n_layers, th + gap, n_heads, tw + gap), np.nan, dtype=np.float32)
        mosaic[:, :th, :, :tw] = tiles.transpose(0, 2, 1, 3)
        mosaic = mosaic.reshape(n_layers * (th + gap), n_heads * (tw + gap))
        self._mosaic = mosaic[: mosaic.shape[0] - gap, : mosaic.shape[1] - gap]
        self._image.setImage(self._mosaic, autoLevels=False, levels=levels)
        self._bar.setLevels(levels)
        self._render_mask(n_layers, n_heads)
        height, width = self._mosaic.shape
        # No pan limits: with the aspect locked they would crop the outer tiles of a non-square view.
        self._plot.vb.setRange(xRange=(0, width), yRange=(0, height), padding=0.01)
        self._plot.getAxis("left").setTicks([[(self.tile_rect(i, 0).center().y(), f"L{i}") for i in range(n_layers)]])
        self._plot.getAxis("top").setTicks([[(self.tile_rect(0, j).center().x(), f"H{j}") for j in range(n_heads)]])
        self.setToolTip(scale_tip(self._per_tile_max) if self._grid is None else "")
        self.select(*(self._selected or (None, None)))

    def _on_style_changed(self) -> None:
        self._bar.setColorMap(view_style().colormap())

    def _render_mask(self, n_layers: int, n_heads: int) -> None:
        if self._tile_mask is None or not self._tile_mask.any():
            self._mask_image.clear()
            self._mask_image.setVisible(False)
            return
        (th, tw), gap = self._cell, self._gap
        tile_rgba = np.zeros((th, tw, 4), dtype=np.uint8)
        tile_rgba[self._tile_mask] = view_style().mask_rgba()
        overlay = np.zeros((n_layers, th + gap, n_heads, tw + gap, 4), dtype=np.uint8)
        overlay[:, :th, :, :tw] = tile_rgba[None, :, None, :, :]
        overlay = overlay.reshape(n_layers * (th + gap), n_heads * (tw + gap), 4)
        self._mask_image.setImage(overlay[: overlay.shape[0] - gap, : overlay.shape[1] - gap], autoLevels=False)
        self._mask_image.setVisible(True)

    # ------------------------------------------------------------- hover and click
    def _tile_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        n_layers, n_heads = self._tiles.shape[:2]
        vb = self._plot.vb
        if not n_layers or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        (th, tw), gap = self._cell, self._gap
        layer, dy = divmod(p.y(), th + gap)
        head, dx = divmod(p.x(), tw + gap)
        if dy >= th or dx >= tw:
            return None  # in a gap
        layer, head = int(layer), int(head)
        return (layer, head) if 0 <= layer < n_layers and 0 <= head < n_heads else None

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(ev)
        hit = self._tile_at(self.mapToScene(ev.position().toPoint()))
        if hit == self._hover:
            return
        self._hover = hit
        if hit is None:
            self._hover_text = ""
        elif self._grid is not None:
            self._hover_text = QCoreApplication.translate("AttentionGridView", "layer {0}, head {1}: {2}").format(
                hit[0], hit[1], f"{float(self._grid[hit]):.3f}")
        else:
            self._hover_text = QCoreApplication.translate(
                "AttentionGridView", "layer {0}, head {1} (click to open)").format(hit[0], hit[1])
        tip = scale_tip(self._per_tile_max) if self._grid is None else ""
        self.setToolTip("\n".join(x for x in (self._hover_text, tip) if x))

    def _on_scene_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._tile_at(ev.scenePos())
        if hit is not None:
            self.select(*hit)
            self.head_clicked.emit(*hit)
