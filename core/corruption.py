"""Pre-training corruption recipes: pure, seeded functions on token ids.

Each recipe takes a :class:`TokenSeq` (a tokenised text, no torch) and a seed and returns a
:class:`Corruption`: the corrupted encoder input, the loss targets and, per original token,
its *fate* (what happened to it) plus the numbers that explain why (span number, span length,
SpanBERT boundary tokens). The GUI builds its colour-coded, translated explanations from those
codes; nothing here draws random numbers from a global generator, so a seed always gives the
same corruption.

This module holds the BERT family (MLM 80/10/10, whole-word, RoBERTa dynamic masking,
SpanBERT). :mod:`core.corruption_seq` holds T5, BART, GLM, ELECTRA, NSP and causal LM.
"""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import errors

IGNORE = -100  # transformers' ignore_index for labels


class Fate(enum.IntEnum):
    """What a recipe did to one original token."""

    KEPT = 0          # not selected: no loss here (MLM family) or plain context
    SPECIAL = 1       # [CLS]/[SEP]/<s>: never selected
    MASKED = 2        # selected and replaced by the mask token
    RANDOM = 3        # selected and replaced by a random token
    UNCHANGED = 4     # selected but left as it is (still predicted)
    DELETED = 5       # removed from the input (BART token deletion, T5 noise span)
    SPAN = 6          # inside a span that became one mask / sentinel (T5, BART, GLM)
    MOVED = 7         # only moved (BART sentence permutation / rotation)
    REPLACED = 8      # ELECTRA: the generator's sample differs from the original
    SAMPLED_SAME = 9  # ELECTRA: masked, but the generator sampled the original back
    TARGET = 10       # causal LM: every token is a target of the one before


@dataclass(frozen=True)
class TokenSeq:
    """A tokenised text as the recipes see it.

    ``ids`` int64 ``[L]``; ``special`` bool ``[L]``; ``word_ids`` int32 ``[L]`` (-1 for
    specials; sub-words of one word share an id); ``sentinel_ids`` T5's ``<extra_id_k>``
    ids (empty: T5's convention ``vocab_size - 1 - k`` is used).
    """

    ids: np.ndarray
    tokens: tuple[str, ...]
    special: np.ndarray
    word_ids: np.ndarray
    vocab_size: int
    mask_id: int | None = None
    bos_id: int | None = None
    eos_id: int | None = None
    pad_id: int | None = None
    sentinel_ids: tuple[int, ...] = ()
    full_stop_ids: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.ids)

    def sentinel(self, k: int) -> int:
        """Id of T5's k-th sentinel ``<extra_id_k>``."""
        if k < len(self.sentinel_ids):
            return self.sentinel_ids[k]
        return self.vocab_size - 1 - k


@dataclass(frozen=True)
class Corruption:
    """One corrupted example.

    ``input_ids`` int64 ``[M]`` the corrupted encoder input; ``input_source`` int64 ``[M]``
    the original index of each input token (-1: inserted mask / sentinel); ``labels`` int64
    ``[M]`` the id to predict at each input position (``-100``: no loss) for encoder
    objectives; ``target_ids`` int64 ``[T]`` the decoder target for seq2seq objectives
    (empty otherwise) and ``target_source`` ``[T]`` its original indices; ``fates`` int8
    ``[L]`` a :class:`Fate` per original token; ``span_ids`` int32 ``[L]`` (-1: in no span);
    ``span_lengths`` int64 ``[n_spans]`` the lengths drawn for the spans (in words for
    SpanBERT/BART, tokens for T5/GLM). ``extra`` holds recipe-specific arrays (SpanBERT's
    boundary indices, GLM's 2-D positions, ELECTRA's replaced labels).
    """

    recipe: str
    seed: int
    source: TokenSeq
    input_ids: np.ndarray
    input_source: np.ndarray
    labels: np.ndarray
    fates: np.ndarray
    span_ids: np.ndarray
    span_lengths: np.ndarray
    target_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    target_source: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    extra: dict[str, np.ndarray] = field(default_factory=dict)

    def count(self, fate: Fate) -> int:
        return int((self.fates == fate).sum())

    @property
    def selected(self) -> np.ndarray:
        """bool ``[L]``: original tokens the objective predicts."""
        return ~np.isin(self.fates, (Fate.KEPT, Fate.SPECIAL, Fate.MOVED))


