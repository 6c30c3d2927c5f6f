"""Objectives, batch builders and probes for pre-training from scratch on the shared engine.

Every collate turns rows of token ids into a corrupted batch with the *same* recipe
functions the lab shows on one sentence (:mod:`core.corruption`, :mod:`core.corruption_seq`),
seeded from the engine's per-step ``torch.Generator`` so a run is reproducible and resumes
exactly. Objectives plug into :func:`core.training.iter_train`.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .corruption import IGNORE, TokenSeq, bert_mlm, spanbert, whole_word_mlm
from .corruption_seq import electra_mask, t5_span_corruption

PROBE_TEXT = "Once upon a time, there was a little [MASK] named Lily."
PROBE_TARGET = "girl"
PROBE_PROMPT = "Once upon a time, there was a little"


@dataclass(frozen=True)
class Row:
    """One training sequence: token ids with its special-token and word-id marks."""

    ids: np.ndarray       # int64 [L]
    special: np.ndarray   # bool [L]
    word_ids: np.ndarray  # int32 [L]


@dataclass(frozen=True)
class ProbeResult:
    """What the model makes of the probe at one moment of training.

    ``top`` the best candidates (token, probability) for a fill-mask probe; ``target_prob``
    P(``target``) (NaN when the probe is not fill-mask); ``output`` the text it produced.
    """

    kind: str                              # "fill-mask" | "continuation" | "span-filling"
    prompt: str
    top: tuple[tuple[str, float], ...]
    target: str
    target_prob: float
    output: str


class TokenSpec:
    """What the collates need to know about the tokenizer (picklable, no tokenizer object)."""

    def __init__(self, tokenizer: Any) -> None:
        from .corruption import make_token_seq

        proto = make_token_seq(tokenizer, np.zeros(1, dtype=np.int64), np.ones(1, bool), np.full(1, -1, np.int32))
        self.vocab_size = proto.vocab_size
        self.mask_id = proto.mask_id
        self.bos_id, self.eos_id = proto.bos_id, proto.eos_id
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        self.sentinel_ids = proto.sentinel_ids

    def seq(self, row: Row) -> TokenSeq:
        return TokenSeq(ids=row.ids, tokens=(), special=row.special, word_ids=row.word_ids,
                        vocab_size=self.vocab_size, mask_id=self.mask_id, bos_id=self.bos_id,
                        eos_id=self.eos_id, pad_id=self.pad_id, sentinel_ids=self.sentinel_ids)


def _pad(rows: Sequence[np.ndarray], value: int) -> Any:
    import torch

    n = max(len(r) for r in rows)
    out = torch.full((len(rows), n), value, dtype=torch.long)
    for i, r in enumerate(rows):
        out[i, :len(r)] = torch.as_tensor(r)
    return out


def _seeds(rng: Any, n: int) -> list[int]:
    import torch

    return torch.randint(0, 2**31 - 1, (n,), generator=rng).tolist()


class MaskedLMCollate:
    """Batches for BERT-style objectives: ``recipe`` is "mlm", "wwm" or "spanbert"."""

    def __init__(self, spec: TokenSpec, recipe: str = "mlm", rate: float = 0.15) -> None:
        self.spec, self.recipe, self.rate = spec, recipe, rate

    def corrupt(self, seq: TokenSeq, seed: int):
        fn = {"mlm": bert_mlm, "wwm": whole_word_mlm, "spanbert": spanbert, "electra": electra_mask}[self.recipe]
        return fn(seq, seed, rate=self.rate)

    def __call__(self, rows: list[Row], rng: Any) -> dict[str, Any]:
        outs = [self.corrupt(self.spec.seq(r), s) for r, s in zip(rows, _seeds(rng, len(rows)))]
        ids = _pad([o.input_ids for o in outs], self.spec.pad_id)
        return {"input_ids": ids, "attention_mask": _pad([np.ones(len(o.input_ids)) for o in outs], 0),
                "labels": _pad([o.labels for o in outs], IGNORE)}


class T5Collate:
    """Batches for T5 span corruption: encoder input with sentinels, decoder labels."""

    def __init__(self, spec: TokenSpec, noise_density: float = 0.15, mean_span: float = 3.0) -> None:
        self.spec, self.noise, self.mean = spec, noise_density, mean_span

    def __call__(self, rows: list[Row], rng: Any) -> dict[str, Any]:
        outs = [t5_span_corruption(self.spec.seq(r), s, noise_density=self.noise, mean_span=self.mean)
                for r, s in zip(rows, _seeds(rng, len(rows)))]
        return {"input_ids": _pad([o.input_ids for o in outs], self.spec.pad_id),
                "attention_mask": _pad([np.ones(len(o.input_ids)) for o in outs], 0),
                "labels": _pad([o.target_ids for o in outs], IGNORE)}


class CausalCollate:
    """Batches for causal LM: the labels are the inputs (the model shifts them)."""

    def __init__(self, spec: TokenSpec) -> None:
        self.spec = spec

    def __call__(self, rows: list[Row], rng: Any) -> dict[str, Any]:
        return {"input_ids": _pad([r.ids for r in rows], self.spec.pad_id),
                "attention_mask": _pad([np.ones(len(r.ids)) for r in rows], 0),
                "labels": _pad([r.ids for r in rows], IGNORE)}


# ------------------------------------------------------------------------------ objectives
class MaskedLMObjective:
    """Cross-entropy on the selected positions only. The vocabulary head runs on those
    positions alone (≈15% of the tokens), which gives exactly the ``labels=`` loss of
    ``BertForMaskedLM`` at a fraction of the cost."""

    def loss(self, model: Any, batch: Mapping[str, Any]) -> Any:
        import torch

        labels = batch["labels"]
        encoder = getattr(model, model.base_model_prefix, None)
        head = getattr(model, "cls", None) or getattr(model, "lm_head", None)
        if encoder is None or head is None:
            return model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=labels).loss
        hidden = encoder(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])[0]
        sel = labels != IGNORE
        logits = head(hidden[sel])
        return torch.nn.functional.cross_entropy(logits.float(), labels[sel])


class Seq2SeqObjective:
    """The model's own ``labels=`` loss (T5, BART)."""

    def loss(self, model: Any, batch: Mapping[str, Any]) -> Any:
        return model(**batch).loss


