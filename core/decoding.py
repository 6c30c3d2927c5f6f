"""The decoding pipeline stage by stage, with transformers' semantics and order.

``generate`` applies the repetition penalty first; then, only when sampling,
temperature → top-k → top-p → min-p. Filtered tokens get −inf, ties at the k-th value are
kept, and top-p keeps the token that crosses the threshold. :func:`stage_logits` returns
the logits after each stage so a step can be explained (and recomputed from its cached
raw logits when a control moves) without another forward pass.
"""
from __future__ import annotations

import dataclasses
import math
import weakref
from typing import Any

import numpy as np

from . import errors
from .generation_types import STAGES, DecodingConfig, StageView, Strategy

_HF_DEFAULTS = {"temperature": 1.0, "top_k": 50, "top_p": 1.0, "min_p": 0.0, "repetition_penalty": 1.0,
                "num_beams": 1, "length_penalty": 1.0, "early_stopping": False, "max_new_tokens": 40}


def default_decoding(loaded: Any) -> DecodingConfig:
    """The checkpoint's ``generation_config.json`` values, transformers' defaults elsewhere."""
    gc = getattr(loaded.model, "generation_config", None)
    values: dict[str, Any] = {}
    for name, default in _HF_DEFAULTS.items():
        v = getattr(gc, name, None) if gc is not None else None
        values[name] = default if v is None else v
    if gc is not None and getattr(gc, "max_new_tokens", None) is None and getattr(gc, "max_length", None):
        # A checkpoint that sets max_length (e.g. 20) means total length; keep a useful default.
        values["max_new_tokens"] = max(20, int(values["max_new_tokens"]))
    beams = int(values.pop("num_beams") or 1)
    do_sample = bool(getattr(gc, "do_sample", False)) if gc is not None else False
    strategy = Strategy.BEAM if beams > 1 else Strategy.SAMPLE if do_sample else Strategy.GREEDY
    return DecodingConfig(strategy=strategy, num_beams=max(beams, 2) if beams > 1 else 4,
                          temperature=float(values["temperature"]), top_k=int(values["top_k"]),
                          top_p=float(values["top_p"]), min_p=float(values["min_p"]),
                          repetition_penalty=float(values["repetition_penalty"]),
                          length_penalty=float(values["length_penalty"]),
                          early_stopping=values["early_stopping"],
                          max_new_tokens=int(values["max_new_tokens"]))


def validate(cfg: DecodingConfig) -> DecodingConfig:
    """Check the settings; ``temperature = 0`` while sampling becomes greedy.

    Raises
    ------
    InvalidDecodingError : temperature < 0, top-p outside (0, 1], min-p outside [0, 1],
        top-k < 0, repetition penalty ≤ 0, fewer than 1 new token or 2 beams.
    """
    if not math.isfinite(cfg.temperature) or cfg.temperature < 0:
        raise errors.InvalidDecodingError(f"Temperature must be 0 or more (got {cfg.temperature}).",
                                          hint="0 means greedy; 1 leaves the model's distribution unchanged.")
    if not 0.0 < cfg.top_p <= 1.0:
        raise errors.InvalidDecodingError(f"top-p must lie in (0, 1] (got {cfg.top_p}).",
                                          hint="1.0 switches the nucleus filter off.")
    if not 0.0 <= cfg.min_p <= 1.0:
        raise errors.InvalidDecodingError(f"min-p must lie in [0, 1] (got {cfg.min_p}).")
    if cfg.top_k < 0:
        raise errors.InvalidDecodingError(f"top-k must be 0 (off) or more (got {cfg.top_k}).")
    if not cfg.repetition_penalty > 0:
        raise errors.InvalidDecodingError("The repetition penalty must be positive (1.0 = off).")
    if cfg.max_new_tokens < 1:
        raise errors.InvalidDecodingError("Generate at least one new token.")
    if cfg.strategy is Strategy.BEAM and cfg.num_beams < 2:
        raise errors.InvalidDecodingError("Beam search needs at least 2 beams.", hint="1 beam is greedy search.")
    if cfg.strategy is Strategy.SAMPLE and cfg.temperature == 0:
        return dataclasses.replace(cfg, strategy=Strategy.GREEDY)
    return cfg


