"""Two model slots (A/B), pinning a panel to B, and the shared sentence that linked panels follow."""
from __future__ import annotations

import pytest

from gui.main_window import MainWindow
from gui.panels.registry import PANELS, panel_keys, spec_for
from gui.state import ModelState, SharedInput

LOAD_MS = 60_000


def test_slots_are_independent_and_b_may_stay_empty(qtbot, model_state: ModelState, bert_mini, minilm) -> None:
    seen: list[tuple[str, str]] = []
    model_state.slot_changed.connect(lambda slot, m: seen.append((slot, m.name if m else "")))
    a_changes: list[object] = []
    model_state.model_changed.connect(a_changes.append)
    model_state.set_loaded(bert_mini, "A")
    model_state.set_loaded(minilm, "B")
    assert model_state.model("A") is bert_mini and model_state.model("B") is minilm
    assert model_state.inspector_for("B").loaded is minilm
    assert model_state.loaded is bert_mini            # slot A is the default
    assert a_changes == [bert_mini]                   # loading B does not disturb slot-A listeners
    model_state.set_loaded(None, "B")
    assert model_state.model("B") is None and model_state.inspector_for("B") is None
    assert seen == [("A", "stories-bert-mini"), ("B", "all-minilm-l6-v2"), ("B", "")]
    with pytest.raises(ValueError, match="slot"):
        model_state.model("C")


def test_shared_input_changes_once_and_a_new_text_clears_the_selection(model_state: ModelState) -> None:
    events: list[tuple[SharedInput, object]] = []
    model_state.input_changed.connect(lambda value, origin: events.append((value, origin)))
    model_state.set_input("me", text="Lily ran.", selection=("word", 0))
    model_state.set_input("me", text="Lily ran.")          # unchanged: no signal
    assert len(events) == 1 and events[0][0].selection == ("word", 0) and events[0][1] == "me"
    model_state.set_input(None, text="Tom sat.")
    assert model_state.current_input == SharedInput("Tom sat.", "", None)
    assert len(events) == 2


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def test_every_registered_panel_has_a_dock_and_a_header(window: MainWindow) -> None:
    assert tuple(window.panels) == panel_keys() == tuple(spec.key for spec in PANELS)
    for key, panel in window.panels.items():
        assert window.docks[key].windowTitle() == panel.display_title()
        header = window.headers[key]
        assert header.slot.currentData() == "A"
        assert header.link.isHidden() != panel.uses_shared_input
    assert spec_for("mask").panel_class().__name__ == "MaskPanel"


def test_pinning_a_panel_to_b_follows_the_b_model(qtbot, window: MainWindow, bert_mini, minilm) -> None:
    window.state.set_loaded(bert_mini, "A")
    mask = window.panels["mask"]
    assert mask.loaded is bert_mini and mask.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: not mask.busy, timeout=LOAD_MS)
    header = window.headers["mask"]
    header.slot.setCurrentIndex(1)                    # the user pins the mask panel to B (empty)
    assert mask.slot == "B" and mask.loaded is None
    assert mask.stack.currentIndex() == 1             # explains that no model is loaded
    window.state.set_loaded(minilm, "B")
    assert mask.loaded is minilm and mask.stack.currentIndex() == 1   # MiniLM: no MLM head
    assert window.panels["tokens"].loaded is bert_mini              # the others still follow A
    assert "B: all-minilm-l6-v2" in window.model_labels["B"].text()
    assert window.model_bars["B"].unload.isEnabled()
    window.unload("B")
    assert window.state.model("B") is None and not window.model_bars["B"].unload.isEnabled()
    mask.set_slot("A")
    assert header.slot.currentData() == "A" and mask.loaded is bert_mini


def test_linked_panels_follow_a_sentence_typed_in_one_of_them(qtbot, window: MainWindow, bert_mini) -> None:
    window.state.set_loaded(bert_mini)
    tokens, attention, mask = (window.panels[k] for k in ("tokens", "attention", "mask"))
    qtbot.waitUntil(lambda: not mask.busy and not attention.busy, timeout=LOAD_MS)
    attention.set_linked(False)
    assert window.headers["attention"].link.isChecked() is False
    qtbot.keyClicks(tokens.text_a, " Tom")               # typing is a user edit: published
    typed = tokens.text_a.text()
    assert window.state.current_input.text == typed
    assert mask.text.text() == typed                     # linked: follows
    assert attention.text.text() != typed                # unlinked: keeps its own text
    attention.set_linked(True)                           # relinking catches up with the shared sentence
    assert attention.text.text() == typed
    qtbot.waitUntil(lambda: not mask.busy and not attention.busy, timeout=LOAD_MS)