# ------------------------------------------------------------------------------ building
def token_seq(tokenizer: Any, text: str, text_pair: str | None = None, *, max_length: int = 512) -> TokenSeq:
    """Tokenise ``text`` with a fast tokenizer into a :class:`TokenSeq`.

    Raises
    ------
    EmptyTextError : the text is empty.
    """
    if not isinstance(text, str) or not text.strip():
        raise errors.EmptyTextError("The text is empty.", hint="Type a sentence first.")
    enc = tokenizer(text, text_pair, truncation=True, max_length=max_length, return_special_tokens_mask=True)
    ids = np.asarray(enc["input_ids"], dtype=np.int64)
    words = np.full(len(ids), -1, dtype=np.int32)
    seen: dict[tuple[int, int], int] = {}
    for i, (w, s) in enumerate(zip(enc.word_ids(), enc.sequence_ids())):
        if w is not None:
            words[i] = seen.setdefault((s or 0, w), len(seen))
    special = np.asarray(enc["special_tokens_mask"], dtype=bool)
    words[special] = -1
    return make_token_seq(tokenizer, ids, special, words)


def make_token_seq(tokenizer: Any, ids: np.ndarray, special: np.ndarray, word_ids: np.ndarray) -> TokenSeq:
    """A :class:`TokenSeq` from ids the caller already has (batches of a corpus)."""
    vocab = tokenizer.get_vocab()
    sentinels = []
    while f"<extra_id_{len(sentinels)}>" in vocab and len(sentinels) < 100:
        sentinels.append(vocab[f"<extra_id_{len(sentinels)}>"])
    stops = tuple(sorted({vocab[t] for t in (".", "!", "?", "Ġ.", "▁.") if t in vocab}))
    return TokenSeq(
        ids=np.asarray(ids, dtype=np.int64), tokens=tuple(tokenizer.convert_ids_to_tokens(list(map(int, ids)))),
        special=np.asarray(special, dtype=bool), word_ids=np.asarray(word_ids, dtype=np.int32),
        vocab_size=len(tokenizer), mask_id=tokenizer.mask_token_id,
        bos_id=tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.cls_token_id,
        eos_id=tokenizer.eos_token_id if tokenizer.eos_token_id is not None else tokenizer.sep_token_id,
        pad_id=tokenizer.pad_token_id, sentinel_ids=tuple(sentinels), full_stop_ids=stops)


def _need_mask(seq: TokenSeq) -> int:
    if seq.mask_id is None:
        raise errors.NoMaskTokenError("This tokenizer has no mask token, so masking recipes cannot run.",
                                      hint="Load a BERT/RoBERTa/ELECTRA/BART model, or use T5 or causal LM.")
    return seq.mask_id


def _need_content(seq: TokenSeq) -> np.ndarray:
    content = np.flatnonzero(~seq.special)
    if content.size == 0:
        raise errors.EmptyTextError("The text has no tokens besides the special ones.", hint="Type a sentence.")
    return content


def _check_split(rate: float, mask_prob: float, random_prob: float) -> None:
    if not 0.0 <= rate <= 1.0:
        raise errors.InputError(f"The masking rate must lie in [0, 1], not {rate}.")
    if mask_prob < 0 or random_prob < 0 or mask_prob + random_prob > 1.0 + 1e-9:
        raise errors.InputError("The [MASK] and random shares must be ≥ 0 and add up to at most 100%.")


def _apply_split(seq: TokenSeq, rng: np.random.Generator, groups: list[np.ndarray],
                 mask_prob: float, random_prob: float) -> tuple[np.ndarray, np.ndarray]:
    """80/10/10 decided once per group (a token, a word or a span): returns ids and fates."""
    mask_id = _need_mask(seq)
    ids = seq.ids.copy()
    fates = np.where(seq.special, Fate.SPECIAL, Fate.KEPT).astype(np.int8)
    for g in groups:
        u = rng.random()
        if u < mask_prob:
            ids[g] = mask_id
            fates[g] = Fate.MASKED
        elif u < mask_prob + random_prob:
            ids[g] = rng.integers(0, seq.vocab_size, size=len(g))
            fates[g] = Fate.RANDOM
        else:
            fates[g] = Fate.UNCHANGED
    return ids, fates


