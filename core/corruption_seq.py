"""Sequence-to-sequence and other corruption recipes: T5, BART, GLM, ELECTRA, NSP, causal LM.

Pure, seeded functions on a :class:`~core.corruption.TokenSeq`, like :mod:`core.corruption`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from . import errors
from .corruption import IGNORE, Corruption, Fate, TokenSeq, _need_content, _need_mask, bert_mlm

GLM_START = -10   # GLM's [START] token (shown as data only: no vocabulary has it)
GLM_END = -11     # GLM's [END] token


# ------------------------------------------------------------------------------ T5
def t5_noise_counts(length: int, noise_density: float = 0.15, mean_span: float = 3.0) -> tuple[int, int]:
    """(noise tokens, noise spans) for ``length`` tokens, exactly as T5's ``random_spans_noise_mask``."""
    length = max(length, 2)
    n_noise = int(round(length * noise_density))
    n_noise = min(max(n_noise, 1), length - 1)
    n_spans = max(int(round(n_noise / mean_span)), 1)
    return n_noise, n_spans


def _random_segmentation(rng: np.random.Generator, num_items: int, num_segments: int) -> np.ndarray:
    # T5: shuffle (num_segments - 1) segment starts among num_items - 1 gaps.
    first = np.arange(num_items - 1) < (num_segments - 1)
    rng.shuffle(first)
    segment_id = np.cumsum(np.pad(first, [[1, 0]]))
    return np.bincount(segment_id)


def t5_noise_mask(length: int, rng: np.random.Generator, noise_density: float = 0.15,
                  mean_span: float = 3.0) -> np.ndarray:
    """bool ``[length]``: T5's ``random_spans_noise_mask`` (starts with non-noise)."""
    orig = length
    length = max(length, 2)
    n_noise, n_spans = t5_noise_counts(length, noise_density, mean_span)
    noise_lengths = _random_segmentation(rng, n_noise, n_spans)
    nonnoise_lengths = _random_segmentation(rng, length - n_noise, n_spans)
    interleaved = np.stack([nonnoise_lengths, noise_lengths], axis=1).reshape(-1)
    starts = np.cumsum(interleaved)[:-1]
    indicator = np.zeros(length, dtype=np.int64)
    indicator[starts] = 1
    return (np.cumsum(indicator) % 2 == 1)[:orig]


def t5_span_corruption(seq: TokenSeq, seed: int, *, noise_density: float = 0.15,
                       mean_span: float = 3.0) -> Corruption:
    """T5's span corruption on the non-special tokens: each noise span becomes one sentinel
    ``<extra_id_k>`` in the input; the target is ``<extra_id_0> span₀ <extra_id_1> span₁ … </s>``.
    The input ends with the end-of-sequence token when the tokenizer has one."""
    content = _need_content(seq)
    rng = np.random.default_rng(seed)
    noise = t5_noise_mask(len(content), rng, noise_density, mean_span)
    fates = np.where(seq.special, Fate.SPECIAL, Fate.KEPT).astype(np.int8)
    span_ids = np.full(len(seq), -1, dtype=np.int32)
    inp: list[int] = []
    inp_src: list[int] = []
    tgt: list[int] = []
    tgt_src: list[int] = []
    lengths: list[int] = []
    k = -1
    for j, pos in enumerate(content):
        if noise[j]:
            if j == 0 or not noise[j - 1]:
                k += 1
                lengths.append(0)
                inp += [seq.sentinel(k)]
                inp_src += [-1]
                tgt += [seq.sentinel(k)]
                tgt_src += [-1]
            lengths[-1] += 1
            tgt.append(int(seq.ids[pos]))
            tgt_src.append(int(pos))
            fates[pos] = Fate.SPAN
            span_ids[pos] = k
        else:
            inp.append(int(seq.ids[pos]))
            inp_src.append(int(pos))
    if seq.eos_id is not None:
        inp.append(seq.eos_id)
        inp_src.append(-1)
        tgt.append(seq.eos_id)
        tgt_src.append(-1)
    return Corruption(
        recipe="t5", seed=seed, source=seq, input_ids=np.array(inp, dtype=np.int64),
        input_source=np.array(inp_src, dtype=np.int64), labels=np.full(len(inp), IGNORE, dtype=np.int64),
        fates=fates, span_ids=span_ids, span_lengths=np.array(lengths, dtype=np.int64),
        target_ids=np.array(tgt, dtype=np.int64), target_source=np.array(tgt_src, dtype=np.int64))


