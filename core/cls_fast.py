"""[CLS] classification training computes only what its loss needs.

A sequence classifier's loss reads one vector per row: the last layer's output at [CLS]
(position 0). Every other position of the LAST layer — its query, attention output and
feed-forward — feeds nothing. :func:`cls_loss` runs the embeddings and the first N-1
layers with the model's own modules, then the last layer for the [CLS] query only
(keys and values still come from every token), then the model's own head. Same
parameters, same maths (eval-mode loss equal to ``model(**batch).loss`` to float
rounding; tests/core/test_cls_fast.py); about 1/7 fewer FLOPs for a 6-layer encoder.

Only architectures whose layout is known are taken (BERT, RoBERTa/XLM-R, ELECTRA
classifiers, absolute positions, no chunked feed-forward, single-label); anything else
gets ``None`` and the caller falls back to the plain forward.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# classifier class name -> how its head reads the last hidden state
_HEADS = {"BertForSequenceClassification": "pooler", "RobertaForSequenceClassification": "head",
          "XLMRobertaForSequenceClassification": "head", "ElectraForSequenceClassification": "head"}


def _inner(model: Any) -> Any:
    get = getattr(model, "get_base_model", None)
    return get() if callable(get) and hasattr(model, "peft_config") else model


def supports_cls_fast(model: Any) -> bool:
    """Whether :func:`cls_loss` knows this model's layout (else use the plain forward)."""
    inner = _inner(model)
    kind = _HEADS.get(type(inner).__name__)
    cfg = getattr(inner, "config", None)
    if kind is None or cfg is None:
        return False
    if getattr(cfg, "is_decoder", False) or getattr(cfg, "chunk_size_feed_forward", 0):
        return False
    if getattr(cfg, "position_embedding_type", "absolute") not in (None, "absolute"):
        return False
    if getattr(cfg, "_attn_implementation", "eager") not in ("sdpa", "eager"):
        return False
    if getattr(cfg, "problem_type", None) not in (None, "single_label_classification"):
        return False
    if getattr(inner, "num_labels", 0) < 2:
        return False
    base = getattr(inner, getattr(inner, "base_model_prefix", ""), None)
    layers = getattr(getattr(base, "encoder", None), "layer", None)
    if base is None or not layers or not hasattr(base, "embeddings"):
        return False
    last = layers[-1]
    sa = getattr(getattr(last, "attention", None), "self", None)
    needed = (sa, getattr(last.attention, "output", None) if sa is not None else None,
              getattr(last, "intermediate", None), getattr(last, "output", None))
    if any(m is None for m in needed) or not all(hasattr(sa, a) for a in ("query", "key", "value", "scaling")):
        return False
    if getattr(sa, "is_cross_attention", False) or getattr(last, "add_cross_attention", False):
        return False
    return kind != "pooler" or getattr(base, "pooler", None) is not None


def cls_logits(model: Any, batch: Mapping[str, Any]) -> Any:
    """Logits ``(batch, num_labels)`` with the last layer computed at [CLS] only."""
    import torch
    import torch.nn.functional as F

    inner = _inner(model)
    base = getattr(inner, inner.base_model_prefix)
    ids = batch["input_ids"]
    mask = batch.get("attention_mask")
    h = base.embeddings(input_ids=ids, token_type_ids=batch.get("token_type_ids"))
    project = getattr(base, "embeddings_project", None)  # ELECTRA: embedding size != hidden size
    if project is not None:
        h = project(h)
    keep = ext = None
    if mask is not None:
        keep = mask[:, None, None, :].bool()              # (B, 1, 1, S): what SDPA takes (any dtype under autocast)
        if inner.config._attn_implementation == "sdpa":
            ext = keep
        else:                                             # eager adds it to the scores
            ext = (1.0 - mask[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min
    layers = base.encoder.layer
    for i in range(len(layers) - 1):                      # (slicing a ModuleList builds a new one each step)
        out = layers[i](h, ext)
        h = out[0] if isinstance(out, tuple) else out
    last = layers[-1]
    sa = last.attention.self
    b, s, _ = h.shape
    x0 = h[:, :1]
    d = sa.attention_head_size
    q = sa.query(x0).view(b, 1, -1, d).transpose(1, 2)
    k = sa.key(h).view(b, s, -1, d).transpose(1, 2)
    v = sa.value(h).view(b, s, -1, d).transpose(1, 2)
    p = sa.dropout.p if sa.training and hasattr(sa, "dropout") else 0.0
    ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=keep, dropout_p=p, scale=sa.scaling)
    ctx = ctx.transpose(1, 2).reshape(b, 1, -1)
    a = last.attention.output(ctx, x0)
    cls = last.output(last.intermediate(a), a)           # (B, 1, H): the [CLS] row of the last layer
    if _HEADS[type(inner).__name__] == "pooler":
        return inner.classifier(inner.dropout(base.pooler(cls)))
    return inner.classifier(cls)


def cls_loss(model: Any, batch: Mapping[str, Any]) -> Any:
    """Mean cross-entropy of the [CLS]-only forward (what ``model(**batch).loss`` computes)."""
    import torch.nn.functional as F

    logits = cls_logits(model, batch)
    return F.cross_entropy(logits.view(-1, logits.shape[-1]), batch["labels"].view(-1))
