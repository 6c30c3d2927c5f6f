"""The loaded model on a corrupted input: its reconstruction and its loss.

Each loss is computed from the logits the way the model's own ``labels=`` loss is (mean
cross-entropy over the target positions; ELECTRA: mean binary cross-entropy over every
token), so the panel can show per-token losses that add up to what training minimises.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import errors
from .corruption import IGNORE, Corruption, Fate
from .corruption_seq import NspPair
from .loader import LoadedModel
from .types import Capability, ModelKind

MLM_RECIPES = frozenset({"mlm", "wwm", "dynamic", "static", "spanbert", "electra_mask"})
SEQ2SEQ_RECIPES = frozenset({"t5", "bart"})

_HEADS: dict[str, Any] = {}
_HEADS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Reconstruction:
    """What the model predicts where the objective has targets.

    Arrays are ``[N]`` with N = len(input_ids) for encoder/causal objectives and
    len(target_ids) for seq2seq ones (``on_target``). ``token_loss`` float32 (NaN where
    there is no target); ``predicted_ids`` int64 top-1; ``target_prob`` float32 P(target);
    ``replaced_prob`` float32 ``[L]`` the ELECTRA discriminator's P(replaced) (empty otherwise).
    """

    recipe: str
    loss: float
    token_loss: np.ndarray
    predicted_ids: np.ndarray
    predicted_tokens: tuple[str, ...]
    target_prob: np.ndarray
    on_target: bool
    replaced_prob: np.ndarray


def can_reconstruct(loaded: LoadedModel, recipe: str) -> bool:
    """Whether ``loaded`` has the head that ``recipe`` trains."""
    if recipe in MLM_RECIPES:
        return Capability.MASK in loaded.capabilities and loaded.tokenizer.mask_token_id is not None
    if recipe in SEQ2SEQ_RECIPES:
        return loaded.kind is ModelKind.ENCODER_DECODER
    if recipe == "clm":
        return loaded.kind is ModelKind.DECODER
    if recipe == "electra":
        return loaded.kind is ModelKind.ENCODER and "Electra" in loaded.architecture \
            and "PreTraining" in loaded.architecture
    return False


def pretraining_head(loaded: LoadedModel) -> Any:
    """The checkpoint loaded with its pre-training heads (``BertForPreTraining`` with NSP,
    ``ElectraForPreTraining``), cached per folder. Raises CapabilityError without them."""
    import torch
    from transformers import AutoModelForPreTraining
    from transformers.utils import logging as hf_logging

    key = f"{loaded.path}|{loaded.device}"
    with _HEADS_LOCK:
        if key in _HEADS:
            return _HEADS[key]
        level = hf_logging.get_verbosity()
        hf_logging.set_verbosity_error()
        try:
            model, info = AutoModelForPreTraining.from_pretrained(
                loaded.path, dtype=torch.float32, output_loading_info=True)
        except (OSError, ValueError) as exc:
            raise errors.CapabilityError(f"{loaded.name} has no pre-training head.") from exc
        finally:
            hf_logging.set_verbosity(level)
        if info.get("missing_keys"):
            raise errors.CapabilityError(f"{loaded.name} was saved without its pre-training head "
                                         f"({', '.join(sorted(info['missing_keys'])[:2])} missing).")
        model.to(loaded.device).eval()
        _HEADS[key] = model
        return model


def reconstruct(loaded: LoadedModel, corruption: Corruption) -> Reconstruction:
    """Run ``loaded`` on ``corruption``'s input and score it against its targets.

    Raises
    ------
    CapabilityError : the model lacks the head this recipe trains (see :func:`can_reconstruct`).
    """
    import torch

    recipe = corruption.recipe
    if not can_reconstruct(loaded, recipe):
        raise errors.CapabilityError(f"{loaded.name} has no head for the '{recipe}' objective.")
    dev = loaded.device
    inp = torch.as_tensor(corruption.input_ids, device=dev).unsqueeze(0)
    with torch.inference_mode():
        if recipe == "electra":
            logits = pretraining_head(loaded)(input_ids=inp).logits[0].float()
            labels = torch.as_tensor(corruption.labels, device=dev).float()
            per = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="none")
            p = torch.sigmoid(logits)
            return Reconstruction(recipe, float(per.mean()), per.cpu().numpy().astype(np.float32),
                                  (p > 0.5).long().cpu().numpy(), (), torch.where(labels > 0, p, 1 - p).cpu().numpy(),
                                  False, p.cpu().numpy().astype(np.float32))
        if recipe in SEQ2SEQ_RECIPES:
            target = torch.as_tensor(corruption.target_ids, device=dev).unsqueeze(0)
            logits = loaded.model(input_ids=inp, labels=target).logits[0].float()
            targets, on_target = target[0], True
        elif recipe == "clm":
            logits = loaded.model(input_ids=inp).logits[0].float()
            targets, on_target = torch.as_tensor(corruption.labels, device=dev), False
        else:
            logits = loaded.model(input_ids=inp).logits[0].float()
            targets, on_target = torch.as_tensor(corruption.labels, device=dev), False
        logp = torch.log_softmax(logits, dim=-1)
        valid = targets != IGNORE
        safe = torch.where(valid, targets, torch.zeros_like(targets))
        nll = -logp.gather(1, safe[:, None])[:, 0]
        per = torch.where(valid, nll, torch.full_like(nll, float("nan")))
        loss = float(nll[valid].mean()) if bool(valid.any()) else float("nan")
        pred = logits.argmax(-1)
    pred_np = pred.cpu().numpy().astype(np.int64)
    return Reconstruction(recipe, loss, per.cpu().numpy().astype(np.float32), pred_np,
                          tuple(loaded.tokenizer.convert_ids_to_tokens(pred_np.tolist())),
                          torch.exp(-per).cpu().numpy().astype(np.float32), on_target, np.zeros(0, np.float32))


def nsp_probability(loaded: LoadedModel, pair: NspPair) -> float:
    """P(IsNext) from the checkpoint's NSP head for ``pair`` (BERT pre-training head)."""
    import torch

    model = pretraining_head(loaded)
    if not hasattr(model, "cls") or not hasattr(model.cls, "seq_relationship"):
        raise errors.CapabilityError(f"{loaded.name} has no next-sentence-prediction head.")
    enc = loaded.tokenizer(pair.a, pair.b, return_tensors="pt", truncation=True, max_length=loaded.max_length)
    with torch.inference_mode():
        logits = model(**{k: v.to(loaded.device) for k, v in enc.items()}).seq_relationship_logits[0]
    return float(torch.softmax(logits.float(), -1)[0])


