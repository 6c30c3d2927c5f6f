"""Lessons keep the embeddings, spans and tokens panels' view state: their tab, layer, options, target,
own sentences and selections survive record → save → load → play (view_state/apply_view)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from core import lessons as L
from gui.main_window import MainWindow
from gui.panels.embeddings_panel import EmbeddingsPanel
from gui.panels.spans_panel import SpansPanel
from gui.panels.tokens_panel import TokensPanel

LOAD_MS = 60_000
KEYS = ("embeddings", "spans", "tokens")


def test_views_round_trip_without_a_model_and_ignore_unknown_or_bad_values(qtbot, model_state, make_panel):
    emb = make_panel(EmbeddingsPanel, model_state)
    default = emb.view_state()
    wanted = {"tab": "curves", "mode": "mix", "layer": 2, "subword": "first", "sentence_pooling": "last",
              "mix": [], "gamma": 1.5, "target": "bat", "also": "ball, park",
              "context_tail": " and then", "sentences": ["The bat flew away.", "He swung the bat."]}
    emb.apply_view({**wanted, "no_such_key": 1})
    view = emb.view_state()
    assert view == wanted and view != default
    assert emb.text.toPlainText() == "The bat flew away.\nHe swung the bat."
    emb.apply_view({"tab": "nope", "mode": "nope", "layer": "3", "gamma": True, "mix": ["x"], "sentences": "x"})
    assert emb.view_state() == view            # wrong types and unknown names change nothing

    spans = make_panel(SpansPanel, model_state)
    default = spans.view_state()
    wanted = {"tab": "sbo", "layer": 1, "max_len": 3, "variant": "ffn", "units": "token", "span": "2..4",
              "selection": None, "reference": None}
    spans.apply_view({**wanted, "compare": True})
    assert spans.view_state() == wanted != default
    spans.apply_view({"max_len": 10_000, "variant": "nope", "selection": [0, "a", 1]})
    assert spans.max_len.value() == spans.max_len.maximum() and spans.variant.currentData() == "ffn"

    tokens = make_panel(TokensPanel, model_state)
    assert tokens.view_state() == {"selection": None}
    tokens.apply_view({"selection": [3, 1]})
    assert tokens.view_state() == {"selection": [1, 3]}
    tokens.apply_view({"selection": "bad"})
    assert tokens.view_state() == {"selection": [1, 3]}


def test_layers_clamp_to_the_model_and_a_view_before_the_model_waits_for_it(qtbot, model_state, bert_mini,
                                                                            make_panel):
    n = bert_mini.n_layers
    emb = make_panel(EmbeddingsPanel, model_state)
    spans = make_panel(SpansPanel, model_state)
    # Given before any model: applied once the model sets the layer range (clamped to it).
    emb.apply_view({"layer": n + 5, "mix": [1.0, -1.0, 0.5]})
    spans.apply_view({"layer": -2})
    model_state.set_loaded(bert_mini)
    assert emb.layer.value() == n and emb.mix.weights()[:3] == (1.0, -1.0, 0.5)
    assert spans.layer.value() == n - 1
    emb.apply_view({"layer": -1, "mix": [2.0] * (n + 10)})   # more weights than layers: the extra are dropped
    assert emb.layer.value() == n and emb.mix.weights() == (2.0,) * (n + 1)
    spans.apply_view({"layer": 100})
    assert spans.layer.value() == n
    qtbot.waitUntil(lambda: emb.data is not None and spans.data is not None, timeout=LOAD_MS)
    qtbot.waitUntil(lambda: not emb.busy and not spans.busy, timeout=LOAD_MS)


@pytest.fixture
def window(main_window: MainWindow) -> Iterator[MainWindow]:
    """The shared shown window (conftest) at 1600×1000."""
    main_window.classroom.presentation.full_screen = False
    main_window.resize(1600, 1000)
    yield main_window
    main_window.classroom.close_lesson()


def _idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.state.busy and not window.is_loading("A"), timeout=LOAD_MS)


def _show_side_by_side(qtbot, window: MainWindow) -> None:
    """The three docks visible at once (a recorded step holds the panels on screen)."""
    for key in KEYS:
        window.show_panel(key)
    for key in window.docks:
        if key not in KEYS:
            window.docks[key].hide()
    for key, area in zip(KEYS, (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                                Qt.DockWidgetArea.BottomDockWidgetArea)):
        window.addDockWidget(area, window.docks[key])   # out of their tab groups
        window.docks[key].show()
    qtbot.waitUntil(lambda: all(not window.docks[k].visibleRegion().isEmpty() for k in KEYS), timeout=5_000)


def test_record_save_load_play_restores_embeddings_spans_and_tokens(qtbot, window, bert_mini_dir, tmp_path):
    with qtbot.waitSignal(window.state.slot_changed, timeout=LOAD_MS):
        window.load_model(str(bert_mini_dir), "A")
    _show_side_by_side(qtbot, window)
    _idle(qtbot, window)
    emb, spans, tokens = (window.panels[k] for k in KEYS)
    window.state.set_input(None, text="Lily threw the red ball.", text_pair="", selection=("word", 4))
    _idle(qtbot, window)
    # Embeddings (linked): its own sentences under the shared one, and non-default options.
    emb.apply_view({"sentences": ["Tom kicked the ball far.", "The ball was round and red."]})
    emb.refresh()
    _idle(qtbot, window)
    emb.set_target("ball")
    emb.mode.setCurrentIndex(emb.mode.findData("mix"))
    emb.mix.set_weights([0.5, -1.0, 1.5])
    emb.mix.set_gamma(2.0)
    emb.layer.setValue(2)
    emb.subword.setCurrentIndex(emb.subword.findData("first"))
    emb.more_words.setText("red")
    emb.tabs.setCurrentIndex(1)
    # Spans (unlinked): its own sentence, a dragged span, another reference, options.
    spans.set_linked(False)
    spans.text.setPlainText("The little girl played with her big red ball.")
    spans.refresh()
    _idle(qtbot, window)
    spans.select_span(0, 2, 3)
    spans.use_selection_as_reference()
    spans.select_span(0, 6, 9)
    spans.max_len.setValue(5)
    spans.variant.setCurrentIndex(spans.variant.findData("attention"))
    spans.layer.setValue(1)
    spans.tabs.setCurrentIndex(1)
    _idle(qtbot, window)

    player = window.classroom.player
    player.record_step()
    recorded = player.lesson.steps[0]
    views = {p.key: p for p in recorded.panels}
    assert set(KEYS) <= set(views)
    assert views["embeddings"].view["sentences"] == ["Tom kicked the ball far.", "The ball was round and red."]
    assert views["embeddings"].view["target"] == "ball" and views["embeddings"].view["tab"] == "curves"
    assert views["spans"].view["selection"] == [0, 6, 9] and views["spans"].view["reference"] == [0, 2, 3]
    assert views["spans"].input["text"] == "The little girl played with her big red ball."
    assert views["tokens"].view["selection"] == [4, 4]
    path = L.save_lesson(player.lesson, tmp_path / "rec.json")
    assert L.load_lesson(path) == player.lesson

    # Change everything, then play the saved step: each panel comes back as it was.
    window.classroom.close_lesson()
    spans.set_linked(True)
    window.state.set_input(None, text="Something else entirely.", text_pair="", selection=None)
    emb.apply_view({"tab": "similarity", "mode": "layer", "layer": 0, "subword": "mean", "also": "",
                    "gamma": 1.0, "mix": [0.0] * 10, "sentences": ["A dog ran.", "The dog slept."]})
    spans.apply_view({"tab": "triangle", "max_len": 8, "variant": "endpoint", "layer": 4})
    tokens.apply_view({"selection": None})
    _idle(qtbot, window)
    with qtbot.waitSignal(player.step_ready, timeout=LOAD_MS):
        assert window.classroom.open_lesson(path)
    again = player.capture_step()
    assert again.input == recorded.input
    assert {p.key: (p.linked, p.input, p.view) for p in again.panels} == \
        {p.key: (p.linked, p.input, p.view) for p in recorded.panels}
    # ... and what the panels show follows from it.
    assert emb.text.toPlainText().splitlines() == ["Lily threw the red ball.", "Tom kicked the ball far.",
                                                   "The ball was round and red."]
    assert emb.match is not None and emb.match.word == "ball" and len(emb.match.occurrences) == 3
    assert emb.current_tab() == "curves" and emb.options().mode == "mix" and emb.options().gamma == 2.0
    assert not spans.linked and spans.text.toPlainText() == "The little girl played with her big red ball."
    assert (spans.selection, spans.reference, spans.current_tab()) == ((0, 6, 9), (0, 2, 3), "reps")
    assert spans.triangle is not None and spans.triangle.max_len == 5
    assert tokens.text_a.text() == "Lily threw the red ball." and tokens.strip.selected_words == (4, 4)


def test_lesson_03_views_name_real_embeddings_settings(qtbot, model_state, make_panel):
    """Every key and value the shipped lesson gives the embeddings panel is one the panel takes."""
    from pathlib import Path

    lesson = L.load_lesson(Path(__file__).resolve().parents[2] / "assets" / "lessons" / "03_contextual_embeddings.json")
    steps = [(s.input, p.view) for s in lesson.steps for p in s.panels if p.key == "embeddings"]
    assert [v["tab"] for _, v in steps] == ["neighbours", "curves", "similarity"]
    for inp, view in steps:
        model_state.set_input(None, text=inp["text"], text_pair=inp["text_pair"] or "")
        panel = make_panel(EmbeddingsPanel, model_state)
        panel.apply_view(dict(view))
        assert panel._lines()[:2] == [inp["text"], inp["text_pair"]]   # the shared pair on top
        shown = panel.view_state()
        for key, value in view.items():
            if key in ("layer", "mix"):   # relative to the model's layers: applied once it is loaded
                assert key in panel._view_pending
            else:
                assert shown[key] == value, key
