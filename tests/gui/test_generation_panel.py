"""Generation panel: stream, stop, step, branch, beam tree, templates, label scoring, side by side, bad input."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import load_checkpoint
from core import generation as gen_mod
from core.generation import generate
from core.generation_types import DecodingConfig, Strategy
from core.prompting import PromptForm
from gui.panels.generation_panel import GenerationPanel

WAIT = 20_000


@pytest.fixture(scope="module")
def stories(stories260k_dir):
    return load_checkpoint(stories260k_dir, device="cpu")


@pytest.fixture
def panel(qtbot, model_state, stories):
    model_state.set_loaded(stories)
    p = GenerationPanel(model_state)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return p


def _set(panel, **changes):
    panel.controls.set_config(dataclasses.replace(panel.config(), **changes))


def _generate(qtbot, panel, text="Once upon a time", **changes):
    panel.prompt.setPlainText(text)
    _set(panel, **changes)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)   # the worker's finished follows its result


def test_stream_equals_core_generation_and_shows_perplexity(qtbot, panel, stories):
    _generate(qtbot, panel, max_new_tokens=15, strategy=Strategy.GREEDY)
    expected = generate(stories, "Once upon a time", DecodingConfig(max_new_tokens=15))
    assert [s.token_id for s in panel.current.steps] == expected.token_ids.tolist()
    assert panel.output.plain_output() == "".join(s.token for s in expected.steps)
    assert "Perplexity" in panel.ppl.text() and panel.output.step_count() == 15
    assert not panel.busy and panel.step_button.isEnabled()


def test_stop_mid_way_ends_the_worker_and_keeps_the_ui_responsive(qtbot, panel, model_state):
    panel.prompt.setPlainText("Once upon a time")
    _set(panel, max_new_tokens=450, stop_at_eos=False, strategy=Strategy.GREEDY)
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.output.step_count() >= 3, timeout=WAIT)
    assert panel.stop_button.isEnabled()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert model_state.pool.waitForDone(WAIT)
    qtbot.wait(50)
    n = panel.output.step_count()
    assert 3 <= n < 450 and not panel.busy and not panel.stop_button.isEnabled()
    assert panel.message_bar.level == "info" and str(n) in panel.message_bar.text()
    panel.select_step(0)   # the UI still answers: inspecting works after the stop
    assert panel.inspector_view.bars.view is not None


def test_step_button_adds_exactly_one_token_each_time(qtbot, panel, stories):
    panel.prompt.setPlainText("Tom had a red ball.")
    _set(panel, strategy=Strategy.GREEDY)
    for n in (1, 2, 3):
        with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
            qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
        assert panel.output.step_count() == n and panel.selected_step == n - 1
    expected = generate(stories, "Tom had a red ball.", DecodingConfig(max_new_tokens=3))
    assert [s.token_id for s in panel.current.steps] == expected.token_ids.tolist()


def test_step_inspector_redraws_stages_without_a_forward_pass(qtbot, panel, stories, monkeypatch):
    _generate(qtbot, panel, max_new_tokens=6, strategy=Strategy.SAMPLE, seed=3)
    panel.output.step_clicked.emit(2)
    view = panel.inspector_view.bars.view
    assert view is not None and view.chosen == panel.current.steps[2].token_id
    np.testing.assert_allclose(view.probs.sum(axis=1) <= 1.0 + 1e-6, True)

    def no_forward(*_a, **_k):
        raise AssertionError("moving a control must not run the model")

    monkeypatch.setattr(stories.model, "forward", no_forward)
    panel.controls.top_k.setValue(2)       # the control's signal redraws the stages
    redrawn = panel.inspector_view.bars.view
    assert redrawn.n_kept[3] == 2 and redrawn.applied[3]
    panel.controls.temperature.setValue(0.5)
    assert not np.allclose(panel.inspector_view.bars.view.probs[2], redrawn.probs[2])


def test_branching_continues_from_an_alternative_and_keeps_the_tree(qtbot, panel):
    _generate(qtbot, panel, max_new_tokens=8, strategy=Strategy.GREEDY)
    main = panel.current
    panel.select_step(3)
    alt_row = 1 if int(panel.inspector_view.bars.view.ids[0]) == main.steps[3].token_id else 0
    panel.inspector_view.candidates.setCurrentRow(alt_row)
    alt = panel.inspector_view.selected_candidate()
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.inspector_view.branch_button, Qt.MouseButton.LeftButton)
    branch = panel.current
    assert branch is not main and branch.parent == main.bid and branch.fork == 3
    assert [s.token_id for s in branch.steps[:3]] == [s.token_id for s in main.steps[:3]]
    assert branch.steps[3].token_id == alt and len(branch.steps) == 8
    assert panel.branch_tree.topLevelItem(0).childCount() == 1
    panel.branch_tree.setCurrentItem(panel.branch_tree.topLevelItem(0))   # switch back
    assert panel.current is main


def test_logit_lens_table(qtbot, panel, stories):
    _generate(qtbot, panel, max_new_tokens=4, strategy=Strategy.GREEDY)
    panel.select_step(2)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.inspector_view.lens_button, Qt.MouseButton.LeftButton)
    assert panel.inspector_view.lens.rowCount() == stories.n_layers + 1
    chosen = panel.current.steps[2].token
    assert repr(chosen) in panel.inspector_view.lens.item(stories.n_layers, 0).text()


def test_beam_tree_is_drawn_live_and_matches_the_result(qtbot, panel, model_state):
    recorded = []
    model_state.generation_recorded.connect(recorded.append)
    grown = []
    panel.beam_tree.add_step = (lambda orig: lambda step: (grown.append(step.step), orig(step)))(
        panel.beam_tree.add_step)
    _generate(qtbot, panel, max_new_tokens=6, strategy=Strategy.BEAM, num_beams=3)
    assert grown == list(range(len(grown))) and len(grown) >= 1
    status = panel.beam_tree.status()
    assert set(status.values()) >= {"finished", "pruned"}
    assert panel.beam_tree.best == panel.beam_result.node_ids[0]
    assert repr(panel.beam_result.texts[0]) in panel.beam_caption.text()
    assert panel.beam_result.cross_attention is None and recorded == []    # a decoder has no cross-attention


def test_beam_tree_on_an_encoder_decoder(qtbot, model_state, tiny_t5_dir):
    model_state.set_loaded(load_checkpoint(tiny_t5_dir, device="cpu"))
    p = GenerationPanel(model_state)
    qtbot.addWidget(p)
    p.show()
    _generate(qtbot, p, "summarize: the cat sat on the mat", max_new_tokens=4, strategy=Strategy.BEAM,
              num_beams=2)
    assert len(p.beam_tree.nodes) >= 4 and p.beam_result is not None
    _generate(qtbot, p, "summarize: the cat sat on the mat", max_new_tokens=3, strategy=Strategy.GREEDY)
    p.select_step(1)
    assert p.inspector_view.cross.isVisibleTo(p)    # the step's cross-attention


def test_beam_search_feeds_the_attention_panel_its_best_hypothesis(qtbot, model_state, tiny_t5_dir):
    import torch

    from core.seq2seq import Seq2SeqAttention
    from gui.panels.attention_panel import AttentionPanel

    source = "summarize: the cat sat on the mat"
    loaded = load_checkpoint(tiny_t5_dir, device="cpu")
    model_state.set_loaded(loaded)
    att = AttentionPanel(model_state)
    qtbot.addWidget(att)
    att.show()
    qtbot.waitUntil(lambda: att.data is not None and not att.busy, timeout=WAIT)
    gen = GenerationPanel(model_state)
    qtbot.addWidget(gen)
    gen.show()
    _generate(qtbot, gen, source, max_new_tokens=7, strategy=Strategy.BEAM, num_beams=3, stop_at_eos=False)
    qtbot.waitUntil(lambda: isinstance(att.data, Seq2SeqAttention) and att.data.origin == "beam"
                    and not att.busy, timeout=WAIT)
    best = gen.beam_result
    seq = np.concatenate([best.start.decoder_start_ids, best.sequences[0]]).astype(np.int64)
    rec = att.data
    assert rec.sequence_ids.tolist() == seq.tolist()
    assert rec.decoder_tokens == tuple(loaded.tokenizer.convert_ids_to_tokens(seq[:-1].tolist()))
    np.testing.assert_array_equal(rec.cross, best.cross_attention)
    with torch.inference_mode():     # what the best hypothesis's decoder attended to, teacher-forced
        out = loaded.model(input_ids=torch.as_tensor(best.start.prompt_ids)[None],
                           decoder_input_ids=torch.as_tensor(seq[:-1])[None], output_attentions=True)
    np.testing.assert_allclose(rec.cross, np.stack([a[0].numpy() for a in out.cross_attentions]), atol=1e-5)
    att.source.setCurrentIndex(2)
    np.testing.assert_allclose(att.heatmap.values(), rec.cross[0, 0], atol=1e-6)
    assert "beam search" in att.message_bar.text()


def test_stop_during_beam_search_keeps_the_partial_tree(qtbot, panel, model_state):
    panel.prompt.setPlainText("Once upon a time")
    _set(panel, max_new_tokens=400, strategy=Strategy.BEAM, num_beams=4, stop_at_eos=False)
    qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.beam_tree.nodes) >= 16, timeout=WAIT)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert model_state.pool.waitForDone(WAIT)
    qtbot.wait(50)
    assert panel.beam_tree.nodes and panel.beam_result is None
    assert len(panel.beam_tree.nodes) < 8 * 400       # it stopped long before the 400 steps
    assert "stopped" in panel.message_bar.text().lower()


def test_switch_templates_and_score_labels(qtbot, panel, stories):
    wb = panel.workbench
    forms = set()
    for i, t in enumerate(wb.presets):
        wb.preset.setCurrentIndex(i)
        wb.preset.activated.emit(i)
        forms.add(wb.template().form)
        assert wb.count.text()        # token count shown for every preset
    assert forms == set(PromptForm)
    idx = next(i for i, t in enumerate(wb.presets) if t.labels and t.model_hint == "stories260k")
    wb.preset.activated.emit(idx)
    assert "background" in wb.preview.toHtml()
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(wb.score_button, Qt.MouseButton.LeftButton)
    scores = wb.bars.scores
    assert scores is not None and len(scores.scores) == len(wb.presets[idx].labels)
    assert scores.scores[scores.best].label.strip() in wb.prediction.text()
    few = next(i for i, t in enumerate(wb.presets) if t.form is PromptForm.FEW_SHOT and len(t.examples) >= 2)
    wb.preset.activated.emit(few)
    n = wb.examples.rowCount()
    first, second = wb.template().examples[:2]
    wb.examples.setCurrentCell(0, 0)
    wb.move_example(1)                                   # reorder
    assert wb.template().examples[:2] == (second, first)
    text = wb.assembled().text
    assert text.index(second.input) < text.index(first.input)
    wb.add_example()
    assert wb.examples.rowCount() == n + 1
    wb.examples.setCurrentCell(n, 0)
    wb.remove_example()
    assert wb.examples.rowCount() == n


def test_template_without_query_shows_a_message(qtbot, panel):
    panel.workbench.query.setPlainText("   ")
    qtbot.mouseClick(panel.workbench.use_button, Qt.MouseButton.LeftButton)
    assert panel.message_bar.level == "error" and "query" in panel.message_bar.text()


def test_side_by_side_runs_both_slots(qtbot, panel, model_state, stories):
    model_state.set_loaded(stories, slot="B")
    panel.prompt.setPlainText("Once upon a time")
    _set(panel, max_new_tokens=10, strategy=Strategy.SAMPLE, seed=5)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.side.run_button, Qt.MouseButton.LeftButton)
    a, b = panel.side.pieces["A"], panel.side.pieces["B"]
    assert len(a) == len(b) == 10
    cfg = dataclasses.replace(panel.config(), seed=5)
    assert [s.token_id for s in a] == generate(stories, "Once upon a time", cfg).token_ids.tolist()
    assert [s.token_id for s in b] == generate(stories, "Once upon a time",
                                               dataclasses.replace(cfg, seed=6)).token_ids.tolist()
    assert "perplexity" in panel.side.stats["B"].text()


def test_side_by_side_without_slot_b_says_so(qtbot, panel):
    _set(panel, max_new_tokens=3)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.side.run_button, Qt.MouseButton.LeftButton)
    assert "slot B" in panel.message_bar.text() or panel.side.hint.isVisibleTo(panel)


# ----------------------------------------------------------------------------- bad input
def test_empty_prompt_starts_from_bos_and_says_so(qtbot, panel):
    _generate(qtbot, panel, "", max_new_tokens=5, strategy=Strategy.GREEDY)
    assert panel.current.start.started_from_bos
    assert panel.message_bar.level == "info" and "<s>" in panel.message_bar.text()


def test_overlong_prompt_is_cut_from_the_left_and_says_so(qtbot, panel):
    _generate(qtbot, panel, "Lily played in the park with her dog. " * 80, max_new_tokens=3)
    assert panel.current.start.truncated_tokens > 0
    assert "cut off" in panel.message_bar.text()


def test_encoder_only_model_explains_why(qtbot, model_state, bert_mini):
    model_state.set_loaded(bert_mini)
    p = GenerationPanel(model_state)
    qtbot.addWidget(p)
    assert p.stack.currentIndex() == 1 and "encoder-only" in p.explanation.text()
    assert "stories260k" in p.explanation.text()


def test_invalid_top_p_and_temperature_zero(qtbot, panel):
    _generate(qtbot, panel, strategy=Strategy.SAMPLE, top_p=0.0)
    assert panel.message_bar.level == "error" and "top-p" in panel.message_bar.text()
    _set(panel, top_p=1.0, temperature=0.0, strategy=Strategy.SAMPLE)
    assert "greedy" in panel.controls.note.text()
    _generate(qtbot, panel, max_new_tokens=3, strategy=Strategy.SAMPLE, temperature=0.0)
    assert "greedy" in panel.message_bar.text()


def test_too_many_beams_for_memory_is_refused(qtbot, panel, monkeypatch):
    monkeypatch.setattr(gen_mod, "_available_bytes", lambda device: 1 << 16)
    _generate(qtbot, panel, strategy=Strategy.BEAM, num_beams=64, max_new_tokens=400)
    assert panel.message_bar.level == "error" and "beams" in panel.message_bar.text()


def test_screenshot_is_not_blank(qtbot, panel, colour_count):
    _generate(qtbot, panel, max_new_tokens=10)
    panel.select_step(2)
    assert colour_count(panel.grab().toImage()) > 10


@pytest.mark.slow
def test_cli_screenshot_with_step_inspector(tmp_path, stories260k_dir, colour_count):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage

    repo = Path(__file__).resolve().parents[2]
    png = tmp_path / "gen.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1")
    env.pop("PLM_STUDIO_SETTINGS", None)
    proc = subprocess.run([sys.executable, "main.py", "--model", str(stories260k_dir), "--panel", "generate",
                           "--text", "Once upon a time", "--decoding", "sample", "--step", "3",
                           "--max-new-tokens", "12", "--settings", str(tmp_path / "s.ini"), "--screenshot", str(png)],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    image = QImage(str(png))
    assert not image.isNull() and colour_count(image) > 10


def test_mask_panel_logit_lens_at_the_first_mask(qtbot, bert_state, bert_mini):
    from gui.panels.mask_panel import MaskPanel

    panel = MaskPanel(bert_state)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        panel.text.setText("Once upon a time, there was a little [MASK] named Lily.")
        panel.refresh()
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    top = panel.result.predictions[0].candidates[0].token
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.lens_button, Qt.MouseButton.LeftButton)
    table = panel.lens_table
    assert table.isVisibleTo(panel) and table.rowCount() == bert_mini.n_layers + 1
    assert repr(top) in table.item(bert_mini.n_layers, 0).text()   # the last layer is the real prediction


def test_side_by_side_with_an_encoder_only_model_in_b(qtbot, panel, model_state, bert_mini):
    model_state.set_loaded(bert_mini, slot="B")
    _set(panel, max_new_tokens=4, strategy=Strategy.GREEDY)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.mouseClick(panel.side.run_button, Qt.MouseButton.LeftButton)
    assert len(panel.side.pieces["A"]) == 4            # A still ran
    assert "encoder-only" in panel.side.stats["B"].text()


def test_prompt_is_shared_with_linked_panels(qtbot, panel, model_state):
    _generate(qtbot, panel, "Lily saw a cat.", max_new_tokens=2, strategy=Strategy.GREEDY)
    assert model_state.current_input.text == "Lily saw a cat."        # the attention panel can follow it
    model_state.set_input(None, text="Tom ran home.")
    assert panel.prompt.toPlainText() == "Tom ran home."
    panel.set_linked(False)
    model_state.set_input(None, text="Something else.")
    assert panel.prompt.toPlainText() == "Tom ran home."


def test_keyboard_shortcuts(qtbot, panel):
    _set(panel, max_new_tokens=2, strategy=Strategy.GREEDY)
    panel.prompt.setFocus()
    qtbot.waitUntil(panel.prompt.hasFocus, timeout=2000)
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.keyClick(panel.prompt, Qt.Key.Key_F10)   # Step
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    assert panel.output.step_count() == 1
    with qtbot.waitSignal(panel.result_shown, timeout=WAIT):
        qtbot.keyClick(panel.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # Generate
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT)
    assert panel.output.step_count() == 2 and "\n" not in panel.prompt.toPlainText()


def test_cli_options_set_the_decoding(qtbot, panel):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--text")
    parser.add_argument("--text-pair")
    GenerationPanel.add_cli_arguments(parser)
    args = parser.parse_args(["--text", "Tom ran.", "--decoding", "beam", "--num-beams", "6",
                              "--max-new-tokens", "9", "--gen-view", "beam"])
    panel.apply_cli(args)
    cfg = panel.config()
    assert (cfg.strategy, cfg.num_beams, cfg.max_new_tokens) == (Strategy.BEAM, 6, 9)
    assert panel.prompt.toPlainText() == "Tom ran."
