"""Readable token labels: rotation and smaller fonts come before thinning; all shown up to ~48 tokens."""
from __future__ import annotations

import numpy as np
import pytest

from gui.widgets.heatmap import HeatmapView
from gui.widgets.token_axis import ALWAYS_LABEL, MIN_LABEL_PT, plan_labels


def line(pt: float) -> float:      # a line is ~1.5 px per point here
    return 1.5 * pt


def text(width_at_12: float):
    return lambda pt: width_at_12 * pt / 12


def test_wide_cells_keep_horizontal_full_size_labels():
    plan = plan_labels(10, 80, 12, line_px=line, text_px=text(50), columns=True)
    assert (plan.point_size, plan.step, plan.rotated) == (12, 1, False)


def test_narrow_columns_rotate_before_shrinking():
    # 20 px cells: a 50 px word does not fit across, but a 12 pt line (18 px) fits when rotated.
    plan = plan_labels(30, 20, 12, line_px=line, text_px=text(50), columns=True)
    assert plan.rotated and plan.point_size == 12 and plan.step == 1


def test_then_smaller_font_before_thinning():
    plan = plan_labels(40, 13, 12, line_px=line, text_px=text(50), columns=True)
    assert plan.rotated and MIN_LABEL_PT <= plan.point_size < 12 and plan.step == 1
    rows = plan_labels(40, 13, 12, line_px=line, text_px=text(50), columns=False)
    assert not rows.rotated and rows.point_size < 12 and rows.step == 1


@pytest.mark.parametrize("n", [14, 30, ALWAYS_LABEL])
def test_every_label_up_to_48_tokens_when_cells_are_near_a_line(n):
    cell = line(MIN_LABEL_PT) / 1.3   # tighter than a line of the smallest font
    plan = plan_labels(n, cell, 12, line_px=line, text_px=text(50), columns=False)
    assert plan.step == 1 and plan.point_size == MIN_LABEL_PT


def test_thinning_only_beyond_48_tokens():
    cell = line(MIN_LABEL_PT) / 3
    assert plan_labels(ALWAYS_LABEL + 1, cell, 12, line_px=line, text_px=text(50), columns=False).step > 1
    assert plan_labels(300, 2, 12, line_px=line, text_px=text(50), columns=True).step >= 5


def test_heatmap_labels_all_14_tokens_of_a_short_sentence(qtbot):
    """The issue's case: a 14-token sentence in a laptop-sized panel shows all 14 labels."""
    tokens = ["[CLS]", "the", "animal", "didn", "'", "t", "cross", "the", "street", "because", "it", "was",
              "tired", "[SEP]"]
    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(420, 380)
    view.show()
    qtbot.waitExposed(view)
    m = np.full((14, 14), 1 / 14, dtype=np.float32)
    view.set_matrix(m, tokens, tokens)
    qtbot.wait(50)
    assert [t for _, t in view.col_ticks()] == tokens
    assert [t for _, t in view.row_ticks()] == tokens
    rows, cols = view.label_plans()
    assert cols.rotated  # 14 words across 420 px do not fit side by side: turned, not dropped


def test_projector_text_size_reaches_the_heatmap_labels(qtbot, restore_app_font):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    tokens = ["a", "b", "c", "d"]
    view.set_matrix(np.full((4, 4), 0.25, dtype=np.float32), tokens, tokens)
    qtbot.wait(30)
    before = view.label_plans()[0].point_size
    font = QFont(QApplication.font())
    font.setPointSize(int(before) + 6)   # Ctrl+= a few times, or presentation mode
    QApplication.setFont(font)
    qtbot.waitUntil(lambda: view.label_plans()[0].point_size > before, timeout=2000)
