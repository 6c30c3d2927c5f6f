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
