"""Fine-tuning strategies (full, feature-based, freeze bottom N, LoRA) and what they change.

Per-layer maps group parameters as "embeddings", "layer i" (from the module path:
``layer.i``, ``layers.i``, ``h.i``, ``block.i``) and "head" (everything else: pooler,
classifier, LM head, final norm, span head).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import errors
from .finetune_types import LayerChange, LayerStat, Strategy, TrainableSummary

_LAYER = re.compile(r"(?:^|\.)(?:layer|layers|h|block)\.(\d+)\.")
_PEFT_PREFIX = "base_model.model."


@dataclass(frozen=True)
class LoraSettings:
    """peft LoRA settings; empty ``targets`` = peft's default modules for the architecture."""

    r: int = 8
    alpha: int = 16
    dropout: float = 0.05
    targets: tuple[str, ...] = ()


def group_of(name: str) -> str:
    """The map group of a parameter name."""
    name = name.removeprefix(_PEFT_PREFIX)
    m = _LAYER.search(name)
    if m:
        return f"layer {int(m.group(1))}"
    if "embed" in name or name.split(".")[-2:-1] in (["wte"], ["wpe"]) or ".wte." in name or ".wpe." in name:
        return "embeddings"
    return "head"


def _order(name: str) -> tuple[int, int]:
    if name == "embeddings":
        return (0, 0)
    if name.startswith("layer "):
        return (1, int(name.split()[1]))
    return (2, 0)


def trainable_summary(model: Any) -> TrainableSummary:
    """Trainable / total parameters, overall and per group (tied weights counted once)."""
    groups: dict[str, list[int]] = {}
    trainable = total = 0
    for name, p in model.named_parameters():
        n = p.numel()
        g = groups.setdefault(group_of(name), [0, 0])
        g[1] += n
        total += n
        if p.requires_grad:
            g[0] += n
            trainable += n
    layers = tuple(LayerStat(k, v[0], v[1]) for k, v in sorted(groups.items(), key=lambda kv: _order(kv[0])))
    return TrainableSummary(trainable, total, layers)


def _lora_task_type(task: str) -> Any:
    from peft import TaskType

    return {"classify": TaskType.SEQ_CLS, "pair": TaskType.SEQ_CLS, "tokens": TaskType.TOKEN_CLS,
            "causal_lm": TaskType.CAUSAL_LM}.get(task)


def default_lora_targets(model: Any) -> list[str]:
    """peft's default LoRA targets for this model type, else attention projections found by name."""
    from peft.utils.constants import TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING as known

    mt = getattr(getattr(model, "config", None), "model_type", None)
    if mt in known:
        return list(known[mt])
    names = {n.split(".")[-1] for n, _ in model.named_modules()}
    found = [t for t in ("query", "value", "q_proj", "v_proj", "c_attn", "q", "v", "q_lin", "v_lin") if t in names]
    if not found:
        raise errors.TrainingError("LoRA does not know which layers of this model to adapt.",
                                   hint="Name the target modules (e.g. query, value).")
    return found


def apply_strategy(model: Any, task: str, strategy: Strategy, *, freeze_layers: int = 0,
                   lora: LoraSettings | None = None, head_modules: Sequence[str] = ()) -> Any:
    """Freeze or wrap ``model`` for ``strategy``; returns the model to train (a peft model for LoRA).

    ``head_modules``: names of task-head submodules that must train under every strategy
    (needed for custom heads such as the span head; HF heads are found by peft itself).
    """
    strategy = Strategy(strategy)
    base = getattr(model, "base_model", model)
    if strategy is Strategy.FULL:
        for p in model.parameters():
            p.requires_grad_(True)
        return model
    if strategy is Strategy.FEATURES:
        if task == "causal_lm":
            raise errors.TrainingError("A language model has no separate task head to train on frozen features.",
                                       hint="Use full fine-tuning, freeze the bottom layers, or LoRA.")
        for p in model.parameters():
            p.requires_grad_(True)
        for p in base.parameters():
            p.requires_grad_(False)
        return model
    if strategy is Strategy.FREEZE_BOTTOM:
        for name, p in model.named_parameters():
            g = group_of(name)
            frozen = g == "embeddings" or (g.startswith("layer ") and int(g.split()[1]) < freeze_layers)
            p.requires_grad_(not frozen)
        return model
    from peft import LoraConfig, get_peft_model

    lora = lora or LoraSettings()
    targets = list(lora.targets) or default_lora_targets(model)
    cfg = LoraConfig(r=lora.r, lora_alpha=lora.alpha, lora_dropout=lora.dropout, target_modules=targets,
                     task_type=_lora_task_type(task), modules_to_save=list(head_modules) or None)
    try:
        return get_peft_model(model, cfg)
    except ValueError as exc:
        raise errors.TrainingError(f"LoRA could not be applied: {exc}",
                                   hint="Check the target module names.") from exc


def is_peft(model: Any) -> bool:
    return hasattr(model, "peft_config")


def effective_weights(model: Any) -> dict[str, Any]:
    """Parameters as the model computes with them, keyed by the plain (un-wrapped) name.

    For a LoRA model a target's weight is ``W + scale · B A``; adapter tensors themselves
    are not listed. Tensors are detached views (clone them to keep a snapshot).
    """
    out: dict[str, Any] = {}
    deltas: dict[str, Any] = {}
    if is_peft(model):
        for mname, module in model.named_modules():
            if hasattr(module, "get_delta_weight") and hasattr(module, "base_layer"):
                for adapter in getattr(module, "active_adapters", ["default"]):
                    if adapter in getattr(module, "lora_A", {}):
                        key = mname.removeprefix(_PEFT_PREFIX) + ".weight"
                        d = module.get_delta_weight(adapter).detach()
                        deltas[key] = deltas[key] + d if key in deltas else d
    for name, p in model.named_parameters():
        if "lora_" in name:
            continue
        key = name.removeprefix(_PEFT_PREFIX).replace(".base_layer.", ".").replace(".modules_to_save.default.", ".")
        if ".original_module." in key:
            continue
        w = p.detach()
        out[key] = w + deltas[key] if key in deltas else w
    return out


def snapshot_weights(model: Any) -> dict[str, Any]:
    """A CPU float32 copy of :func:`effective_weights` (the "before" of a run)."""
    import torch

    return {k: v.to("cpu", torch.float32, copy=True) for k, v in effective_weights(model).items()}


def weight_changes(before: dict[str, Any], model: Any) -> tuple[LayerChange, ...]:
    """Per-group ``‖W_after − W_before‖ / ‖W_before‖`` (0 exactly for untouched groups)."""
    import torch

    now = effective_weights(model)
    trains: dict[str, bool] = {}
    for name, p in model.named_parameters():
        g = group_of(name)
        trains[g] = trains.get(g, False) or bool(p.requires_grad)
    diff: dict[str, float] = {}
    norm: dict[str, float] = {}
    with torch.no_grad():
        for k, w0 in before.items():
            if k not in now:
                continue
            g = group_of(k)
            w1 = now[k].to("cpu", torch.float32)
            diff[g] = diff.get(g, 0.0) + float(torch.sum((w1 - w0) ** 2))
            norm[g] = norm.get(g, 0.0) + float(torch.sum(w0 ** 2))
    return tuple(LayerChange(g, (diff[g] ** 0.5) / (norm[g] ** 0.5) if norm[g] > 0 else 0.0, trains.get(g, False))
                 for g in sorted(diff, key=_order))