CausalObjective = Seq2SeqObjective


def electra_pair(generator: Any, discriminator: Any) -> Any:
    """ELECTRA's generator and discriminator in one module, sharing token and position
    embeddings as in the paper (``model.generator``, ``model.discriminator``)."""
    import torch

    emb_g, emb_d = generator.electra.embeddings, discriminator.electra.embeddings
    emb_g.word_embeddings = emb_d.word_embeddings
    emb_g.position_embeddings = emb_d.position_embeddings
    return torch.nn.ModuleDict({"generator": generator, "discriminator": discriminator})


class ElectraObjective:
    """Generator MLM loss + ``weight`` × discriminator replaced-token loss over every token;
    the generator's *samples* (no gradient through them) make the discriminator's input."""

    def __init__(self, weight: float = 50.0) -> None:
        self.weight = weight

    def loss(self, model: Any, batch: Mapping[str, Any]) -> Any:
        import torch

        ids, att, labels = batch["input_ids"], batch["attention_mask"], batch["labels"]
        sel = labels != IGNORE
        gen = model.generator
        hidden = gen.electra(input_ids=ids, attention_mask=att)[0][sel]
        logits = gen.generator_lm_head(gen.generator_predictions(hidden))
        gen_loss = torch.nn.functional.cross_entropy(logits.float(), labels[sel])
        with torch.no_grad():
            sampled = torch.multinomial(torch.softmax(logits.float(), -1), 1)[:, 0]
        original = torch.where(sel, labels, ids)
        disc_in = original.clone()
        disc_in[sel] = sampled
        replaced = (disc_in != original).float()
        d_logits = model.discriminator(input_ids=disc_in, attention_mask=att).logits
        active = att.bool()
        disc_loss = torch.nn.functional.binary_cross_entropy_with_logits(d_logits[active].float(), replaced[active])
        return gen_loss + self.weight * disc_loss


