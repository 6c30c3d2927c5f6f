"""Fine-tuning data: read CSV/TSV/JSONL/TXT files, map columns, validate with line numbers.

Nothing is half-loaded: :func:`read_table` and :func:`build_dataset` either return a
complete, checked dataset or raise :class:`core.errors.DatasetError` listing every bad row
as ``(line number, reason)``.
"""
from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import errors

MAX_PROBLEMS = 20
ASSETS_DATASETS = Path(__file__).resolve().parents[1] / "assets" / "datasets"


class Task(str, enum.Enum):
    """The lecture's fine-tuning task shapes."""

    CLASSIFY = "classify"        # y = softmax(W h_CLS) (last token for decoders)
    PAIR = "pair"                # [CLS] A [SEP] B [SEP]
    TOKENS = "tokens"            # BIO token labelling
    SPANS = "spans"              # span classification over all spans up to L words
    CAUSAL_LM = "causal_lm"      # a decoder learns a style


SAMPLE_FILES = {Task.CLASSIFY: "sentiment.csv", Task.PAIR: "nli.tsv", Task.TOKENS: "ner.jsonl",
                Task.SPANS: "spans.jsonl", Task.CAUSAL_LM: "pirate_style.txt"}


def sample_path(task: Task) -> Path:
    """The shipped sample dataset for ``task``."""
    return ASSETS_DATASETS / SAMPLE_FILES[Task(task)]


