"""One call for the pre-training lab: apply a recipe to a sentence and score the model on it.

:func:`run_recipe` is what the panel's worker runs: it tokenises the teacher's text with the
loaded model's tokenizer, applies the chosen recipe with the chosen seed and epoch, and, where
the model has the matching head, adds its reconstruction and loss (and ELECTRA's
discriminator scores, BERT's NSP probabilities).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import errors
from .corruption import (Corruption, bert_mlm, roberta_dynamic, spanbert, spanbert_length_samples, token_seq,
                         whole_word_mlm)
from .corruption_seq import (BART_PRESETS, NspPair, bart_noise, causal_lm, electra_mask, glm_blank_infilling,
                             nsp_pairs, t5_span_corruption)
from .loader import LoadedModel
from .reconstruct import (Reconstruction, can_reconstruct, electra_corrupt, has_nsp_head, nsp_probability,
                          reconstruct)

RECIPES = ("mlm", "wwm", "dynamic", "spanbert", "t5", "bart", "electra", "nsp", "clm", "glm")
BART_MODES = tuple(BART_PRESETS)


@dataclass(frozen=True)
class RecipeRequest:
    """What the teacher asked for. ``epoch`` picks a fresh pattern (RoBERTa's dynamic masking
    and "step through epochs" for every recipe); ``static`` reuses epoch 0's pattern."""

    recipe: str
    text: str
    seed: int = 0
    epoch: int = 0
    rate: float = 0.15
    mask_prob: float = 0.8
    random_prob: float = 0.1
    static: bool = False
    bart_mode: str = "text_infilling"
    poisson_lambda: float = 3.0
    mean_span: float = 3.0
    histogram_samples: int = 5000


@dataclass(frozen=True)
class NspRow:
    """One NSP pair and, with an NSP head, the model's P(IsNext)."""

    pair: NspPair
    p_is_next: float          # NaN without an NSP head


@dataclass(frozen=True)
class RecipeResult:
    """A recipe applied to the text, with the model's view where it has the head.

    ``corruption`` None for NSP; ``span_samples`` SpanBERT lengths drawn over many samples
    (int64 ``[n]``, for the histogram); ``note`` why there is no reconstruction (English key).
    """

    request: RecipeRequest
    corruption: Corruption | None
    reconstruction: Reconstruction | None
    input_tokens: tuple[str, ...] = ()
    target_tokens: tuple[str, ...] = ()
    nsp: tuple[NspRow, ...] = ()
    span_samples: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    missing_head: str = ""     # "" or the head the model lacks: "mlm", "seq2seq", "causal", "discriminator", "nsp"
    generator_name: str = ""
    discriminator_name: str = ""


def _pattern_seed(req: RecipeRequest) -> int:
    # Each epoch gets its own pattern from (seed, epoch); static masking always uses epoch 0.
    epoch = 0 if req.static else req.epoch
    return int(np.random.SeedSequence([req.seed, epoch]).generate_state(1)[0])


def corrupt(loaded: LoadedModel, req: RecipeRequest) -> Corruption:
    """Apply ``req``'s recipe to ``req.text`` tokenised by ``loaded``'s tokenizer."""
    if req.recipe not in RECIPES or req.recipe == "nsp":
        raise errors.InputError(f"Unknown recipe '{req.recipe}'.")
    seq = token_seq(loaded.tokenizer, req.text, max_length=loaded.max_length)
    s = _pattern_seed(req)
    split = {"rate": req.rate, "mask_prob": req.mask_prob, "random_prob": req.random_prob}
    if req.recipe == "mlm":
        return bert_mlm(seq, s, **split)
    if req.recipe == "wwm":
        return whole_word_mlm(seq, s, **split)
    if req.recipe == "dynamic":
        return roberta_dynamic(seq, req.seed, req.epoch, static=req.static, **split)
    if req.recipe == "spanbert":
        return spanbert(seq, s, **split)
    if req.recipe == "t5":
        return t5_span_corruption(seq, s, noise_density=req.rate, mean_span=req.mean_span)
    if req.recipe == "bart":
        params = dict(BART_PRESETS.get(req.bart_mode, BART_PRESETS["text_infilling"]))
        if "mask_ratio" in params:
            params["mask_ratio"] = req.rate
        return bart_noise(seq, s, poisson_lambda=req.poisson_lambda, **params)
    if req.recipe == "electra":
        return electra_mask(seq, s, rate=req.rate)
    if req.recipe == "glm":
        return glm_blank_infilling(seq, s, rate=req.rate, lam=req.poisson_lambda)
    return causal_lm(seq, s)


