"""Selecting a word in one panel selects it in the linked others (issue 10), without loops."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from gui.panels.attention_panel import AttentionPanel
from gui.panels.mask_panel import MaskPanel
from gui.panels.tokens_panel import TokensPanel

TEXT = "Lily found a shiny stone."


def _panels(qtbot, state, app_settings):
    tokens, mask, att = TokensPanel(state), MaskPanel(state, app_settings), AttentionPanel(state)
    for p in (tokens, mask, att):
        qtbot.addWidget(p)
        p.resize(900, 700)
        p.show()
    with qtbot.waitSignal(att.result_shown, timeout=20_000):
        tokens.text_a.setText(TEXT)
        tokens._on_text_edited()          # as typing does: publishes the text
    qtbot.waitUntil(lambda: mask.strip.encoding is not None and mask.strip.encoding.text == TEXT, timeout=20_000)
    return tokens, mask, att


def _word_tokens(enc, word: int) -> list[int]:
    return [i for i in range(len(enc)) if enc.segment_ids[i] == 0 and enc.word_ids[i] == word]


def test_clicking_a_word_in_tokens_highlights_it_in_mask_and_attention(qtbot, bert_state, app_settings):
    tokens, mask, att = _panels(qtbot, bert_state, app_settings)
    published: list[object] = []
    bert_state.input_changed.connect(lambda value, origin: published.append(origin))
    enc = tokens.encoding
    word = int(enc.word_ids[3])           # the word of the fourth token (after [CLS])
    assert word >= 0
    qtbot.mouseClick(tokens.strip.chips[3], Qt.MouseButton.LeftButton)
    assert bert_state.current_input.selection == ("word", word)
    assert published == [tokens]          # showing the selection did not republish
    expected = _word_tokens(enc, word)
    assert tokens.strip.selected_indices() == expected
    assert mask.strip.selected_indices() == _word_tokens(mask.strip.encoding, word)
    assert mask.strip.selected_indices()   # the same word is highlighted there
    # attention: the word's row is outlined as its own token click would do
    row = att.heatmap._selected
    assert row is not None and att._row_word(row) == word
    positions = np.asarray(att.view.row_positions[row]).tolist()
    assert set(positions) & set(expected)
    assert att.lines._selected == row


def test_clicking_in_attention_selects_the_word_in_tokens(qtbot, bert_state, app_settings):
    tokens, mask, att = _panels(qtbot, bert_state, app_settings)
    att._on_token_clicked(2)              # the heatmap's row/label click
    word = att._row_word(2)
    assert bert_state.current_input.selection == ("word", word)
    assert tokens.strip.selected_indices() == _word_tokens(tokens.encoding, word)


def test_an_unlinked_panel_does_not_follow(qtbot, bert_state, app_settings):
    tokens, mask, att = _panels(qtbot, bert_state, app_settings)
    mask.set_linked(False)
    att.set_linked(False)
    qtbot.mouseClick(tokens.strip.chips[1], Qt.MouseButton.LeftButton)
    assert bert_state.current_input.selection is not None
    assert tokens.strip.selected_indices()
    assert mask.strip.selected_indices() == []
    assert att.heatmap._selected is None


# ---------------------------------------------------------------- embeddings and spans follow and publish
RIVER = "We sat on the river bank."


def _tokens_and(qtbot, state, panel_cls):
    from gui.panels.tokens_panel import TokensPanel

    tokens, other = TokensPanel(state), panel_cls(state)
    for p in (tokens, other):
        qtbot.addWidget(p)
        p.resize(1000, 700)
        p.show()
    qtbot.waitUntil(lambda: other.data is not None and not other.busy, timeout=60_000)
    return tokens, other


def _type_in_tokens(qtbot, tokens, text: str) -> None:
    tokens.text_a.setText(text)
    tokens._on_text_edited()               # as typing does: publishes the text
    qtbot.waitUntil(lambda: tokens.encoding is not None and tokens.encoding.text == text, timeout=20_000)


def _click_word(qtbot, tokens, surface: str) -> int:
    enc = tokens.encoding
    index = list(enc.tokens).index(surface)
    qtbot.mouseClick(tokens.strip.chips[index], Qt.MouseButton.LeftButton)
    return int(enc.word_ids[index])


def test_a_word_selected_in_tokens_becomes_the_embeddings_target(qtbot, bert_state):
    from gui.panels.embeddings_panel import EmbeddingsPanel

    tokens, emb = _tokens_and(qtbot, bert_state, EmbeddingsPanel)
    own = emb._lines()
    _type_in_tokens(qtbot, tokens, RIVER)
    # the shared sentence joins the compared ones on top; the panel's own sentences stay
    qtbot.waitUntil(lambda: emb.data is not None and not emb.busy and emb.data.batch.sentences[0] == RIVER,
                    timeout=60_000)
    pair = [tokens.text_b.text().strip()] if tokens.text_b.text().strip() else []   # sentence B joins too
    assert emb._lines() == [RIVER] + pair + own
    assert emb.target.text() != "river"
    word = _click_word(qtbot, tokens, "river")
    assert bert_state.current_input.selection == ("word", word)
    assert emb.target.text() == "river"
    assert emb.match is not None and {o.sentence for o in emb.match.occurrences} >= {0}
    # a new shared sentence replaces the one the link put there, not the panel's own lines
    _type_in_tokens(qtbot, tokens, "The river was cold.")
    qtbot.waitUntil(lambda: not emb.busy and emb.data.batch.sentences[0] == "The river was cold.", timeout=60_000)
    assert emb._lines() == ["The river was cold."] + pair + own


def test_an_unlinked_embeddings_panel_keeps_its_sentences_and_target(qtbot, bert_state):
    from gui.panels.embeddings_panel import EmbeddingsPanel

    tokens, emb = _tokens_and(qtbot, bert_state, EmbeddingsPanel)
    emb.set_linked(False)
    before_lines, before_target = emb._lines(), emb.target.text()
    _type_in_tokens(qtbot, tokens, RIVER)
    _click_word(qtbot, tokens, "river")
    qtbot.wait(50)
    assert bert_state.current_input.selection is not None
    assert emb._lines() == before_lines and emb.target.text() == before_target


def test_a_word_clicked_in_embeddings_is_selected_in_tokens(qtbot, bert_state):
    from gui.panels.embeddings_panel import EmbeddingsPanel

    tokens, emb = _tokens_and(qtbot, bert_state, EmbeddingsPanel)
    enc = emb.data.batch.encodings[1]
    t = next(i for i in range(len(enc)) if not enc.special_mask[i] and enc.tokens[i].isalpha())
    qtbot.mouseClick(emb.tokens, Qt.MouseButton.LeftButton, pos=emb.tokens.token_center(1, t))
    word = int(enc.word_ids[t])
    # the clicked sentence and word are shared: the tokens panel shows that sentence with the word selected
    assert bert_state.current_input.text == emb.data.batch.sentences[1]
    assert bert_state.current_input.selection == ("word", word)
    qtbot.waitUntil(lambda: tokens.encoding is not None and tokens.encoding.text == emb.data.batch.sentences[1],
                    timeout=20_000)
    qtbot.waitUntil(lambda: tokens.strip.selected_indices() == _word_tokens(tokens.encoding, word), timeout=5000)
    assert emb._lines()[1] == emb.data.batch.sentences[1]      # its own sentences did not move


def test_a_word_selected_in_tokens_is_the_span_in_spans(qtbot, bert_state):
    from gui.panels.spans_panel import SpansPanel

    tokens, spans = _tokens_and(qtbot, bert_state, SpansPanel)
    _type_in_tokens(qtbot, tokens, RIVER)
    qtbot.waitUntil(lambda: spans.data is not None and not spans.busy and spans.data.batch.sentences[0] == RIVER,
                    timeout=60_000)
    _click_word(qtbot, tokens, "river")
    qtbot.waitUntil(lambda: spans.selection is not None and spans.span_text(spans.selection) == "river", timeout=5000)
    spans.set_linked(False)
    _click_word(qtbot, tokens, "sat")
    qtbot.wait(50)
    assert spans.span_text(spans.selection) == "river"
