"""Pure-numpy analysis of attention weights, for the attention panel.

Every function takes attention arrays shaped ``[layer, head, seq, seq]`` (float32) or,
where stated, any array whose last two axes are ``seq x seq``. Rows are the "from"
token (the query), columns the "to" token (the key). For an encoder each row sums
to 1; a decoder's rows also sum to 1 but are causal (lower-triangular).
"""
from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

#: Sub-word markers: WordPiece continuation, byte-level BPE space, SentencePiece space.
SUBWORD_MARKERS: tuple[str, ...] = ("##", "Ġ", "▁")

#: Token texts treated as separator / end-of-sequence tokens by :func:`head_statistics`.
DEFAULT_SEP_TOKENS: frozenset[str] = frozenset({"[SEP]", "</s>", "<|endoftext|>", "<eos>"})

#: One-sentence explanation of :func:`merge_subwords`, for a tooltip.
MERGE_RULE = (
    "Word pieces are merged into whole words by adding up the attention a word "
    "receives from each piece (columns are summed) and averaging the attention its "
    "pieces give (rows are averaged), so every row still sums to 1 (Clark et al., 2019)."
)

#: Head statistic name -> human-readable description (tooltips), in display order.
HEAD_STAT_NAMES: dict[str, str] = {
    "entropy": "Average entropy of the head's attention rows, in nats: 0 means each token "
    "looks at exactly one token, log(n) means it spreads evenly over all n tokens.",
    "to_first": "Average share of attention sent to the first token ([CLS], <s> or BOS).",
    "to_sep": "Average share of attention sent to separator / end tokens ([SEP], </s>, ...).",
    "to_special": "Average share of attention sent to any special token.",
    "to_punctuation": "Average share of attention sent to punctuation tokens (. , ! ? ...).",
    "mean_distance": "Average distance |i - j| in tokens between a token and where it looks; "
    "small values mean the head attends locally (e.g. the previous or next token).",
}


