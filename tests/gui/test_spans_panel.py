"""Spans panel: drag and typed spans, the all-spans triangle, references across lines, SBO, bad input."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core import load_checkpoint
from core import spans as S
from core.span_heads import SpanHeads, save_span_heads
from gui.panels.spans_panel import SpansPanel

pytestmark = pytest.mark.slow
WAIT = 60_000


def _panel(qtbot, state) -> SpansPanel:
    panel = SpansPanel(state)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    qtbot.waitUntil(lambda: panel.data is not None and panel.triangle is not None and not panel.busy, timeout=WAIT)
    return panel


def _drag(qtbot, panel: SpansPanel, a: tuple[int, int], b: tuple[int, int]) -> None:
    view = panel.tokens
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=view.token_center(*a))
    qtbot.mouseMove(view, pos=view.token_center(*b))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=view.token_center(*b))


def test_preset_selects_words_and_scores_all_spans(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    enc = panel.data.batch.encodings[0]
    s, i, j = panel.selection
    assert s == 0 and (i, j) == S.word_to_token_span(enc, 0, 1)          # "United Airlines"
    assert panel.span_text(panel.selection) == "United Airlines"
    tri = panel.triangle
    lo, hi = S.content_range(enc)
    n = hi - lo + 1
    assert tri.count == S.span_count(n, panel.max_len.value())
    assert f"{tri.count} spans" in panel.status.text()
    h = panel.data.batch.hidden[0, panel.layer.value()]
    ref = S.span_reps(h, np.array([[i, j]]), "endpoint", panel.data.heads)[0]
    want = S.span_triangle(h, enc, ref, "endpoint", panel.data.heads, panel.max_len.value())
    shown = panel.triangle_view.values()
    finite = np.isfinite(want.values[lo : hi + 1, lo : hi + 1])
    np.testing.assert_allclose(shown[finite], want.values[lo : hi + 1, lo : hi + 1][finite], atol=1e-6)
    assert panel.triangle_view.masked()[~finite].all()
    assert "BIO" in panel.nested_note.text()


def test_drag_selects_a_span_and_across_lines_is_refused(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    _drag(qtbot, panel, (0, 3), (0, 1))
    assert panel.selection == (0, 1, 3)
    assert panel.tokens.selection == (0, 1, 3)
    _drag(qtbot, panel, (0, 2), (1, 2))
    assert panel.selection == (0, 1, 3)
    assert panel.message_bar.level == "error" and "inside one sentence" in panel.message_bar.text()
    last = len(panel.data.batch.encodings[0]) - 1
    _drag(qtbot, panel, (0, last - 1), (0, last))            # onto [SEP]
    assert "crosses the sentence boundary" in panel.message_bar.text()


def test_typed_spans_and_their_errors(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.units.setCurrentIndex(1)  # token indices
    panel.span_edit.setText("2..4")
    qtbot.keyClick(panel.span_edit, Qt.Key.Key_Return)
    assert panel.selection == (0, 2, 4) and panel.message_bar.level == ""
    for text, message in (("5..2", "empty"), ("", "empty"), ("1..99", "crosses the sentence boundary"),
                          ("x", "not a span")):
        panel.span_edit.setText(text)
        qtbot.keyClick(panel.span_edit, Qt.Key.Key_Return)
        assert panel.message_bar.level == "error" and message in panel.message_bar.text(), text
        assert panel.selection == (0, 2, 4)
    panel.units.setCurrentIndex(0)  # words
    panel.span_edit.setText("0..20")
    qtbot.keyClick(panel.span_edit, Qt.Key.Key_Return)
    assert "cross the sentence boundary" in panel.message_bar.text()


def test_length_limit_larger_than_text(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.max_len.setValue(200)
    n = panel.triangle.n_tokens
    assert panel.triangle.count == n * (n + 1) // 2
    assert panel.message_bar.level == "info" and "longer than the sentence" in panel.message_bar.text()
    panel.max_len.setValue(2)
    assert panel.triangle.count == S.span_count(n, 2) and panel.message_bar.text() == ""


def test_reference_from_another_line_and_variants(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    second = panel.data.batch.encodings[1]                       # "United Airlines Holding"
    lo, hi = S.content_range(second)
    _drag(qtbot, panel, (1, lo), (1, hi))
    panel.use_selection_as_reference()
    assert panel.reference == (1, lo, hi)
    _drag(qtbot, panel, (0, 1), (0, 2))
    assert "(S2)" in panel.triangle_view._plot.titleLabel.text
    panel.variant.setCurrentIndex(S.VARIANTS.index("ffn"))
    assert "random (untrained)" in panel.status.text()
    panel.tabs.setCurrentIndex(1)
    titles = [r[0] for r in panel.reps_view.rows]
    assert len(titles) == 3 and "untrained" in titles[1] and "untrained" in titles[2]
    d = panel.data.batch.hidden.shape[-1]
    assert all(len(r[1]) == 3 * d for r in panel.reps_view.rows)


def test_sbo_inputs_tab(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    s, i, j = panel.selection
    labels = [lab for _, lab in panel.sbo_view.row_ticks()] if len(panel.sbo_view.row_ticks()) else []
    values = panel.sbo_raw
    assert values.shape[0] == 2 + (j - i + 1)
    shown = panel.sbo_view.values()
    np.testing.assert_allclose(shown, values / np.abs(values).max(axis=1, keepdims=True), atol=1e-5)
    h = panel.data.batch.hidden[0, panel.layer.value()]
    np.testing.assert_allclose(values[0], h[i - 1], atol=1e-6)
    np.testing.assert_allclose(values[1], h[j + 1], atol=1e-6)
    np.testing.assert_allclose(values[2], panel.data.positions[1], atol=1e-6)
    assert labels and labels[0].startswith("x(s−1)")


def test_trained_heads_are_found_beside_the_weights(qtbot, model_state, bert_mini_dir, tmp_path):
    folder = tmp_path / "bert-with-heads"
    shutil.copytree(bert_mini_dir, folder)
    loaded = load_checkpoint(folder)
    save_span_heads(SpanHeads(loaded.d_model, seed=9), folder, trained=True)
    model_state.set_loaded(loaded)
    panel = _panel(qtbot, model_state)
    assert panel.data.heads.trained
    panel.variant.setCurrentIndex(S.VARIANTS.index("attention"))
    assert "untrained" not in panel.status.text()


def test_decoder_spans_and_export(qtbot, model_state, stories260k_dir, tmp_path, colour_count):
    model_state.set_loaded(load_checkpoint(stories260k_dir))
    panel = _panel(qtbot, model_state)
    assert panel.data.positions is None  # rotary positions
    panel.tabs.setCurrentIndex(2)
    assert panel.sbo_view.values().shape[0] == 2   # boundary vectors only: no position table to show
    panel.tabs.setCurrentIndex(0)
    panel.show()
    png = panel.export_current(tmp_path / "tri.png")
    svg = panel.export_current(tmp_path / "tri.svg")
    assert colour_count(QImage(str(png))) > 5
    assert svg.stat().st_size > 1000


def test_follows_and_publishes_the_shared_sentence(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.set_linked(True)
    panel.data = None
    bert_state.set_input(None, text="The little girl named Lily went home.", selection=("span", 1, 2))
    qtbot.waitUntil(lambda: panel.data is not None and not panel.busy, timeout=WAIT)
    assert panel.span_text(panel.selection) == "little girl"
    _drag(qtbot, panel, (0, 4), (0, 5))                       # "named lily"
    assert bert_state.current_input.selection == ("span", 3, 4)
    assert bert_state.current_input.text == "The little girl named Lily went home."


def test_axis_titles_survive_a_font_change(qtbot, bert_state, qapp, restore_app_font):
    panel = _panel(qtbot, bert_state)
    font = qapp.font()
    font.setPointSize(font.pointSize() + 4)   # the projector text size (Ctrl+=)
    qapp.setFont(font)
    qtbot.waitUntil(lambda: panel.triangle_view._plot.getAxis("left").labelText == "start token", timeout=3000)
    assert panel.triangle_view._plot.getAxis("top").labelText == "end token"
