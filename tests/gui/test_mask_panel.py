"""Tests for :class:`gui.panels.mask_panel.MaskPanel` on the real stories-bert-mini checkpoint."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from core import MaskResult, errors, load_checkpoint
from gui.panels.mask_panel import MaskPanel
from gui.settings import AppSettings
from gui.state import ModelState

LILY = "Once upon a time, there was a little [MASK] named Lily."
WAIT_MS = 20_000


@pytest.fixture
def make_panel(qtbot, app_settings):
    def make(state: ModelState) -> MaskPanel:
        panel = MaskPanel(state, app_settings)
        qtbot.addWidget(panel)
        panel.resize(900, 800)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture
def panel(qtbot, make_panel, bert_state) -> Iterator[MaskPanel]:
    panel = make_panel(bert_state)
    wait_idle(qtbot, panel)  # the prediction started by the model being there already
    yield panel


def wait_idle(qtbot, panel: MaskPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy and not panel.state.busy and not panel._debounce.isActive(),
                    timeout=WAIT_MS)


def wait_result_for(qtbot, panel: MaskPanel, text: str) -> MaskResult:
    """Wait until the bars show the prediction for exactly ``text``."""
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.encoding.text == text
                    and bool(panel.bars.bar_values()), timeout=WAIT_MS)
    return panel.result


def predict(panel: MaskPanel, qtbot, text: str) -> MaskResult:
    panel.text.setText(text)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    return wait_result_for(qtbot, panel, text)


def assert_bars_match_inspector(panel: MaskPanel, text: str) -> None:
    expected = panel.state.inspector.predict_masks(text, panel.top_k.value())
    values, labels = panel.bars.bar_values(), panel.bars.bar_labels()
    assert len(values) == len(expected.predictions)
    for got_p, got_l, pred in zip(values, labels, expected.predictions):
        np.testing.assert_allclose(got_p, [c.probability for c in pred.candidates], rtol=0, atol=1e-6)
        assert got_l == [c.token for c in pred.candidates]


# --------------------------------------------------------------------------- predictions


def test_typed_sentence_shows_the_inspectors_probabilities(qtbot, panel) -> None:
    text = "The dog was very [MASK] and wagged its tail."
    panel.text.clear()
    qtbot.keyClicks(panel.text, text)  # textEdited → 300 ms debounce → refresh
    assert panel.text.text() == text
    wait_result_for(qtbot, panel, text)
    assert len(panel.bars.bar_values()[0]) == panel.top_k.value() == 10
    assert_bars_match_inspector(panel, text)
    assert panel.settings.mask_text == text


def test_lily_is_a_little_girl(qtbot, panel) -> None:
    result = predict(panel, qtbot, LILY)
    assert panel.bars.bar_labels()[0][0] == "girl"
    assert result.predictions[0].candidates[0].token == "girl"
    values = panel.bars.bar_values()[0]
    assert np.all(np.diff(values) <= 0)  # best candidate first
    assert panel.stack.currentIndex() == 0
    assert panel.message_bar.isHidden()
    # the token strip shows the encoding with the mask chip marked
    masked = [c for c in panel.strip.chips if c.property("masked") == "true"]
    assert len(panel.strip.chips) == len(result.encoding) and len(masked) == 1


def test_clicking_words_masks_them_and_ctrl_z_brings_them_back(qtbot, panel) -> None:
    predict(panel, qtbot, LILY)
    tokens = panel.strip.encoding.tokens
    chip = panel.strip.chips[tokens.index("lily")]
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    two_masks = "Once upon a time, there was a little [MASK] named [MASK]."
    assert panel.text.text() == two_masks
    result = wait_result_for(qtbot, panel, two_masks)
    assert len(result.predictions) == 2 and len(panel.bars.bar_values()) == 2
    assert_bars_match_inspector(panel, two_masks)

    chip = panel.strip.chips[panel.strip.encoding.tokens.index("time")]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    three_masks = "Once upon a [MASK], there was a little [MASK] named [MASK]."
    assert panel.text.text() == three_masks
    assert len(wait_result_for(qtbot, panel, three_masks).predictions) == 3

    # The panel edits through setSelection + insert, so undo restores the words one by one.
    qtbot.keyClick(panel.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.text.text() == two_masks
    qtbot.keyClick(panel.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.text.text() == LILY
    wait_result_for(qtbot, panel, LILY)
    assert len(panel.bars.bar_values()) == 1


def test_click_right_after_typing_never_masks_stale_offsets(qtbot, panel) -> None:
    predict(panel, qtbot, LILY)
    panel._debounce.setInterval(60_000)       # keep the chips stale however slow the machine is
    panel.text.setCursorPosition(0)
    qtbot.keyClicks(panel.text, "Hi. ")       # chips still show LILY until the debounce fires
    assert panel._debounce.isActive() and panel.strip.encoding.text == LILY
    typed = "Hi. " + LILY
    stale_chip = panel.strip.chips[panel.strip.encoding.tokens.index("lily")]
    qtbot.mouseClick(stale_chip, Qt.MouseButton.LeftButton)
    assert panel.text.text() == typed          # not "... na[MASK]Lily."
    wait_result_for(qtbot, panel, typed)
    qtbot.mouseClick(panel.strip.chips[panel.strip.encoding.tokens.index("lily")], Qt.MouseButton.LeftButton)
    assert panel.text.text() == "Hi. Once upon a time, there was a little [MASK] named [MASK]."
    wait_idle(qtbot, panel)


def test_clicking_a_special_or_masked_token_only_informs(qtbot, panel) -> None:
    predict(panel, qtbot, LILY)
    qtbot.mouseClick(panel.strip.chips[0], Qt.MouseButton.LeftButton)  # [CLS]
    assert panel.text.text() == LILY
    assert panel.message_bar.level == "info" and "special" in panel.message_bar.text()
    mask_chip = next(c for c in panel.strip.chips if c.property("masked") == "true")
    qtbot.mouseClick(mask_chip, Qt.MouseButton.LeftButton)
    assert panel.text.text() == LILY
    assert "already masked" in panel.message_bar.text()


def test_top_k_changes_the_number_of_bars_and_is_saved(qtbot, panel, tmp_path) -> None:
    predict(panel, qtbot, LILY)
    panel.top_k.setValue(3)
    qtbot.waitUntil(lambda: [len(v) for v in panel.bars.bar_values()] == [3], timeout=WAIT_MS)
    assert_bars_match_inspector(panel, LILY)
    assert panel.settings.mask_top_k == 3
    panel.settings.q.sync()
    reread = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert reread.mask_top_k == 3
    assert reread.mask_text == LILY


def test_a_new_panel_starts_with_the_saved_text_and_top_k(qtbot, make_panel, bert_state, app_settings) -> None:
    app_settings.mask_top_k = 4
    app_settings.mask_text = "She went to the [MASK] to play."
    panel = make_panel(bert_state)
    assert panel.top_k.value() == 4
    result = wait_result_for(qtbot, panel, "She went to the [MASK] to play.")
    assert len(result.predictions[0].candidates) == 4
    wait_idle(qtbot, panel)


def test_newest_request_replaces_the_older_one(qtbot, panel) -> None:
    shown: list[str] = []
    panel.result_shown.connect(lambda: shown.append(panel.result.encoding.text if panel.result else ""))
    old, new = LILY, "Mom gave Tim a big [MASK] for his birthday."
    panel.text.setText(old)
    panel.refresh()
    panel.text.setText(new)
    panel.refresh()
    wait_idle(qtbot, panel)  # both workers finished, so any stale result would have arrived
    assert shown == [new]
    assert panel.result.encoding.text == new
    assert_bars_match_inspector(panel, new)


# --------------------------------------------------------------------------- errors


def test_text_without_mask_shows_an_error_not_a_dialog(qtbot, panel, shown_failures) -> None:
    panel.text.setText("Once upon a time, there was a little girl.")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.message_bar.isVisible(), timeout=WAIT_MS)
    assert panel.message_bar.level == "error"
    assert "[MASK]" in panel.message_bar.text()
    assert shown_failures == []
    # the words are still shown, so one can be clicked to mask it
    assert panel.strip.chips and panel.strip.encoding.text == panel.text.text()
    wait_idle(qtbot, panel)
    qtbot.mouseClick(panel.strip.chips[panel.strip.encoding.tokens.index("girl")], Qt.MouseButton.LeftButton)
    assert panel.text.text() == "Once upon a time, there was a little [MASK]."
    qtbot.waitUntil(lambda: panel.message_bar.isHidden() and bool(panel.bars.bar_values()), timeout=WAIT_MS)


def test_empty_text_shows_an_error(qtbot, panel, shown_failures) -> None:
    panel.text.setText("   ")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.message_bar.isVisible(), timeout=WAIT_MS)
    assert panel.message_bar.level == "error"
    assert "empty" in panel.message_bar.text()
    assert panel.strip.chips == []
    assert shown_failures == []


def test_capability_error_goes_to_the_message_bar(qtbot, panel, shown_failures, monkeypatch) -> None:
    def no_head(text: str, top_k: int = 10) -> MaskResult:
        raise errors.CapabilityError("stories-bert-mini lost its head.", hint="Load another model.")

    monkeypatch.setattr(panel.state.inspector, "predict_masks", no_head)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    assert panel.message_bar.isVisible() and panel.message_bar.level == "error"
    assert panel.message_bar.text() == "stories-bert-mini lost its head. Load another model."
    assert shown_failures == []
    wait_idle(qtbot, panel)


def test_unexpected_error_shows_message_and_traceback_dialog(qtbot, panel, shown_failures, monkeypatch) -> None:
    def broken(text: str, top_k: int = 10) -> MaskResult:
        raise RuntimeError("kaboom in the forward pass")

    monkeypatch.setattr(panel.state.inspector, "predict_masks", broken)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    assert panel.message_bar.isVisible()
    assert "kaboom in the forward pass" in panel.message_bar.text()
    assert len(shown_failures) == 1
    failure = shown_failures[0]
    assert failure.expected is False and "RuntimeError" in failure.message
    assert "Traceback" in failure.details and "broken" in failure.details
    wait_idle(qtbot, panel)


def test_show_failure_opens_a_non_blocking_dialog(qtbot, panel, monkeypatch) -> None:
    monkeypatch.setattr(panel.state.inspector, "predict_masks",
                        lambda text, top_k=10: (_ for _ in ()).throw(RuntimeError("dialog please")))
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.refresh()
    boxes = panel.findChildren(QMessageBox)
    assert len(boxes) == 1 and boxes[0].isVisible()
    assert "dialog please" in boxes[0].text() and "Traceback" in boxes[0].detailedText()
    boxes[0].close()
    wait_idle(qtbot, panel)


# --------------------------------------------------------------------------- models


def test_model_without_mlm_head_shows_the_explanation(qtbot, make_panel, model_state, minilm, bert_mini) -> None:
    model_state.set_loaded(minilm)
    panel = make_panel(model_state)
    assert panel.stack.currentIndex() == 1
    assert panel.explanation.isVisible()
    assert "head" in panel.explanation.text()
    assert not panel.busy and panel.bars.bar_values() == []
    panel.refresh()  # nothing to run for this model
    assert not panel.busy

    model_state.set_loaded(bert_mini)  # a masked LM again: back to the bars
    assert panel.stack.currentIndex() == 0
    wait_result_for(qtbot, panel, panel.text.text())
    wait_idle(qtbot, panel)


def test_no_model_explains_how_to_load_one(make_panel, model_state) -> None:
    panel = make_panel(model_state)
    assert panel.stack.currentIndex() == 1
    assert "No model" in panel.explanation.text()


def test_roberta_style_mask_token_is_converted(qtbot, make_panel, model_state, tiny_roberta_mlm_dir) -> None:
    model_state.set_loaded(load_checkpoint(tiny_roberta_mlm_dir))
    panel = make_panel(model_state)
    panel.text.setText(LILY)
    model_state.set_loaded(model_state.loaded)  # a model change re-reads the mask token
    assert panel.text.text() == LILY.replace("[MASK]", "<mask>")
    wait_result_for(qtbot, panel, panel.text.text())
    wait_idle(qtbot, panel)


def test_grab_is_not_blank(qtbot, panel, colour_count) -> None:
    predict(panel, qtbot, LILY)
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    assert colour_count(image) > 5

