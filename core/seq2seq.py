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
    origin: str = ""                  # "" = this greedy computation; else the recorded run's strategy


@dataclass(frozen=True)
class RecordedGeneration:
    """What an encoder-decoder's generation run recorded, to be shown by the attention panel.

    ``decoder_ids`` int64 ``[steps + 1]``: start token(s) then the generated ids; ``cross``
    float32 ``[layer, head, steps, src]``: row ``t`` is the cross-attention of the step that
    was fed ``decoder_ids[t]`` (as :class:`Seq2SeqAttention`).
    """

    slot: str
    text: str                          # the source text
    encoder_ids: np.ndarray            # int64 [src]
    decoder_ids: np.ndarray
    cross: np.ndarray
    strategy: str                      # "greedy", "sample", ...


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


def attention_of_recording(loaded: LoadedModel, rec: RecordedGeneration) -> Seq2SeqAttention:
    """The attention of a recorded generation run: its recorded cross-attention, with the
    encoder and decoder self-attention of one teacher-forced pass over the generated tokens.

    Raises
    ------
    CapabilityError : the model is not an encoder-decoder.
    InputError : the recording does not fit the model (another model or source).
    """
    import torch

    if loaded.kind is not ModelKind.ENCODER_DECODER:
        raise errors.CapabilityError(f"{loaded.name} is not an encoder-decoder model.")
    steps = int(rec.cross.shape[2]) if rec.cross.ndim == 4 else 0
    if steps < 1 or len(rec.decoder_ids) < steps + 1:
        raise errors.InputError("The generation run recorded no steps.")
    prep = ModelInspector(loaded)._prepare(rec.text)
    enc_ids = prep.inputs["input_ids"][0].cpu().numpy()
    if enc_ids.tolist() != np.asarray(rec.encoder_ids).tolist() or rec.cross.shape[3] != len(enc_ids):
        raise errors.InputError("The recorded run does not match this model's reading of its source.")
    seq = np.asarray(rec.decoder_ids, dtype=np.int64)
    fed = seq[-(steps + 1):-1]
    with torch.inference_mode():
        out = loaded.model(input_ids=prep.inputs["input_ids"], attention_mask=prep.inputs["attention_mask"],
                           decoder_input_ids=torch.as_tensor(fed[None], device=loaded.device),
                           output_attentions=True, return_dict=True)
    encoder = torch.stack([a[0] for a in out.encoder_attentions]).float().cpu().numpy()
    decoder = torch.stack([a[0] for a in out.decoder_attentions]).float().cpu().numpy()
    tok = loaded.tokenizer
    tokens = tok.convert_ids_to_tokens(seq[-(steps + 1):].tolist())
    return Seq2SeqAttention(
        source=prep.encoding, decoder_tokens=tuple(tokens[:steps]), generated_tokens=tuple(tokens[1:]),
        sequence_ids=seq[-(steps + 1):], encoder=encoder, decoder=decoder,
        cross=np.asarray(rec.cross, dtype=np.float32),
        generated_text=tok.decode(seq[-steps:].tolist(), skip_special_tokens=True), origin=rec.strategy)
