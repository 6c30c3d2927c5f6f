"""Span maths: char/word ↔ token mapping, span enumeration, the three span representations.

The lectures' span representation is ``spanRep_ij = [h_i; h_j; g_ij]`` with
``g_ij = mean(h_i..h_j)``, or ``[FFN_start(h_i); FFN_end(h_j); g_ij]``, or ``[h_i; h_j; ĝ_ij]``
with an attention-pooled ``ĝ_ij`` (Lee et al. 2017). The learned projections live in one
small ``torch.nn.Module``, :class:`SpanHeads`, that a span task can train and save.
Spans are inclusive token ranges ``(i, j)`` with ``i <= j``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import errors
from .types import Encoding

WORD_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
VARIANTS = ("endpoint", "ffn", "attention")


# ---------------------------------------------------------------- words and tokens
def word_char_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of the words (and punctuation marks) of ``text``.

    Our own segmentation, because some tokenizers (SentencePiece without a
    pre-tokenizer, e.g. stories260k) report the whole text as a single "word".
    """
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text)]


def char_to_token_span(encoding: Encoding, start: int, end: int) -> tuple[int, int] | None:
    """Inclusive token range covering characters ``[start, end)`` of sentence A, or None.

    A token belongs when its offsets overlap the range; special tokens never do.
    """
    offs = encoding.offsets
    hit = (offs[:, 0] < end) & (offs[:, 1] > start) & ~encoding.special_mask & (encoding.segment_ids == 0)
    idx = np.flatnonzero(hit)
    if idx.size == 0:
        return None
    return int(idx[0]), int(idx[-1])


def word_token_spans(encoding: Encoding) -> list[tuple[int, int]]:
    """For each word of the text (see :func:`word_char_spans`) its inclusive token range.

    Words that fell off a truncated encoding are left out.
    """
    out = []
    for s, e in word_char_spans(encoding.text):
        span = char_to_token_span(encoding, s, e)
        if span is not None:
            out.append(span)
    return out


def word_to_token_span(encoding: Encoding, first_word: int, last_word: int) -> tuple[int, int]:
    """Token range of words ``first_word..last_word`` (inclusive, 0-based)."""
    words = word_token_spans(encoding)
    if last_word < first_word:
        raise errors.SpanError(f"The span {first_word}..{last_word} is empty: the end comes before the start.")
    if first_word < 0 or last_word >= len(words):
        raise errors.SpanError(
            f"Words {first_word}..{last_word} cross the sentence boundary: it has words 0..{len(words) - 1}.")
    return words[first_word][0], words[last_word][1]


def token_word_index(encoding: Encoding, token: int) -> int:
    """The word (our segmentation) that token ``token`` belongs to, or -1."""
    for w, (i, j) in enumerate(word_token_spans(encoding)):
        if i <= token <= j:
            return w
    return -1


def content_range(encoding: Encoding) -> tuple[int, int]:
    """Inclusive token range of the first sentence's non-special tokens."""
    idx = np.flatnonzero(~encoding.special_mask & (encoding.segment_ids == 0))
    if idx.size == 0:
        raise errors.SpanError("The sentence has no tokens to select.")
    return int(idx[0]), int(idx[-1])


def check_span(encoding: Encoding, i: int, j: int) -> tuple[int, int]:
    """Validate an inclusive token span of one sentence; returns it.

    Raises
    ------
    SpanError : empty (``j < i``), or reaching special tokens or beyond the sentence.
    """
    if j < i:
        raise errors.SpanError(f"The span {i}..{j} is empty: the end comes before the start.")
    lo, hi = content_range(encoding)
    if i < lo or j > hi:
        raise errors.SpanError(
            f"The span {i}..{j} crosses the sentence boundary: its tokens are {lo}..{hi}.")
    return i, j


def parse_span(text: str) -> tuple[int, int]:
    """``"3..5"`` (or ``"3-5"``, ``"3:5"``, ``"4"``) → ``(3, 5)``; raises SpanError on anything else."""
    m = re.fullmatch(r"\s*(-?\d+)\s*(?:(?:\.\.|-|:|–)\s*(-?\d+))?\s*", text or "")
    if not m:
        raise errors.SpanError(f"'{text}' is not a span: type two indices like 2..4.")
    i = int(m.group(1))
    j = int(m.group(2)) if m.group(2) is not None else i
    if j < i:
        raise errors.SpanError(f"The span {i}..{j} is empty: the end comes before the start.")
    return i, j


# ---------------------------------------------------------------- enumeration
def enumerate_spans(first: int, last: int, max_len: int) -> np.ndarray:
    """All inclusive spans within tokens ``first..last`` of length ≤ ``max_len``: int64 ``[m, 2]``.

    Ordered by start, then end. With ``max_len >= T`` (``T = last - first + 1``) there are
    ``T(T+1)/2`` of them.
    """
    if max_len < 1:
        raise errors.SpanError(f"The length limit L must be at least 1, not {max_len}.")
    out = [(i, j) for i in range(first, last + 1) for j in range(i, min(last, i + max_len - 1) + 1)]
    return np.asarray(out, dtype=np.int64).reshape(-1, 2)


def span_count(n_tokens: int, max_len: int) -> int:
    """Number of spans of length ≤ ``max_len`` in ``n_tokens`` tokens (closed form)."""
    L = min(max_len, n_tokens)
    return L * n_tokens - L * (L - 1) // 2