# ------------------------------------------------------------------------------ BART
def poisson_span_distribution(lam: float = 3.0) -> np.ndarray:
    """fairseq's span-length distribution: Poisson(λ) over 0, 1, … cut where P < 1e-7."""
    ps: list[float] = []
    term, fact = 1.0, 1.0
    for k in range(128):
        ps.append(math.exp(-lam) * term / fact)
        term *= lam
        fact *= k + 1
        if ps[-1] < 1e-7:
            break
    p = np.array(ps)
    return p / p.sum()


BART_PRESETS: dict[str, dict[str, float | str]] = {
    "token_masking": {"mask_ratio": 0.15, "span": "token"},
    "token_deletion": {"mask_ratio": 0.15, "span": "token", "replace_length": 0},
    "text_infilling": {"mask_ratio": 0.3, "span": "poisson"},
    "sentence_permutation": {"permute": 1.0},
    "document_rotation": {"rotate": 1.0},
    "infilling_permutation": {"mask_ratio": 0.3, "span": "poisson", "permute": 1.0},
}


@dataclass
class _Work:
    ids: np.ndarray
    src: np.ndarray    # original index; -1 inserted; -2 the boundary placeholders


def bart_noise(seq: TokenSeq, seed: int, *, mask_ratio: float = 0.0, span: str = "poisson",
               poisson_lambda: float = 3.0, replace_length: int = 1, random_ratio: float = 0.0,
               permute: float = 0.0, rotate: float = 0.0, insert: float = 0.0) -> Corruption:
    """BART noising as fairseq's ``DenoisingDataset``: sentence permutation, then (whole-word)
    masking or deletion with token or Poisson(λ) span lengths (zero-length spans insert a
    mask), insertion, then document rotation. The target is the original sequence.

    ``replace_length`` 1: a span becomes one mask; 0: it is deleted; -1: every token masked.
    Spans are counted in words (``span="poisson"``) or tokens (``span="token"``).
    """
    if mask_ratio > 0 or insert > 0:
        _need_mask(seq)
    content = _need_content(seq)
    rng = np.random.default_rng(seed)
    w = _Work(np.concatenate([[0], seq.ids[content], [0]]).astype(np.int64),
              np.concatenate([[-2], content, [-2]]).astype(np.int64))
    fates = np.where(seq.special, Fate.SPECIAL, Fate.KEPT).astype(np.int8)
    span_ids = np.full(len(seq), -1, dtype=np.int32)
    lengths_drawn: list[int] = []
    moved = np.zeros(len(seq), dtype=bool)
    if permute > 0:
        before = w.src.copy()
        _permute_sentences(w, seq, rng, permute)
        moved[w.src[(w.src >= 0) & (w.src != before)]] = True
    if mask_ratio > 0:
        lengths_drawn = _whole_word_mask(w, seq, rng, mask_ratio, span, poisson_lambda, replace_length,
                                         random_ratio, fates, span_ids)
        n_insert = sum(1 for x in lengths_drawn if x == 0)
        if n_insert:  # zero-length spans: insert a mask each (fairseq add_insertion_noise)
            _insert(w, seq, rng, n_insert, random_ratio)
    if insert > 0:
        _insert(w, seq, rng, math.ceil(len(w.ids) * insert), random_ratio)
    if rotate > 0 and rng.random() < rotate:
        n = len(w.ids)
        offset = int(rng.integers(1, max(1, n - 1) + 1))
        order = np.concatenate([[0], np.arange(offset, n - 1), np.arange(1, offset), [n - 1]])
        before = w.src.copy()
        w.ids, w.src = w.ids[order], w.src[order]
        moved[w.src[(w.src >= 0) & (w.src != before)]] = True
    keep_moved = moved & (fates == Fate.KEPT)
    fates[keep_moved] = Fate.MOVED
    lead = np.flatnonzero(seq.special[:content[0]])
    trail = content[-1] + 1 + np.flatnonzero(seq.special[content[-1] + 1:])
    ids = np.concatenate([seq.ids[lead], w.ids[1:-1], seq.ids[trail]])
    src = np.concatenate([lead, w.src[1:-1], trail])
    return Corruption(
        recipe="bart", seed=seed, source=seq, input_ids=ids.astype(np.int64), input_source=src.astype(np.int64),
        labels=np.full(len(ids), IGNORE, dtype=np.int64), fates=fates, span_ids=span_ids,
        span_lengths=np.array(lengths_drawn, dtype=np.int64), target_ids=seq.ids.copy(),
        target_source=np.arange(len(seq), dtype=np.int64))