def repetition_penalty(scores: Any, context_ids: Any, penalty: float) -> Any:
    """CTRL's penalty as in ``RepetitionPenaltyLogitsProcessor`` (``scores [b, vocab]``)."""
    import torch

    if penalty == 1.0 or context_ids.shape[-1] == 0:
        return scores
    vocab = scores.shape[-1]
    ids = context_ids.clamp(max=vocab)
    padded = torch.nn.functional.pad(scores, (0, 1))
    score = torch.gather(padded, 1, ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return padded.scatter(1, ids, score)[..., :vocab]


def top_k_filter(scores: Any, k: int, min_keep: int = 1) -> Any:
    import torch

    k = min(max(k, min_keep), scores.shape[-1])
    threshold = torch.topk(scores, k)[0][..., -1, None]
    return scores.masked_fill(scores < threshold, -float("inf"))


def top_p_filter(scores: Any, p: float, min_keep: int = 1) -> Any:
    import torch

    sorted_logits, sorted_idx = torch.sort(scores, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    remove = cumulative <= (1 - p)         # the token crossing the threshold is kept
    remove[..., -min_keep:] = False
    remove = remove.scatter(1, sorted_idx, remove)
    return scores.masked_fill(remove, -float("inf"))


def min_p_filter(scores: Any, min_p: float, min_keep: int = 1) -> Any:
    import torch

    probs = torch.softmax(scores, dim=-1)
    remove = probs < min_p * probs.amax(dim=-1, keepdim=True)
    keep = torch.topk(probs, min(min_keep, probs.shape[-1]), dim=-1).indices
    remove.scatter_(-1, keep, False)
    return scores.masked_fill(remove, -float("inf"))


def stage_logits(scores: Any, context_ids: Any, cfg: DecodingConfig) -> tuple[list[Any], list[bool]]:
    """Logits ``[b, vocab]`` after each of :data:`STAGES`, and whether each stage is applied.

    ``context_ids`` ``[b, t]``: the decoder ids so far (repetition penalty). Warpers apply only
    when sampling, as in ``generate``; unused stages repeat the previous logits.
    """
    out = [scores]
    s = repetition_penalty(scores, context_ids, cfg.repetition_penalty)
    out.append(s)
    applied = [True, cfg.repetition_penalty != 1.0]
    sampling = cfg.sampling
    if sampling and cfg.temperature != 1.0:
        s = s / cfg.temperature
    out.append(s)
    applied.append(sampling and cfg.temperature != 1.0)
    if sampling and cfg.top_k:
        s = top_k_filter(s, cfg.top_k)
    out.append(s)
    applied.append(bool(sampling and cfg.top_k))
    if sampling and cfg.top_p < 1.0:
        s = top_p_filter(s, cfg.top_p)
    if sampling and cfg.min_p > 0.0:
        s = min_p_filter(s, cfg.min_p)
    out.append(s)
    applied.append(bool(sampling and (cfg.top_p < 1.0 or cfg.min_p > 0.0)))
    return out, applied


def stage_view(raw_logits: Any, context_ids: Any, cfg: DecodingConfig, tokenizer: Any,
               chosen: int = -1) -> StageView:
    """Top candidates of one step through every stage (``raw_logits [vocab]``, numpy or torch)."""
    import torch

    logits = torch.as_tensor(np.asarray(raw_logits, dtype=np.float32) if isinstance(raw_logits, np.ndarray)
                             else raw_logits).float().reshape(1, -1)
    ctx = torch.as_tensor(np.asarray(context_ids, dtype=np.int64) if isinstance(context_ids, np.ndarray)
                          else context_ids, device=logits.device).long().reshape(1, -1)
    stages, applied = stage_logits(logits, ctx, cfg)
    return _view_from_stages(stages, applied, cfg, tokenizer, chosen)


def _view_from_stages(stages: list[Any], applied: list[bool], cfg: DecodingConfig, tokenizer: Any,
                      chosen: int) -> StageView:
    import torch

    # Stages that are off return the previous tensor itself: softmax each distinct tensor once,
    # then pick the candidates in numpy (one transfer instead of many small tensor ops).
    distinct: dict[int, int] = {}
    uniq: list[Any] = []
    for t in stages:
        if id(t) not in distinct:
            distinct[id(t)] = len(uniq)
            uniq.append(t)
    rows = [distinct[id(t)] for t in stages]
    stacked = torch.cat(uniq, dim=0) if len(uniq) > 1 else uniq[0]       # [distinct, vocab]
    probs = stacked.softmax(dim=-1).cpu().numpy()
    finite = np.isfinite(stacked.cpu().numpy())
    vocab = probs.shape[-1]
    m = max(1, min(cfg.n_candidates, vocab))
    raw = probs[0]
    top = np.argpartition(-raw, m - 1)[:m] if m < vocab else np.arange(vocab)
    top = top[np.argsort(-raw[top], kind="stable")]
    ids = top.tolist()
    if chosen >= 0 and chosen not in ids:
        ids.append(chosen)
    idx = np.asarray(ids, dtype=np.int64)
    try:
        cache = _PIECES.setdefault(tokenizer, {})
    except TypeError:
        cache = {}
    tokens = tuple((cache.get(i) or _entry(tokenizer, i))[0] for i in ids)
    return StageView(
        ids=idx, tokens=tokens, probs=probs[:, idx].astype(np.float32)[rows], kept=finite[:, idx][rows],
        applied=np.asarray(applied, dtype=bool), n_kept=finite.sum(axis=-1).astype(np.int64)[rows],
        chosen=int(chosen))


_PIECES: "weakref.WeakKeyDictionary[Any, dict[int, tuple[str, bool]]]" = weakref.WeakKeyDictionary()


def _entry(tokenizer: Any, token_id: int) -> tuple[str, bool]:
    try:
        cache = _PIECES.setdefault(tokenizer, {})
    except TypeError:  # a tokenizer that cannot be weakly referenced
        cache = {}
    entry = cache.get(token_id)
    if entry is None:
        entry = cache[token_id] = _token_text(tokenizer, token_id)
    return entry


def token_text(tokenizer: Any, token_id: int) -> str:
    """A token as readable text (byte-level pieces decoded; spaces kept), cached per tokenizer."""
    return _entry(tokenizer, token_id)[0]


def is_whole_piece(tokenizer: Any, token_id: int) -> bool:
    """False for a token that is only part of a character (one byte of a multi-byte UTF-8 sequence)."""
    return _entry(tokenizer, token_id)[1]


def _token_text(tokenizer: Any, token_id: int) -> tuple[str, bool]:
    text = tokenizer.decode([token_id], skip_special_tokens=False, clean_up_tokenization_spaces=False)
    piece = tokenizer.convert_ids_to_tokens(token_id) or ""
    if piece.startswith("\u2581") and not text.startswith(" "):
        text = " " + text  # sentencepiece drops a leading space when a piece is decoded alone
    if not text or "\ufffd" in text:
        return piece, False  # part of a multi-byte character: show the raw piece instead of '�'
    return text, True


__all__ = ["STAGES", "default_decoding", "validate", "stage_logits", "stage_view", "token_text", "is_whole_piece",
           "repetition_penalty", "top_k_filter", "top_p_filter", "min_p_filter"]