def _tokens(loaded: LoadedModel, ids: np.ndarray, src: np.ndarray, c: Corruption) -> tuple[str, ...]:
    out = []
    k = 0
    for i, s in zip(ids.tolist(), src.tolist()):
        if c.recipe == "t5" and s == -1 and i != c.source.eos_id:
            out.append(f"<extra_id_{k}>")
            k += 1
        elif i == -10:
            out.append("[START]")
        elif i == -11:
            out.append("[END]")
        elif 0 <= i < len(loaded.tokenizer):
            out.append(loaded.tokenizer.convert_ids_to_tokens(int(i)))
        else:
            out.append("?")
    return tuple(out)


def run_recipe(loaded: LoadedModel, req: RecipeRequest, *, generator: LoadedModel | None = None,
               discriminator: LoadedModel | None = None) -> RecipeResult:
    """Apply the recipe and run the model where it has the matching head.

    ``generator``/``discriminator`` are ELECTRA's two models (default: ``loaded`` where it fits).
    """
    if req.recipe == "nsp":
        pairs = nsp_pairs(req.text, _pattern_seed(req))
        head = has_nsp_head(loaded)
        rows = tuple(NspRow(p, nsp_probability(loaded, p) if head else float("nan")) for p in pairs)
        return RecipeResult(req, None, None, nsp=rows, missing_head="" if head else "nsp")
    c = corrupt(loaded, req)
    samples = spanbert_length_samples(req.histogram_samples, req.seed) if req.recipe == "spanbert" \
        else np.zeros(0, dtype=np.int64)
    rec, missing = None, ""
    gen_name = disc_name = ""
    if req.recipe == "electra":
        gen = generator if generator is not None else loaded
        if not can_reconstruct(gen, "mlm"):
            missing = "generator"
        else:
            c = electra_corrupt(gen, c, _pattern_seed(req) + 1)
            gen_name = gen.name
            disc = discriminator if discriminator is not None else loaded
            if can_reconstruct(disc, "electra"):
                rec, disc_name = reconstruct(disc, c), disc.name
            else:
                missing = "discriminator"
    elif req.recipe == "glm":
        missing = "glm"
    elif can_reconstruct(loaded, c.recipe):
        rec = reconstruct(loaded, c)
    else:
        missing = {"t5": "seq2seq", "bart": "seq2seq", "clm": "causal"}.get(c.recipe, "mlm")
    target = _tokens(loaded, c.target_ids, c.target_source, c) if len(c.target_ids) else ()
    return RecipeResult(req, c, rec, _tokens(loaded, c.input_ids, c.input_source, c), target,
                        span_samples=samples, missing_head=missing, generator_name=gen_name,
                        discriminator_name=disc_name)


SHARED_MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
DEFAULT_GENERATOR = SHARED_MODELS / "stories-electra-generator"


def run_recipe_for(loaded: LoadedModel, req: RecipeRequest, other: LoadedModel | None = None) -> RecipeResult:
    """:func:`run_recipe` with ELECTRA's two models found automatically: the generator is
    ``loaded`` (or ``other``) when it has an MLM head, else ``stories-electra-generator``
    when present; the discriminator is whichever of ``loaded``/``other`` is an ELECTRA
    discriminator."""
    if req.recipe != "electra":
        return run_recipe(loaded, req)
    from .loader import load_checkpoint

    candidates = [m for m in (loaded, other) if m is not None]
    gen = next((m for m in candidates if can_reconstruct(m, "mlm")), None)
    if gen is None and (DEFAULT_GENERATOR / "config.json").is_file():
        gen = load_checkpoint(DEFAULT_GENERATOR, device=loaded.device)
    disc = next((m for m in candidates if can_reconstruct(m, "electra")), None)
    if gen is not None and gen.tokenizer.get_vocab() != loaded.tokenizer.get_vocab():
        raise errors.InputError(f"The generator {gen.name} and {loaded.name} use different vocabularies.",
                                hint="ELECTRA's generator and discriminator must share one tokenizer.")
    return run_recipe(loaded, req, generator=gen if gen is not None else loaded, discriminator=disc)
