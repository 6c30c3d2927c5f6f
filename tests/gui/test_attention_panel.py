"""The attention panel on real models: re-slicing without forward passes, options, export, bertviz."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage

from core import load_checkpoint
from core.attention import attention_rollout
from core.seq2seq import Seq2SeqAttention
from gui.panels.attention_panel import AttentionPanel

TEXT = "The cat sat on the mat because it was tired."
WAIT_MS = 60_000


def _panel(qtbot, state) -> AttentionPanel:
    panel = AttentionPanel(state)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    return panel


def _run(qtbot, panel: AttentionPanel, text: str = TEXT, pair: str = "") -> None:
    panel.text.setText(text)
    panel.text_pair.setText(pair)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    assert panel.view is not None, panel.message_bar.text()


@pytest.fixture
def minilm_panel(qtbot, model_state, minilm):
    model_state.set_loaded(minilm)
    panel = _panel(qtbot, model_state)
    qtbot.waitUntil(lambda: panel.view is not None, timeout=WAIT_MS)  # the automatic first run
    _run(qtbot, panel)
    return panel


def test_layer_and_head_switch_reslices_without_a_forward_pass(qtbot, minilm_panel, monkeypatch):
    panel = minilm_panel
    expected = panel.state.inspector.inspect(TEXT).attentions
    calls = []
    monkeypatch.setattr(panel.state.inspector, "inspect", lambda *a, **k: calls.append(a))
    for layer, head in [(0, 0), (2, 3), (5, 11)]:
        panel.layer.setValue(layer)
        panel.head.setValue(head)
        np.testing.assert_allclose(panel.heatmap.values(), expected[layer, head], atol=1e-6)
        assert panel.grid.selected() == (layer, head)
    assert calls == []  # cached arrays only
    qtbot.waitUntil(lambda: not panel.busy)


def test_aggregations_and_toggles(qtbot, minilm_panel):
    panel = minilm_panel
    att = panel.data.attentions
    panel.layer.setValue(3)
    panel.mode.setCurrentIndex(panel.mode.findData("mean"))
    np.testing.assert_allclose(panel.heatmap.values(), att[3].mean(0), atol=1e-6)
    assert not panel.head.isEnabled()
    panel.mode.setCurrentIndex(panel.mode.findData("rollout"))
    np.testing.assert_allclose(panel.heatmap.values(), attention_rollout(att)[3], atol=1e-5)
    panel.mode.setCurrentIndex(panel.mode.findData("head"))

    n = len(panel.data.encoding)
    panel.hide_special.setChecked(True)
    assert panel.heatmap.values().shape == (n - 2, n - 2)
    assert "[CLS]" not in panel.view.row_labels
    np.testing.assert_allclose(panel.heatmap.values().sum(1), 1.0, atol=1e-5)
    panel.hide_special.setChecked(False)


def test_merge_subwords_joins_pieces(qtbot, minilm_panel):
    panel = minilm_panel
    _run(qtbot, panel, "The unbelievably playful puppy jumped.")
    pieces = len(panel.data.encoding)
    panel.merge.setChecked(True)
    assert "unbelievably" in panel.view.row_labels
    assert len(panel.view.row_labels) < pieces
    np.testing.assert_allclose(panel.heatmap.values().sum(1), 1.0, atol=1e-5)
    assert "sum" in panel.merge.toolTip().lower()  # the rule is documented on screen


def test_sentence_pair_filter(qtbot, minilm_panel):
    panel = minilm_panel
    _run(qtbot, panel, "Lily went to the park.", "She played on the swings.")
    segs = panel.data.encoding.segment_ids
    panel.pair.setCurrentText("A → B")
    m = panel.heatmap.values()
    assert np.all(m[segs == 1] == 0) and np.all(m[:, segs == 0] == 0) and m.sum() > 0


def test_click_token_highlights_row_and_lines(qtbot, minilm_panel):
    panel = minilm_panel
    panel.heatmap.token_clicked.emit(3)
    assert panel.heatmap.selected() == 3
    assert panel.lines.selected_token() == 3


def test_grid_click_opens_head(qtbot, minilm_panel):
    panel = minilm_panel
    panel.set_tab("grid")
    panel.grid.head_clicked.emit(4, 7)
    assert (panel.layer.value(), panel.head.value()) == (4, 7)
    assert panel.current_tab() == "heatmap"


def test_head_statistics_view(qtbot, minilm_panel):
    panel = minilm_panel
    panel.set_tab("stats")
    panel.stat.setCurrentIndex(panel.stat.findData("to_first"))
    att = panel.data.attentions
    # Mean attention mass every token gives to [CLS], per layer and head, as drawn.
    np.testing.assert_allclose(panel.stats_grid.tile_means()[:, :, 0, 0], att[..., :, 0].mean(-1), atol=1e-5)


@pytest.mark.parametrize("tab", ["heatmap", "grid", "lines", "stats"])
def test_export_png_and_svg(qtbot, minilm_panel, tmp_path: Path, tab: str):
    panel = minilm_panel
    panel.set_tab(tab)
    widget = panel.current_view_widget()
    qtbot.waitUntil(lambda: widget.width() > 50 and widget.height() > 50)
    png = panel.export_current(tmp_path / f"{tab}.png", scale=2.0)
    image = QImage(str(png))
    assert image.width() >= 2 * widget.width() - 2 and image.height() >= 2 * widget.height() - 2
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    assert len(colours) > 3  # something was drawn, not a blank canvas
    svg = panel.export_current(tmp_path / f"{tab}.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and svg.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{tab}.png", f"{tab}.svg"])  # atomic


def test_decoder_shows_causal_mask(qtbot, model_state, stories260k_dir):
    model_state.set_loaded(load_checkpoint(stories260k_dir))
    panel = _panel(qtbot, model_state)
    qtbot.waitUntil(lambda: panel.view is not None, timeout=WAIT_MS)
    _run(qtbot, panel, "Once upon a time, there was a little girl.")
    n = len(panel.data.encoding)
    mask = panel.heatmap.masked()
    np.testing.assert_array_equal(mask, np.triu(np.ones((n, n), bool), k=1))
    assert panel.heatmap.values().shape == (n, n) and panel.data.attentions.shape[:2] == (5, 8)


def test_encoder_decoder_has_three_sources_with_generation_cross_attention(qtbot, model_state, tiny_t5_dir):
    model_state.set_loaded(load_checkpoint(tiny_t5_dir))
    panel = _panel(qtbot, model_state)
    qtbot.waitUntil(lambda: panel.view is not None, timeout=WAIT_MS)
    assert isinstance(panel.data, Seq2SeqAttention)
    assert [panel.source.itemData(i) for i in range(panel.source.count())] == ["encoder", "decoder", "cross"]
    panel.source.setCurrentIndex(2)
    rec = panel.data
    assert panel.heatmap.values().shape == (len(rec.decoder_tokens), len(rec.source))
    np.testing.assert_allclose(panel.heatmap.values(), rec.cross[0, 0], atol=1e-6)
    panel.source.setCurrentIndex(1)
    assert panel.heatmap.masked() is not None  # decoder self-attention is causal


def test_empty_text_shows_message(qtbot, minilm_panel):
    panel = minilm_panel
    panel.text.setText("   ")
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    assert panel.message_bar.isVisible() and "empty" in panel.message_bar.text().lower()


def test_bertviz_tab_renders_offline(qtbot, minilm_panel, tmp_path: Path, web_assets):
    panel = minilm_panel
    _run(qtbot, panel, "The cat sat on the mat.")
    with qtbot.waitSignal(panel.bertviz_ready, timeout=WAIT_MS) as blocker:
        panel.set_tab("bertviz")
    assert blocker.args == [True], panel.message_bar.text()
    view = panel._bertviz
    assert view.blocked_count == 0  # nothing tried to reach the network
    box: list[str] = []
    view.run_js("JSON.stringify([document.querySelectorAll('svg').length,"
                " Array.from(document.querySelectorAll('svg text')).map(t => t.textContent)])", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    n_svg, texts = json.loads(box[0])
    assert n_svg > 0 and "cat" in texts and "mat" in texts
    out = panel.export_html(tmp_path / "att.html")
    html = out.read_text(encoding="utf-8")
    assert "cdnjs" not in html and "https://" not in html.split("<body")[0].lower().replace("https://arxiv", "")
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    panel._bertviz = None


def test_attention_panel_shows_the_generation_runs_cross_attention(qtbot, model_state, tiny_t5_dir):
    import dataclasses

    from PySide6.QtCore import Qt

    from core.generation_types import Strategy
    from gui.panels.generation_panel import GenerationPanel

    model_state.set_loaded(load_checkpoint(tiny_t5_dir, device="cpu"))
    panel = _panel(qtbot, model_state)
    qtbot.waitUntil(lambda: panel.view is not None and not panel.busy, timeout=WAIT_MS)
    gen = GenerationPanel(model_state)
    qtbot.addWidget(gen)
    gen.show()
    gen.prompt.setPlainText("summarize: the cat sat on the mat")
    gen.controls.set_config(dataclasses.replace(gen.config(), strategy=Strategy.SAMPLE, max_new_tokens=5,
                                                temperature=1.5, top_k=0, seed=3, stop_at_eos=False))
    qtbot.mouseClick(gen.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(panel.data, Seq2SeqAttention) and panel.data.origin == "sample"
                    and not panel.busy and not gen.busy, timeout=WAIT_MS)
    steps = gen.current.steps
    rec = panel.data
    tok = model_state.loaded.tokenizer
    fed = [int(gen.current.start.decoder_start_ids[0])] + [s.token_id for s in steps[:-1]]
    assert rec.decoder_tokens == tuple(tok.convert_ids_to_tokens(fed))
    assert panel.text.text() == "summarize: the cat sat on the mat"
    np.testing.assert_allclose(rec.cross, np.stack([s.cross_attention for s in steps], axis=2), atol=0)
    panel.source.setCurrentIndex(2)
    np.testing.assert_allclose(panel.heatmap.values(), rec.cross[0, 0], atol=1e-6)
    assert panel.message_bar.isVisible() and "generation run" in panel.message_bar.text()
    # Run goes back to the panel's own (greedy) computation.
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.data.origin == ""
