"""The pre-training lab panel: recipes on the teacher's sentence, and the from-scratch runner."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from core.corruption import Fate
from gui.panels.pretrain_panel import PretrainPanel
from tests.gui.loop_meter import MAX_GAP_MS, LoopMeter

REPO = Path(__file__).resolve().parents[2]
STORIES = ["Once upon a time, there was a little girl named Lily. She loved to play in the park.",
           "One day, a little boy named Tim saw a big red ball. He was very happy."] * 40


def _wait_result(qtbot, panel: PretrainPanel, recipe: str) -> None:
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.request.recipe == recipe and not panel.busy,
                    timeout=20_000)


@pytest.fixture
def panel(qtbot, bert_state):
    p = PretrainPanel(bert_state)
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    _wait_result(qtbot, p, "mlm")
    return p


def test_mlm_recipe_draws_fates_and_model_loss(panel, colour_count):
    res = panel.result
    assert res.reconstruction is not None and np.isfinite(res.reconstruction.loss)
    original = panel.strips.rows[0]
    assert len(original.labels) == len(res.corruption.fates)
    assert len(panel.strips.rows[1].labels) == len(res.corruption.input_ids)
    selected = int(res.corruption.selected.sum())
    assert len(panel.strips.rows[2].labels) == selected, "one model chip per selected position"
    assert f"{res.reconstruction.loss:.3f}" in panel.loss_label.text()
    assert colour_count(panel.grab().toImage()) > 5


def test_sliders_epochs_and_static_masking(panel, qtbot):
    panel.rate.setValue(40)
    panel.mask_share.setValue(0)
    panel.random_share.setValue(0)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.result.request.rate == 0.4 and not panel.busy, timeout=20_000)
    fates = panel.result.corruption.fates
    assert (fates == Fate.MASKED).sum() == 0 and (fates == Fate.UNCHANGED).sum() > 0
    panel.recipe.setCurrentIndex(panel.recipe.findData("dynamic"))
    panel.refresh()
    _wait_result(qtbot, panel, "dynamic")
    seen = []
    for static in (False, True):
        panel.static.setChecked(static)
        patterns = []
        for _ in range(3):
            panel._on_next_epoch_clicked()
            panel.refresh()
            epoch = panel.epoch.value()
            qtbot.waitUntil(lambda e=epoch, s=static: panel.result.request.epoch == e
                            and panel.result.request.static == s and not panel.busy, timeout=20_000)
            patterns.append(panel.result.corruption.fates.tobytes())
        seen.append(len(set(patterns)))
    assert seen == [3, 1], "dynamic: a new pattern per epoch; static: one pattern"


@pytest.mark.parametrize("recipe", ["t5", "bart", "spanbert", "nsp", "clm", "glm", "wwm"])
def test_every_recipe_shows(panel, qtbot, recipe, shown_failures):
    panel.recipe.setCurrentIndex(panel.recipe.findData(recipe))
    panel.refresh()
    _wait_result(qtbot, panel, recipe)
    assert not shown_failures
    assert panel.strips.rows[0].labels, "something is drawn"
    if recipe == "spanbert":
        assert panel.histogram.isVisible() and abs(panel.histogram.observed.sum() - 1) < 1e-9
    if recipe == "nsp":
        assert panel.result.nsp and not np.isnan(panel.result.nsp[0].p_is_next)
    if recipe in ("t5", "bart"):
        assert panel.result.missing_head == "seq2seq" and panel.loss_label.text()


def test_empty_text_shows_message_not_dialog(panel, qtbot, shown_failures):
    panel.text.setText("   ")
    panel.refresh()
    qtbot.waitUntil(lambda: "empty" in panel.message_bar.text(), timeout=10_000)
    assert not shown_failures


def test_from_scratch_runner_trains_on_its_own_thread_and_loads_into_slot_b(panel, qtbot, tmp_path, bert_state):
    corpus = tmp_path / "c.txt"
    corpus.write_text("\n".join(STORIES), encoding="utf-8")
    runner = panel.runner
    runner.corpus.setText(str(corpus))
    runner.preset.setCurrentIndex(runner.preset.findData("1x64"))
    runner.steps.setValue(30)
    runner.batch.setValue(8)
    runner.probe_every.setValue(10)
    runner.output.setText(str(tmp_path / "out"))
    panel.tabs.setCurrentIndex(1)   # the runner's loss curve and probe timeline on screen
    qtbot.wait(100)
    # Tokenizer training, model building, 30 steps, 3 probes and the save, with a 2 ms timer on
    # the GUI thread: the event loop never waits more than 50 ms.
    with LoopMeter() as meter:
        runner.start()
        assert runner.running and not bert_state.busy, "training does not occupy the shared inference pool"
        qtbot.waitUntil(lambda: not runner.running, timeout=60_000)
    assert len(meter.gaps) > 50 and meter.worst < MAX_GAP_MS, meter.summary()
    assert len(runner.loss_y) == 30 and all(np.isfinite(runner.loss_y))
    assert len(runner.probes) >= 3 and runner.timeline.rowCount() == len(runner.probes)
    assert runner.saved_to and (Path(runner.saved_to) / "config.json").is_file()
    qtbot.waitUntil(lambda: bert_state.model("B") is not None, timeout=20_000)
    assert bert_state.model("B").n_layers == 1


def test_runner_stop_discards(panel, qtbot, tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("\n".join(STORIES), encoding="utf-8")
    runner = panel.runner
    runner.corpus.setText(str(corpus))
    runner.preset.setCurrentIndex(runner.preset.findData("1x64"))
    runner.steps.setValue(5000)
    runner.output.setText(str(tmp_path / "out"))
    runner.start()
    qtbot.waitUntil(lambda: len(runner.loss_y) >= 2, timeout=60_000)
    runner.stop()
    qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    assert not (tmp_path / "out").exists()


def test_bad_corpus_shows_message(panel, qtbot, tmp_path):
    runner = panel.runner
    runner.corpus.setText(str(tmp_path / "nope.txt"))
    runner.start()
    qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    assert "does not exist" in runner.message_bar.text()


@pytest.mark.slow
def test_cli_screenshot_t5(tmp_path, bert_mini_dir):
    out = tmp_path / "t5.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, "main.py", "--model", str(bert_mini_dir), "--panel", "pretrain",
                           "--text", "Once upon a time, there was a little girl named Lily.", "--objective", "t5",
                           "--screenshot", str(out), "--settings", str(tmp_path / "s.ini")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert not QImage(str(out)).isNull()