# ------------------------------------------------------------------------------ probes
def fill_mask_probe(model: Any, tokenizer: Any, text: str = PROBE_TEXT, target: str = PROBE_TARGET,
                    top_k: int = 3) -> ProbeResult:
    """Top-k fill-mask at the (first) mask of ``text`` and P(``target``)."""
    import torch

    text = text.replace("[MASK]", tokenizer.mask_token)
    enc = tokenizer(text, return_tensors="pt")
    device = next(model.parameters()).device
    pos = int((enc["input_ids"][0] == tokenizer.mask_token_id).nonzero()[0, 0])
    with torch.inference_mode():
        logits = model(input_ids=enc["input_ids"].to(device)).logits[0, pos].float()
    probs = torch.softmax(logits, -1)
    p, i = probs.topk(top_k)
    tokens = tokenizer.convert_ids_to_tokens(i.tolist())
    tid = tokenizer.convert_tokens_to_ids(target)
    tp = float(probs[tid]) if tid is not None and tid != tokenizer.unk_token_id else float("nan")
    return ProbeResult("fill-mask", text, tuple(zip(tokens, map(float, p.tolist()))), target, tp, tokens[0])


def continuation_probe(model: Any, tokenizer: Any, prompt: str = PROBE_PROMPT, new_tokens: int = 8) -> ProbeResult:
    """Greedy continuation of ``prompt`` (causal LM)."""
    import torch

    enc = tokenizer(prompt, return_tensors="pt")
    ids = enc["input_ids"]
    if tokenizer.sep_token_id is not None and ids[0, -1] == tokenizer.sep_token_id:
        ids = ids[:, :-1]
    device = next(model.parameters()).device
    with torch.inference_mode():
        out = model.generate(input_ids=ids.to(device), attention_mask=torch.ones_like(ids).to(device),
                             max_new_tokens=new_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    text = tokenizer.decode(out[0, ids.shape[1]:], skip_special_tokens=True)
    return ProbeResult("continuation", prompt, (), "", float("nan"), text)


def span_filling_probe(model: Any, tokenizer: Any, text: str = PROBE_TEXT, target: str = PROBE_TARGET) -> ProbeResult:
    """T5: the probe's mask becomes ``<extra_id_0>``; the decoder's greedy span and P(target)."""
    import torch

    sentinel = "<extra_id_0>"
    src = text.replace("[MASK]", sentinel)
    enc = tokenizer(src, return_tensors="pt")
    device = next(model.parameters()).device
    start = model.config.decoder_start_token_id
    s0 = tokenizer.convert_tokens_to_ids(sentinel)
    with torch.inference_mode():
        dec = torch.tensor([[start, s0]], device=device)
        logits = model(input_ids=enc["input_ids"].to(device), decoder_input_ids=dec).logits[0, -1].float()
        out = model.generate(input_ids=enc["input_ids"].to(device), max_new_tokens=6, do_sample=False)
    probs = torch.softmax(logits, -1)
    p, i = probs.topk(3)
    tid = tokenizer.convert_tokens_to_ids(target)
    tp = float(probs[tid]) if tid is not None and tid != tokenizer.unk_token_id else float("nan")
    text_out = tokenizer.decode(out[0], skip_special_tokens=False).replace("[PAD]", "").strip()
    return ProbeResult("span-filling", src, tuple(zip(tokenizer.convert_ids_to_tokens(i.tolist()),
                                                      map(float, p.tolist()))), target, tp, text_out)
