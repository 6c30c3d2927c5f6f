"""Dataset files: reading, column mapping, validation by line number, sub-word label alignment."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import errors
from core.datasets import (ColumnMapping, Task, align_word_labels, build_dataset, check_label_mask,
                           decode_first_subword, guess_mapping, load_dataset, read_table, sample_path,
                           split_dataset)


@pytest.mark.parametrize("task", list(Task))
def test_every_sample_dataset_loads_with_a_few_hundred_rows(task: Task) -> None:
    ds = load_dataset(sample_path(task), task)
    assert 250 <= len(ds) <= 400
    if task is not Task.CAUSAL_LM:
        assert len(ds.labels) >= 2
    assert (sample_path(task).parent / "README.md").read_text().count("PLM Studio") >= 1


def test_sample_labels() -> None:
    assert load_dataset(sample_path(Task.CLASSIFY), Task.CLASSIFY).labels == ("negative", "positive")
    assert load_dataset(sample_path(Task.PAIR), Task.PAIR).labels == ("contradiction", "entailment", "neutral")
    ner = load_dataset(sample_path(Task.TOKENS), Task.TOKENS)
    assert ner.labels[0] == "O" and {"B-PER", "I-PER", "B-LOC", "B-ANIMAL"} <= set(ner.labels)
    spans = load_dataset(sample_path(Task.SPANS), Task.SPANS)
    assert spans.labels[0] == "none"
    nested = [ex for ex in spans.examples
              if any(a <= c and d <= b and (a, b) != (c, d) for a, b, _ in ex.spans for c, d, _ in ex.spans)]
    assert nested, "the span sample must contain nested entities"


def test_malformed_csv_is_refused_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text('text,label\n"fine row",positive\n"ragged",positive,extra\n"multi\nline ok",negative\n'
                 'too few\n"",negative\n', encoding="utf-8")
    with pytest.raises(errors.DatasetError) as info:
        load_dataset(f, Task.CLASSIFY)
    lines = [ln for ln, _ in info.value.problems]
    assert lines == [3, 6]  # ragged rows: line 3 (3 fields) and line 6 (1 field); the quoted newline is fine
    assert "line 3" in info.value.message and "nothing was loaded" in info.value.hint


def test_empty_cells_and_unknown_labels_by_line(tmp_path: Path) -> None:
    f = tmp_path / "d.tsv"
    f.write_text("premise\thypothesis\tlabel\nA cat sat.\tA cat.\tentailment\nA dog.\t\tneutral\n"
                 "A bird.\tA bird flew.\tmaybe\n", encoding="utf-8")
    table = read_table(f)
    with pytest.raises(errors.DatasetError) as info:
        build_dataset(table, Task.PAIR, guess_mapping(Task.PAIR, table.columns),
                      labels=("entailment", "neutral", "contradiction"))
    assert [ln for ln, _ in info.value.problems] == [3, 4]
    assert "unknown label 'maybe'" in info.value.message


def test_bad_utf8_and_bad_json_lines(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_bytes(b'{"tokens": ["a"], "tags": ["O"]}\n{"tokens": ["\xff\xfe"]}\n')
    with pytest.raises(errors.DatasetError) as info:
        read_table(f)
    assert info.value.problems[0][0] == 2 and "UTF-8" in info.value.message
    g = tmp_path / "bad2.jsonl"
    g.write_text('{"tokens": ["Tom"], "tags": ["B-PER"]}\n[1, 2]\n{"tokens": ["x", "y"], "tags": ["O"]}\n'
                 '{"tokens": ["x"], "tags": ["X-Y"]}\n{oops\n', encoding="utf-8")
    with pytest.raises(errors.DatasetError) as info:
        load_dataset(g, Task.TOKENS)
    assert [ln for ln, _ in info.value.problems] == [2, 5]  # structure first: nothing is half-checked
    g.write_text('{"tokens": ["Tom"], "tags": ["B-PER"]}\n{"tokens": ["x", "y"], "tags": ["O"]}\n'
                 '{"tokens": ["x"], "tags": ["X-Y"]}\n', encoding="utf-8")
    with pytest.raises(errors.DatasetError) as info:
        load_dataset(g, Task.TOKENS)
    assert [ln for ln, _ in info.value.problems] == [2, 3]


def test_spans_outside_the_sentence_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    rows = [{"tokens": ["Tom", "ran"], "spans": [[0, 0, "PER"]]}, {"tokens": ["a"], "spans": [[0, 3, "PER"]]}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(errors.DatasetError) as info:
        load_dataset(f, Task.SPANS)
    assert info.value.problems[0][0] == 2


def test_missing_column_mapping_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text("sentence,stars\nnice,5\nbad,1\n")
    table = read_table(f)
    with pytest.raises(errors.DatasetError, match="label"):
        build_dataset(table, Task.CLASSIFY, guess_mapping(Task.CLASSIFY, table.columns))
    ds = build_dataset(table, Task.CLASSIFY, ColumnMapping(text="sentence", label="stars"))
    assert ds.labels == ("1", "5") and [e.line for e in ds.examples] == [2, 3]


def test_one_class_only_is_nothing_to_train(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text("text,label\nnice,pos\ngood,pos\n")
    with pytest.raises(errors.NothingToTrainError):
        load_dataset(f, Task.CLASSIFY)
    g = tmp_path / "t.jsonl"
    g.write_text('{"tokens": ["a", "b"], "tags": ["O", "O"]}\n')
    with pytest.raises(errors.NothingToTrainError):
        load_dataset(g, Task.TOKENS)


def test_label_mask_check() -> None:
    with pytest.raises(errors.NothingToTrainError, match="-100"):
        check_label_mask([[-100, -100], [-100]])
    with pytest.raises(errors.NothingToTrainError, match="one class"):
        check_label_mask([1, 1, 1], n_classes=2)
    check_label_mask([[-100, 2, -100]])
    check_label_mask([0, 1], n_classes=2)


def test_alignment_first_vs_every_subword_by_hand() -> None:
    word_ids = [None, 0, 1, 1, 1, 2, None]
    assert align_word_labels(word_ids, [3, 5, 7]) == [-100, 3, 5, -100, -100, 7, -100]
    assert align_word_labels(word_ids, [3, 5, 7], every_subword=True) == [-100, 3, 5, 5, 5, 7, -100]
    assert decode_first_subword(word_ids, [9, 1, 2, 8, 8, 4, 9]) == [1, 2, 4]


def test_alignment_on_the_real_wordpiece_tokenizer(minilm_dir: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(minilm_dir)
    words = ["Lily", "visited", "Grandmotherland"]
    enc = tok(words, is_split_into_words=True)
    pieces = tok.convert_ids_to_tokens(enc["input_ids"])
    labels = align_word_labels(enc.word_ids(), [1, 0, 2])
    # Hand-checked: the made-up word is cut into several pieces; only the first carries B-LOC (2).
    assert pieces[0] == "[CLS]" and pieces[-1] == "[SEP]"
    assert pieces[1:3] == ["lily", "visited"] and pieces[3] == "grandmother" and pieces[4].startswith("##")
    assert labels == [-100, 1, 0, 2] + [-100] * (len(pieces) - 5) + [-100]
    every = align_word_labels(enc.word_ids(), [1, 0, 2], every_subword=True)
    assert every == [-100, 1, 0] + [2] * (len(pieces) - 4) + [-100]


def test_split_is_seeded_and_disjoint() -> None:
    ds = load_dataset(sample_path(Task.CLASSIFY), Task.CLASSIFY)
    a_train, a_val = split_dataset(ds, 0.2, seed=1)
    b_train, b_val = split_dataset(ds, 0.2, seed=1)
    assert a_val == b_val and len(a_val) == 64 and len(a_train) == 256
    assert not {e.line for e in a_train} & {e.line for e in a_val}
    assert split_dataset(ds, 0.2, seed=2)[1] != a_val
