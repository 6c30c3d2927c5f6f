"""Per-task pieces of fine-tuning: encoding, collation, objective (loss + metrics) and probe.

Each task plugs into the training engine (:mod:`core.training`) through an objective
(``loss``/``evaluate``) and a ``collate``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from . import errors
from .cls_fast import cls_loss, supports_cls_fast
from .datasets import Example, Task, align_word_labels, decode_first_subword
from .finetune_types import ProbeResult
from .spans import WORD_RE
from .strategies import is_peft

MODEL_KEYS = ("input_ids", "attention_mask", "token_type_ids", "labels")


def _tok_words(tokenizer: Any, words: Sequence[str], max_length: int) -> Any:
    try:
        return tokenizer(list(words), is_split_into_words=True, truncation=True, max_length=max_length)
    except (ValueError, TypeError, AssertionError) as exc:
        raise errors.TrainingError(f"This tokenizer cannot take pre-split words: {exc}",
                                   hint="Token labelling needs a tokenizer that accepts words.") from exc


def encode(task: Task, examples: Sequence[Example], tokenizer: Any, labels: Sequence[str], max_length: int,
           every_subword: bool = False, max_span_words: int = 8) -> list[dict[str, Any]]:
    """Token ids and targets of each example (plain lists; ``collate`` pads them)."""
    index = {lab: i for i, lab in enumerate(labels)}
    out: list[dict[str, Any]] = []
    for ex in examples:
        if task in (Task.CLASSIFY, Task.PAIR):
            enc = tokenizer(ex.text, ex.text_b or None, truncation=True, max_length=max_length)
            feat = {"input_ids": enc["input_ids"], "labels": index[ex.label]}
            if "token_type_ids" in enc:
                feat["token_type_ids"] = enc["token_type_ids"]
        elif task is Task.CAUSAL_LM:
            ids = tokenizer(ex.text, truncation=True, max_length=max_length - 1)["input_ids"]
            if tokenizer.eos_token_id is not None:
                ids = ids + [tokenizer.eos_token_id]
            feat = {"input_ids": ids, "labels": list(ids)}
        elif task is Task.TOKENS:
            enc = _tok_words(tokenizer, ex.words, max_length)
            wids = enc.word_ids()
            tags = [index[t] for t in ex.tags]
            feat = {"input_ids": enc["input_ids"], "labels": align_word_labels(wids, tags, every_subword),
                    "first": align_word_labels(wids, [1] * len(tags), False)}
            if "token_type_ids" in enc:
                feat["token_type_ids"] = enc["token_type_ids"]
        else:
            enc = _tok_words(tokenizer, ex.words, max_length)
            feat = {"input_ids": enc["input_ids"], **span_candidates(enc.word_ids(), ex.spans, index,
                                                                     max_span_words)}
        out.append(feat)
    return out


def span_candidates(word_ids: Sequence[int | None], gold: Sequence[tuple[int, int, str]],
                    index: dict[str, int], max_span_words: int) -> dict[str, list]:
    """All word spans up to ``max_span_words`` that survived truncation, as token spans.

    A span's token span runs from its first word's first sub-word to its last word's last
    sub-word. Label 0 ("none") for spans that are not entities.
    """
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for t, w in enumerate(word_ids):
        if w is not None:
            first.setdefault(w, t)
            last[w] = t
    gold_map = {(a, b): index[lab] for a, b, lab in gold}
    n = len(first)
    spans, labels, words = [], [], []
    for i in range(n):
        for j in range(i, min(n, i + max_span_words)):
            spans.append((first[i], last[j]))
            labels.append(gold_map.get((i, j), 0))
            words.append((i, j))
    return {"spans": spans, "span_labels": labels, "span_words": words}


def make_collate(task: Task, pad_id: int):
    """``collate(features, rng) -> dict of tensors`` padding to the longest in the batch."""
    import torch

    def collate(feats: list[dict[str, Any]], rng: Any = None) -> dict[str, Any]:
        width = max(len(f["input_ids"]) for f in feats)
        b = len(feats)
        ids = torch.full((b, width), pad_id, dtype=torch.long)
        mask = torch.zeros((b, width), dtype=torch.long)
        for i, f in enumerate(feats):
            ids[i, :len(f["input_ids"])] = torch.tensor(f["input_ids"])
            mask[i, :len(f["input_ids"])] = 1
        batch: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in feats[0]:
            tt = torch.zeros((b, width), dtype=torch.long)
            for i, f in enumerate(feats):
                tt[i, :len(f["token_type_ids"])] = torch.tensor(f["token_type_ids"])
            batch["token_type_ids"] = tt
        if task in (Task.CLASSIFY, Task.PAIR):
            batch["labels"] = torch.tensor([f["labels"] for f in feats], dtype=torch.long)
        elif task in (Task.TOKENS, Task.CAUSAL_LM):
            lab = torch.full((b, width), -100, dtype=torch.long)
            for i, f in enumerate(feats):
                lab[i, :len(f["labels"])] = torch.tensor(f["labels"])
            batch["labels"] = lab
            if task is Task.TOKENS:
                first = torch.full((b, width), -100, dtype=torch.long)
                for i, f in enumerate(feats):
                    first[i, :len(f["first"])] = torch.tensor(f["first"])
                batch["first"] = first
        else:
            rows = [(i, s, e) for i, f in enumerate(feats) for s, e in f["spans"]]
            batch["span_index"] = torch.tensor(rows, dtype=torch.long).reshape(-1, 3)
            batch["span_labels"] = torch.tensor([v for f in feats for v in f["span_labels"]], dtype=torch.long)
        return batch

    return collate


def _model_inputs(batch: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in batch.items() if k in MODEL_KEYS}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def bio_entities(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(first word, last word, type) of each entity in a BIO sequence (an I- without B- starts one)."""
    out, start, typ = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i - 1, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return out