def _permute_sentences(w: _Work, seq: TokenSeq, rng: np.random.Generator, p: float) -> None:
    full_stops = np.isin(w.ids, seq.full_stop_ids) & (w.src >= 0)
    full_stops[-2] = True  # the last sentence ends at the last content token
    ends = np.flatnonzero(full_stops[1:] & ~full_stops[:-1]) + 2
    n = len(ends)
    n_permute = math.ceil(n * 2 * p / 2.0)
    subs = rng.permutation(n)[:n_permute]
    ordering = np.arange(n)
    ordering[subs] = subs[rng.permutation(n_permute)]
    ids, src = w.ids.copy(), w.src.copy()
    index = 1
    for i in ordering:
        start = ends[i - 1] if i > 0 else 1
        k = ends[i] - start
        ids[index:index + k] = w.ids[start:ends[i]]
        src[index:index + k] = w.src[start:ends[i]]
        index += k
    w.ids, w.src = ids, src


def _whole_word_mask(w: _Work, seq: TokenSeq, rng: np.random.Generator, p: float, span: str, lam: float,
                     replace_length: int, random_ratio: float, fates: np.ndarray, span_ids: np.ndarray) -> list[int]:
    mask_id = int(seq.mask_id)  # checked by the caller
    src_ok = w.src >= 0
    if span == "token":
        is_start = src_ok.astype(np.int64)
    else:
        word = np.where(src_ok, seq.word_ids[np.clip(w.src, 0, None)], -1)
        prev = np.concatenate([[-1], word[:-1]])
        is_start = (src_ok & (word != prev)).astype(np.int64)
    is_start[0] = is_start[-1] = 0
    num_to_mask = math.ceil(is_start.sum() * p)
    if num_to_mask == 0:
        return []
    if span == "token":
        lengths = np.ones(num_to_mask, dtype=np.int64)
    else:
        dist = poisson_span_distribution(lam)
        lengths = rng.choice(len(dist), size=num_to_mask, p=dist)
        cum = np.cumsum(lengths)
        while cum[-1] < num_to_mask:
            lengths = np.concatenate([lengths, rng.choice(len(dist), size=num_to_mask, p=dist)])
            cum = np.cumsum(lengths)
        i = int(np.argmax(cum >= num_to_mask))
        lengths[i] = num_to_mask - (0 if i == 0 else cum[i - 1])
        lengths = lengths[:i + 1]
    drawn = [int(x) for x in lengths]
    lengths = lengths[lengths > 0]
    if len(lengths) == 0:
        return drawn
    starts = np.flatnonzero(is_start)
    indices = starts[rng.permutation(len(starts))[:len(lengths)]]
    lengths = lengths[:len(indices)]
    mask_random = rng.random(len(indices)) < random_ratio
    to_keep = np.ones(len(w.ids), dtype=bool)
    is_start[-1] = 255  # a long length: spans never run over the end
    ids = w.ids.copy()
    span_of = np.full(len(w.ids), -1, dtype=np.int64)
    span_of[indices] = np.arange(len(indices))
    if replace_length == 0:
        to_keep[indices] = False
    else:
        ids[indices] = mask_id
        ids[indices[mask_random]] = rng.integers(1, seq.vocab_size, size=int(mask_random.sum()))
    span_no = np.arange(len(indices))
    lengths = lengths - 1
    while len(indices):
        lengths = lengths - is_start[indices + 1]
        ok = lengths >= 0
        indices, mask_random, lengths, span_no = indices[ok] + 1, mask_random[ok], lengths[ok], span_no[ok]
        span_of[indices] = span_no
        if replace_length != -1:
            to_keep[indices] = False
        else:
            ids[indices] = mask_id
            ids[indices[mask_random]] = rng.integers(1, seq.vocab_size, size=int(mask_random.sum()))
    # per original token: what happened
    for k in np.unique(span_of[span_of >= 0]):
        members = np.flatnonzero(span_of == k)
        orig = w.src[members]
        span_ids[orig] = k
        if replace_length == 0:
            fates[orig] = Fate.DELETED
        elif len(members) > 1 and replace_length == 1:
            fates[orig] = Fate.SPAN
        else:
            fates[orig] = np.where(ids[members] == mask_id, Fate.MASKED, Fate.RANDOM)
    w.ids, w.src = ids[to_keep], w.src[to_keep]
    return drawn


