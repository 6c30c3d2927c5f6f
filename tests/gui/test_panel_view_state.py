"""Lessons restore the generation, pre-training and fine-tuning panels' settings (view_state/apply_view)."""
from __future__ import annotations

from pathlib import Path

from core.lessons import load_lesson
from gui.panels.finetune_panel import FineTunePanel
from gui.panels.generation_panel import GenerationPanel
from gui.panels.pretrain_panel import PretrainPanel

REPO = Path(__file__).resolve().parents[2]


def test_generation_view_round_trip(qtbot, model_state, make_panel):
    a = make_panel(GenerationPanel, model_state)
    default = a.view_state()
    presets = [t.name for t in a.workbench.presets]
    wanted = {"strategy": "sample", "temperature": 0.7, "top_k": 7, "top_p": 0.85,
              "num_beams": 4, "max_new_tokens": 12, "preset": presets[-1]}
    a.apply_view(wanted)
    view = a.view_state()
    assert view == wanted and view != default
    b = make_panel(GenerationPanel, model_state)
    b.apply_view(view)
    assert b.view_state() == view
    assert b.config().temperature == 0.7 and b.config().strategy.value == "sample"


def test_pretrain_view_round_trip_and_lesson_objectives(qtbot, model_state, make_panel):
    a = make_panel(PretrainPanel, model_state)
    a.apply_view({"objective": "spanbert", "rate": 25, "seed": 11})
    view = a.view_state()
    assert (view["objective"], view["rate"], view["seed"]) == ("spanbert", 25, 11)
    b = make_panel(PretrainPanel, model_state)
    b.apply_view(view)
    assert b.view_state() == view
    # The objective names the shipped lessons use select a real recipe.
    for name, objective in (("01_bert_mlm.json", "mlm"), ("06_t5_text_to_text.json", "t5"),
                            ("07_electra.json", "electra")):
        lesson = load_lesson(REPO / "assets" / "lessons" / name)
        views = [p.view for s in lesson.steps for p in s.panels if p.key == "pretrain" and p.view]
        assert views, name
        c = make_panel(PretrainPanel, model_state)
        c.apply_view(views[0])
        assert c.view_state()["objective"] == objective


def test_finetune_view_round_trip_and_lesson_task(qtbot, model_state, make_panel):
    a = make_panel(FineTunePanel, model_state)
    a.apply_view({"task": "tokens", "strategy": "lora"})
    view = a.view_state()
    assert view == {"task": "tokens", "strategy": "lora"}
    b = make_panel(FineTunePanel, model_state)
    b.apply_view(view)
    assert b.view_state() == view
    lesson = load_lesson(REPO / "assets" / "lessons" / "08_fine_tuning.json")
    views = [p.view for s in lesson.steps for p in s.panels if p.key == "finetune" and p.view]
    c = make_panel(FineTunePanel, model_state)
    c.apply_view(views[0])
    assert c.view_state()["task"] == "classify"
