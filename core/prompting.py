"""Prompt templates in the lectures' forms, assembled with their parts marked.

Zero-shot (task description + input, GPT-2), one-/few-shot (k solved examples before the
query, GPT-3 in-context learning), chain-of-thought (examples whose answers show their
reasoning), instruction style (FLAN/T0: the task said in words) and T5 task prefixes
(``translate English to German:``, ``summarize:``, ``cola sentence:``, ``stsb sentence1: …``).
"""
from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import errors


class PromptForm(str, enum.Enum):
    ZERO_SHOT = "zero-shot"
    FEW_SHOT = "few-shot"
    CHAIN_OF_THOUGHT = "chain-of-thought"
    INSTRUCTION = "instruction"
    T5_PREFIX = "t5-prefix"


@dataclass(frozen=True)
class Example:
    """A solved example: input, answer and (chain-of-thought) the reasoning before the answer."""

    input: str
    output: str
    reasoning: str = ""


@dataclass(frozen=True)
class PromptTemplate:
    """Editable data for one prompt (see ``assets/prompt_presets.json``)."""

    name: str
    form: PromptForm
    query: str
    instruction: str = ""
    examples: tuple[Example, ...] = ()
    input_label: str = "Input: "
    output_label: str = "Output: "
    separator: str = "\n\n"
    prefix: str = ""                       # T5 task prefix
    cue: str = ""                          # text after the query's output label ("Let's think step by step.")
    labels: tuple[str, ...] = ()           # candidate answers for label-word scoring
    model_hint: str = ""                   # which kind of model the preset is for


@dataclass(frozen=True)
class PromptPart:
    """A span ``text[start:end]`` with its role: instruction, example, query or prefix."""

    role: str
    start: int
    end: int


@dataclass(frozen=True)
class AssembledPrompt:
    text: str
    parts: tuple[PromptPart, ...] = field(default_factory=tuple)


class _Builder:
    def __init__(self) -> None:
        self.text = ""
        self.parts: list[PromptPart] = []

    def add(self, role: str, text: str) -> None:
        if text:
            start = len(self.text)
            self.text += text
            if role:
                self.parts.append(PromptPart(role, start, len(self.text)))


def _example_text(t: PromptTemplate, ex: Example) -> str:
    answer = ex.output
    if t.form is PromptForm.CHAIN_OF_THOUGHT and ex.reasoning:
        answer = f"{ex.reasoning.strip()} {ex.output}".strip()
    if not t.input_label and not t.output_label:
        return f"{ex.input} {answer}"   # a plain pattern to continue (story-style few-shot)
    return f"{t.input_label}{ex.input}\n{t.output_label}{answer}"


def assemble(t: PromptTemplate) -> AssembledPrompt:
    """The prompt text with its parts marked.

    Raises
    ------
    TemplateError : no query, or an example without input or answer.
    """
    query = t.query.strip()
    if not query:
        raise errors.TemplateError("The template has no query: nothing for the model to answer.",
                                   hint="Type the input the model should work on in the query field.")
    b = _Builder()
    if t.form is PromptForm.T5_PREFIX:
        if not t.prefix.strip():
            raise errors.TemplateError("A T5 prompt needs a task prefix such as 'summarize:'.")
        b.add("prefix", t.prefix.strip() + " ")
        b.add("query", query)
        return AssembledPrompt(b.text, tuple(b.parts))
    if t.form is PromptForm.INSTRUCTION:
        if "{input}" in t.instruction:
            before, _, after = t.instruction.partition("{input}")
            b.add("instruction", before)
            b.add("query", query)
            b.add("instruction", after)
        else:
            b.add("instruction", t.instruction.strip() + t.separator if t.instruction.strip() else "")
            b.add("query", query)
        return AssembledPrompt(b.text, tuple(b.parts))
    if t.instruction.strip():
        b.add("instruction", t.instruction.strip() + t.separator)
    if t.form in (PromptForm.FEW_SHOT, PromptForm.CHAIN_OF_THOUGHT):
        for n, ex in enumerate(t.examples):
            if not ex.input.strip() or not ex.output.strip():
                raise errors.TemplateError(f"Example {n + 1} needs both an input and an answer.")
            b.add("example", _example_text(t, ex))
            b.add("", t.separator)
    tail = f"{t.output_label}{t.cue}".rstrip() if t.cue else t.output_label.rstrip()
    # With no answer label the query is a text to continue (a story opening): no line break after it.
    b.add("query", f"{t.input_label}{query}\n{tail}" if tail else f"{t.input_label}{query}")
    return AssembledPrompt(b.text, tuple(b.parts))


def count_tokens(tokenizer: Any, text: str) -> int:
    """How many tokens the model will read (special tokens included)."""
    return len(tokenizer(text)["input_ids"]) if text else 0


def template_from_dict(data: Mapping[str, Any]) -> PromptTemplate:
    """One preset from JSON (unknown keys are ignored so presets can carry notes)."""
    try:
        form = PromptForm(data.get("form", "zero-shot"))
    except ValueError as exc:
        raise errors.TemplateError(f"Unknown prompt form '{data.get('form')}'.") from exc
    examples = tuple(Example(str(e.get("input", "")), str(e.get("output", "")), str(e.get("reasoning", "")))
                     for e in data.get("examples", ()))
    kw = {k: str(data[k]) for k in ("instruction", "input_label", "output_label", "separator", "prefix", "cue",
                                    "model_hint") if k in data}
    return PromptTemplate(name=str(data.get("name", "untitled")), form=form, query=str(data.get("query", "")),
                          examples=examples, labels=tuple(str(x) for x in data.get("labels", ())), **kw)


def templates_from_data(data: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> list[PromptTemplate]:
    """All presets of a ``prompt_presets.json`` document (``{"presets": [...]}`` or a list)."""
    items = data.get("presets", []) if isinstance(data, Mapping) else data
    return [template_from_dict(d) for d in items]


def template_to_dict(t: PromptTemplate) -> dict[str, Any]:
    return {"name": t.name, "form": t.form.value, "instruction": t.instruction, "query": t.query,
            "examples": [{"input": e.input, "output": e.output, "reasoning": e.reasoning} for e in t.examples],
            "input_label": t.input_label, "output_label": t.output_label, "separator": t.separator,
            "prefix": t.prefix, "cue": t.cue, "labels": list(t.labels), "model_hint": t.model_hint}


# Label-word scoring runs the model, so it lives beside perplexity in core.scoring.
from .scoring import LabelScore, LabelScores, score_labels  # noqa: E402,F401
