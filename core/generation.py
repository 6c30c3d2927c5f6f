"""Step-by-step generation for decoders and encoder-decoders, with every stage recorded.

:func:`iter_generate` yields a :class:`GenerationStart`, then one :class:`GenerationStep` per
token (so a worker can stream and stop between steps) and returns a
:class:`GenerationRun`. It uses the KV cache exactly like ``model.generate``: one forward
over the prompt, then one token per forward. Greedy output equals
``generate(do_sample=False)`` token for token.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import errors
from .decoding import _view_from_stages, is_whole_piece, stage_logits, stage_view, token_text, validate
from .generation_types import (DecodingConfig, GenerationRun, GenerationStart, GenerationStep, StageView,
                               Strategy)
from .loader import LoadedModel
from .types import Capability, ModelKind

LOG2 = float(np.log(2.0))


@dataclass(frozen=True)
class _Prompt:
    start: GenerationStart
    decoder_ids: list[int]          # ids fed to the decoder before the first new token
    encoder_ids: list[int] | None   # source ids of a seq2seq model


def require_generation(loaded: LoadedModel) -> None:
    """Raise a student-readable error unless ``loaded`` can generate text."""
    if Capability.GENERATE not in loaded.capabilities or loaded.kind is ModelKind.ENCODER:
        raise errors.CapabilityError(
            f"{loaded.name} is an encoder-only model: it has no decoder to generate text with.",
            hint="BERT-style encoders read the whole text at once and fill in [MASK] tokens; they were never "
                 "trained to predict the next token. Load a decoder (stories260k, GPT-2, Llama) or an "
                 "encoder-decoder (T5, FLAN-T5, BART).")


def eos_ids(loaded: LoadedModel) -> set[int]:
    """End-of-sequence ids from the generation config (a list is allowed), else the tokenizer."""
    gc = getattr(loaded.model, "generation_config", None)
    value = getattr(gc, "eos_token_id", None) if gc is not None else None
    if value is None:
        value = loaded.tokenizer.eos_token_id
    if value is None:
        return set()
    return {int(v) for v in (value if isinstance(value, (list, tuple)) else [value])}


def decoder_start_id(loaded: LoadedModel) -> int:
    gc = getattr(loaded.model, "generation_config", None)
    for src in (gc, loaded.model.config):
        v = getattr(src, "decoder_start_token_id", None) if src is not None else None
        if isinstance(v, int):
            return v
    v = loaded.model.config.pad_token_id
    if isinstance(v, int):
        return v
    raise errors.CapabilityError(f"{loaded.name} does not say which token starts its decoder.")


def prepare_prompt(loaded: LoadedModel, prompt: str, cfg: DecodingConfig,
                   forced: Sequence[int] = ()) -> _Prompt:
    """Tokenise the prompt: BOS for an empty decoder prompt, left truncation to fit the context."""
    require_generation(loaded)
    tok = loaded.tokenizer
    text = prompt if isinstance(prompt, str) else ""
    truncated = 0
    if loaded.kind is ModelKind.ENCODER_DECODER:
        if not text.strip():
            raise errors.EmptyTextError("An encoder-decoder needs a source text to read.",
                                        hint="Type an input, e.g. 'translate English to German: The house is small.'")
        ids = tok(text)["input_ids"]
        limit = loaded.max_length
        if len(ids) > limit:
            truncated = len(ids) - limit
            ids = ids[-limit:]
        start_id = decoder_start_id(loaded)
        dec = [start_id, *map(int, forced)]
        start = GenerationStart(
            prompt_ids=np.asarray(ids, dtype=np.int64), prompt_tokens=tuple(tok.convert_ids_to_tokens(ids)),
            prompt_surprisal=np.full(len(ids), np.nan, dtype=np.float32), started_from_bos=False,
            truncated_tokens=truncated, source_tokens=tuple(tok.convert_ids_to_tokens(ids)),
            decoder_start_ids=np.asarray([start_id], dtype=np.int64), config=cfg)
        return _Prompt(start, dec, list(ids))
    from_bos = not text.strip()
    if from_bos:
        first = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
        if first is None:
            raise errors.EmptyTextError("The prompt is empty and this tokenizer has no start token.",
                                        hint="Type a few words to start from.")
        ids = [int(first)]
    else:
        ids = [int(i) for i in tok(text)["input_ids"]]
        if not ids:
            raise errors.EmptyTextError("The prompt has no tokens.")
    room = loaded.max_length - cfg.max_new_tokens - len(forced)
    if room < 1:
        raise errors.InvalidDecodingError(
            f"{cfg.max_new_tokens} new tokens do not fit in the model's context of {loaded.max_length} tokens.",
            hint="Ask for fewer new tokens.")
    if len(ids) > room:
        keep_bos = tok.bos_token_id is not None and ids[0] == tok.bos_token_id
        truncated = len(ids) - room
        ids = ([ids[0]] + ids[-(room - 1):]) if keep_bos and room > 1 else ids[-room:]
    start = GenerationStart(
        prompt_ids=np.asarray(ids, dtype=np.int64), prompt_tokens=tuple(tok.convert_ids_to_tokens(ids)),
        prompt_surprisal=np.full(len(ids), np.nan, dtype=np.float32), started_from_bos=from_bos,
        truncated_tokens=truncated, config=cfg)
    return _Prompt(start, ids + [int(i) for i in forced], None)


def encode_source(loaded: LoadedModel, encoder_ids: list[int]) -> tuple[Any, Any]:
    """Run a seq2seq model's encoder once: ``(encoder_outputs, attention_mask)``."""
    import torch

    ids = torch.as_tensor([encoder_ids], device=loaded.device)
    mask = torch.ones_like(ids)
    return loaded.model.get_encoder()(input_ids=ids, attention_mask=mask, return_dict=True), mask


