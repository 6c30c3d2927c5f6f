"""The learned span projections, one small ``torch.nn.Module`` a span task trains and saves.

``[FFN_start(h_i); FFN_end(h_j); g_ij]`` and the attention-pooled ``ĝ_ij`` (Lee et al. 2017)
need weights. Until a span task has trained them they are random (seeded), and the GUI
says so. Trained weights are looked for beside the model's weights, in
``<checkpoint folder>/span_heads.safetensors``.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from . import errors
from .loader import LoadedModel
from .sentence_batch import SentenceBatch, iter_sentence_batch
from .types import TaskProgress

VARIANTS = ("endpoint", "ffn", "attention")
SPAN_HEADS_FILE = "span_heads.safetensors"


class SpanHeads(nn.Module):
    """Span projections: ``FFN_start``, ``FFN_end`` and the attention-pooling scorer.

    Parameters
    ----------
    d_model : width of the hidden states it reads.
    d_proj : output width of ``FFN_start``/``FFN_end`` (default ``d_model``).
    seed : seeds the random initialisation, so untrained projections are reproducible.

    ``trained`` is False until a span task has trained the weights; it is saved with them.
    """

    def __init__(self, d_model: int, d_proj: int | None = None, seed: int = 0) -> None:
        super().__init__()
        self.d_model = int(d_model)
        self.d_proj = int(d_proj or d_model)
        self.trained = False
        self.info: dict[str, str] = {}   # free-form metadata saved with the weights (task, labels…)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            self.ffn_start = nn.Sequential(nn.Linear(self.d_model, self.d_proj), nn.GELU(),
                                           nn.Linear(self.d_proj, self.d_proj))
            self.ffn_end = nn.Sequential(nn.Linear(self.d_model, self.d_proj), nn.GELU(),
                                         nn.Linear(self.d_proj, self.d_proj))
            self.attn_score = nn.Linear(self.d_model, 1)

    def out_dim(self, variant: str) -> int:
        """Width of ``forward(..., variant)``'s last axis."""
        if variant == "ffn":
            return 2 * self.d_proj + self.d_model
        if variant in ("endpoint", "attention"):
            return 3 * self.d_model
        raise ValueError(f"unknown span variant {variant!r}; use one of {VARIANTS}")

    def forward(self, hidden: torch.Tensor, spans: torch.Tensor, variant: str = "ffn") -> torch.Tensor:
        """Span representations.

        Parameters
        ----------
        hidden : float ``[B, T, d_model]`` (or ``[T, d_model]``).
        spans : long ``[B, m, 2]`` (or ``[m, 2]``): inclusive ``(i, j)`` token indices.
        variant : ``"endpoint"`` → ``[h_i; h_j; mean(h_i..h_j)]`` (no parameters);
            ``"ffn"`` → ``[FFN_start(h_i); FFN_end(h_j); mean(h_i..h_j)]``;
            ``"attention"`` → ``[h_i; h_j; Σ_k softmax(w·h_k) h_k]`` over ``k = i..j``.

        Returns
        -------
        ``[B, m, out_dim(variant)]`` (or ``[m, out_dim]`` for 2-D input).
        """
        if variant not in VARIANTS:
            raise ValueError(f"unknown span variant {variant!r}; use one of {VARIANTS}")
        squeeze = hidden.dim() == 2
        if squeeze:
            hidden, spans = hidden.unsqueeze(0), spans.unsqueeze(0)
        start, end = spans[..., 0].long(), spans[..., 1].long()               # [B, m]
        b = torch.arange(hidden.shape[0], device=hidden.device)[:, None]
        h_i, h_j = hidden[b, start], hidden[b, end]                             # [B, m, d]
        if variant == "attention":
            out = torch.cat([h_i, h_j, self.attention_pool(hidden, spans)], dim=-1)
        else:
            csum = torch.cat([hidden.new_zeros(hidden.shape[0], 1, hidden.shape[2]), hidden.cumsum(dim=1)], dim=1)
            g = (csum[b, end + 1] - csum[b, start]) / (end - start + 1).unsqueeze(-1).to(hidden.dtype)
            if variant == "endpoint":
                out = torch.cat([h_i, h_j, g], dim=-1)
            else:
                out = torch.cat([self.ffn_start(h_i), self.ffn_end(h_j), g], dim=-1)
        return out[0] if squeeze else out

    def attention_weights(self, hidden: torch.Tensor, spans: torch.Tensor) -> torch.Tensor:
        """Softmax weights over each span's tokens: ``[B, m, w]`` (``w`` = longest span; 0 past a span's end)."""
        start, end = spans[..., 0].long(), spans[..., 1].long()
        width = int((end - start).max().item()) + 1 if start.numel() else 1
        pos = start.unsqueeze(-1) + torch.arange(width, device=hidden.device)   # [B, m, w]
        valid = pos <= end.unsqueeze(-1)
        pos = pos.clamp(max=hidden.shape[1] - 1)
        scores = self.attn_score(hidden).squeeze(-1)                             # [B, T]
        b = torch.arange(hidden.shape[0], device=hidden.device)[:, None, None]
        return scores[b, pos].masked_fill(~valid, float("-inf")).softmax(dim=-1)

    def attention_pool(self, hidden: torch.Tensor, spans: torch.Tensor) -> torch.Tensor:
        """``ĝ_ij = Σ_k a_k h_k`` over each span's tokens: ``[B, m, d]``."""
        w = self.attention_weights(hidden, spans)
        pos = (spans[..., 0].long().unsqueeze(-1) + torch.arange(w.shape[-1], device=hidden.device)).clamp(
            max=hidden.shape[1] - 1)
        b = torch.arange(hidden.shape[0], device=hidden.device)[:, None, None]
        return (w.unsqueeze(-1) * hidden[b, pos]).sum(dim=-2)


