"""Turn raw attention arrays into what the attention panel draws.

Pure numpy on ``Inspection``-style arrays: choose the aggregation (one head, mean or
max over heads, mean over everything, rollout), hide special tokens, merge sub-words
and filter a sentence pair — in that order — and carry the labels along.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import attention as A

MODES: dict[str, str] = {
    "head": "One head: the weights of the selected layer and head.",
    "mean": "Mean over heads: the average of all heads of each layer.",
    "max": "Max over heads: the strongest weight any head of the layer gives.",
    "layer_mean": "Mean over all layers and heads: one matrix for the whole model.",
    "rollout": ("Attention rollout (Abnar & Zuidema 2020): multiply the head-averaged attention of each "
                "layer, with the residual connection added as 0.5·A + 0.5·I and rows renormalised, to "
                "estimate how much each input token flows into each position up to that layer."),
}


@dataclass(frozen=True)
class ViewOptions:
    """What the user chose in the panel."""

    mode: str = "head"
    hide_special: bool = False
    merge_subwords: bool = False
    from_segment: int | None = None
    to_segment: int | None = None


@dataclass(frozen=True)
class AttentionView:
    """Matrices ready to draw: ``values`` float32 ``[layer', head', rows, cols]``.

    For ``mode="head"`` the first two axes are the model's layers and heads; aggregated
    modes have one head (``mean``/``max``/``rollout``) or one layer and head
    (``layer_mean``). ``row_positions[i]`` lists the original token positions behind
    row ``i`` (several when sub-words are merged); likewise ``col_positions``.
    """

    values: np.ndarray
    row_labels: tuple[str, ...]
    col_labels: tuple[str, ...]
    row_positions: tuple[np.ndarray, ...]
    col_positions: tuple[np.ndarray, ...]
    causal: bool
    mode: str

    def matrix(self, layer: int, head: int) -> np.ndarray:
        """The ``[rows, cols]`` slice to show for a layer/head choice, clamped to what exists."""
        layer = min(max(layer, 0), self.values.shape[0] - 1)
        head = min(max(head, 0), self.values.shape[1] - 1)
        return self.values[layer, head]

    def causal_mask(self) -> np.ndarray | None:
        """bool ``[rows, cols]``: cells a causal decoder cannot attend to, or None."""
        if not self.causal:
            return None
        first_row = np.array([p.min() for p in self.row_positions])
        first_col = np.array([p.min() for p in self.col_positions])
        return first_col[None, :] > first_row[:, None]


def aggregate(att: np.ndarray, mode: str) -> np.ndarray:
    """``[L, H, S, T]`` → the 4-D array for ``mode`` (see :data:`MODES`)."""
    if mode == "head":
        return att.astype(np.float32, copy=False)
    # numpy directly: these also serve rectangular cross-attention [L, H, tgt, src].
    if mode == "mean":
        return att.mean(axis=1, keepdims=True, dtype=np.float32)
    if mode == "max":
        return att.max(axis=1, keepdims=True).astype(np.float32)
    if mode == "layer_mean":
        return att.mean(axis=(0, 1), keepdims=True, dtype=np.float32)
    if mode == "rollout":
        return A.attention_rollout(att)[:, None]
    raise ValueError(f"unknown attention mode {mode!r}; choose one of {sorted(MODES)}")


def build_view(att: np.ndarray, tokens: Sequence[str], *, special_mask: np.ndarray, word_ids: np.ndarray,
               segment_ids: np.ndarray, options: ViewOptions, causal: bool = False) -> AttentionView:
    """Self-attention ``[L, H, S, S]`` → an :class:`AttentionView` for ``options``."""
    values = aggregate(att, options.mode)
    positions = [np.array([i]) for i in range(len(tokens))]
    labels = list(tokens)
    special = np.asarray(special_mask, dtype=bool)
    words, segments = np.asarray(word_ids), np.asarray(segment_ids)
    if options.hide_special and special.any() and not special.all():
        values, kept = A.drop_special(values, special)
        positions = [positions[i] for i in kept]
        labels = [labels[i] for i in kept]
        words, segments, special = words[kept], segments[kept], special[kept]
    if options.merge_subwords:
        values, index = A.merge_subwords(values, words, segment_ids=segments)
        labels = A.merged_labels(labels, index)
        positions = [np.concatenate([positions[i] for i in unit]) for unit in index]
        segments = np.array([segments[unit[0]] for unit in index])
    if options.from_segment is not None or options.to_segment is not None:
        values = A.filter_segment(values, segments, from_segment=options.from_segment,
                                  to_segment=options.to_segment)
    return AttentionView(values.astype(np.float32, copy=False), tuple(labels), tuple(labels),
                         tuple(positions), tuple(positions), causal, options.mode)


def build_cross_view(cross: np.ndarray, row_tokens: Sequence[str], col_tokens: Sequence[str], *,
                     col_special: np.ndarray, options: ViewOptions) -> AttentionView:
    """Cross-attention ``[L, H, tgt, src]`` → a view; only head aggregation and hiding
    special source tokens apply (rollout needs square matrices)."""
    mode = options.mode if options.mode != "rollout" else "mean"
    values = aggregate(cross, mode)
    cols = np.arange(len(col_tokens))
    if options.hide_special:
        keep = ~np.asarray(col_special, dtype=bool)
        if keep.any():
            cols = np.flatnonzero(keep)
            values = values[..., cols]
            sums = values.sum(-1, keepdims=True)
            values = np.divide(values, sums, out=np.zeros_like(values), where=sums > 0)
    return AttentionView(values.astype(np.float32, copy=False), tuple(row_tokens),
                         tuple(col_tokens[i] for i in cols),
                         tuple(np.array([i]) for i in range(len(row_tokens))),
                         tuple(np.array([i]) for i in cols), False, mode)