# ---------------------------------------------------------------- representations (numpy)
def span_means(h: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """``g_ij = mean(h_i..h_j)`` for each span: ``h`` ``[T, d]``, spans ``[m, 2]`` → ``[m, d]``."""
    h = np.asarray(h, dtype=np.float64)
    csum = np.concatenate([np.zeros((1, h.shape[1])), np.cumsum(h, axis=0)])
    i, j = spans[:, 0], spans[:, 1]
    return ((csum[j + 1] - csum[i]) / (j - i + 1)[:, None]).astype(np.float32)


def endpoint_reps(h: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """``[h_i; h_j; mean(h_i..h_j)]``: ``[m, 3d]``."""
    return np.concatenate([h[spans[:, 0]], h[spans[:, 1]], span_means(h, spans)], axis=1).astype(np.float32)


# ---------------------------------------------------------------- representations (heads)
def span_reps(h: np.ndarray, spans: np.ndarray, variant: str, heads: Any) -> np.ndarray:
    """``spanRep`` of each span for ``variant`` through a ``SpanHeads`` module: ``[m, D]`` float32."""
    import torch

    if variant not in VARIANTS:
        raise errors.SpanError(f"Unknown span representation '{variant}'.")
    if variant == "endpoint":
        return endpoint_reps(h, spans)
    param = next(heads.parameters())
    with torch.inference_mode():
        out = heads(torch.as_tensor(np.asarray(h), dtype=param.dtype, device=param.device),
                    torch.as_tensor(spans, device=param.device), variant)
    return out.float().cpu().numpy()


@dataclass(frozen=True)
class SpanTriangle:
    """Cosine of every span (start × end, length ≤ L) to a reference span representation.

    ``values`` float32 ``[T, T]`` over the sentence's tokens, NaN where there is no span
    (end before start, longer than L, or a special token); ``count`` spans were scored.
    """

    values: np.ndarray
    spans: np.ndarray     # int64 [m, 2]
    count: int
    max_len: int          # the L used (capped at the sentence length)
    n_tokens: int         # content tokens T'


def span_triangle(h: np.ndarray, encoding: Encoding, reference: np.ndarray, variant: str, heads: Any,
                  max_len: int) -> SpanTriangle:
    """Score all spans of ``encoding``'s content tokens of length ≤ ``max_len`` against ``reference``."""
    lo, hi = content_range(encoding)
    n = hi - lo + 1
    L = min(int(max_len), n)
    spans = enumerate_spans(lo, hi, L)
    reps = span_reps(h, spans, variant, heads).astype(np.float64)
    ref = np.asarray(reference, dtype=np.float64)
    cos = reps @ ref / np.maximum(np.linalg.norm(reps, axis=1) * np.linalg.norm(ref), 1e-12)
    values = np.full((len(encoding), len(encoding)), np.nan, dtype=np.float32)
    values[spans[:, 0], spans[:, 1]] = cos
    return SpanTriangle(values, spans, len(spans), L, n)


# ---------------------------------------------------------------- SpanBERT's boundary objective
@dataclass(frozen=True)
class SboInputs:
    """What SpanBERT's span-boundary head reads to predict each token inside span ``i..j``:
    the boundary tokens ``x_{i-1}``, ``x_{j+1}`` and, for each inner token, the position
    embedding of its relative position ``1..k``. Inputs only: no SBO head is run."""

    left: int | None                  # token index i-1 (None before the start)
    right: int | None                 # token index j+1 (None past the end)
    left_vector: np.ndarray | None    # [d]
    right_vector: np.ndarray | None   # [d]
    inner: tuple[int, ...]            # i..j
    relative_positions: tuple[int, ...]
    position_vectors: np.ndarray | None  # [k, d]; None when the model has no position table (RoPE)


def position_table(model: Any) -> np.ndarray | None:
    """The learned absolute position-embedding matrix ``[positions, d]``, or None (rotary/relative)."""
    from torch import nn

    for name, module in model.named_modules():
        leaf = name.rsplit(".", 1)[-1]
        if leaf in ("position_embeddings", "wpe", "embed_positions") and isinstance(module, nn.Embedding):
            return module.weight.detach().float().cpu().numpy()
    return None


def sbo_inputs(h: np.ndarray, encoding: Encoding, i: int, j: int, positions: np.ndarray | None) -> SboInputs:
    """The SBO head's inputs for span ``i..j`` from hidden states ``h`` ``[T, d]``."""
    check_span(encoding, i, j)
    n = len(encoding)
    left = i - 1 if i - 1 >= 0 else None
    right = j + 1 if j + 1 < n else None
    rel = tuple(range(1, j - i + 2))
    pos = None
    if positions is not None:
        pos = positions[[min(r, positions.shape[0] - 1) for r in rel]]
    return SboInputs(left, right, None if left is None else h[left], None if right is None else h[right],
                     tuple(range(i, j + 1)), rel, pos)


# ---------------------------------------------------------------- learned heads (torch)
def __getattr__(name: str) -> Any:
    # SpanHeads and its save/load helpers live in core.span_heads (it imports torch at
    # module level); ``from core.spans import SpanHeads`` works without importing torch here.
    if name in ("SpanHeads", "save_span_heads", "load_span_heads", "find_span_heads", "span_heads_path"):
        from . import span_heads

        return getattr(span_heads, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
