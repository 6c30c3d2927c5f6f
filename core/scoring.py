"""Scoring text without generating: surprisal, perplexity and label-word log-probabilities.

Perplexity is the lectures' ``PPL = exp(mean NLL)`` over the predicted tokens, from one
teacher-forced forward. Label-word scoring is zero-shot classification as in the GPT-2 and
GPT-3 papers: the log-probability of each candidate answer as a continuation of the prompt
(decoder) or as the target (encoder-decoder), summed over its tokens.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import errors
from .generation import LOG2, decoder_start_id, require_generation
from .generation_types import SequenceScores
from .loader import LoadedModel
from .types import ModelKind


@dataclass(frozen=True)
class LabelScore:
    """One candidate answer: its tokens, each token's log-prob and the sum (nats)."""

    label: str
    token_ids: tuple[int, ...]
    tokens: tuple[str, ...]
    token_logprobs: np.ndarray      # float32 [n]
    logprob: float                  # summed over the tokens
    probability: float              # softmax of the summed log-probs over the candidates


@dataclass(frozen=True)
class LabelScores:
    """All candidates, in the order given; ``best`` is the zero-shot prediction's index."""

    prompt: str
    scores: tuple[LabelScore, ...]
    best: int


def score_sequence(loaded: LoadedModel, ids: Sequence[int], *, source_ids: Sequence[int] | None = None,
                   ) -> SequenceScores:
    """Teacher-forced surprisal of ``ids`` (decoder ids; for seq2seq the target after the start token).

    For a decoder the first id has no prediction (NaN); for an encoder-decoder every target
    id is predicted, from the start token and the encoded ``source_ids``.
    """
    import torch

    require_generation(loaded)
    ids = [int(i) for i in ids]
    tok = loaded.tokenizer
    with torch.inference_mode():
        if loaded.kind is ModelKind.ENCODER_DECODER:
            if not source_ids:
                raise errors.EmptyTextError("An encoder-decoder needs a source text to score a target.")
            dec = torch.as_tensor([[decoder_start_id(loaded), *ids]], device=loaded.device)
            src = torch.as_tensor([list(source_ids)], device=loaded.device)
            logits = loaded.model(input_ids=src, attention_mask=torch.ones_like(src),
                                  decoder_input_ids=dec).logits[0]
            logp = torch.log_softmax(logits.float(), dim=-1)[:-1]
            tgt = dec[0, 1:]
            token_lp = logp.gather(1, tgt[:, None])[:, 0].cpu().numpy()
            surprisal = (-token_lp / LOG2).astype(np.float32)
        else:
            if len(ids) < 2:
                raise errors.InputError("Perplexity needs at least two tokens (one predicted from another).")
            inp = torch.as_tensor([ids], device=loaded.device)
            logits = loaded.model(input_ids=inp).logits[0]
            logp = torch.log_softmax(logits.float(), dim=-1)[:-1]
            token_lp = logp.gather(1, inp[0, 1:, None])[:, 0].cpu().numpy()
            surprisal = np.concatenate([[np.nan], -token_lp / LOG2]).astype(np.float32)
    nll = float(-token_lp.mean())
    return SequenceScores(tokens=tuple(tok.convert_ids_to_tokens(ids)), ids=np.asarray(ids, dtype=np.int64),
                          surprisal_bits=surprisal, nll=nll, perplexity=float(np.exp(nll)),
                          n_scored=int(token_lp.size))


def perplexity_of_text(loaded: LoadedModel, text: str, *, source: str | None = None) -> SequenceScores:
    """Surprisal and perplexity of ``text`` (the target of ``source`` for an encoder-decoder)."""
    if not text.strip():
        raise errors.EmptyTextError("There is no text to score.")
    tok = loaded.tokenizer
    if loaded.kind is ModelKind.ENCODER_DECODER:
        return score_sequence(loaded, tok(text_target=text)["input_ids"],
                              source_ids=tok(source or "")["input_ids"] if source else None)
    return score_sequence(loaded, tok(text)["input_ids"])


def _continuation_ids(tok: object, prompt: str, label: str) -> list[int]:
    """Tokens of ``label`` as it continues ``prompt`` (the join may merge a space into the label)."""
    p_ids = tok(prompt)["input_ids"]
    full = tok(prompt + label)["input_ids"]
    if full[: len(p_ids)] == p_ids and len(full) > len(p_ids):
        return full[len(p_ids):]
    return tok(label, add_special_tokens=False)["input_ids"]


def score_labels(loaded: LoadedModel, prompt: str, labels: Sequence[str]) -> LabelScores:
    """Summed log-probability of each label as the prompt's continuation (or seq2seq target).

    A decoder scores ``prompt + label``; write the space in the label (" positive") as the
    prompt expects it. An encoder-decoder scores each label as the whole target (with its
    end-of-sequence token, since the answer must also end there).

    Raises
    ------
    TemplateError : fewer than two non-empty labels. EmptyTextError : empty prompt (seq2seq).
    """
    import torch

    require_generation(loaded)
    labels = [lab for lab in labels if lab.strip()]
    if len(labels) < 2:
        raise errors.TemplateError("Give at least two candidate answers to compare.",
                                   hint="For example ' positive' and ' negative'.")
    tok = loaded.tokenizer
    out: list[LabelScore] = []
    with torch.inference_mode():
        if loaded.kind is ModelKind.ENCODER_DECODER:
            if not prompt.strip():
                raise errors.EmptyTextError("An encoder-decoder needs an input to answer.")
            src = torch.as_tensor([tok(prompt)["input_ids"]], device=loaded.device)
            enc = loaded.model.get_encoder()(input_ids=src, attention_mask=torch.ones_like(src))
        else:
            p_ids = tok(prompt)["input_ids"] if prompt.strip() else [tok.bos_token_id or tok.eos_token_id]
        for label in labels:
            if loaded.kind is ModelKind.ENCODER_DECODER:
                lab = tok(text_target=label.strip())["input_ids"]
                dec = torch.as_tensor([[decoder_start_id(loaded), *lab]], device=loaded.device)
                logits = loaded.model(encoder_outputs=enc, attention_mask=torch.ones_like(src),
                                      decoder_input_ids=dec).logits[0, :-1]
            else:
                lab = _continuation_ids(tok, prompt, label) if prompt.strip() else \
                    tok(label, add_special_tokens=False)["input_ids"]
                seq = torch.as_tensor([[*p_ids, *lab]], device=loaded.device)
                logits = loaded.model(input_ids=seq).logits[0, len(p_ids) - 1:-1]
            lp = torch.log_softmax(logits.float(), dim=-1)
            tgt = torch.as_tensor(lab, device=loaded.device)
            token_lp = lp.gather(1, tgt[:, None])[:, 0].cpu().numpy().astype(np.float32)
            out.append(LabelScore(label, tuple(int(i) for i in lab), tuple(tok.convert_ids_to_tokens(lab)),
                                  token_lp, float(token_lp.sum()), 0.0))
    sums = np.asarray([s.logprob for s in out], dtype=np.float64)
    probs = np.exp(sums - sums.max())
    probs /= probs.sum()
    out = [LabelScore(s.label, s.token_ids, s.tokens, s.token_logprobs, s.logprob, float(p))
           for s, p in zip(out, probs)]
    return LabelScores(prompt=prompt, scores=tuple(out), best=int(np.argmax(sums)))
