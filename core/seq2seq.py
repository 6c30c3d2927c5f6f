"""Attention of an encoder-decoder (T5, BART) recorded while it really generates.

Teacher-forced attention shows what the decoder would attend to given the right answer;
here each row is one real generation step: the token the decoder was fed at that step,
its self-attention over the tokens so far and its cross-attention over the source.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import errors
from .inspector import ModelInspector
from .loader import LoadedModel
from .types import Encoding, ModelKind


@dataclass(frozen=True)
class Seq2SeqAttention:
    """Attention of one greedy generation.

    ``encoder`` float32 ``[layer, head, src, src]``; ``decoder`` ``[layer, head, tgt, tgt]``
    (causal: zero above the diagonal); ``cross`` ``[layer, head, tgt, src]``. Row ``t`` of
    ``decoder``/``cross`` is generation step ``t``: the decoder was fed
    ``decoder_tokens[t]`` and produced ``decoder_tokens[t + 1]`` (or ``generated_tokens[t]``).
    """

    source: Encoding
    decoder_tokens: tuple[str, ...]   # [tgt] tokens fed to the decoder, start token first
    generated_tokens: tuple[str, ...]  # [tgt] token produced at each step
    sequence_ids: np.ndarray          # int64 [tgt + 1] start token + generated ids
    encoder: np.ndarray
    decoder: np.ndarray
    cross: np.ndarray
    generated_text: str


def generate_with_attention(loaded: LoadedModel, text: str, *, max_new_tokens: int = 20) -> Seq2SeqAttention:
    """Greedy-generate from ``text`` and record encoder, decoder and cross-attention per step.

    Raises
    ------
    CapabilityError : the model is not an encoder-decoder.
    EmptyTextError : the text is empty.
    """
    import torch

    if loaded.kind is not ModelKind.ENCODER_DECODER:
        raise errors.CapabilityError(f"{loaded.name} is not an encoder-decoder model.",
                                     hint="Cross-attention exists only in T5/BART-style models.")
    if max_new_tokens < 1:
        raise errors.InputError("Generate at least one token.")
    prep = ModelInspector(loaded)._prepare(text)
    with torch.inference_mode():
        out = loaded.model.generate(
            input_ids=prep.inputs["input_ids"], attention_mask=prep.inputs["attention_mask"],
            max_new_tokens=max_new_tokens, do_sample=False, num_beams=1,
            output_attentions=True, return_dict_in_generate=True)
    seq = out.sequences[0].cpu().numpy().astype(np.int64)
    steps = len(out.cross_attentions)
    n_layers = len(out.encoder_attentions)
    n_heads = out.encoder_attentions[0].shape[1]
    src = len(prep.encoding)
    encoder = torch.stack([a[0] for a in out.encoder_attentions]).float().cpu().numpy()
    decoder = np.zeros((n_layers, n_heads, steps, steps), dtype=np.float32)
    cross = np.zeros((n_layers, n_heads, steps, src), dtype=np.float32)
    for t in range(steps):
        # With the KV cache each step's query is the one newest token: take its last row.
        for layer in range(n_layers):
            d = out.decoder_attentions[t][layer][0, :, -1, :].float().cpu().numpy()
            decoder[layer, :, t, : d.shape[-1]] = d[:, : steps]
            cross[layer, :, t] = out.cross_attentions[t][layer][0, :, -1, :].float().cpu().numpy()
    tok = loaded.tokenizer
    tokens = tok.convert_ids_to_tokens(seq.tolist())
    return Seq2SeqAttention(
        source=prep.encoding,
        decoder_tokens=tuple(tokens[:steps]),
        generated_tokens=tuple(tokens[1: steps + 1]),
        sequence_ids=seq[: steps + 1],
        encoder=encoder, decoder=decoder, cross=cross,
        generated_text=tok.decode(seq[1: steps + 1].tolist(), skip_special_tokens=True),
    )