def iter_generate(loaded: LoadedModel, prompt: str, cfg: DecodingConfig, *, forced: Sequence[int] = (),
                  ) -> Generator[GenerationStart | GenerationStep, None, GenerationRun]:
    """Generate token by token (greedy or sampling), yielding each step with its stages.

    Parameters
    ----------
    prompt : the text; empty starts a decoder from BOS alone (``start.started_from_bos``).
    cfg : decoding settings (``Strategy.BEAM`` belongs to :func:`core.beam.iter_beam_search`).
    forced : tokens already chosen after the prompt (a branch continues from them).

    Raises
    ------
    CapabilityError : encoder-only model. InvalidDecodingError : bad settings.
    EmptyTextError : empty source of an encoder-decoder.
    """
    import torch

    cfg = validate(cfg)
    if cfg.strategy is Strategy.BEAM:
        raise errors.InvalidDecodingError("Use beam search's own runner for Strategy.BEAM.")
    prep = prepare_prompt(loaded, prompt, cfg, forced)
    check_fits(loaded, len(prep.decoder_ids) + cfg.max_new_tokens, 1, len(prep.encoder_ids or ()))
    model, tok = loaded.model, loaded.tokenizer
    seq2seq = loaded.kind is ModelKind.ENCODER_DECODER
    stop_ids = eos_ids(loaded) if cfg.stop_at_eos else set()
    device = loaded.device
    gen = torch.Generator(device=device)
    with torch.inference_mode():
        dec = torch.as_tensor([prep.decoder_ids], device=device)
        if seq2seq:
            enc_out, enc_mask = encode_source(loaded, prep.encoder_ids)
            out = model(encoder_outputs=enc_out, attention_mask=enc_mask, decoder_input_ids=dec,
                        use_cache=True, output_attentions=True, return_dict=True)
        else:
            out = model(input_ids=dec, use_cache=True, return_dict=True)
        all_logp = torch.log_softmax(out.logits[0].float(), dim=-1)              # [n, vocab]
        n_prompt = len(prep.start.prompt_ids)
        targets = dec[0, 1:]
        token_logp = all_logp[:-1].gather(1, targets[:, None])[:, 0].cpu().numpy() if dec.shape[1] > 1 \
            else np.zeros(0, dtype=np.float32)
        start = prep.start
        if not seq2seq:
            surprisal = np.full(n_prompt, np.nan, dtype=np.float32)
            surprisal[1:] = -token_logp[: n_prompt - 1] / LOG2
            start = dataclasses.replace(start, prompt_surprisal=surprisal)
        yield start
        cumulative = float(token_logp[n_prompt - 1:].sum()) if not seq2seq else float(token_logp.sum())
        steps: list[GenerationStep] = []
        ids_so_far = list(prep.decoder_ids)
        cache = out.past_key_values
        logits = out.logits[:, -1, :].float()
        cross = out.cross_attentions if seq2seq else None
        reason = "length"
        empty = torch.zeros((1, 0), dtype=torch.long, device=device)
        for i in range(cfg.max_new_tokens):
            context = torch.as_tensor([ids_so_far], device=device) if cfg.repetition_penalty != 1.0 else empty
            stages, applied = stage_logits(logits, context, cfg)
            final = stages[-1]
            if cfg.sampling:
                gen.manual_seed(cfg.seed * 1_000_003 + len(ids_so_far))
                next_id = int(torch.multinomial(torch.softmax(final, dim=-1), 1, generator=gen)[0, 0])
            else:
                next_id = int(torch.argmax(final, dim=-1)[0])
            raw_lp = torch.log_softmax(logits[0], dim=-1)
            lp = float(raw_lp[next_id])
            cumulative += lp
            ids_so_far.append(next_id)
            piece = _piece(tok, ids_so_far)
            cross_np = None
            if cross is not None:
                cross_np = torch.stack([c[0, :, -1, :] for c in cross]).float().cpu().numpy()
            view = _view_from_stages(stages, applied, cfg, tok, next_id)
            p_final = float(view.probs[-1, view.ids.tolist().index(next_id)])
            step = GenerationStep(
                index=len(forced) + i, token_id=next_id, token=piece, logprob=lp,
                processed_logprob=float(np.log(p_final)) if p_final > 0 else -float("inf"),
                cumulative_logprob=cumulative, surprisal_bits=-lp / LOG2, stages=view,
                raw_logits=logits[0].cpu().numpy(), context_ids=np.asarray(ids_so_far[:-1], dtype=np.int64),
                cross_attention=cross_np)
            steps.append(step)
            yield step
            if next_id in stop_ids:
                reason = "eos"
                break
            if i + 1 == cfg.max_new_tokens:
                break
            nxt = torch.as_tensor([[next_id]], device=device)
            if seq2seq:
                out = model(encoder_outputs=enc_out, attention_mask=enc_mask, decoder_input_ids=nxt,
                            past_key_values=cache, use_cache=True, output_attentions=True, return_dict=True)
                cross = out.cross_attentions
            else:
                out = model(input_ids=nxt, past_key_values=cache, use_cache=True, return_dict=True)
            cache = out.past_key_values
            logits = out.logits[:, -1, :].float()
    gen_ids = [s.token_id for s in steps]
    return GenerationRun(start=start, steps=tuple(steps), text=tok.decode(gen_ids, skip_special_tokens=True),
                         finish_reason=reason)