@dataclass(frozen=True)
class HeadStats:
    """Per-head summary statistics; every field is float32 ``[layer, head]``.

    See :data:`HEAD_STAT_NAMES` for what each field means. Averages are over the
    rows ("from" tokens) that carry any attention; all-zero rows are ignored.
    """

    entropy: np.ndarray
    to_first: np.ndarray
    to_sep: np.ndarray
    to_special: np.ndarray
    to_punctuation: np.ndarray
    mean_distance: np.ndarray

    def get(self, name: str) -> np.ndarray:
        """Return the ``[layer, head]`` array of the statistic called ``name``."""
        if name not in HEAD_STAT_NAMES:
            raise KeyError(f"unknown head statistic {name!r}")
        return getattr(self, name)

    def as_dict(self) -> dict[str, np.ndarray]:
        """Return ``{name: [layer, head] array}`` in :data:`HEAD_STAT_NAMES` order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}



def _check(att: np.ndarray, ndim: int | None = 4) -> np.ndarray:
    """Check that ``att`` is ``ndim``-D (any rank if None) with square last two axes."""
    a = np.asarray(att)
    if ndim is not None and a.ndim != ndim:
        raise ValueError(f"expected a {ndim}-D attention array, got shape {a.shape}")
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ValueError(f"last two axes must be seq x seq, got shape {a.shape}")
    return a


def _check_vector(v: np.ndarray | Sequence[object], seq: int, what: str) -> np.ndarray:
    arr = np.asarray(v)
    if arr.shape != (seq,):
        raise ValueError(f"{what} must have shape ({seq},), got {arr.shape}")
    return arr


def _normalise_rows(a: np.ndarray) -> np.ndarray:
    """Divide each row (last axis) by its sum; all-zero rows stay zero."""
    sums = a.sum(axis=-1, keepdims=True)
    return np.divide(a, sums, out=np.zeros_like(a), where=sums > 0)


def strip_marker(token: str) -> str:
    """Remove a leading sub-word marker ("##", "Ġ" or "▁") from ``token``.

    >>> strip_marker("##ing"), strip_marker("Ġthe"), strip_marker("▁cat")
    ('ing', 'the', 'cat')
    """
    for marker in SUBWORD_MARKERS:
        if token.startswith(marker) and len(token) > len(marker):
            return token[len(marker):]
    return token



def mean_over_heads(att: np.ndarray) -> np.ndarray:
    """Average over heads: ``[layer, head, seq, seq] -> [layer, seq, seq]`` float32."""
    return _check(att).mean(axis=1, dtype=np.float64).astype(np.float32)


def max_over_heads(att: np.ndarray) -> np.ndarray:
    """Element-wise maximum over heads: ``[layer, head, seq, seq] -> [layer, seq, seq]``."""
    return _check(att).max(axis=1).astype(np.float32)


def layer_mean(att: np.ndarray) -> np.ndarray:
    """Average over layers and heads: ``[layer, head, seq, seq] -> [seq, seq]`` float32."""
    return _check(att).mean(axis=(0, 1), dtype=np.float64).astype(np.float32)


def attention_rollout(
    att: np.ndarray, *, add_residual: bool = True, head_reduce: str = "mean"
) -> np.ndarray:
    """Attention rollout (Abnar & Zuidema, 2020).

    Per layer ``A_l`` is the head mean (or max, ``head_reduce="max"``); with
    ``add_residual`` it becomes ``0.5 * A_l + 0.5 * I`` to account for the residual
    connection; rows are then renormalised to sum to 1. The rollout is
    ``R_0 = A_0`` and ``R_l = A_l @ R_{l-1}``.

    Parameters
    ----------
    att : np.ndarray
        float ``[layer, head, seq, seq]``.
    add_residual : bool
        Mix in the identity for the residual stream.
    head_reduce : {"mean", "max"}
        How heads are combined within a layer.

    Returns
    -------
    np.ndarray
        float32 ``[layer, seq, seq]``: the cumulative matrix after each layer; row
        ``i`` of ``R_l`` says how much each input token flows into position ``i``.
    """
    a = _check(att).astype(np.float64)
    if head_reduce not in ("mean", "max"):
        raise ValueError(f"head_reduce must be 'mean' or 'max', got {head_reduce!r}")
    per_layer = a.mean(axis=1) if head_reduce == "mean" else a.max(axis=1)
    n_layers, seq = per_layer.shape[0], per_layer.shape[-1]
    if add_residual:
        per_layer = 0.5 * per_layer + 0.5 * np.eye(seq)
    per_layer = _normalise_rows(per_layer)
    out = np.empty((n_layers, seq, seq), dtype=np.float64)
    for layer in range(n_layers):
        out[layer] = per_layer[layer] if layer == 0 else per_layer[layer] @ out[layer - 1]
    return out.astype(np.float32)



def _is_punctuation(token: str, punctuation: str) -> bool:
    text = strip_marker(token).strip()
    return bool(text) and all(ch in punctuation for ch in text)


def head_statistics(
    att: np.ndarray,
    tokens: Sequence[str],
    special_mask: np.ndarray,
    *,
    punctuation: str = string.punctuation,
    sep_tokens: frozenset[str] = DEFAULT_SEP_TOKENS,
) -> HeadStats:
    """Summarise what each head does (see :data:`HEAD_STAT_NAMES`).

    Parameters
    ----------
    att : np.ndarray
        float ``[layer, head, seq, seq]``.
    tokens : Sequence[str]
        The ``seq`` token texts.
    special_mask : np.ndarray
        bool ``[seq]``; True for special tokens ([CLS], [SEP], <s>, ...).
    punctuation : str
        Characters that count as punctuation; a token is punctuation when, after
        stripping a sub-word marker, it is non-empty and made only of these.
        Special tokens never count as punctuation.
    sep_tokens : frozenset[str]
        Token texts counted by ``to_sep``.

    Returns
    -------
    HeadStats
        float32 ``[layer, head]`` arrays. Row entropies and distances treat each
        row as a distribution (divided by its sum); masses are raw sums. Every
        statistic averages over the rows with non-zero sum (0 if there are none).
    """
    a = _check(att).astype(np.float64)
    seq = a.shape[-1]
    if len(tokens) != seq:
        raise ValueError(f"got {len(tokens)} tokens for attention over {seq} positions")
    special = _check_vector(special_mask, seq, "special_mask").astype(bool)
    is_sep = np.array([t in sep_tokens for t in tokens], dtype=bool).reshape(seq)
    punct = [not s and _is_punctuation(t, punctuation) for t, s in zip(tokens, special)]
    is_punct = np.array(punct, dtype=bool).reshape(seq)

    row_sum = a.sum(axis=-1)                                  # [L, H, seq]
    valid = row_sum > 0
    n_valid = valid.sum(axis=-1)                              # [L, H]

    def row_mean(values: np.ndarray) -> np.ndarray:
        total = np.where(valid, values, 0.0).sum(axis=-1)
        return np.divide(total, n_valid, out=np.zeros_like(total), where=n_valid > 0)

    p = _normalise_rows(a)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    distance = np.abs(np.subtract.outer(np.arange(seq), np.arange(seq))).astype(np.float64)

    values = {
        "entropy": -plogp.sum(axis=-1),
        "to_first": a[..., 0] if seq else row_sum,
        "to_sep": a[..., is_sep].sum(axis=-1),
        "to_special": a[..., special].sum(axis=-1),
        "to_punctuation": a[..., is_punct].sum(axis=-1),
        "mean_distance": (p * distance).sum(axis=-1),
    }
    return HeadStats(**{k: row_mean(v).astype(np.float32) for k, v in values.items()})



def drop_special(
    att: np.ndarray, special_mask: np.ndarray, *, renormalise: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Remove the rows and columns of special tokens.

    Parameters
    ----------
    att : np.ndarray
        float ``[..., seq, seq]``.
    special_mask : np.ndarray
        bool ``[seq]``.
    renormalise : bool
        Rescale each remaining row to sum to 1; rows left all zero stay zero.

    Returns
    -------
    att_sub : np.ndarray
        float32 ``[..., kept, kept]``.
    kept_indices : np.ndarray
        int64 ``[kept]``: original positions of the kept tokens.
    """
    a = _check(att, ndim=None)
    special = _check_vector(special_mask, a.shape[-1], "special_mask").astype(bool)
    kept = np.flatnonzero(~special).astype(np.int64)
    sub = a[..., kept, :][..., kept].astype(np.float64)
    return (_normalise_rows(sub) if renormalise else sub).astype(np.float32), kept


