"""Tests for :class:`gui.widgets.heatmap.HeatmapView` and :func:`gui.widgets.export.export_widget`."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from gui.widgets.export import export_widget
from gui.widgets.heatmap import MASK_RGBA, HeatmapView, nice_step
from tests.helpers import random_attention



TOKENS = ["[CLS]", "once", "upon", "a", "time", "lily", "girl", "[SEP]"]


def softmax_rows(n: int, seed: int = 0, causal: bool = False) -> np.ndarray:
    return random_attention((n, n), seed, sharpness=2.0, causal=causal)


@pytest.fixture
def view(qtbot) -> HeatmapView:
    v = HeatmapView()
    qtbot.addWidget(v)
    v.resize(600, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def viewport_point(view: HeatmapView, scene_pos: QPointF) -> QPoint:
    """Scene -> viewport pixel (QGraphicsView.mapFromScene gives viewport coordinates)."""
    return view.mapFromScene(scene_pos)


def settle(qtbot) -> None:
    qtbot.wait(30)  # let the layout and the tick thinning run (sigResized is queued through the layout)


def test_nice_step_rounds_up_to_1_2_5() -> None:
    assert [nice_step(x) for x in (0.2, 1, 1.1, 2, 3, 6, 11, 27, 51)] == [1, 1, 2, 2, 5, 10, 20, 50, 100]


def test_shows_exactly_the_matrix_given(view, qtbot) -> None:
    m = softmax_rows(8)
    view.set_matrix(m, TOKENS, TOKENS, title="layer 0, head 0")
    np.testing.assert_array_equal(view.values(), m)
    np.testing.assert_array_equal(view._image.image, m)  # what the ImageItem draws
    assert view._image.getLevels() is not None and tuple(view._image.getLevels()) == (0.0, 1.0)
    assert view.mask_overlay() is None
    m[0, 0] = 42.0  # the view holds its own copy
    assert view.values()[0, 0] != 42.0


def test_rejects_mismatched_labels_and_mask(view) -> None:
    with pytest.raises(ValueError, match="labels"):
        view.set_matrix(np.zeros((3, 3)), ["a", "b"], ["a", "b", "c"])
    with pytest.raises(ValueError, match="masked"):
        view.set_matrix(np.zeros((3, 3)), list("abc"), list("abc"), masked=np.zeros((2, 2), bool))


def test_all_labels_for_8_tokens(view, qtbot) -> None:
    view.set_matrix(softmax_rows(8), TOKENS, TOKENS)
    settle(qtbot)
    assert view.row_ticks() == list(enumerate(TOKENS))
    assert view.col_ticks() == list(enumerate(TOKENS))


def test_labels_thin_for_300_tokens_and_follow_resize(view, qtbot) -> None:
    tokens = [f"tok{i}" for i in range(300)]
    view.set_matrix(softmax_rows(300), tokens, tokens)
    settle(qtbot)
    rows = view.row_ticks()
    assert 2 < len(rows) < 300
    step = rows[1][0] - rows[0][0]
    assert step > 1 and all(label == f"tok{i}" for i, label in rows)
    assert len(view.col_ticks()) < 300
    view.resize(600, 1400)  # more room -> more labels
    settle(qtbot)
    assert len(view.row_ticks()) > len(rows)


def test_long_labels_are_elided(view, qtbot) -> None:
    long = "supercalifragilisticexpialidocious" * 3
    view.set_matrix(softmax_rows(3), ["a", long, "b"], ["a", long, "b"])
    settle(qtbot)
    label = dict(view.row_ticks())[1]
    assert label.endswith("…") and len(label) < len(long)


def test_hover_emits_cell_and_readout(view, qtbot) -> None:
    m = softmax_rows(8)
    view.set_matrix(m, TOKENS, TOKENS)
    settle(qtbot)
    target = viewport_point(view, view.cell_scene_pos(5, 6))
    with qtbot.waitSignal(view.cell_hovered, timeout=2000) as blocker:
        qtbot.mouseMove(view.viewport(), target)
    row, col, value = blocker.args
    assert (row, col) == (5, 6)
    assert value == pytest.approx(float(m[5, 6]))
    assert view.hover_text() == f"lily → girl: {m[5, 6]:.3f}"
    assert view.toolTip() == view.hover_text()


def test_click_cell_and_row_label_emit_token(view, qtbot) -> None:
    view.set_matrix(softmax_rows(8), TOKENS, TOKENS)
    settle(qtbot)
    with qtbot.waitSignal(view.token_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(view, view.cell_scene_pos(3, 1)))
    assert blocker.args == [3]
    assert view.selected() == 3
    assert view._row_box.isVisible() and view._row_box.rect().center().y() == pytest.approx(3.0)
    assert view._col_box.rect().center().x() == pytest.approx(3.0)
    qtbot.wait(600)  # not a double click
    with qtbot.waitSignal(view.token_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(view, view.row_label_scene_pos(6)))
    assert blocker.args == [6]


def test_highlight_none_clears(view) -> None:
    view.set_matrix(softmax_rows(4), TOKENS[:4], TOKENS[:4])
    view.highlight(2)
    assert view._row_box.isVisible() and view._col_box.isVisible()
    view.highlight(None)
    assert not view._row_box.isVisible() and not view._col_box.isVisible()


def test_causal_mask_overlay(view, qtbot, colour_count) -> None:
    m = softmax_rows(8, causal=True)
    mask = np.triu(np.ones((8, 8), dtype=bool), 1)
    view.set_matrix(m, TOKENS, TOKENS, masked=mask)
    overlay = view.mask_overlay()
    assert overlay is not None and overlay.shape == (8, 8, 4)
    np.testing.assert_array_equal(overlay[mask], np.tile(MASK_RGBA, (mask.sum(), 1)))
    assert (overlay[~mask][:, 3] == 0).all()  # allowed cells stay see-through
    settle(qtbot)
    image = view.grab().toImage()
    centre = viewport_point(view, view.cell_scene_pos(0, 7))
    assert image.pixelColor(centre).getRgb()[:3] == MASK_RGBA[:3]
    view.set_matrix(m, TOKENS, TOKENS)  # no mask -> overlay gone
    assert view.mask_overlay() is None


def test_cjk_labels_render(view, qtbot, colour_count) -> None:
    tokens = ["我", "爱", "北京"]
    m = softmax_rows(3)
    view.set_matrix(m, tokens, tokens)
    settle(qtbot)
    assert [label for _, label in view.row_ticks()] == tokens
    image = view.grab().toImage()
    assert not image.isNull() and colour_count(image) > 5
    qtbot.mouseMove(view.viewport(), viewport_point(view, view.cell_scene_pos(1, 2)))
    qtbot.waitUntil(lambda: view.hover_text() != "", timeout=2000)
    assert view.hover_text() == f"爱 → 北京: {m[1, 2]:.3f}"


# ----------------------------------------------------------------------- export
@pytest.fixture
def shown_heatmap(view, qtbot) -> HeatmapView:
    view.resize(300, 240)
    view.set_matrix(softmax_rows(8), TOKENS, TOKENS)
    settle(qtbot)
    return view


def test_export_png_is_scaled_and_not_blank(shown_heatmap, tmp_path: Path, colour_count) -> None:
    out = export_widget(shown_heatmap, tmp_path / "att.png", scale=2.0)
    assert out == tmp_path / "att.png"
    image = QImage(str(out))
    assert image.width() >= 2 * shown_heatmap.width() and image.height() >= 2 * shown_heatmap.height()
    assert colour_count(image) > 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["att.png"]  # no temp file left


def test_export_svg_is_xml_with_content(shown_heatmap, tmp_path: Path) -> None:
    out = export_widget(shown_heatmap, tmp_path / "att.SVG")
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 20
    assert out.stat().st_size > 2000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["att.SVG"]


def test_export_unknown_suffix_raises_and_writes_nothing(shown_heatmap, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="png"):
        export_widget(shown_heatmap, tmp_path / "att.jpg")
    assert list(tmp_path.iterdir()) == []


def test_export_failure_leaves_old_file_and_no_temp(shown_heatmap, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "att.png"
    target.write_bytes(b"old")

    def boom(*_args) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("gui.widgets.export._write_png", boom)
    with pytest.raises(OSError, match="disk full"):
        export_widget(shown_heatmap, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["att.png"]