def _insert(w: _Work, seq: TokenSeq, rng: np.random.Generator, n: int, random_ratio: float) -> None:
    # fairseq add_insertion_noise: n new tokens anywhere between the boundary tokens.
    num = len(w.ids)
    noise_idx = rng.permutation(num + n - 2)[:n] + 1
    noise = np.zeros(num + n, dtype=bool)
    noise[noise_idx] = True
    ids = np.full(num + n, -1, dtype=np.int64)
    src = np.full(num + n, -1, dtype=np.int64)
    n_random = math.ceil(n * random_ratio)
    ids[noise_idx[n_random:]] = int(seq.mask_id)
    ids[noise_idx[:n_random]] = rng.integers(1, seq.vocab_size, size=n_random)
    ids[~noise] = w.ids
    src[~noise] = w.src
    w.ids, w.src = ids, src


# ------------------------------------------------------------------------------ GLM
def glm_blank_infilling(seq: TokenSeq, seed: int, *, rate: float = 0.15, lam: float = 3.0) -> Corruption:
    """GLM's autoregressive blank infilling, as data: Poisson(λ) spans until ⌈rate⌉ of the
    tokens are covered; part A has each span replaced by one mask, part B holds the spans in
    a random order, each as ``[START] span`` predicting ``span [END]``.

    ``extra``: ``position_1`` (position in part A; a span's tokens share its mask's position),
    ``position_2`` (0 in part A, 1… inside a span), ``part`` (0 = A, 1 = B), all ``[M]``.
    ``input_ids`` hold :data:`GLM_START` for [START]; ``labels`` :data:`GLM_END` for [END].
    """
    mask_id = _need_mask(seq)
    content = _need_content(seq)
    rng = np.random.default_rng(seed)
    n = len(content)
    budget = max(1, math.ceil(rate * n))
    lengths: list[int] = []
    while sum(lengths) < budget:
        lengths.append(max(1, int(rng.poisson(lam))))
    lengths[-1] -= sum(lengths) - budget  # cut the last span at the budget
    lengths = [x for x in lengths if x > 0]
    free = n - sum(lengths)
    k = len(lengths)
    # stars and bars: spans placed in order, free tokens split into k + 1 random gaps
    cuts = np.sort(rng.choice(free + k, size=k, replace=False))
    gaps = np.diff(np.concatenate([[-1], cuts])) - 1
    starts: list[int] = []
    pos = 0
    for g, ln in zip(gaps, lengths):
        pos += int(g)
        starts.append(pos)
        pos += ln
    fates = np.where(seq.special, Fate.SPECIAL, Fate.KEPT).astype(np.int8)
    span_ids = np.full(len(seq), -1, dtype=np.int32)
    a_ids: list[int] = []
    a_src: list[int] = []
    mask_pos: list[int] = []
    j = 0
    while j < n:
        hit = [s for s in range(k) if starts[s] == j]
        if hit:
            s = hit[0]
            mask_pos.append(len(a_ids))
            a_ids.append(mask_id)
            a_src.append(-1)
            span = content[j:j + lengths[s]]
            fates[span] = Fate.SPAN
            span_ids[span] = s
            j += lengths[s]
        else:
            a_ids.append(int(seq.ids[content[j]]))
            a_src.append(int(content[j]))
            j += 1
    ids, src, labels = list(a_ids), list(a_src), [IGNORE] * len(a_ids)
    p1, p2, part = list(range(len(a_ids))), [0] * len(a_ids), [0] * len(a_ids)
    for s in rng.permutation(k):
        span = content[starts[s]:starts[s] + lengths[s]]
        ids += [GLM_START] + [int(seq.ids[i]) for i in span]
        src += [-1] + [int(i) for i in span]
        labels += [int(seq.ids[i]) for i in span] + [GLM_END]
        p1 += [mask_pos[s]] * (len(span) + 1)
        p2 += list(range(1, len(span) + 2))
        part += [1] * (len(span) + 1)
    return Corruption(
        recipe="glm", seed=seed, source=seq, input_ids=np.array(ids, dtype=np.int64),
        input_source=np.array(src, dtype=np.int64), labels=np.array(labels, dtype=np.int64), fates=fates,
        span_ids=span_ids, span_lengths=np.array(lengths, dtype=np.int64),
        extra={"position_1": np.array(p1), "position_2": np.array(p2), "part": np.array(part)})


