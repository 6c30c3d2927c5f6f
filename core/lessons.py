"""Lessons: ordered steps a teacher prepares at home and replays in class (no Qt).

A lesson file is JSON::

    {"schema": "plm-studio-lesson", "version": 1,
     "title": {"en": "...", "zh_CN": "...", "ru": "..."} | "...",
     "description": ... (same form, optional),
     "steps": [
       {"title": ..., "note": ...,                     # teacher note shown with the step
        "models": {"A": "stories-bert-mini", "B": null},  # folder name, path, bundled name or hub id
        "input": {"text": "...", "text_pair": null, "selection": ["word", 3] | ["span", 1, 4] | null},
        "panels": [{"key": "mask", "slot": "A", "linked": true,
                    "input": {"text": "..."} | null,      # the panel's own input when unlinked
                    "view": {"top_k": 5}}]}]}              # panel view state (layer/head, template ...)

Texts may be a plain string or a ``{language: text}`` mapping (``localized`` picks one).
``load_lesson`` validates everything before returning, so a broken file loads nothing:
bad JSON -> :class:`LessonFormatError`, another schema version -> :class:`LessonVersionError`,
a panel this schema does not know -> :class:`UnknownPanelError`. ``save_lesson`` writes
atomically (temporary file + ``os.replace``).
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from .errors import InspectorError

SCHEMA = "plm-studio-lesson"
SCHEMA_VERSION = 1
SLOTS = ("A", "B")
#: Panel keys a lesson may name: the panels of PLM Studio (a build without one of them
#: still plays the other steps, and says which panel is missing).
KNOWN_PANELS: frozenset[str] = frozenset({
    "mask", "tokens", "attention", "embeddings", "spans", "generate", "finetune", "pretrain",
})
#: A text in one language, or a mapping language -> text.
Text = Union[str, Mapping[str, str]]


class LessonError(InspectorError):
    """A lesson file that cannot be used; nothing of it was loaded."""


class LessonFormatError(LessonError):
    """Not JSON, or JSON that does not have the lesson's shape."""


class LessonVersionError(LessonError):
    """A lesson written for another schema version."""


class UnknownPanelError(LessonError):
    """A step names a panel this version of PLM Studio does not have."""


@dataclass(frozen=True)
class PanelState:
    """One panel on screen in a step."""

    key: str
    slot: str = "A"
    linked: bool = True
    input: dict | None = None               # {"text": ..., "text_pair": ...} when unlinked
    view: dict = field(default_factory=dict)  # panel-specific view state (JSON values)


@dataclass(frozen=True)
class LessonStep:
    """What the screen shows at one step of a lesson."""

    title: Text = ""
    note: Text = ""
    models: dict = field(default_factory=dict)   # slot -> model source or None
    input: dict = field(default_factory=dict)    # shared input: text, text_pair, selection
    panels: tuple[PanelState, ...] = ()


@dataclass(frozen=True)
class Lesson:
    """An ordered list of steps with a title."""

    title: Text
    steps: tuple[LessonStep, ...]
    description: Text = ""
    version: int = SCHEMA_VERSION