def _piece(tok: Any, ids: list[int], window: int = 6) -> str:
    """The text the last id adds; a byte of a multi-byte character is decoded with its neighbours."""
    if is_whole_piece(tok, ids[-1]) and (len(ids) < 2 or is_whole_piece(tok, ids[-2])):
        return token_text(tok, ids[-1])
    before = tok.decode(ids[-window - 1:-1], skip_special_tokens=False)
    after = tok.decode(ids[-window - 1:], skip_special_tokens=False)
    piece = after[len(before):]
    if not after.startswith(before) or not piece or "\ufffd" in piece:
        return token_text(tok, ids[-1])  # an incomplete character: show the raw byte piece, never '�'
    return piece


def generate(loaded: LoadedModel, prompt: str, cfg: DecodingConfig, *,
             forced: Sequence[int] = ()) -> GenerationRun:
    """Blocking form of :func:`iter_generate`."""
    it = iter_generate(loaded, prompt, cfg, forced=forced)
    while True:
        try:
            next(it)
        except StopIteration as stop:
            return stop.value


def restage(step: GenerationStep, cfg: DecodingConfig, tokenizer: Any) -> StageView:
    """The step's stages under new settings, from its cached raw logits (no forward pass)."""
    return stage_view(step.raw_logits, step.context_ids, cfg, tokenizer, chosen=step.token_id)


