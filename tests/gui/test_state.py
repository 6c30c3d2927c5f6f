"""Tests for :mod:`gui.state`: the shared model, its inspector and the busy count."""
from __future__ import annotations

from core import ModelInspector
from gui.state import ModelState


def test_new_state_is_empty_and_runs_one_job_at_a_time(model_state: ModelState) -> None:
    assert model_state.loaded is None and model_state.inspector is None
    assert not model_state.busy
    assert model_state.pool.maxThreadCount() == 1


def test_set_loaded_builds_an_inspector_and_emits_model_changed(qtbot, model_state, bert_mini) -> None:
    with qtbot.waitSignal(model_state.model_changed, timeout=1000) as blocker:
        model_state.set_loaded(bert_mini)
    assert blocker.args == [bert_mini]
    assert model_state.loaded is bert_mini
    assert isinstance(model_state.inspector, ModelInspector)
    assert model_state.inspector.loaded is bert_mini
    assert model_state.inspector.encode("Lily ran.").tokens[0] == "[CLS]"


def test_set_loaded_none_drops_the_inspector(qtbot, model_state, bert_mini) -> None:
    model_state.set_loaded(bert_mini)
    with qtbot.waitSignal(model_state.model_changed, timeout=1000) as blocker:
        model_state.set_loaded(None)
    assert blocker.args == [None]
    assert model_state.loaded is None and model_state.inspector is None


def test_busy_changed_toggles_only_at_the_first_start_and_last_finish(model_state: ModelState) -> None:
    seen: list[bool] = []
    model_state.busy_changed.connect(seen.append)

    model_state.task_started()
    assert seen == [True] and model_state.busy
    model_state.task_started()                 # a second task: still busy, no new signal
    assert seen == [True]
    model_state.task_finished()
    assert seen == [True] and model_state.busy
    model_state.task_finished()
    assert seen == [True, False] and not model_state.busy

    model_state.task_finished()                # an extra finish never drives the count negative
    assert seen == [True, False] and not model_state.busy
    model_state.task_started()
    assert seen == [True, False, True]
    model_state.task_finished()
    assert seen == [True, False, True, False]
