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


# ------------------------------------------------------------- docked views ask for the room their labels need
S26 = "the little girl saw a big red ball in the park and she ran to get it before her brother could take it home"
S48 = ("once upon a time there was a little boy named tim who loved to play outside with his dog max every day they "
       "went to the park and played with a big red ball until the sun went down and it was time to go home")


def drawn_labels(axis) -> list[str]:
    """The tick labels pyqtgraph actually draws (it drops any that would stick out of the axis)."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setFont(axis.style["tickFont"])
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    if getattr(axis, "rotated", False):
        return [label for _, label in specs[2]]
    return [label for *_, label in specs[2]]


def every_label_drawn(view: HeatmapView, n: int) -> bool:
    """All ``n`` row and column labels set (no thinning) and drawn, rows a full line of their font apart."""
    from PySide6.QtGui import QFontMetricsF

    plans = view.label_plans()
    if plans is None or len(view._row_labels) != n:
        return False
    rows, cols = plans
    left, top = view._plot.getAxis("left"), view._plot.getAxis("top")
    return (rows.step == 1 and cols.step == 1 and len(view.row_ticks()) == n and len(view.col_ticks()) == n
            and drawn_labels(left) == [label for _, label in view.row_ticks()]
            and drawn_labels(top) == [label for _, label in view.col_ticks()]
            and view._plot.vb.height() / n >= QFontMetricsF(left.style["tickFont"]).height())


def assert_every_label_drawn(qtbot, view: HeatmapView, n: int) -> None:
    # The layout settles over a few event-loop turns (the view asks for room, the dock gives it).
    try:
        qtbot.waitUntil(lambda: every_label_drawn(view, n), timeout=3000)
    except Exception:
        left, top = view._plot.getAxis("left"), view._plot.getAxis("top")
        raise AssertionError(f"plans {view.label_plans()}, {len(view.row_ticks())}/{len(view.col_ticks())} ticks of "
                             f"{n}, drawn rows {drawn_labels(left)}, drawn columns {drawn_labels(top)}, "
                             f"view {view.size()}, room asked {view.label_room()}") from None


@pytest.mark.parametrize("size", [None, (1280, 720)])
def test_docked_attention_heatmap_labels_every_token_of_26_and_48(qtbot, main_window, bert_mini_dir, size):
    """Issue 10: in the docked attention panel at the default window size (and a 1280×720 laptop),
    every row and column label of a 26- and a 48-token sentence is drawn; the dock scrolls instead."""
    win = main_window
    if size is not None:
        win.resize(*size)
    with qtbot.waitSignal(win.state.model_changed, timeout=60_000):
        win.load_model(str(bert_mini_dir))
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=60_000)
    att = win.show_panel("attention")
    for text, n in ((S26, 26), (S48, 48)):
        with qtbot.waitSignal(att.result_shown, timeout=20_000):
            att.text.setText(text)
            att._on_text_submitted()
        view = att.heatmap
        assert_every_label_drawn(qtbot, view, n)
        assert view.height() >= view.label_room().height() - 3   # the dock gave the room the labels asked for


@pytest.mark.parametrize("n", [26, 48])
def test_a_heatmap_in_a_small_scrolling_tab_asks_for_room_for_every_label(qtbot, n):
    """Every matrix view with token rows (spans triangle, similarity, fine-tuning attention) is a
    HeatmapView: in a dock too small for its rows it asks for the room and the dock scrolls."""
    from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    holder = QWidget()
    tabs = QTabWidget(holder)
    view = HeatmapView()
    view.set_minimum_floor(100, 80)
    tabs.addTab(view, "matrix")
    QVBoxLayout(holder).addWidget(tabs)
    scroll.setWidget(holder)
    qtbot.addWidget(scroll)
    scroll.resize(420, 300)
    scroll.show()
    qtbot.waitExposed(scroll)
    tokens = [f"tok{i}" for i in range(n)]
    view.set_matrix(np.full((n, n), 1 / n, dtype=np.float32), tokens, tokens)
    assert_every_label_drawn(qtbot, view, n)
    assert view.height() >= view.label_room().height() > 300    # taller than the dock: it scrolls
    # beyond 48 tokens the room asked for stops growing: labels are thinned instead
    more = [f"tok{i}" for i in range(120)]
    room_48 = view.label_room().height() if n == 48 else None
    view.set_matrix(np.full((120, 120), 1 / 120, dtype=np.float32), more, more)
    if room_48 is not None:
        assert abs(view.label_room().height() - room_48) < 40
    qtbot.waitUntil(lambda: view.label_plans()[0].step > 1, timeout=3000)
