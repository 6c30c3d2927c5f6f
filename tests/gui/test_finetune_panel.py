"""Fine-tuning panel (pytest-qt): a real run on a tiny BERT on its own thread, stop/save/resume, results."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import errors, load_checkpoint
from gui.panels.finetune_panel import FineTunePanel
from gui.state import ModelState
from tests.gui.loop_meter import MAX_GAP_MS, LoopMeter

WAIT_MS = 60_000


@pytest.fixture
def tiny_state(model_state: ModelState, tiny_bert_mlm_dir: Path) -> ModelState:
    model_state.set_loaded(load_checkpoint(tiny_bert_mlm_dir, device="cpu"))
    return model_state


@pytest.fixture
def panel(qtbot, tiny_state: ModelState, tmp_path: Path):
    panel = FineTunePanel(tiny_state)
    qtbot.addWidget(panel)
    panel.runs_dir = tmp_path / "runs"
    panel.form.epochs.setValue(1)
    panel.form.batch.setValue(32)
    panel.form.max_length.setValue(32)
    panel.form.lr.setText("1e-3")
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.shutdown()


def _run_to_end(qtbot, panel: FineTunePanel) -> None:
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.start()
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)


def test_a_run_updates_curves_probe_and_what_changed_without_stalling_the_gui(qtbot, panel) -> None:
    panel.form.epochs.setValue(4)   # 36 steps: setup, probe, 4 evaluations, the save at the end
    # As in the app, the panel has been on screen for a moment: drawn, its trainable count shown,
    # the runs' tokenizer loaded.
    qtbot.waitUntil(lambda: "%" in panel.trainable_label.text() and panel.tokenizer_ready, timeout=WAIT_MS)
    qtbot.wait(100)
    # The whole run, model building to checkpoint, with a 2 ms timer on the GUI thread: it must
    # never wait more than 50 ms for the event loop.
    with LoopMeter() as meter:
        _run_to_end(qtbot, panel)
    assert panel.last_result is not None and not panel.last_result.train.stopped
    total = panel.last_result.train.total_steps
    assert panel.curves.steps == list(range(1, total + 1))          # every step's loss reached the plot
    assert panel.curves.val_steps[-1] == total and "accuracy" in panel.curves.val
    assert panel.probe_view.before_result is not None and panel.probe_view.now_result is not None
    assert panel.probe_view.before_result is not panel.probe_view.now_result
    assert Path(panel.last_saved, "config.json").is_file()
    assert panel.compare.runs.count() == 1
    assert len(meter.gaps) > 100 and meter.worst < MAX_GAP_MS, meter.summary()
    panel.tabs.setCurrentIndex(1)  # hidden tabs draw when shown
    assert panel.changes.names and any(v > 0 for v in panel.changes.values)
    assert panel.att_now.values().shape[0] == len(panel.probe_view.now_result.tokens)
    panel.tabs.setCurrentIndex(2)
    assert panel.confusion.values().shape == (2, 2)


def test_what_changed_follows_the_run_while_shown(qtbot, panel) -> None:
    panel.form.epochs.setValue(2)
    panel.tabs.setCurrentIndex(1)
    _run_to_end(qtbot, panel)
    qtbot.waitUntil(lambda: not panel.draw_queue.pending, timeout=WAIT_MS)
    # Drawn during the run (one view per pass of the event loop), from the last snapshot.
    before, after = panel.last_result.before, panel.last_result.after
    assert panel.changes.values.tolist() == pytest.approx([c.relative_change for c in after.changes])
    layer, head = panel.att_layer.value(), panel.att_head.value()
    np.testing.assert_allclose(panel.att_now.values(), after.probe.attentions[layer, head], rtol=1e-6)
    np.testing.assert_allclose(panel.att_before.values(), before.probe.attentions[layer, head], rtol=1e-6)


def test_training_runs_off_the_shared_inference_pool(qtbot, panel) -> None:
    panel.form.epochs.setValue(100)   # still running when looked at
    panel.start()
    qtbot.waitUntil(lambda: panel.runner.pool.activeThreadCount() == 1, timeout=WAIT_MS)
    assert panel.state.pool.activeThreadCount() == 0
    panel.stop(save=False)
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)


def test_trainable_count_follows_the_strategy(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: "100.00%" in panel.trainable_label.text(), timeout=WAIT_MS)
    panel.form.strategy.setCurrentIndex(panel.form.strategy.findData("lora"))
    qtbot.waitUntil(lambda: "100.00%" not in panel.trainable_label.text() and "%" in panel.trainable_label.text(),
                    timeout=WAIT_MS)
    assert panel.trainable_map.values[0] == 0.0 and not panel.trainable_map.trainable[0]  # embeddings frozen


def test_stop_discards_and_stop_and_save_then_resume(qtbot, panel) -> None:
    panel.form.epochs.setValue(2)
    panel.form.batch.setValue(16)
    # The stops are asked for at once: the tiny model trains its 34 steps in a fraction of a
    # second, faster than records reach the GUI (batched every 250 ms), so waiting for curves
    # first would race the end of the run. A stop takes effect after the current step.
    panel.start()
    with qtbot.waitSignal(panel.runner.cancelled, timeout=WAIT_MS):
        panel.stop(save=False)
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)
    assert not panel.runs_dir.exists() or not any(panel.runs_dir.iterdir())
    assert "discarded" in panel.status.text()

    panel.start()
    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT_MS):
        panel.stop(save=True)
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)
    saved = panel.last_saved
    assert panel.last_result.train.stopped and Path(saved, "training_state").is_dir()
    stopped_at = panel.last_result.train.steps
    assert 1 <= stopped_at < panel.last_result.train.total_steps

    with qtbot.waitSignal(panel.runner.finished, timeout=WAIT_MS):
        panel.resume(saved)
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)
    result = panel.last_result
    assert not result.train.stopped and result.train.steps == result.train.total_steps > stopped_at
    assert panel.curves.steps == list(range(1, result.train.total_steps + 1))  # history + resumed steps


def test_result_loads_into_slot_b_for_the_mask_and_attention_panels(qtbot, panel) -> None:
    from gui.panels.attention_panel import AttentionPanel
    from gui.panels.mask_panel import MaskPanel

    _run_to_end(qtbot, panel)
    mask = MaskPanel(panel.state)
    qtbot.addWidget(mask)
    mask.set_slot("B")
    panel.load_slot.setCurrentIndex(panel.load_slot.findData("B"))
    with qtbot.waitSignal(panel.state.slot_changed, timeout=WAIT_MS):
        panel.load_result()
    loaded = panel.state.model("B")
    assert loaded is not None and Path(loaded.path) == Path(panel.last_saved)
    assert mask.supports(mask.loaded)   # the fine-tuned checkpoint kept the base's MLM head
    attention = AttentionPanel(panel.state)
    qtbot.addWidget(attention)
    attention.set_slot("B")
    assert attention.loaded is loaded and attention.supports(loaded)
    mask.text.setText("once upon a time there was a [MASK] .")
    with qtbot.waitSignal(mask.result_shown, timeout=WAIT_MS):
        mask.refresh()
    qtbot.waitUntil(lambda: bool(mask.bars.bar_values()), timeout=WAIT_MS)


def test_out_of_memory_shows_a_message_and_the_panel_lives_on(qtbot, panel, monkeypatch, shown_failures) -> None:
    import gui.panels.finetune_panel as module

    def oom(*_args, **_kwargs):
        yield from ()
        raise errors.TrainingOutOfMemoryError("Training ran out of memory at batch size 32.",
                                              hint="Try a smaller batch size, LoRA, or freezing the bottom layers.")

    monkeypatch.setattr(module, "iter_finetune", oom)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT_MS):
        panel.start()
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)
    assert "out of memory" in panel.message_bar.text() and "LoRA" in panel.message_bar.text()
    assert shown_failures == [] and panel.start_btn.isEnabled()


def test_a_malformed_file_is_refused_in_the_message_bar(qtbot, panel, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nok,positive\nragged,positive,extra\n")
    before = panel.form.table
    assert not panel.form.open_file(bad)
    assert "line 3" in panel.message_bar.text()
    assert panel.form.table is before  # nothing half-loaded


def test_closing_mid_run_asks_then_stops_cleanly(qtbot, panel, monkeypatch) -> None:
    panel.form.epochs.setValue(100)   # long enough that the run is still going when the window closes
    panel.start()
    qtbot.waitUntil(lambda: len(panel.curves.steps) >= 1, timeout=WAIT_MS)
    monkeypatch.setattr(panel, "ask_stop_running", lambda: False)
    assert panel.confirm_close() is False and panel.runner.running
    monkeypatch.setattr(panel, "ask_stop_running", lambda: True)
    assert panel.confirm_close() is True
    panel.shutdown()
    assert not panel.runner.running or panel.runner.pool.activeThreadCount() == 0
    assert not panel.runs_dir.exists() or not any(panel.runs_dir.iterdir())


def test_export_script_writes_script_and_config(qtbot, panel, tmp_path: Path) -> None:
    path = panel.export_script(str(tmp_path / "export"))
    assert path is not None and path.is_file() and (path.parent / "train_config.json").is_file()
    assert "accelerate launch" in panel.message_bar.text()


def test_export_button_exports_a_span_run_too(qtbot, panel, tmp_path: Path) -> None:
    from core.datasets import Task

    panel.form.task.setCurrentIndex(panel.form.task.findData(Task.SPANS.value))
    assert panel.export_btn.isEnabled()
    path = panel.export_script(str(tmp_path / "export"))
    assert path is not None and (path.parent / "span_model.py").is_file()
    assert "accelerate launch" in panel.message_bar.text()


def test_compare_runs_overlays_curves_and_lists_only_the_differences(qtbot, panel) -> None:
    from gui.widgets.run_compare import settings_diff

    _run_to_end(qtbot, panel)
    first = panel.last_saved
    panel.form.lr.setText("2e-3")
    _run_to_end(qtbot, panel)
    assert panel.compare.runs.count() == 2
    for i in range(2):
        panel.compare.runs.item(i).setCheckState(Qt.CheckState.Checked)
    assert panel.curves.overlay_count == 4          # loss + validation curve of each run
    keys = [panel.compare.diff.verticalHeaderItem(i).text() for i in range(panel.compare.diff.rowCount())]
    assert "train.lr" in keys and "strategy" not in keys and "task" not in keys
    same = {"card": {"finetune": {"a": 1}, "base_model": "m"}, "metrics": {"loss": 0.5}, "step": 3}
    assert settings_diff([same, same]) == []
    assert first != panel.last_saved