def span_heads_path(model_dir: str | Path) -> Path:
    """Where trained span heads for a checkpoint live: ``<model_dir>/span_heads.safetensors``."""
    return Path(model_dir) / SPAN_HEADS_FILE


def save_span_heads(heads: SpanHeads, path: str | Path, *, trained: bool | None = None) -> Path:
    """Write ``heads`` to a safetensors file, atomically (temp file + ``os.replace``).

    A folder as ``path`` means ``<folder>/span_heads.safetensors``. ``trained`` overrides
    ``heads.trained`` (a span task passes True).
    """
    from safetensors.torch import save_file

    path = Path(path)
    if path.is_dir():
        path = span_heads_path(path)
    if trained is not None:
        heads.trained = bool(trained)
    meta = {"d_model": str(heads.d_model), "d_proj": str(heads.d_proj),
            "trained": "true" if heads.trained else "false", "info": json.dumps(heads.info)}
    tensors = {k: v.detach().cpu().contiguous() for k, v in heads.state_dict().items()}
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".safetensors", dir=path.parent)
    os.close(fd)
    try:
        save_file(tensors, tmp, metadata=meta)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_span_heads(path: str | Path, *, d_model: int | None = None, device: str = "cpu") -> SpanHeads:
    """Read span heads saved by :func:`save_span_heads` (a file, or a folder holding one).

    Raises
    ------
    SpanHeadsError : missing or unreadable file, or ``d_model`` differs from the saved width.
    """
    from safetensors import safe_open
    from safetensors.torch import load_file

    path = Path(path)
    if path.is_dir():
        path = span_heads_path(path)
    if not path.is_file():
        raise errors.SpanHeadsError(f"No span heads at '{path}'.")
    try:
        with safe_open(str(path), framework="pt") as f:
            meta = f.metadata() or {}
        state = load_file(str(path), device=device)
        heads = SpanHeads(int(meta["d_model"]), int(meta["d_proj"]))
        heads.load_state_dict(state)
    except errors.InspectorError:
        raise
    except Exception as exc:  # safetensors raises its own error type; a bad state dict raises RuntimeError
        raise errors.SpanHeadsError(f"The span heads in '{path.name}' could not be read: {exc}") from exc
    if d_model is not None and heads.d_model != d_model:
        raise errors.SpanHeadsError(
            f"The span heads in '{path.name}' read {heads.d_model}-wide hidden states, the model has {d_model}.")
    heads.trained = meta.get("trained") == "true"
    heads.info = json.loads(meta.get("info") or "{}")
    return heads.to(device).eval()


def find_span_heads(model_dir: str | Path, d_model: int, device: str = "cpu") -> SpanHeads:
    """Trained heads from ``<model_dir>/span_heads.safetensors`` if they fit, else random seeded ones."""
    path = span_heads_path(model_dir)
    if path.is_file():
        try:
            return load_span_heads(path, d_model=d_model, device=device)
        except errors.SpanHeadsError as exc:
            # Unusable file: fall back to the labelled random projections and say why.
            heads = SpanHeads(d_model).to(device).eval()
            heads.info["load_error"] = exc.message
            return heads
    return SpanHeads(d_model).to(device).eval()


@dataclass(frozen=True)
class SpansData:
    """What the spans panel caches: every line's hidden states, the span heads (trained ones
    from the checkpoint folder if present) and the model's position-embedding table, if any."""

    batch: SentenceBatch
    heads: SpanHeads
    positions: np.ndarray | None    # [positions, d] learned absolute position embeddings, or None


def iter_spans_data(loaded: LoadedModel, text: str) -> Generator[TaskProgress, None, SpansData]:
    """One batched forward over ``text``'s lines plus the span heads; yields progress."""
    from .spans import position_table

    batch = yield from iter_sentence_batch(loaded, text)
    heads = find_span_heads(loaded.path, loaded.d_model, device="cpu")
    return SpansData(batch, heads, position_table(loaded.model))