def merge_subwords(
    att: np.ndarray, word_ids: np.ndarray, *, segment_ids: np.ndarray | None = None
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Merge word pieces into words (see :data:`MERGE_RULE`).

    A unit is a run of consecutive tokens with the same ``word_id >= 0`` (and the
    same segment, when ``segment_ids`` is given: pair encodings restart word ids);
    each special token (``word_id == -1``) is a unit of its own. "To" columns of a
    unit are summed, "from" rows are averaged, so each merged row keeps the average
    row sum of its pieces (stochastic rows stay stochastic) and the total mass,
    counting each unit's row once per piece, is unchanged.

    Parameters
    ----------
    att : np.ndarray
        float ``[..., seq, seq]``.
    word_ids : np.ndarray
        int ``[seq]``; -1 for special tokens.
    segment_ids : np.ndarray | None
        int ``[seq]``; optional, starts a new unit where the segment changes.

    Returns
    -------
    merged : np.ndarray
        float32 ``[..., n_units, n_units]``.
    word_index : list[np.ndarray]
        ``n_units`` int64 arrays: the original positions in each unit, ordered by
        first position.
    """
    a = _check(att, ndim=None)
    seq = a.shape[-1]
    words = _check_vector(word_ids, seq, "word_ids").astype(np.int64)
    segs = np.zeros(seq) if segment_ids is None else _check_vector(segment_ids, seq, "segment_ids")
    groups: list[list[int]] = []
    for pos in range(seq):
        same_word = pos > 0 and words[pos] >= 0 and words[pos] == words[pos - 1]
        if same_word and segs[pos] == segs[pos - 1]:
            groups[-1].append(pos)
        else:
            groups.append([pos])
    if seq == 0:
        return a.astype(np.float32), []
    # Units are runs of consecutive positions, so segment sums are one reduceat per
    # axis: O(seq²) per head instead of two dense matrix products.
    starts = np.array([g[0] for g in groups], dtype=np.int64)
    counts = np.array([len(g) for g in groups], dtype=np.float64)
    cols = np.add.reduceat(a.astype(np.float64), starts, axis=-1)
    merged = np.add.reduceat(cols, starts, axis=-2) / counts[:, None]
    return merged.astype(np.float32), [np.asarray(g, dtype=np.int64) for g in groups]


def merged_labels(tokens: Sequence[str], word_index: Sequence[Sequence[int]]) -> list[str]:
    """Labels for the units of :func:`merge_subwords`: pieces joined, markers stripped.

    ``("play", "##ing") -> "playing"``, ``("Ġplay", "ing") -> "playing"``,
    ``("▁un", "able") -> "unable"``; ``"[CLS]"`` stays ``"[CLS]"``.
    """
    return ["".join(strip_marker(tokens[int(i)]) for i in members) for members in word_index]


def filter_segment(
    att: np.ndarray, segment_ids: np.ndarray, *, from_segment: int | None, to_segment: int | None
) -> np.ndarray:
    """Keep only attention from one sentence to another (sentence-pair A/B filter).

    Rows whose token is not in ``from_segment`` and columns not in ``to_segment`` are
    set to zero (no renormalisation); ``None`` keeps every row / column.

    Parameters
    ----------
    att : np.ndarray
        float ``[..., seq, seq]``.
    segment_ids : np.ndarray
        int ``[seq]``; 0 = sentence A, 1 = sentence B.

    Returns
    -------
    np.ndarray
        float32, same shape as ``att``.
    """
    a = _check(att, ndim=None)
    segs = _check_vector(segment_ids, a.shape[-1], "segment_ids")
    out = a.astype(np.float32, copy=True)
    if from_segment is not None:
        out[..., segs != from_segment, :] = 0.0
    if to_segment is not None:
        out[..., :, segs != to_segment] = 0.0
    return out


def causal_mask_violation(att: np.ndarray) -> float:
    """Largest weight above the diagonal of ``[..., seq, seq]``: 0.0 for a causal decoder."""
    a = _check(att, ndim=None)
    above = a[..., np.triu(np.ones(a.shape[-2:], dtype=bool), k=1)]
    return float(above.max()) if above.size else 0.0