# ------------------------------------------------------------------------------ ELECTRA
def electra_mask(seq: TokenSeq, seed: int, *, rate: float = 0.15) -> Corruption:
    """ELECTRA's first step: mask ``rate`` of the tokens for the generator (all become [MASK])."""
    out = bert_mlm(seq, seed, rate=rate, mask_prob=1.0, random_prob=0.0)
    return Corruption(**{**out.__dict__, "recipe": "electra_mask"})


def electra_replace(masked: Corruption, probs: np.ndarray, seed: int) -> Corruption:
    """ELECTRA's second step: fill each masked position with a token *sampled* from the
    generator's distribution ``probs`` float ``[n_masked, vocab]`` (rows in position order).
    A token counts as replaced only if the sample differs from the original.
    ``labels`` int64 ``[L]``: 1 replaced / 0 original, for every token (the discriminator
    learns from all positions); ``extra["mlm_labels"]`` keeps the generator's targets."""
    seq = masked.source
    positions = np.flatnonzero(masked.fates == Fate.MASKED)
    probs = np.asarray(probs, dtype=np.float64)
    if probs.shape[0] != len(positions):
        raise errors.InputError("One row of generator probabilities is needed per masked token.")
    rng = np.random.default_rng(seed)
    ids = masked.input_ids.copy()
    fates = masked.fates.copy()
    for row, pos in zip(probs, positions):
        row = row / row.sum()
        ids[pos] = int(rng.choice(len(row), p=row))
        fates[pos] = Fate.REPLACED if ids[pos] != seq.ids[pos] else Fate.SAMPLED_SAME
    replaced = (ids != seq.ids).astype(np.int64)
    return Corruption(
        recipe="electra", seed=masked.seed, source=seq, input_ids=ids, input_source=masked.input_source,
        labels=replaced, fates=fates, span_ids=masked.span_ids, span_lengths=masked.span_lengths,
        extra={"mlm_labels": masked.labels, "masked_input": masked.input_ids})


# ------------------------------------------------------------------------------ NSP
@dataclass(frozen=True)
class NspPair:
    """One next-sentence-prediction example: sentence ``a`` then ``b``; ``is_next`` the label."""

    a: str
    b: str
    is_next: bool
    a_index: int
    b_index: int


_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph after ``.``, ``!`` or ``?`` (and a closing quote)."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def nsp_pairs(text: str, seed: int) -> list[NspPair]:
    """BERT's NSP data from one paragraph: for each sentence, 50% its real successor
    (IsNext), 50% another sentence of the paragraph that does not follow it (NotNext).

    Raises
    ------
    InputError : fewer than three sentences (no NotNext partner could be chosen).
    """
    sents = split_sentences(text)
    if len(sents) < 3:
        raise errors.InputError("Next-sentence prediction needs a paragraph of at least three sentences.",
                                hint="Type a few sentences, each ending with a full stop.")
    rng = np.random.default_rng(seed)
    pairs = []
    for i in range(len(sents) - 1):
        if rng.random() < 0.5:
            pairs.append(NspPair(sents[i], sents[i + 1], True, i, i + 1))
        else:
            others = [j for j in range(len(sents)) if j not in (i, i + 1)]
            j = int(rng.choice(others))
            pairs.append(NspPair(sents[i], sents[j], False, i, j))
    return pairs


# ------------------------------------------------------------------------------ causal LM
def causal_lm(seq: TokenSeq, seed: int = 0) -> Corruption:
    """Causal LM needs no corruption: position t predicts token t + 1 (``labels`` are the
    inputs shifted left; the last position has no target). ``seed`` is unused."""
    _need_content(seq)
    labels = np.concatenate([seq.ids[1:], [IGNORE]]).astype(np.int64)
    fates = np.full(len(seq), Fate.TARGET, dtype=np.int8)
    fates[0] = Fate.KEPT
    return Corruption(recipe="clm", seed=seed, source=seq, input_ids=seq.ids.copy(),
                      input_source=np.arange(len(seq), dtype=np.int64), labels=labels, fates=fates,
                      span_ids=np.full(len(seq), -1, dtype=np.int32), span_lengths=np.zeros(0, dtype=np.int64))