def _mlm_result(recipe: str, seed: int, seq: TokenSeq, ids: np.ndarray, fates: np.ndarray,
                span_ids: np.ndarray | None = None, span_lengths: np.ndarray | None = None,
                extra: dict[str, np.ndarray] | None = None) -> Corruption:
    selected = np.isin(fates, (Fate.MASKED, Fate.RANDOM, Fate.UNCHANGED))
    labels = np.where(selected, seq.ids, IGNORE).astype(np.int64)
    return Corruption(
        recipe=recipe, seed=seed, source=seq, input_ids=ids.astype(np.int64),
        input_source=np.arange(len(seq), dtype=np.int64), labels=labels, fates=fates,
        span_ids=span_ids if span_ids is not None else np.full(len(seq), -1, dtype=np.int32),
        span_lengths=span_lengths if span_lengths is not None else np.zeros(0, dtype=np.int64),
        extra=extra or {})


# ------------------------------------------------------------------------------ BERT
def bert_mlm(seq: TokenSeq, seed: int, *, rate: float = 0.15, mask_prob: float = 0.8,
             random_prob: float = 0.1) -> Corruption:
    """BERT's masked LM: each non-special token is selected with probability ``rate``;
    a selected token becomes the mask token (``mask_prob``), a random vocabulary id
    (``random_prob``) or stays unchanged (the rest). Loss only on selected positions.

    The same semantics as transformers' ``DataCollatorForLanguageModeling`` (Bernoulli
    selection, random ids uniform over ``len(tokenizer)``), with numpy's generator.
    """
    _check_split(rate, mask_prob, random_prob)
    _need_mask(seq)
    rng = np.random.default_rng(seed)
    chosen = (rng.random(len(seq)) < rate) & ~seq.special
    ids, fates = _apply_split(seq, rng, [np.array([i]) for i in np.flatnonzero(chosen)], mask_prob, random_prob)
    return _mlm_result("mlm", seed, seq, ids, fates)


def whole_word_mlm(seq: TokenSeq, seed: int, *, rate: float = 0.15, mask_prob: float = 0.8,
                   random_prob: float = 0.1) -> Corruption:
    """Whole-word masking: each *word* is selected with probability ``rate`` and all its
    sub-word pieces are corrupted together (80/10/10 decided once per word).

    With ``mask_prob=1`` this is transformers' ``DataCollatorForLanguageModeling(whole_word_mask=True)``.
    """
    _check_split(rate, mask_prob, random_prob)
    _need_mask(seq)
    _need_content(seq)
    rng = np.random.default_rng(seed)
    words = np.unique(seq.word_ids[seq.word_ids >= 0])
    chosen = words[rng.random(len(words)) < rate]
    groups = [np.flatnonzero(seq.word_ids == w) for w in chosen]
    ids, fates = _apply_split(seq, rng, groups, mask_prob, random_prob)
    span_ids = np.full(len(seq), -1, dtype=np.int32)
    for k, g in enumerate(groups):
        span_ids[g] = k
    return _mlm_result("wwm", seed, seq, ids, fates, span_ids, np.array([len(g) for g in groups], dtype=np.int64))


def roberta_dynamic(seq: TokenSeq, seed: int, epoch: int, *, static: bool = False, **split: float) -> Corruption:
    """RoBERTa's dynamic masking: a fresh BERT pattern for every epoch. ``static=True``
    reuses epoch 0's pattern every time (original BERT duplicated its data 10× instead)."""
    sub = np.random.SeedSequence([seed, 0 if static else epoch]).generate_state(1)[0]
    out = bert_mlm(seq, int(sub), **split)
    return Corruption(**{**out.__dict__, "recipe": "static" if static else "dynamic", "seed": seed,
                         "extra": {"epoch": np.array([epoch])}})