def _available_bytes(device: str) -> int:
    if device.startswith("cuda"):
        import torch

        return int(torch.cuda.mem_get_info()[0])
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 8 << 30


def estimate_bytes(loaded: LoadedModel, n_tokens: int, n_beams: int, source_len: int = 0) -> int:
    """Rough memory of the KV cache, per-step logits and recorded cross-attention for ``n_beams`` × ``n_tokens``."""
    cfg = loaded.model.config
    heads = int(getattr(cfg, "num_key_value_heads", None) or loaded.n_heads or 1)
    head_dim = int(getattr(cfg, "head_dim", None) or getattr(cfg, "d_kv", None)
                   or (loaded.d_model // max(1, loaded.n_heads)))
    layers = int(getattr(cfg, "num_decoder_layers", None) or loaded.n_layers or 1)
    vocab = int(getattr(cfg, "vocab_size", 0) or len(loaded.tokenizer))
    per_token = 2 * layers * heads * head_dim * 4
    kv = per_token * n_beams * (n_tokens + source_len)
    logits = 4 * vocab * n_beams * 4         # logits, log-probs and top-k buffers per step
    # encoder-decoders record every step's cross-attention of every beam: [layer, head, src] each
    cross = 4 * layers * int(loaded.n_heads or 1) * source_len * n_beams * n_tokens
    return int(kv + logits + 4 * vocab * n_tokens + cross)


def check_fits(loaded: LoadedModel, n_tokens: int, n_beams: int, source_len: int = 0) -> None:
    """Raise :class:`GenerationTooLargeError` when the run would not fit in memory."""
    need = estimate_bytes(loaded, n_tokens, n_beams, source_len)
    have = _available_bytes(loaded.device)
    if need > 0.7 * have:
        raise errors.GenerationTooLargeError(
            f"{n_beams} beams × {n_tokens} tokens need about {need / 2**30:.1f} GiB, but only "
            f"{have / 2**30:.1f} GiB are free on {loaded.device}.",
            hint="Use fewer beams or fewer new tokens.")


def with_choice(step: GenerationStep, token_id: int, cfg: DecodingConfig, tokenizer: Any) -> GenerationStep:
    """The same step with another token chosen (a branch), from its cached raw logits."""
    logits = np.asarray(step.raw_logits, dtype=np.float64)
    logp = logits - logits.max()
    logp = logp - np.log(np.exp(logp).sum())
    view = restage(dataclasses.replace(step, token_id=int(token_id)), cfg, tokenizer)
    row = np.flatnonzero(view.ids == token_id)
    final = float(view.probs[-1, row[0]]) if row.size else 0.0
    lp = float(logp[token_id])
    return dataclasses.replace(
        step, token_id=int(token_id), token=token_text(tokenizer, int(token_id)), logprob=lp,
        processed_logprob=float(np.log(final)) if final > 0 else -float("inf"),
        cumulative_logprob=step.cumulative_logprob - step.logprob + lp, surprisal_bits=-lp / LOG2, stages=view)


def perplexity_of_steps(steps: Sequence[GenerationStep]) -> float:
    """``exp(mean NLL)`` of generated tokens under the raw model (NaN when there are none)."""
    if not steps:
        return float("nan")
    return float(np.exp(-np.mean([s.logprob for s in steps])))