def localized(text: Text | None, language: str, fallback: str = "en") -> str:
    """``text`` in ``language`` ("zh_CN" also matches "zh"), else English, else any."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (language, language.split("_")[0], fallback):
        if key in text and text[key]:
            return str(text[key])
    return next((str(v) for v in text.values() if v), "")


# ------------------------------------------------------------------------------ validation
def _fail(where: str, message: str) -> LessonFormatError:
    return LessonFormatError(f"{where}: {message}")


def _text(value: object, where: str) -> Text:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise _fail(where, "expected a text or a {language: text} object")


def _input(value: object, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(where, "expected an object with text, text_pair and selection")
    unknown = set(value) - {"text", "text_pair", "selection"}
    if unknown:
        raise _fail(where, f"unknown field(s) {', '.join(sorted(unknown))}")
    out: dict = {}
    for key in ("text", "text_pair"):
        v = value.get(key)
        if v is not None and not isinstance(v, str):
            raise _fail(f"{where}.{key}", "expected a string or null")
        out[key] = v
    sel = value.get("selection")
    if sel is not None:
        ok = (isinstance(sel, list) and len(sel) >= 2 and sel[0] in ("word", "span")
              and all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in sel[1:])
              and len(sel) == (2 if sel[0] == "word" else 3))
        if not ok:
            raise _fail(f"{where}.selection", 'expected ["word", i] or ["span", i, j]')
        sel = list(sel)
    out["selection"] = sel
    return out


def _panel(value: object, where: str, known: frozenset[str]) -> PanelState:
    if not isinstance(value, dict):
        raise _fail(where, "expected an object with a panel key")
    key = value.get("key")
    if not isinstance(key, str) or not key:
        raise _fail(where, "missing panel key")
    if key not in known:
        raise UnknownPanelError(f"{where}: unknown panel {key!r}; known panels: {', '.join(sorted(known))}")
    slot = value.get("slot", "A")
    if slot not in SLOTS:
        raise _fail(f"{where}.slot", f"expected A or B, got {slot!r}")
    linked = value.get("linked", True)
    if not isinstance(linked, bool):
        raise _fail(f"{where}.linked", "expected true or false")
    view = value.get("view", {}) or {}
    if not isinstance(view, dict):
        raise _fail(f"{where}.view", "expected an object")
    own = value.get("input")
    return PanelState(key, slot, linked, _input(own, f"{where}.input") if own is not None else None, dict(view))


def _step(value: object, where: str, known: frozenset[str]) -> LessonStep:
    if not isinstance(value, dict):
        raise _fail(where, "expected an object")
    models = value.get("models", {}) or {}
    if not isinstance(models, dict) or set(models) - set(SLOTS):
        raise _fail(f"{where}.models", "expected {\"A\": model, \"B\": model or null}")
    for slot, src in models.items():
        if src is not None and not (isinstance(src, str) and src.strip()):
            raise _fail(f"{where}.models.{slot}", "expected a model name, folder or hub id")
    panels = value.get("panels", [])
    if not isinstance(panels, list) or not panels:
        raise _fail(f"{where}.panels", "expected a non-empty list of panels")
    return LessonStep(title=_text(value.get("title"), f"{where}.title"),
                      note=_text(value.get("note"), f"{where}.note"),
                      models={k: v for k, v in models.items()},
                      input=_input(value.get("input"), f"{where}.input"),
                      panels=tuple(_panel(p, f"{where}.panels[{i}]", known) for i, p in enumerate(panels)))


def lesson_from_dict(data: object, known_panels: Iterable[str] = KNOWN_PANELS) -> Lesson:
    """Validate ``data`` (parsed JSON) into a :class:`Lesson`; raises a :class:`LessonError`."""
    known = frozenset(known_panels)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise LessonFormatError(f"not a PLM Studio lesson (expected \"schema\": \"{SCHEMA}\")")
    version = data.get("version")
    if version != SCHEMA_VERSION:
        raise LessonVersionError(f"lesson schema version {version!r} is not supported; this PLM Studio "
                                 f"reads version {SCHEMA_VERSION}")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise _fail("steps", "a lesson needs at least one step")
    return Lesson(title=_text(data.get("title"), "title"),
                  description=_text(data.get("description"), "description"),
                  steps=tuple(_step(s, f"steps[{i}]", known) for i, s in enumerate(steps)))


def lesson_to_dict(lesson: Lesson) -> dict:
    """The JSON form of ``lesson`` (what ``save_lesson`` writes)."""
    def panel(p: PanelState) -> dict:
        d: dict = {"key": p.key, "slot": p.slot, "linked": p.linked, "view": dict(p.view)}
        if p.input is not None:
            d["input"] = dict(p.input)
        return d

    return {
        "schema": SCHEMA, "version": SCHEMA_VERSION,
        "title": lesson.title, "description": lesson.description,
        "steps": [{"title": s.title, "note": s.note, "models": dict(s.models), "input": dict(s.input),
                   "panels": [panel(p) for p in s.panels]} for s in lesson.steps],
    }


def load_lesson(path: str | Path, known_panels: Iterable[str] = KNOWN_PANELS) -> Lesson:
    """Read and validate a lesson file; nothing is returned half-way."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonFormatError(f"{path}: no such lesson file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonFormatError(f"{path}: cannot read: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LessonFormatError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                                f"{exc.msg})") from None
    try:
        return lesson_from_dict(data, known_panels)
    except LessonError as exc:
        raise type(exc)(f"{path.name}: {exc}") from None


def save_lesson(lesson: Lesson, path: str | Path) -> Path:
    """Write ``lesson`` to ``path`` atomically (a crash never leaves half a file)."""
    path = Path(path)
    text = json.dumps(lesson_to_dict(lesson), ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(name, 0o644)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return path


def with_step(lesson: Lesson, step: LessonStep, index: int | None = None) -> Lesson:
    """A new lesson with ``step`` inserted at ``index`` (appended when None)."""
    steps = list(lesson.steps)
    steps.insert(len(steps) if index is None else index, step)
    return Lesson(lesson.title, tuple(steps), lesson.description, lesson.version)


def shipped_lessons(folder: str | Path) -> list[tuple[Path, Lesson | LessonError]]:
    """Every ``*.json`` lesson in ``folder``, loaded, or the error that stopped it."""
    out: list[tuple[Path, Lesson | LessonError]] = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            out.append((path, load_lesson(path)))
        except LessonError as exc:
            out.append((path, exc))
    return out