# ------------------------------------------------------------------------------ SpanBERT
def spanbert_length_distribution(p: float = 0.2, max_len: int = 10) -> np.ndarray:
    """P(span length = 1..max_len): geometric(p) truncated at ``max_len`` and renormalised.
    float64 ``[max_len]``; with p = 0.2 the mean is ≈ 3.8 words."""
    lens = np.arange(1, max_len + 1)
    pmf = p * (1 - p) ** (lens - 1)
    return pmf / pmf.sum()


def spanbert(seq: TokenSeq, seed: int, *, rate: float = 0.15, p: float = 0.2, max_len: int = 10,
             mask_prob: float = 0.8, random_prob: float = 0.1) -> Corruption:
    """SpanBERT's span masking (Joshi et al. 2020, its ``PairWithSpanMaskingScheme``).

    Repeat until ⌈rate · pieces⌉ pieces are covered: draw a length in *words* from
    :func:`spanbert_length_distribution`, an anchor piece uniformly, start at the anchor's
    word start and cover whole words (cut at the budget). 80/10/10 is decided once per span.
    ``extra``: ``sbo_left``/``sbo_right`` int64 ``[L]`` the boundary tokens x_{s−1}, x_{e+1}
    of the span of each selected token and ``sbo_position`` its 1-based position in the span
    (-1 elsewhere); ``span_words`` the words each span really covers.
    """
    _check_split(rate, mask_prob, random_prob)
    _need_mask(seq)
    content = _need_content(seq)
    rng = np.random.default_rng(seed)
    dist = spanbert_length_distribution(p, max_len)
    budget = math.ceil(rate * len(content))
    word_of = seq.word_ids
    starts = {int(w): int(np.flatnonzero(word_of == w)[0]) for w in np.unique(word_of[word_of >= 0])}
    ends = {int(w): int(np.flatnonzero(word_of == w)[-1]) + 1 for w in starts}
    order = sorted(starts)
    covered = np.zeros(len(seq), dtype=bool)
    groups: list[np.ndarray] = []
    drawn: list[int] = []
    covered_words: list[int] = []
    for _ in range(100 * len(seq) + 100):
        if covered.sum() >= budget:
            break
        length = int(rng.choice(np.arange(1, max_len + 1), p=dist))
        anchor = int(rng.choice(content))
        if covered[anchor]:
            continue
        w_index = order.index(int(word_of[anchor]))
        pieces: list[int] = []
        n_words = 0
        blocked = False  # a span stops at an earlier span, so spans stay contiguous and disjoint
        while n_words < length and w_index < len(order) and covered.sum() + len(pieces) < budget and not blocked:
            w = order[w_index]
            for i in range(starts[w], ends[w]):
                if covered[i]:
                    blocked = True
                    break
                if covered.sum() + len(pieces) >= budget:
                    break
                pieces.append(i)
            n_words += 1
            w_index += 1
        if not pieces:
            continue
        covered[pieces] = True
        groups.append(np.array(pieces))
        drawn.append(length)
        covered_words.append(n_words)
    ids, fates = _apply_split(seq, rng, groups, mask_prob, random_prob)
    span_ids = np.full(len(seq), -1, dtype=np.int32)
    left = np.full(len(seq), -1, dtype=np.int64)
    right = np.full(len(seq), -1, dtype=np.int64)
    rel = np.full(len(seq), -1, dtype=np.int64)
    for k, g in enumerate(groups):
        span_ids[g] = k
        left[g] = g[0] - 1
        right[g] = min(g[-1] + 1, len(seq) - 1)
        rel[g] = np.arange(1, len(g) + 1)
    extra = {"sbo_left": left, "sbo_right": right, "sbo_position": rel,
             "span_words": np.array(covered_words, dtype=np.int64)}
    return _mlm_result("spanbert", seed, seq, ids, fates, span_ids, np.array(drawn, dtype=np.int64), extra)


def spanbert_length_samples(n: int, seed: int, *, p: float = 0.2, max_len: int = 10) -> np.ndarray:
    """``n`` span lengths drawn as :func:`spanbert` draws them (for the histogram)."""
    rng = np.random.default_rng(seed)
    return rng.choice(np.arange(1, max_len + 1), size=n, p=spanbert_length_distribution(p, max_len))
