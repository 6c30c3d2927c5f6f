"""Prompt templates: every lecture form assembles with its parts marked; bad templates are refused."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import errors
from core.prompting import (Example, PromptForm, PromptTemplate, assemble, count_tokens, template_to_dict,
                            templates_from_data)

PRESETS = Path(__file__).resolve().parents[2] / "assets" / "prompt_presets.json"


def _part_texts(assembled, role):
    return [assembled.text[p.start:p.end] for p in assembled.parts if p.role == role]


def test_presets_cover_every_form_and_assemble():
    templates = templates_from_data(json.loads(PRESETS.read_text(encoding="utf-8")))
    assert {t.form for t in templates} == set(PromptForm)
    for t in templates:
        a = assemble(t)
        assert t.query.strip() in "".join(_part_texts(a, "query"))
        assert all(0 <= p.start < p.end <= len(a.text) for p in a.parts)
        assert template_to_dict(t)["name"] == t.name


def test_few_shot_examples_appear_in_order_before_the_query():
    t = PromptTemplate("s", PromptForm.FEW_SHOT, query="q?", instruction="Do it.",
                       examples=(Example("one", "1"), Example("two", "2")), input_label="In: ", output_label="Out: ")
    a = assemble(t)
    assert _part_texts(a, "instruction") == ["Do it.\n\n"]
    assert _part_texts(a, "example") == ["In: one\nOut: 1", "In: two\nOut: 2"]
    assert a.text.endswith("In: q?\nOut:")
    swapped = assemble(PromptTemplate("s", PromptForm.FEW_SHOT, query="q?", examples=t.examples[::-1]))
    assert swapped.text.index("two") < swapped.text.index("one")


def test_chain_of_thought_puts_reasoning_before_the_answer():
    t = PromptTemplate("c", PromptForm.CHAIN_OF_THOUGHT, query="2+2?", input_label="Q: ", output_label="A: ",
                       examples=(Example("1+1?", "The answer is 2.", "One plus one is two."),),
                       cue="Let's think step by step.")
    a = assemble(t)
    assert "A: One plus one is two. The answer is 2." in a.text
    assert a.text.endswith("Q: 2+2?\nA: Let's think step by step.")


def test_t5_prefix_and_instruction_placeholder():
    a = assemble(PromptTemplate("t", PromptForm.T5_PREFIX, query="The house is small.",
                                prefix="translate English to German:"))
    assert a.text == "translate English to German: The house is small."
    assert _part_texts(a, "prefix") == ["translate English to German: "]
    b = assemble(PromptTemplate("i", PromptForm.INSTRUCTION, query="Great film!",
                                instruction="Review: {input}\nIs it positive or negative?"))
    assert b.text == "Review: Great film!\nIs it positive or negative?"
    assert _part_texts(b, "query") == ["Great film!"]


def test_template_without_query_or_with_half_examples_is_refused():
    with pytest.raises(errors.TemplateError, match="no query"):
        assemble(PromptTemplate("x", PromptForm.ZERO_SHOT, query="   "))
    with pytest.raises(errors.TemplateError, match="Example 1"):
        assemble(PromptTemplate("x", PromptForm.FEW_SHOT, query="q", examples=(Example("in", ""),)))
    with pytest.raises(errors.TemplateError):
        templates_from_data([{"name": "bad", "form": "telepathy", "query": "q"}])


def test_token_count_matches_the_tokenizer(stories260k_dir):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(stories260k_dir)
    text = assemble(PromptTemplate("z", PromptForm.ZERO_SHOT, query="Once upon a time", input_label="",
                                   output_label="")).text
    assert count_tokens(tok, text) == len(tok(text)["input_ids"]) > 3


def test_without_labels_the_query_is_continued_directly():
    a = assemble(PromptTemplate("story", PromptForm.ZERO_SHOT, query="Tom gave the ball to his", input_label="",
                                output_label=""))
    assert a.text == "Tom gave the ball to his"
    b = assemble(PromptTemplate("pattern", PromptForm.FEW_SHOT, query="Ben had a car.", input_label="",
                                output_label="", separator="\n", examples=(Example("Sam had a ball.", "He played."),)))
    assert b.text == "Sam had a ball. He played.\nBen had a car."