class TaskObjective:
    """Loss and evaluation metrics of one task; keeps the last confusion matrix for the GUI."""

    def __init__(self, task: Task, labels: Sequence[str], *, cls_fast: bool = True) -> None:
        self.task = task
        self.labels = tuple(labels)
        self.last_confusion: np.ndarray | None = None
        self.cls_fast = cls_fast            # [CLS] tasks: last layer computed at [CLS] only (core.cls_fast)

    def loss(self, model: Any, batch: dict[str, Any]) -> Any:
        if self.task is Task.SPANS:
            import torch.nn.functional as F

            logits = model(**_model_inputs(batch), span_index=batch["span_index"])
            return F.cross_entropy(logits.float(), batch["span_labels"])
        if self.task in (Task.CLASSIFY, Task.PAIR) and self.cls_fast and supports_cls_fast(model):
            return cls_loss(model, batch)  # the last layer at [CLS] only: what this loss reads
        return model(**_model_inputs(batch)).loss

    def evaluate(self, model: Any, batches: Iterable[dict[str, Any]]) -> dict[str, float]:
        import torch

        n = len(self.labels)
        conf = np.zeros((max(n, 1), max(n, 1)), dtype=np.int64)
        losses: list[float] = []
        tp = fp = fn = 0
        for batch in batches:
            if self.task is Task.SPANS:
                logits = model(**_model_inputs(batch), span_index=batch["span_index"]).float()
                losses.append(float(torch.nn.functional.cross_entropy(logits, batch["span_labels"])))
                pred = logits.argmax(-1).cpu().numpy()
                gold = batch["span_labels"].cpu().numpy()
                np.add.at(conf, (gold, pred), 1)
                tp += int(((pred == gold) & (gold != 0)).sum())
                fp += int(((pred != 0) & (pred != gold)).sum())
                fn += int(((gold != 0) & (pred != gold)).sum())
                continue
            out = model(**_model_inputs(batch))
            losses.append(float(out.loss))
            if self.task is Task.CAUSAL_LM:
                continue
            pred = out.logits.argmax(-1).cpu().numpy()
            gold = batch["labels"].cpu().numpy()
            if self.task is Task.TOKENS:
                first = batch["first"].cpu().numpy() == 1
                for p_row, g_row, m_row in zip(pred, gold, first):
                    ptags = [self.labels[i] for i in p_row[m_row]]
                    gtags = [self.labels[i] for i in g_row[m_row]]
                    np.add.at(conf, (g_row[m_row], p_row[m_row]), 1)
                    pe, ge = bio_entities(ptags), bio_entities(gtags)
                    tp, fp, fn = tp + len(pe & ge), fp + len(pe - ge), fn + len(ge - pe)
            else:
                np.add.at(conf, (gold, pred), 1)
        mean_loss = float(np.mean(losses)) if losses else float("nan")
        if self.task is Task.CAUSAL_LM:
            return {"loss": mean_loss, "perplexity": float(np.exp(min(mean_loss, 50.0)))}
        self.last_confusion = conf
        acc = float(np.trace(conf) / conf.sum()) if conf.sum() else 0.0
        if self.task in (Task.TOKENS, Task.SPANS):
            return {"loss": mean_loss, "accuracy": acc, "f1": _f1(tp, fp, fn)}
        f1s = [_f1(int(conf[i, i]), int(conf[:, i].sum() - conf[i, i]), int(conf[i].sum() - conf[i, i]))
               for i in range(n)]
        return {"loss": mean_loss, "accuracy": acc, "f1": float(np.mean(f1s))}


