"""Lesson files: round trip, typed errors for broken files, atomic saves, the shipped lessons."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import lessons as L

LESSON_DIR = Path(__file__).resolve().parents[2] / "assets" / "lessons"


def sample() -> L.Lesson:
    return L.Lesson(
        title={"en": "Attention", "ru": "Внимание", "zh_CN": "注意力"},
        description="two steps",
        steps=(
            L.LessonStep(title="MLM", note="Mask the noun.", models={"A": "stories-bert-mini", "B": None},
                         input={"text": "Lily saw a [MASK].", "text_pair": None, "selection": ["word", 2]},
                         panels=(L.PanelState("mask", "A", True, None, {"top_k": 5}),)),
            L.LessonStep(title="Heads", note={"en": "Layer 2", "ru": "Слой 2"}, models={"A": "stories-bert-mini"},
                         input={"text": "The cat sat.", "text_pair": "It slept.", "selection": ["span", 1, 2]},
                         panels=(L.PanelState("attention", "A", False, {"text": "Own", "text_pair": None,
                                                                       "selection": None},
                                              {"layer": 2, "head": 1, "view": "heatmap"}),
                                 L.PanelState("tokens", "B", True, None, {}))),
        ))


def test_round_trip_is_identical(tmp_path):
    lesson = sample()
    path = L.save_lesson(lesson, tmp_path / "a.json")
    again = L.load_lesson(path)
    assert again == lesson
    assert L.lesson_to_dict(again) == L.lesson_to_dict(lesson)
    # Saving what was loaded gives the same bytes (stable, diff-friendly files).
    L.save_lesson(again, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_bad_json_is_a_format_error_naming_the_line(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('{"schema": "plm-studio-lesson",\n "version": 1,\n "steps": [', encoding="utf-8")
    with pytest.raises(L.LessonFormatError, match="not valid JSON \\(line 3"):
        L.load_lesson(p)


def test_unknown_schema_version(tmp_path):
    data = L.lesson_to_dict(sample())
    data["version"] = 7
    p = tmp_path / "future.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(L.LessonVersionError, match="version 7"):
        L.load_lesson(p)


def test_unknown_panel_loads_nothing(tmp_path):
    data = L.lesson_to_dict(sample())
    data["steps"][1]["panels"][1]["key"] = "tokenz"
    p = tmp_path / "typo.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(L.UnknownPanelError, match="steps\\[1\\].panels\\[1\\]: unknown panel 'tokenz'"):
        L.load_lesson(p)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.pop("schema"), "not a PLM Studio lesson"),
    (lambda d: d.update(steps=[]), "at least one step"),
    (lambda d: d["steps"][0].update(panels=[]), "non-empty list of panels"),
    (lambda d: d["steps"][0]["models"].update(C="x"), "models"),
    (lambda d: d["steps"][0]["panels"][0].update(slot="C"), "expected A or B"),
    (lambda d: d["steps"][0]["input"].update(selection=["word", -1]), "selection"),
    (lambda d: d["steps"][0]["input"].update(colour="red"), "unknown field"),
    (lambda d: d["steps"][0].update(note=5), "note"),
])
def test_malformed_lessons_raise_format_errors(tmp_path, mutate, message):
    data = L.lesson_to_dict(sample())
    mutate(data)
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(L.LessonFormatError, match=message):
        L.load_lesson(p)


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = L.save_lesson(sample(), tmp_path / "keep.json")
    before = path.read_bytes()

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(L.os, "replace", boom)
    with pytest.raises(OSError):
        L.save_lesson(L.with_step(sample(), sample().steps[0]), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]  # no temporary file left


def test_localized_falls_back_to_english():
    assert L.localized({"en": "Hi", "ru": "Привет"}, "ru") == "Привет"
    assert L.localized({"en": "Hi", "ru": "Привет"}, "zh_CN") == "Hi"
    assert L.localized({"zh": "你好"}, "zh_CN") == "你好"
    assert L.localized("plain", "ru") == "plain"


def test_with_step_appends_and_inserts():
    lesson = sample()
    extra = L.LessonStep(title="x", panels=(L.PanelState("tokens"),))
    assert L.with_step(lesson, extra).steps[-1] == extra
    assert L.with_step(lesson, extra, 0).steps[0] == extra
    assert len(lesson.steps) == 2  # the original is unchanged (frozen)


def test_shipped_lessons_are_valid_and_cover_the_course():
    found = L.shipped_lessons(LESSON_DIR)
    errors = [f"{p.name}: {e}" for p, e in found if isinstance(e, L.LessonError)]
    assert not errors, errors
    lessons = [lesson for _, lesson in found]
    assert len(lessons) >= 8
    panels = {p.key for lesson in lessons for s in lesson.steps for p in s.panels}
    assert {"mask", "attention", "embeddings", "spans", "generate", "tokens"} <= panels
    for lesson in lessons:
        for step in lesson.steps:
            # Every step has a teacher note in all three languages.
            assert isinstance(step.note, dict) and {"en", "zh_CN", "ru"} <= set(step.note), step.title
            assert all(step.note[k].strip() for k in ("en", "zh_CN", "ru"))
