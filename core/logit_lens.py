"""The logit lens: read each layer's hidden state through the model's own output head.

For a decoder the head is the final norm + LM head; for an encoder-decoder the decoder's
final norm (T5 also rescales by ``d_model ** -0.5`` when the embeddings are tied) + LM head;
for a masked LM the whole MLM head (BERT's ``cls``, RoBERTa's ``lm_head``). The last row is
the model's real output, so the table ends in the prediction the student already saw.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from . import errors
from .decoding import token_text
from .generation import decoder_start_id, require_generation
from .generation_types import LogitLens
from .loader import LoadedModel
from .types import ModelKind


def _find(obj: Any, names: Sequence[str]) -> Any:
    for name in names:
        mod = getattr(obj, name, None)
        if mod is not None:
            return mod
    return None


def lens_head(loaded: LoadedModel) -> Callable[[Any], Any]:
    """``hidden [n, d] → logits [n, vocab]`` for an intermediate layer.

    Raises
    ------
    CapabilityError : the model has no output head the lens can use.
    """
    model = loaded.model
    if loaded.kind is ModelKind.ENCODER:
        if hasattr(model, "cls"):
            return model.cls
        if hasattr(model, "lm_head"):
            return model.lm_head
        if hasattr(model, "generator_lm_head"):
            return lambda h: model.generator_lm_head(model.generator_predictions(h))
        raise errors.CapabilityError(f"{loaded.name} has no masked-LM head to read the layers through.")
    head = model.get_output_embeddings()
    if head is None:
        raise errors.CapabilityError(f"{loaded.name} has no LM head.")
    base = getattr(model, model.base_model_prefix, model)
    norm = _find(base, ("norm", "ln_f", "final_layer_norm", "final_norm"))
    if norm is None and hasattr(base, "decoder"):
        norm = _find(base.decoder, ("final_layer_norm", "layer_norm", "norm"))
    if norm is None and hasattr(model, "decoder"):
        norm = _find(model.decoder, ("final_layer_norm", "layer_norm", "norm"))
    scale = 1.0
    cfg = model.config
    if cfg.model_type in ("t5", "mt5", "umt5") and getattr(cfg, "tie_word_embeddings", False):
        scale = cfg.d_model ** -0.5
    bias = getattr(model, "final_logits_bias", None)

    def apply(h: Any) -> Any:
        x = norm(h) if norm is not None else h
        logits = head(x * scale)
        return logits + bias if bias is not None else logits

    return apply


def logit_lens(loaded: LoadedModel, ids: Sequence[int], *, position: int = -1, top_k: int = 5,
               source_ids: Sequence[int] | None = None) -> LogitLens:
    """Top-``top_k`` tokens of every layer at ``position`` of ``ids``.

    ``ids``: decoder input (for seq2seq starting with the decoder start token) or, for a
    masked LM, the encoder input with a mask at ``position``.
    """
    import torch

    if loaded.kind is not ModelKind.ENCODER:
        require_generation(loaded)
    ids = [int(i) for i in ids]
    if not ids:
        raise errors.EmptyTextError("There are no tokens to look into.")
    head = lens_head(loaded)
    model = loaded.model
    with torch.inference_mode():
        inp = torch.as_tensor([ids], device=loaded.device)
        if loaded.kind is ModelKind.ENCODER_DECODER:
            if not source_ids:
                raise errors.EmptyTextError("An encoder-decoder needs its source text for the lens.")
            src = torch.as_tensor([list(source_ids)], device=loaded.device)
            out = model(input_ids=src, attention_mask=torch.ones_like(src), decoder_input_ids=inp,
                        output_hidden_states=True)
            hidden = out.decoder_hidden_states
        else:
            out = model(input_ids=inp, attention_mask=torch.ones_like(inp), output_hidden_states=True)
            hidden = out.hidden_states
        pos = position if position >= 0 else len(ids) + position
        rows = [head(h[0, pos:pos + 1]).float()[0] for h in hidden[:-1]]
        rows.append(out.logits[0, pos].float())
        probs = torch.softmax(torch.stack(rows), dim=-1)
        k = max(1, min(top_k, probs.shape[-1]))
        values, top = probs.topk(k, dim=-1)
    top_np = top.cpu().numpy().astype(np.int64)
    tok = loaded.tokenizer
    names = ("embeddings", *(f"layer {i}" for i in range(1, len(rows))))
    return LogitLens(layer_names=names,
                     tokens=tuple(tuple(token_text(tok, int(i)) for i in row) for row in top_np),
                     ids=top_np, probs=values.cpu().numpy().astype(np.float32), position=pos)


def lens_for_step(loaded: LoadedModel, prompt_ids: Sequence[int], context_ids: Sequence[int],
                  top_k: int = 5) -> LogitLens:
    """The lens at one generation step: ``context_ids`` are the decoder ids before that step."""
    if loaded.kind is ModelKind.ENCODER_DECODER:
        ctx = list(context_ids) or [decoder_start_id(loaded)]
        return logit_lens(loaded, ctx, top_k=top_k, source_ids=prompt_ids)
    return logit_lens(loaded, context_ids, top_k=top_k)
