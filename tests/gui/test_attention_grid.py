"""Tests for :class:`gui.widgets.attention_grid.AttentionGridView` (the all-heads mosaic)."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.widgets.attention_grid import GAP, AttentionGridView, scale_tip, block_mean
from gui.widgets.heatmap import MASK_RGBA
from tests.helpers import random_attention




def softmax_att(layers: int, heads: int, seq: int, seed: int = 0) -> np.ndarray:
    return random_attention((layers, heads, seq, seq), seed, sharpness=2.0)


@pytest.fixture
def grid(qtbot) -> AttentionGridView:
    v = AttentionGridView()
    qtbot.addWidget(v)
    v.resize(500, 420)
    v.show()
    qtbot.waitExposed(v)
    return v


def tile_of(mosaic: np.ndarray, layer: int, head: int, t: int) -> np.ndarray:
    pitch = t + GAP
    return mosaic[layer * pitch: layer * pitch + t, head * pitch: head * pitch + t]


def test_block_mean_by_hand() -> None:
    a = np.arange(16, dtype=np.float32).reshape(4, 4)
    np.testing.assert_allclose(block_mean(a, 2), [[2.5, 4.5], [10.5, 12.5]])
    # 5 -> f=2, tiles of 2,2,1 cells: the last block averages only its real cells.
    b = np.arange(25, dtype=np.float32).reshape(5, 5)
    out = block_mean(b, 3)
    assert out.shape == (3, 3)
    assert out[0, 0] == pytest.approx(b[:2, :2].mean())
    assert out[2, 2] == pytest.approx(24.0)
    assert out[1, 2] == pytest.approx(b[2:4, 4].mean())
    np.testing.assert_array_equal(block_mean(b, 64), b)  # small inputs are not upsampled


def test_mosaic_tiles_are_block_means(grid) -> None:
    att = softmax_att(2, 3, 8)
    grid.set_attentions(att, tile=4)
    mosaic = grid.mosaic()
    assert mosaic.shape == (2 * (4 + GAP) - GAP, 3 * (4 + GAP) - GAP)
    for layer in range(2):
        for head in range(3):
            expected = att[layer, head].reshape(4, 2, 4, 2).mean(axis=(1, 3))
            np.testing.assert_allclose(tile_of(mosaic, layer, head, 4), expected, rtol=1e-6)
    assert np.isnan(mosaic[4:6, :]).all() and np.isnan(mosaic[:, 4:6]).all()  # the gaps
    # Shared 0-1 scale by default; each tile's rows still sum to 1 / f after block-meaning.
    assert tuple(grid._image.getLevels()) == (0.0, 1.0)
    np.testing.assert_allclose(grid.tile_means()[1, 2].sum(axis=1), 0.5, rtol=1e-5)


def test_uneven_sequence_is_padded_not_darkened(grid) -> None:
    att = softmax_att(1, 2, 10)
    grid.set_attentions(att, tile=4)  # f = 3 -> tiles of 3, 3, 3, 1 cells
    means = grid.tile_means()
    assert means.shape == (1, 2, 4, 4)
    assert means[0, 1, 3, 3] == pytest.approx(float(att[0, 1, 9, 9]))
    assert means[0, 0, 0, 3] == pytest.approx(float(att[0, 0, :3, 9].mean()))


def test_cross_attention_tiles_keep_their_shape(grid, qtbot) -> None:
    rng = np.random.default_rng(4)
    att = rng.random((2, 2, 3, 10)).astype(np.float32)  # tgt 3 x src 10
    grid.set_attentions(att, tile=5)                      # f = 2 -> tiles of 2 x 5 cells
    means = grid.tile_means()
    assert means.shape == (2, 2, 2, 5)
    assert means[1, 0, 0, 4] == pytest.approx(float(att[1, 0, :2, 8:].mean()))
    assert means[1, 0, 1, 0] == pytest.approx(float(att[1, 0, 2, :2].mean()))  # 1-row remainder
    assert grid.mosaic().shape == (2 * 2 + GAP, 2 * 5 + GAP)
    qtbot.wait(30)
    with qtbot.waitSignal(grid.head_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.mapFromScene(grid.tile_scene_pos(1, 1)))
    assert blocker.args == [1, 1]


def test_per_tile_max_rescales_each_tile(grid) -> None:
    att = softmax_att(2, 2, 8)
    att[1, 1] *= 0.1  # one faint head
    grid.set_attentions(att, tile=4)
    faint = tile_of(grid.mosaic(), 1, 1, 4).copy()
    assert faint.max() < 0.1
    assert "shared 0–1 scale" in grid.toolTip()
    grid.set_per_tile_max(True)
    assert grid.per_tile_max()
    mosaic, means = grid.mosaic(), grid.tile_means()
    for layer in range(2):
        for head in range(2):
            tile = tile_of(mosaic, layer, head, 4)
            assert tile.max() == pytest.approx(1.0)
            np.testing.assert_allclose(tile, means[layer, head] / means[layer, head].max(), rtol=1e-6)
    np.testing.assert_allclose(tile_of(mosaic, 1, 1, 4), faint / faint.max(), rtol=1e-6)
    assert grid.toolTip() == scale_tip(True)
    np.testing.assert_allclose(grid.tile_means()[1, 1], faint)  # raw means untouched


def test_click_tile_emits_layer_head_and_outlines(grid, qtbot) -> None:
    grid.set_attentions(softmax_att(2, 3, 8), tile=4)
    qtbot.wait(30)
    pos = grid.mapFromScene(grid.tile_scene_pos(1, 2))
    with qtbot.waitSignal(grid.head_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [1, 2]
    assert grid.selected() == (1, 2)
    assert grid._box.isVisible() and grid._box.rect().center() == grid.tile_rect(1, 2).center()
    grid.select(None)
    assert grid.selected() is None and not grid._box.isVisible()


def test_hover_tile_text(grid, qtbot) -> None:
    grid.set_attentions(softmax_att(2, 3, 8), tile=4)
    qtbot.wait(30)
    qtbot.mouseMove(grid.viewport(), grid.mapFromScene(grid.tile_scene_pos(0, 1)))
    qtbot.waitUntil(lambda: grid.hover_text() != "", timeout=2000)
    assert grid.hover_text().startswith("layer 0, head 1")


def test_causal_mask_greys_fully_masked_blocks(grid) -> None:
    att = softmax_att(1, 1, 8)
    mask = np.triu(np.ones((8, 8), dtype=bool), 1)
    grid.set_attentions(att, tile=4, masked=mask)
    overlay = grid._mask_image.image
    assert grid._mask_image.isVisible() and overlay.shape == (4, 4, 4)
    assert tuple(overlay[0, 3]) == MASK_RGBA       # block (rows 0-1, cols 6-7): all masked
    assert overlay[1, 1, 3] == 0                   # diagonal block: partly allowed -> data shown
    assert overlay[3, 0, 3] == 0


def test_set_values_shows_scalar_grid_and_hover(grid, qtbot) -> None:
    values = np.arange(12, dtype=np.float32).reshape(3, 4) / 10
    grid.set_values(values, title="entropy")
    np.testing.assert_array_equal(grid.mosaic(), values)
    assert tuple(grid._image.getLevels()) == pytest.approx((0.0, 1.1))
    grid.set_values(values, levels=(0.0, 2.0))
    assert tuple(grid._image.getLevels()) == (0.0, 2.0)
    qtbot.wait(30)
    qtbot.mouseMove(grid.viewport(), grid.mapFromScene(grid.tile_scene_pos(2, 3)))
    qtbot.waitUntil(lambda: grid.hover_text() != "", timeout=2000)
    assert grid.hover_text() == "layer 2, head 3: 1.100"
    with qtbot.waitSignal(grid.head_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.mapFromScene(grid.tile_scene_pos(1, 0)))
    assert blocker.args == [1, 0]


def test_rejects_bad_shapes(grid) -> None:
    with pytest.raises(ValueError):
        grid.set_attentions(np.zeros((2, 4, 5)))
    with pytest.raises(ValueError, match="masked"):
        grid.set_attentions(np.zeros((1, 1, 4, 5)), masked=np.zeros((4, 4), dtype=bool))
    with pytest.raises(ValueError):
        grid.set_values(np.zeros(4))


def test_bert_base_grid_is_fast(grid) -> None:
    att = softmax_att(12, 12, 512, seed=1)
    grid.set_attentions(att)  # warm-up (first ImageItem render, LUT)
    QApplication.processEvents()
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        grid.set_attentions(att)
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    assert grid.mosaic().shape == (12 * 66 - 2, 12 * 66 - 2)
    # Goal is < 150 ms on the 2-core dev box; the test allows headroom for a loaded CI runner.
    assert min(times) < 0.4