def has_nsp_head(loaded: LoadedModel) -> bool:
    """Whether ``loaded``'s checkpoint has BERT's NSP head (without raising)."""
    if loaded.kind is not ModelKind.ENCODER or "ForPreTraining" not in loaded.architecture:
        return False
    try:
        model = pretraining_head(loaded)
    except errors.InspectorError:
        return False
    return hasattr(model, "cls") and hasattr(model.cls, "seq_relationship")


def fate_counts(corruption: Corruption) -> dict[str, int]:
    """How many original tokens met each fate (names of :class:`Fate`)."""
    return {f.name: int((corruption.fates == f).sum()) for f in Fate if (corruption.fates == f).any()}


def generator_probabilities(generator: LoadedModel, masked: Corruption, *, temperature: float = 1.0) -> np.ndarray:
    """The generator MLM's softmax at each masked position of ``masked``: float64 ``[n_masked, vocab]``."""
    import torch

    if Capability.MASK not in generator.capabilities:
        raise errors.CapabilityError(f"{generator.name} has no masked-LM head to act as ELECTRA's generator.")
    positions = np.flatnonzero(masked.fates == Fate.MASKED)
    inp = torch.as_tensor(masked.input_ids, device=generator.device).unsqueeze(0)
    with torch.inference_mode():
        logits = generator.model(input_ids=inp).logits[0, positions].float() / temperature
    return torch.softmax(logits, -1).double().cpu().numpy()


def electra_corrupt(generator: LoadedModel, masked: Corruption, seed: int) -> Corruption:
    """ELECTRA's corrupted input: the generator *samples* a token at each masked position."""
    from .corruption_seq import electra_replace

    return electra_replace(masked, generator_probabilities(generator, masked), seed)
