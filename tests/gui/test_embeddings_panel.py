"""Embeddings panel: target picking, sliders and switches re-slice the cache, bad input, export."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from core import embeddings as E
from core import load_checkpoint
from gui.panels.embeddings_panel import EmbeddingsPanel
from gui.widgets.embedding_plots import PALETTE

pytestmark = pytest.mark.slow
WAIT = 60_000


def _panel(qtbot, state) -> EmbeddingsPanel:
    panel = EmbeddingsPanel(state)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    qtbot.waitUntil(lambda: panel.data is not None and not panel.busy, timeout=WAIT)
    return panel


def _run(qtbot, panel: EmbeddingsPanel, text: str, target: str = "") -> None:
    panel.text.setPlainText(text)
    panel.target.setText(target)
    panel._pending_target = target
    panel.data = None
    panel.refresh()
    qtbot.waitUntil(lambda: panel.data is not None and not panel.busy, timeout=WAIT)


def _forward_counter(loaded):
    calls = []
    hook = loaded.model.get_input_embeddings().register_forward_hook(lambda *_: calls.append(1))
    return calls, hook


def test_preset_runs_and_matches_core(qtbot, bert_state, bert_mini):
    panel = _panel(qtbot, bert_state)
    assert panel.match.word == "bank" and len(panel.match.occurrences) == 4
    batch = E.sentence_batch(bert_mini, panel.text.toPlainText())
    want = E.embedding_view(batch, E.find_target(batch, "bank"), E.PoolingOptions(layer=bert_mini.n_layers))
    np.testing.assert_allclose(panel.similarity.contextual.values(), want.contextual, atol=1e-5)
    np.testing.assert_allclose(panel.similarity.model_static.values(), 1.0, atol=1e-6)
    np.testing.assert_allclose(panel.similarity.glove.values(), 1.0, atol=1e-6)
    assert f"{want.contextual[0, 1]:.2f}" in panel.similarity.contextual.cell_texts()
    # "bank" is ban + ##k in this WordPiece vocabulary: pooled, and said so
    assert "split into sub-words" in panel.message_bar.text() and "ban + ##k" in panel.message_bar.text()
    assert {(o.sentence, t) for o in panel.match.occurrences for t in o.tokens} == panel.tokens.targets


def test_click_a_word_makes_it_the_target(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    enc = panel.data.batch.encodings[0]
    river = enc.tokens.index("river")
    qtbot.mouseClick(panel.tokens, Qt.MouseButton.LeftButton, pos=panel.tokens.token_center(0, river))
    assert panel.target.text() == "river"
    assert panel.match.missing == (1, 2, 3)
    assert "not in sentence(s) 2, 3, 4" in panel.message_bar.text()
    assert "occurs once" in panel.message_bar.text()
    qtbot.mouseClick(panel.tokens, Qt.MouseButton.LeftButton, pos=panel.tokens.token_center(0, 0))  # [CLS]
    assert panel.message_bar.level == "error" and "special token" in panel.message_bar.text()


def test_scalar_mix_sliders_recompute_without_a_forward_pass(qtbot, bert_state, bert_mini):
    panel = _panel(qtbot, bert_state)
    calls, hook = _forward_counter(bert_mini)
    try:
        panel.mode.setCurrentIndex(E.LAYER_MODES.index("mix"))
        assert all(s.isEnabled() for s in panel.mix.sliders) and not panel.layer.isEnabled()
        panel.mix.sliders[0].setValue(30)     # s_0 = 3
        panel.mix.sliders[2].setValue(-20)    # s_2 = -2
        panel.mix.gamma.setValue(150)
    finally:
        hook.remove()
    assert calls == []  # sliders never run the model
    s = np.array(panel.mix.weights())
    assert s[0] == 3.0 and s[2] == -2.0 and panel.mix.gamma_value() == 1.5
    expected_w = np.exp(s) / np.exp(s).sum()
    np.testing.assert_allclose(panel.view.weights, expected_w, atol=1e-9)
    np.testing.assert_allclose(panel.mix.shown_weights(), expected_w, atol=1e-9)
    want = E.embedding_view(panel.data.batch, panel.match, E.PoolingOptions(mode="mix", weights=tuple(s), gamma=1.5))
    np.testing.assert_allclose(panel.similarity.contextual.values(), want.contextual, atol=1e-6)


def test_layer_and_pooling_switches(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    batch, match = panel.data.batch, panel.match
    panel.layer.setValue(1)
    want = E.embedding_view(batch, match, E.PoolingOptions(layer=1))
    np.testing.assert_allclose(panel.similarity.contextual.values(), want.contextual, atol=1e-6)
    panel.mode.setCurrentIndex(E.LAYER_MODES.index("last4"))
    assert np.allclose(panel.mix.shown_weights()[-4:], 0.25) and panel.mix.shown_weights()[0] == 0
    panel.mode.setCurrentIndex(0)
    panel.subword.setCurrentIndex(E.SUBWORD_MODES.index("first"))
    first = E.embedding_view(batch, match, E.PoolingOptions(layer=1, subword="first"))
    np.testing.assert_allclose(panel.similarity.contextual.values(), first.contextual, atol=1e-6)
    assert not np.allclose(first.contextual, want.contextual)
    panel.tabs.setCurrentIndex(5)  # only the visible tab is recomputed
    panel.sentence_pool.setCurrentIndex(E.SENTENCE_POOLING.index("first"))
    cls = E.cosine_matrix(batch.hidden[:, 1, 0])
    np.testing.assert_allclose(panel.sentences_view.values(), cls, atol=1e-6)


def test_curves_projection_and_neighbours(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.more_words.setText("the, zebra")
    panel.set_target("bank")
    assert [c.word for c in panel.curves] == ["bank", "the"]
    assert "zebra" in panel.message_bar.text()
    want = E.layer_curves(panel.data.batch, panel.match)
    np.testing.assert_allclose(panel.curves[0].self_similarity, want.self_similarity)
    panel.tabs.setCurrentIndex(3)
    proj = panel.projection.projection
    assert len(proj.labels) == int(panel.data.batch.content_mask.sum()) and proj.is_target.sum() == 8
    hover = panel.projection.points.data["data"]   # what the hover tip reads, point by point
    assert [tuple(h) for h in hover] == [(label, f"S{s + 1}") for label, s in zip(proj.labels, proj.sentence)]
    assert panel.projection._tip(0.0, 0.0, hover[0]) == f"{proj.labels[0]} — S1"
    spots = panel.projection.points.points()
    assert {spots[i].brush().color().name() for i in np.flatnonzero(proj.sentence == 1)} == {PALETTE[1]}
    assert len(panel.projection.legend.items) == len(panel.data.batch.sentences)
    assert panel.projection.target_labels().count("ban") == 4   # target occurrences labelled
    panel.tabs.setCurrentIndex(4)  # neighbours
    assert panel.neighbours.model_list.count() == 10 and panel.neighbours.glove_list.count() == 10
    assert panel.neighbours.glove_list.item(0).text().split()[0] != "bank"  # the word itself is left out
    assert panel.neighbours.context_list.count() == 10


def test_bad_input_messages(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    _run(qtbot, panel, "The cat sat on the mat.", "cat")
    assert "Only one sentence" in panel.message_bar.text()
    _run(qtbot, panel, "The cat sat.\n\n\nA cat ran.", "cat")
    assert "2 empty line(s) ignored" in panel.message_bar.text()
    _run(qtbot, panel, "\n".join(f"The cat number {i} sat." for i in range(70)), "cat")
    assert "first 64 of 70 sentences" in panel.message_bar.text() and len(panel.data.batch.sentences) == 64
    _run(qtbot, panel, "the cat " * 200 + "\nA cat ran.", "cat")
    assert "Sentence(s) 1 cut to 128 tokens" in panel.message_bar.text()
    _run(qtbot, panel, "Zorblax went home.\nZorblax ate a cake.", "zorblax")
    assert "not in GloVe" in panel.message_bar.text()
    assert np.isnan(panel.similarity.glove.values()).sum() == 0  # masked cells are drawn, not NaN
    assert panel.similarity.glove.masked().all()
    panel.set_target("giraffe")
    assert panel.message_bar.level == "error" and "none of the sentences" in panel.message_bar.text()
    panel.text.setPlainText("  \n ")
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    assert panel.message_bar.level == "error" and "no sentence" in panel.message_bar.text().lower()


def test_left_context_encoder_changes(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: panel.check is not None, timeout=WAIT)
    assert not panel.check.causal and not panel.check.identical[1:].any()
    assert "Encoder" in panel.context.summary.text()


def test_left_context_decoder_is_bit_identical(qtbot, model_state, stories260k_dir):
    model_state.set_loaded(load_checkpoint(stories260k_dir))
    panel = _panel(qtbot, model_state)
    assert panel.match.word == "bank"
    panel.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: panel.check is not None, timeout=WAIT)
    assert panel.check.causal and panel.check.identical.all()
    assert "bit-identical in 6 of 6 layers" in panel.context.summary.text()


def test_export_png_and_svg(qtbot, bert_state, tmp_path, colour_count):
    panel = _panel(qtbot, bert_state)
    panel.show()
    png = panel.export_current(tmp_path / "sim.png")
    svg = panel.export_current(tmp_path / "sim.svg")
    assert colour_count(QImage(str(png))) > 5
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml") and svg.stat().st_size > 1000


def _block_means(image: QImage, size: QSize) -> np.ndarray:
    """Mean grey level of 8 × 16 blocks of ``image`` scaled to ``size`` (a coarse picture to compare)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    w, h = grey.width(), grey.height()
    a = np.frombuffer(grey.constBits(), np.uint8).reshape(h, grey.bytesPerLine())[:, :w].astype(float)
    return a.reshape(8, h // 8, 16, w // 16).mean(axis=(1, 3))


def test_projection_exports_look_like_the_screen(qtbot, bert_state, tmp_path):
    # PNG at 2×: the whole plot, not its top-left quarter; SVG: axes at the plot's scale, points
    # as vector shapes (not the symbol atlas of every colour stamped per point).
    panel = _panel(qtbot, bert_state)
    panel.show()
    panel.tabs.setCurrentIndex(3)
    qtbot.waitExposed(panel)
    view = panel.projection
    grid = QSize(16 * 20, 8 * 20)
    screen = _block_means(view.grab().toImage(), grid)
    png = panel.export_current(tmp_path / "proj.png")
    assert QImage(str(png)).width() == 2 * view.width()
    assert np.abs(_block_means(QImage(str(png)), grid) - screen).mean() < 2.5
    svg = panel.export_current(tmp_path / "proj.svg")
    drawn = QImage(view.size(), QImage.Format.Format_RGB32)
    drawn.fill(QColor("white"))
    painter = QPainter(drawn)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    assert np.abs(_block_means(drawn, grid) - screen).mean() < 0.35
    text = svg.read_text(encoding="utf-8")
    assert "<image" not in text and text.count("<path") >= len(view.projection.labels)


def test_preset_fills_sentences_and_target(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    park = next(i for i, p in enumerate(panel.presets) if p["target"] == "park")
    panel.data = None
    panel.preset.setCurrentIndex(park + 1)
    panel.preset.activated.emit(park + 1)
    qtbot.waitUntil(lambda: panel.data is not None and not panel.busy, timeout=WAIT)
    assert panel.match.word == "park" and len(panel.match.occurrences) == 4
    assert panel.text.toPlainText().splitlines() == panel.presets[park]["sentences"]


def test_auto_target_prefers_content_words():
    class _B:
        sentences = ("The cat sits on the mat.", "The cat ran.", "A dog barked.")
    assert E.choose_target(_B()) == "cat"


def test_layer_keys_work_beside_the_attention_panel(qtbot, app_settings, restore_app_font):
    """PgUp/PgDn exist in several panels: each panel's keys act only where the focus is."""
    from gui.main_window import MainWindow

    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    window.show()
    panel = window.show_panel("embeddings")
    panel.layer.setRange(0, 6)
    panel.layer.setValue(2)
    window.activateWindow()
    panel.tabs.setFocus()
    qtbot.waitUntil(panel.tabs.hasFocus)
    qtbot.keyClick(panel.tabs, Qt.Key.Key_PageDown)
    assert panel.layer.value() == 3
    assert window.panels["attention"].layer.value() == 0


def test_projection_follows_the_sliders(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.tabs.setCurrentIndex(3)
    view = panel.projection
    first = view.projection
    panel.mode.setCurrentIndex(E.LAYER_MODES.index("mix"))
    panel.mix.sliders[1].setValue(40)
    qtbot.waitUntil(lambda: view.projection is not first, timeout=5000)
    plain = E.embedding_view(panel.data.batch, panel.match, panel.options(), ("projection",)).projection
    for c in range(2):  # the core's PCA, each axis pointing the way it did in the previous picture
        sign = 1.0 if view.projection.coords[:, c] @ plain.coords[:, c] >= 0 else -1.0
        np.testing.assert_allclose(view.projection.coords[:, c], sign * plain.coords[:, c], atol=1e-6)
    assert np.all(np.einsum("kd,kd->k", view.projection.components, first.components) > 0)
    want = view.projection
    for value in (-40, 25, 50, 0):               # several moves: what is drawn is where the points are
        previous = want
        panel.mix.sliders[0].setValue(value)
        qtbot.waitUntil(lambda: view.projection is not previous, timeout=5000)
        want = view.projection
        assert np.all(np.einsum("kd,kd->k", want.components, previous.components) > 0)   # never mirrored
        x, y = view.points.getData()
        np.testing.assert_array_equal(np.c_[x, y], want.coords)
        np.testing.assert_array_equal(view.labels.positions(), want.coords[want.is_target])
        (x0, x1), (y0, y1) = view.getViewBox().viewRange()
        assert x0 <= x.min() and x.max() <= x1 and y0 <= y.min() and y.max() <= y1   # all points in view
        assert (x.max() - x.min()) >= 0.5 * (x1 - x0) and (y.max() - y.min()) >= 0.5 * (y1 - y0)


def test_projection_legend_hides_a_sentence_and_keeps_a_user_zoom(qtbot, bert_state):
    panel = _panel(qtbot, bert_state)
    panel.tabs.setCurrentIndex(3)
    view = panel.projection
    view.legend.items[1][0].item.setVisible(False)    # what a click on the legend's "S2" does
    shown = np.array([s.isVisible() for s in view.points.points()])
    np.testing.assert_array_equal(shown, view.projection.sentence != 1)
    view.getViewBox().scaleBy((0.5, 0.5))            # the user zooms in
    view.getViewBox().sigRangeChangedManually.emit([True, True])
    zoomed = view.getViewBox().viewRange()
    before = view.projection
    panel.mode.setCurrentIndex(E.LAYER_MODES.index("mix"))
    qtbot.waitUntil(lambda: view.projection is not before, timeout=5000)
    before = view.projection
    panel.mix.sliders[1].setValue(30)
    qtbot.waitUntil(lambda: view.projection is not before, timeout=5000)
    np.testing.assert_allclose(view.getViewBox().viewRange(), zoomed)
    shown = np.array([s.isVisible() for s in view.points.points()])
    np.testing.assert_array_equal(shown, view.projection.sentence != 1)   # still hidden after a move
    brushes = [s.brush().color().name() for s in view.points.points()]
    moved = view.projection.coords * 2.0
    view._set_positions(moved, in_place=False)   # the setData route keeps styles, hover data and hidden points
    np.testing.assert_array_equal(np.c_[view.points.getData()], moved)
    assert [s.brush().color().name() for s in view.points.points()] == brushes
    assert tuple(view.points.data["data"][0]) == (view.projection.labels[0], "S1")
    np.testing.assert_array_equal([s.isVisible() for s in view.points.points()], view.projection.sentence != 1)