@dataclass(frozen=True)
class Table:
    """Rows of a data file; ``lines[i]`` is the 1-based file line of ``rows[i]``."""

    path: str
    fmt: str                                 # "csv" | "tsv" | "jsonl" | "txt"
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]
    lines: tuple[int, ...]

    def preview(self, n: int = 8) -> list[list[str]]:
        """The first ``n`` rows as strings, for a preview table."""
        return [[_short(r.get(c)) for c in self.columns] for r in self.rows[:n]]


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns hold what. Unused roles are ``None``."""

    text: str | None = None
    text_b: str | None = None
    label: str | None = None
    tokens: str | None = None
    tags: str | None = None
    spans: str | None = None


@dataclass(frozen=True)
class Example:
    """One checked training row (fields used depend on the task)."""

    line: int
    text: str = ""
    text_b: str = ""
    label: str = ""
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    spans: tuple[tuple[int, int, str], ...] = ()   # inclusive word indices


@dataclass(frozen=True)
class TaskDataset:
    """A validated dataset for one task; ``labels`` is the label vocabulary (index = class id)."""

    task: Task
    source: str
    examples: tuple[Example, ...]
    labels: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.examples)


def _short(v: Any, n: int = 60) -> str:
    s = " ".join(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else (
        "" if v is None else str(v))
    return s if len(s) <= n else s[:n - 1] + "…"


def _fail(path: str, problems: list[tuple[int, str]], what: str = "has bad rows") -> errors.DatasetError:
    shown = problems[:MAX_PROBLEMS]
    listing = "; ".join(f"line {ln}: {why}" for ln, why in shown)
    more = f" (and {len(problems) - len(shown)} more)" if len(problems) > len(shown) else ""
    return errors.DatasetError(f"'{Path(path).name}' {what}: {listing}{more}.",
                               hint="Fix these rows and load the file again; nothing was loaded.",
                               problems=tuple(problems))


def read_table(path: str | Path, fmt: str | None = None) -> Table:
    """Read a CSV, TSV, JSONL or TXT (one text per line) file, checking every row."""
    p = Path(path)
    if not p.is_file():
        raise errors.DatasetError(f"The file '{p}' does not exist.", hint="Pick a CSV, TSV, JSONL or TXT file.")
    fmt = fmt or {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".json": "jsonl", ".txt": "txt"}.get(
        p.suffix.lower(), "")
    if not fmt:
        raise errors.DatasetError(f"'{p.name}' is not a CSV, TSV, JSONL or TXT file.")
    raw = p.read_bytes()
    problems: list[tuple[int, str]] = []
    text_lines: list[str] = []
    for i, line in enumerate(raw.split(b"\n"), start=1):
        try:
            text_lines.append(line.decode("utf-8-sig" if i == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            problems.append((i, f"not UTF-8 text (byte {exc.start + 1})"))
            text_lines.append("")
    if problems:
        raise _fail(str(p), problems, "is not UTF-8 text")
    text = "\n".join(text_lines)
    if fmt == "txt":
        rows = [({"text": s.strip()}, i) for i, s in enumerate(text_lines, 1) if s.strip()]
        columns: tuple[str, ...] = ("text",)
    elif fmt == "jsonl":
        rows, columns = _read_jsonl(text_lines, problems)
    else:
        rows, columns = _read_delimited(text, "\t" if fmt == "tsv" else ",", problems)
    if problems:
        raise _fail(str(p), problems)
    if not rows:
        raise errors.DatasetError(f"'{p.name}' has no data rows.", hint="The file is empty or only a header.")
    return Table(str(p), fmt, columns, tuple(r for r, _ in rows), tuple(ln for _, ln in rows))


def _read_jsonl(lines: list[str], problems: list[tuple[int, str]]) -> tuple[list, tuple[str, ...]]:
    rows, columns = [], []
    for i, s in enumerate(lines, 1):
        if not s.strip():
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as exc:
            problems.append((i, f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            problems.append((i, "not a JSON object"))
            continue
        columns.extend(k for k in obj if k not in columns)
        rows.append((obj, i))
    return rows, tuple(columns)


def _read_delimited(text: str, delim: str, problems: list[tuple[int, str]]) -> tuple[list, tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader)
    except StopIteration:
        return [], ()
    except csv.Error as exc:
        problems.append((1, f"unreadable header ({exc})"))
        return [], ()
    header = [h.strip() for h in header]
    if len(set(header)) != len(header) or any(not h for h in header):
        problems.append((1, "the header has empty or repeated column names"))
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append((start, f"unreadable row ({exc})"))
            continue
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append((start, f"{len(cells)} fields, the header has {len(header)}"))
            continue
        rows.append((dict(zip(header, cells)), start))
    return rows, tuple(header)


def guess_mapping(task: Task, columns: Sequence[str]) -> ColumnMapping:
    """A first guess at the column roles from common column names."""
    low = {c.lower(): c for c in columns}

    def pick(*names: str) -> str | None:
        return next((low[n] for n in names if n in low), None)

    task = Task(task)
    if task is Task.TOKENS:
        return ColumnMapping(tokens=pick("tokens", "words"), tags=pick("tags", "ner_tags", "labels", "label"))
    if task is Task.SPANS:
        return ColumnMapping(tokens=pick("tokens", "words"), spans=pick("spans", "entities"))
    first = pick("text", "sentence", "premise", "sentence1", "question", "content") or (
        columns[0] if columns else None)
    if task is Task.CAUSAL_LM:
        return ColumnMapping(text=first)
    label = pick("label", "labels", "class", "category", "sentiment")
    if task is Task.PAIR:
        return ColumnMapping(text=first, text_b=pick("hypothesis", "text_b", "sentence2", "text2", "answer"),
                             label=label)
    return ColumnMapping(text=first, label=label)


def _words(v: Any) -> list[str] | None:
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    if isinstance(v, str):
        return v.split()
    return None


def build_dataset(table: Table, task: Task, mapping: ColumnMapping,
                  labels: Sequence[str] | None = None) -> TaskDataset:
    """Check every row against the task and the mapping; return the examples or raise.

    ``labels`` fixes the label vocabulary (rows with other labels are refused); by default
    it is taken from the data (sorted). Raises ``DatasetError`` with line numbers, and
    ``NothingToTrainError`` when there is a single class.
    """
    task = Task(task)
    needed = {Task.CLASSIFY: ("text", "label"), Task.PAIR: ("text", "text_b", "label"),
              Task.TOKENS: ("tokens", "tags"), Task.SPANS: ("tokens", "spans"),
              Task.CAUSAL_LM: ("text",)}[task]
    for role in needed:
        col = getattr(mapping, role)
        if col is None or col not in table.columns:
            raise errors.DatasetError(
                f"No column is mapped to '{role}' (columns: {', '.join(table.columns)}).",
                hint="Choose the column for each role in the column mapping.")
    problems: list[tuple[int, str]] = []
    out: list[Example] = []
    known = set(labels) if labels is not None else None
    for row, line in zip(table.rows, table.lines):
        ex = _row_example(task, mapping, row, line, known, problems)
        if ex is not None:
            out.append(ex)
    if problems:
        raise _fail(table.path, problems)
    vocab = tuple(labels) if labels is not None else _label_vocab(task, out)
    if task is not Task.CAUSAL_LM:
        used = {lab for ex in out for lab in _example_labels(task, ex)}
        if task is Task.TOKENS:
            used.discard("O")
        if len(used) < (1 if task in (Task.TOKENS, Task.SPANS) else 2):
            raise errors.NothingToTrainError(
                f"'{Path(table.path).name}' has only {len(used)} class(es): {', '.join(sorted(used)) or 'none'}.",
                hint="A classifier needs examples of at least two classes (or some entities) to learn anything.")
    return TaskDataset(task, table.path, tuple(out), vocab)


def _example_labels(task: Task, ex: Example) -> list[str]:
    if task is Task.TOKENS:
        return list(ex.tags)
    if task is Task.SPANS:
        return [s[2] for s in ex.spans]
    return [ex.label]


def _label_vocab(task: Task, examples: list[Example]) -> tuple[str, ...]:
    if task is Task.CAUSAL_LM:
        return ()
    if task is Task.TOKENS:
        types = sorted({t[2:] for ex in examples for t in ex.tags if t != "O"})
        return ("O", *[f"{p}-{t}" for t in types for p in ("B", "I")])
    if task is Task.SPANS:
        return ("none", *sorted({s[2] for ex in examples for s in ex.spans}))
    return tuple(sorted({ex.label for ex in examples}))


def _row_example(task: Task, m: ColumnMapping, row: Mapping[str, Any], line: int, known: set[str] | None,
                 problems: list[tuple[int, str]]) -> Example | None:
    def text(col: str | None, role: str) -> str | None:
        v = row.get(col) if col else None
        if v is None or (isinstance(v, str) and not v.strip()):
            problems.append((line, f"empty '{col}' ({role})"))
            return None
        return str(v).strip()

    if task in (Task.CLASSIFY, Task.PAIR, Task.CAUSAL_LM):
        t = text(m.text, "text")
        b = text(m.text_b, "second sentence") if task is Task.PAIR else ""
        lab = text(m.label, "label") if task is not Task.CAUSAL_LM else ""
        if t is None or b is None or lab is None:
            return None
        if known is not None and task is not Task.CAUSAL_LM and lab not in known:
            problems.append((line, f"unknown label '{lab}'"))
            return None
        return Example(line=line, text=t, text_b=b or "", label=lab or "")
    words = _words(row.get(m.tokens))
    if not words:
        problems.append((line, f"'{m.tokens}' is missing or not a list of words"))
        return None
    if task is Task.TOKENS:
        tags = _words(row.get(m.tags))
        if tags is None or len(tags) != len(words):
            problems.append((line, f"{len(tags) if tags else 0} tags for {len(words)} words"))
            return None
        for t in tags:
            if t != "O" and not (t[:2] in ("B-", "I-") and len(t) > 2):
                problems.append((line, f"tag '{t}' is not BIO (O, B-X, I-X)"))
                return None
            if known is not None and t not in known:
                problems.append((line, f"unknown tag '{t}'"))
                return None
        return Example(line=line, words=tuple(words), tags=tuple(tags))
    spans = row.get(m.spans)
    if not isinstance(spans, list):
        problems.append((line, f"'{m.spans}' must be a list of [first word, last word, label]"))
        return None
    good: list[tuple[int, int, str]] = []
    for s in spans:
        if (not isinstance(s, (list, tuple)) or len(s) != 3 or not isinstance(s[0], int)
                or not isinstance(s[1], int) or not isinstance(s[2], str)):
            problems.append((line, f"span {s!r} is not [first word, last word, label]"))
            return None
        if not 0 <= s[0] <= s[1] < len(words):
            problems.append((line, f"span {s!r} is outside the {len(words)} words"))
            return None
        if known is not None and s[2] not in known:
            problems.append((line, f"unknown span label '{s[2]}'"))
            return None
        good.append((s[0], s[1], s[2]))
    return Example(line=line, words=tuple(words), spans=tuple(good))


def load_dataset(path: str | Path, task: Task, mapping: ColumnMapping | None = None,
                 labels: Sequence[str] | None = None) -> TaskDataset:
    """``read_table`` + ``build_dataset`` (mapping guessed from the column names if not given)."""
    table = read_table(path)
    return build_dataset(table, task, mapping or guess_mapping(task, table.columns), labels)


def split_dataset(ds: TaskDataset, val_fraction: float, seed: int) -> tuple[list[Example], list[Example]]:
    """A seeded train/validation split (at least one example on each side when possible)."""
    import random

    idx = list(range(len(ds.examples)))
    random.Random(seed).shuffle(idx)
    n_val = int(round(val_fraction * len(idx))) if val_fraction > 0 else 0
    n_val = min(max(n_val, 1 if val_fraction > 0 and len(idx) > 1 else 0), len(idx) - 1)
    val = [ds.examples[i] for i in idx[:n_val]]
    train = [ds.examples[i] for i in idx[n_val:]]
    return train, val


# ---------------------------------------------------------------------------- sub-word alignment
def align_word_labels(word_ids: Sequence[int | None], word_labels: Sequence[int],
                      every_subword: bool = False) -> list[int]:
    """Per-token labels from per-word labels (the lecture's alignment).

    Special tokens get -100. A word's first sub-word gets its label; the other sub-words
    get -100, or with ``every_subword`` the word's label too.
    """
    out: list[int] = []
    previous: int | None = None
    for w in word_ids:
        if w is None:
            out.append(-100)
        elif w != previous:
            out.append(int(word_labels[w]))
        else:
            out.append(int(word_labels[w]) if every_subword else -100)
        previous = w
    return out


def decode_first_subword(word_ids: Sequence[int | None], token_predictions: Sequence[int]) -> list[int]:
    """Per-word predictions: each word takes the prediction at its first sub-word."""
    words: dict[int, int] = {}
    for w, p in zip(word_ids, token_predictions):
        if w is not None and w not in words:
            words[w] = int(p)
    return [words[w] for w in sorted(words)]


def check_label_mask(label_rows: Sequence[Sequence[int]], n_classes: int | None = None) -> None:
    """Refuse a run with nothing to train on: every label −100, or a single class.

    ``label_rows`` are the encoded label sequences (or single labels) of the training set.
    """
    seen: set[int] = set()
    for row in label_rows:
        for v in (row if isinstance(row, (list, tuple)) else [row]):
            if v != -100:
                seen.add(int(v))
    if not seen:
        raise errors.NothingToTrainError(
            "Every training label is ignored (-100): the loss would be zero and nothing would train.",
            hint="Check the tags column and the maximum length (words cut off lose their labels).")
    if n_classes is not None and n_classes > 1 and len(seen) < 2:
        raise errors.NothingToTrainError(
            f"Only one class ({next(iter(seen))}) is left to train on.",
            hint="The model would learn to always answer it; add examples of the other classes.")
