"""Tests for :class:`gui.panels.tokens_panel.TokensPanel` on the real stories-bert-mini tokenizer."""
from __future__ import annotations

import pytest

from gui.panels.tokens_panel import TokensPanel
from gui.state import ModelState

A, B = "Lily went to the park.", "She played."


@pytest.fixture
def make_panel(qtbot):
    def make(state: ModelState) -> TokensPanel:
        panel = TokensPanel(state)
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture
def panel(make_panel, bert_state) -> TokensPanel:
    return make_panel(bert_state)


def test_sentence_pair_chips_segments_specials_and_table(qtbot, panel) -> None:
    with qtbot.waitSignal(panel.result_shown, timeout=1000):
        panel.set_texts(A, B)
    expected = panel.state.inspector.encode(A, B)
    enc = panel.encoding
    assert enc is not None and enc.tokens == expected.tokens
    assert enc.tokens[0] == "[CLS]" and enc.tokens.count("[SEP]") == 2

    chips = panel.strip.chips
    assert len(chips) == len(expected)
    first_sep = enc.tokens.index("[SEP]")
    assert [c.property("segment") for c in chips] == ["0"] * (first_sep + 1) + ["1"] * (len(enc) - first_sep - 1)
    specials = [i for i, c in enumerate(chips) if c.property("special") == "true"]
    assert specials == [0, first_sep, len(enc) - 1]
    assert all(c.property("masked") == "false" for c in chips)
    assert "pos 3" in chips[3].text()            # positions are shown on this panel

    table = panel.table
    assert table.columnCount() == len(expected) and table.rowCount() == 4
    assert [table.item(0, j).text() for j in range(len(enc))] == list(expected.tokens)
    assert [int(table.item(1, j).text()) for j in range(len(enc))] == expected.input_ids.tolist()
    assert "".join(table.item(2, j).text() for j in range(len(enc))) == \
        "A" * (first_sep + 1) + "B" * (len(enc) - first_sep - 1)
    assert [table.item(3, j).text() for j in range(len(enc))] == [str(j) for j in range(len(enc))]
    assert f"{len(enc)} tokens" in panel.summary.text()
    assert panel.message_bar.isHidden()


def test_single_sentence_is_all_segment_a(panel) -> None:
    panel.set_texts("The unbelievably playful puppy jumped.")
    enc = panel.encoding
    assert enc.text_pair is None and enc.tokens.count("[SEP]") == 1
    assert {c.property("segment") for c in panel.strip.chips} == {"0"}
    assert panel.table.columnCount() == len(enc) == len(panel.strip.chips)
    # sub-word pieces of one word share a word id
    assert any(t.startswith("##") for t in enc.tokens)


def test_typing_in_sentence_b_updates_after_the_debounce(qtbot, panel) -> None:
    panel.set_texts(A, "")
    n_single = len(panel.strip.chips)
    qtbot.keyClicks(panel.text_b, B)
    qtbot.waitUntil(lambda: panel.encoding is not None and panel.encoding.text_pair == B, timeout=3000)
    assert len(panel.strip.chips) == len(panel.state.inspector.encode(A, B)) > n_single


def test_empty_text_shows_an_error(panel) -> None:
    panel.set_texts(A, B)
    panel.set_texts("", B)
    assert panel.message_bar.isVisible() and panel.message_bar.level == "error"
    assert "empty" in panel.message_bar.text()
    assert panel.encoding is None and panel.strip.chips == []
    assert panel.table.rowCount() == 0
    panel.set_texts(A)                           # fixing the text clears the error
    assert panel.message_bar.isHidden() and len(panel.strip.chips) == len(panel.encoding)


def test_without_a_model_it_asks_for_one_and_follows_model_changes(make_panel, model_state, bert_mini) -> None:
    panel, state = make_panel(model_state), model_state
    assert panel.message_bar.isVisible() and panel.message_bar.level == "info"
    assert "Load a model" in panel.message_bar.text()
    assert panel.strip.chips == []
    state.set_loaded(bert_mini)
    assert panel.message_bar.isHidden()
    assert len(panel.strip.chips) == len(panel.encoding) > 0


def test_example_combo_fills_both_sentences(panel) -> None:
    panel.examples.setCurrentIndex(1)
    panel.examples.activated.emit(1)
    a, b = panel._pairs[0]
    assert (panel.text_a.text(), panel.text_b.text()) == (a, b)
    assert panel.examples.currentIndex() == 0
    assert panel.encoding is not None and panel.encoding.text_pair == b