def _inner(model: Any) -> Any:
    return model.get_base_model() if is_peft(model) else model


def _forward_with_attentions(model: Any, inputs: dict[str, Any], **extra: Any) -> tuple[Any, np.ndarray | None]:
    """One forward pass with attention weights: eager attention just for this call."""
    inner = _inner(model)
    encoder = getattr(inner, "encoder_model", inner)
    setter = getattr(encoder, "set_attn_implementation", None)
    prev = getattr(getattr(encoder, "config", None), "_attn_implementation", None)
    if setter is None or prev is None:
        return model(**inputs, **extra), None
    setter("eager")
    try:
        out = model(**inputs, **extra, output_attentions=True)
    finally:
        setter(prev)
    att = getattr(out, "attentions", None) if not isinstance(out, tuple) else out[1]
    if isinstance(out, tuple):
        out = out[0]
    arr = np.stack([a[0].float().cpu().numpy() for a in att]) if att else None
    return out, arr


def run_probe(task: Task, model: Any, tokenizer: Any, labels: Sequence[str], text: str, text_b: str = "",
              max_length: int = 128, max_new_tokens: int = 20, max_span_words: int = 8) -> ProbeResult | None:
    """The probe sentence through ``model`` (eval mode, no grad); ``None`` for an empty probe."""
    import torch

    if not text.strip():
        return None
    device = next(model.parameters()).device
    if task is Task.CAUSAL_LM:
        ids = tokenizer(text, return_tensors="pt")["input_ids"].to(device)
        out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=max_new_tokens,
                             do_sample=False, pad_token_id=tokenizer.pad_token_id or tokenizer.eos_token_id)
        cont = tokenizer.decode(out[0, ids.shape[1]:], skip_special_tokens=True)
        return ProbeResult(kind="text", text=text, continuation=cont)
    if task in (Task.CLASSIFY, Task.PAIR):
        enc = tokenizer(text, text_b or None, truncation=True, max_length=max_length, return_tensors="pt")
        inputs = {k: v.to(device) for k, v in enc.items() if k in MODEL_KEYS}
        out, att = _forward_with_attentions(model, inputs)
        probs = torch.softmax(out.logits[0].float(), -1).cpu().numpy().astype(np.float32)
        return ProbeResult(kind="classes", text=text, text_b=text_b, labels=tuple(labels), probs=probs,
                           predicted=labels[int(probs.argmax())],
                           tokens=tuple(tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())),
                           attentions=att)
    words = WORD_RE.findall(text)
    enc = tokenizer(words, is_split_into_words=True, truncation=True, max_length=max_length, return_tensors="pt")
    inputs = {k: v.to(device) for k, v in enc.items() if k in MODEL_KEYS}
    tokens = tuple(tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist()))
    wids = enc.word_ids()
    if task is Task.TOKENS:
        out, att = _forward_with_attentions(model, inputs)
        pred = out.logits[0].argmax(-1).cpu().tolist()
        tags = tuple(labels[i] for i in decode_first_subword(wids, pred))
        return ProbeResult(kind="tags", text=text, words=tuple(words[:len(tags)]), tags=tags, labels=tuple(labels),
                           tokens=tokens, attentions=att)
    cand = span_candidates(wids, (), {lab: i for i, lab in enumerate(labels)}, max_span_words)
    span_index = torch.tensor([(0, s, e) for s, e in cand["spans"]], dtype=torch.long, device=device)
    logits, att = _forward_with_attentions(model, inputs, span_index=span_index)
    probs = torch.softmax(logits.float(), -1).cpu().numpy()
    found = []
    for (i, j), p in zip(cand["span_words"], probs):
        k = int(p.argmax())
        if k != 0:
            found.append((i, j, labels[k], float(p[k])))
    found.sort(key=lambda s: -s[3])
    return ProbeResult(kind="spans", text=text, words=tuple(words), spans=tuple(found[:12]), labels=tuple(labels),
                       tokens=tokens, attentions=att)
