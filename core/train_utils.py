"""Helpers of the training engine: devices and precision, SDPA copies, schedule, batching, OOM."""
from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from . import errors


def resolve_device(name: str = "auto") -> str:
    import torch

    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise errors.TrainingError("CUDA was asked for but no GPU is usable.", hint="Choose CPU.")
    return name


def resolve_precision(device: str, precision: str = "auto") -> str:
    """``fp32`` on CPU unless asked; on CUDA bf16 where supported, else fp16 (with a scaler)."""
    import torch

    if precision not in ("auto", "fp32", "bf16", "fp16"):
        raise errors.TrainingError(f"Unknown precision '{precision}'.", hint="Use auto, fp32, bf16 or fp16.")
    if precision != "auto":
        if precision == "fp16" and not device.startswith("cuda"):
            return "fp32"  # fp16 autocast on CPU is slower and unscaled: keep fp32
        return precision
    if device.startswith("cuda"):
        return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    return "fp32"


def training_copy(model: Any) -> Any:
    """A deep copy of ``model`` for training, float32, with SDPA attention where supported.

    The app's inspection models use eager attention (to return attention weights);
    training on a copy keeps them untouched and lets every other panel go on using them.
    """
    import torch

    clone = copy.deepcopy(model)
    clone.to(dtype=torch.float32)
    set_sdpa(clone)
    return clone


def set_sdpa(model: Any) -> str:
    """Switch a transformers model to SDPA attention; returns the implementation in use."""
    setter = getattr(model, "set_attn_implementation", None)
    if setter is not None:
        try:
            setter("sdpa")
        except (ValueError, ImportError, NotImplementedError):
            pass  # this architecture has no SDPA path: it trains with eager attention
    cfg = getattr(model, "config", None)
    return str(getattr(cfg, "_attn_implementation", "eager")) if cfg is not None else "n/a"


def load_for_training(path: str | Path, auto_cls: Any, **kwargs: Any) -> Any:
    """``auto_cls.from_pretrained(path)`` in float32 with SDPA attention (safetensors preferred)."""
    import torch

    kwargs.setdefault("dtype", torch.float32)
    kwargs.setdefault("attn_implementation", "sdpa")
    try:
        return auto_cls.from_pretrained(str(path), **kwargs)
    except (ValueError, ImportError):
        kwargs["attn_implementation"] = "eager"
        return auto_cls.from_pretrained(str(path), **kwargs)


def linear_schedule(warmup: int, total: int) -> Callable[[int], float]:
    """Multiplier for the learning rate: linear warm-up to 1, then linear decay to 0."""
    def fn(step: int) -> float:
        if warmup > 0 and step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total - step) / max(1, total - warmup))
    return fn


def epoch_batches(n: int, batch_size: int, seed: int, epoch: int,
                  lengths: Sequence[int] | None = None, group_by_length: bool = True) -> list[list[int]]:
    """The batches (lists of example indices) of one epoch, a pure function of (seed, epoch).

    With lengths, examples are grouped like transformers' ``LengthGroupedSampler``: a random
    permutation cut into mega-batches of 50 batches, each sorted by length, then the batch
    order is shuffled — little padding, still random.
    """
    import torch

    g = torch.Generator().manual_seed(seed * 1_000_003 + epoch)
    order = torch.randperm(n, generator=g).tolist()
    if lengths is None or not group_by_length:
        return [order[i:i + batch_size] for i in range(0, n, batch_size)]
    mega = batch_size * 50
    batches: list[list[int]] = []
    for i in range(0, n, mega):
        chunk = sorted(order[i:i + mega], key=lambda j: -lengths[j])
        batches.extend(chunk[k:k + batch_size] for k in range(0, len(chunk), batch_size))
    perm = torch.randperm(len(batches), generator=g).tolist()
    return [batches[p] for p in perm]


def _param_groups(model: Any, weight_decay: float) -> list[dict[str, Any]]:
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        # Biases and LayerNorm weights are not decayed (BERT recipe).
        (no_decay if p.ndim < 2 or "norm" in name.lower() else decay).append(p)
    if not decay and not no_decay:
        raise errors.TrainingError("Nothing to train: every parameter is frozen.",
                                   hint="Unfreeze some layers or use LoRA.")
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def _adamw(groups: list[dict[str, Any]], lr: float) -> Any:
    """AdamW with the fused kernel (CUDA, and CPU in recent torch): one kernel for all tensors."""
    import torch

    try:
        return torch.optim.AdamW(groups, lr=lr, fused=True)
    except (RuntimeError, ValueError, TypeError):
        return torch.optim.AdamW(groups, lr=lr, foreach=True)


def clip_gradients(params: Sequence[Any], max_norm: float, sync_free: bool) -> Any:
    """``clip_grad_norm_`` (returns the total norm), skipping the multiply when it would be by 1.0.

    torch scales every gradient by ``min(1, max_norm / (norm + 1e-6))`` even when that is
    exactly 1.0 — a pass over all the gradients (the 11.7M-entry embedding table too) that
    changes nothing. Where reading the norm costs no device sync (``sync_free``: CPU), the
    pass is skipped; the result is bit-identical. On CUDA it stays sync-free as in torch.
    """
    import torch
    from torch.nn.utils import clip_grads_with_norm_, get_total_norm

    grads = [p.grad for p in params if p.grad is not None]
    total = get_total_norm(grads, 2.0)
    if not grads or max_norm == float("inf"):
        return total
    if sync_free and float(torch.clamp(max_norm / (total + 1e-6), max=1.0)) == 1.0:
        return total
    clip_grads_with_norm_([p for p in params if p.grad is not None], max_norm, total)
    return total


def is_oom(exc: BaseException) -> bool:
    import torch

    return isinstance(exc, torch.cuda.OutOfMemoryError) or (
        isinstance(exc, (RuntimeError, MemoryError)) and "out of memory" in str(exc).lower()) or isinstance(
        exc, MemoryError)


def oom_error(batch_size: int, max_length: int | None = None) -> errors.TrainingOutOfMemoryError:
    extra = f" or max length {max_length}" if max_length else ""
    return errors.TrainingOutOfMemoryError(
        f"Training ran out of memory at batch size {batch_size}.",
        hint=(f"Try a smaller batch size{extra}, LoRA, or freezing the bottom layers; "
              "anything already saved is kept."))


def _to_device(batch: Mapping[str, Any], device: str) -> dict[str, Any]:
    import torch

    nb = device.startswith("cuda")
    return {k: (v.to(device, non_blocking=nb) if isinstance(v, torch.Tensor) else v) for k, v in batch.items()}


def free_memory() -> None:
    """Return cached GPU memory to the driver (a no-op without CUDA).

    ``gc.collect`` runs only with CUDA: a full collection holds the GIL for a noticeable
    time, which the GUI thread would feel as a stall, and CPU memory needs no help.
    """
    import torch

    if torch.cuda.is_available():
        import gc

        gc.collect()
        torch.cuda.empty_cache()


class InPlaceEmbeddingGrads:
    """Large embedding tables get their gradient added into ONE persistent buffer.

    A dense ``nn.Embedding`` backward allocates a fresh zero tensor the size of the whole
    table every step (47 MB for a 30k × 384 vocabulary) and frees it at ``zero_grad``: on
    Linux that is an ``mmap`` + page faults + ``munmap`` per step, tens of milliseconds on
    a CPU. Here the lookup's backward adds the rows it used straight into a buffer kept
    for the whole run (zeroed before each step): the same gradient, bit for bit (same
    row-by-row additions, padding row skipped), without the allocation. Installed on the
    run's own model copy for the duration of :func:`core.training.iter_train` (CPU only:
    on CUDA the caching allocator already reuses the memory, and ``index_add_`` there
    would use atomics, i.e. not be deterministic).
    """

    def __init__(self, model: Any, min_numel: int = 1 << 20) -> None:
        import torch

        self._mods: list[Any] = []
        self._bufs: list[Any] = []
        for mod in model.modules():
            w = getattr(mod, "weight", None)
            if (type(mod) is torch.nn.Embedding and w is not None and w.requires_grad and not mod.sparse
                    and w.device.type == "cpu"  # CUDA's caching allocator has no such cost
                    and mod.max_norm is None and not mod.scale_grad_by_freq and w.numel() >= min_numel
                    and "forward" not in mod.__dict__):
                self._mods.append(mod)
                self._bufs.append(None)

    def install(self) -> None:
        for mod in self._mods:
            mod.forward = _embed_into_forward(mod)

    def prepare(self) -> None:
        """Before a step's backward: each table's grad is its (zeroed) persistent buffer."""
        import torch

        for i, mod in enumerate(self._mods):
            w = mod.weight
            buf = self._bufs[i]
            if buf is None or buf.shape != w.shape or buf.device != w.device:
                buf = self._bufs[i] = torch.zeros_like(w, memory_format=torch.contiguous_format)
            else:
                buf.zero_()
            w.grad = buf

    def remove(self) -> None:
        for mod in self._mods:
            mod.__dict__.pop("forward", None)
        self._bufs = [None] * len(self._mods)


def _embed_into_forward(mod: Any) -> Callable[[Any], Any]:
    import torch
    import torch.nn.functional as F

    class EmbedInto(torch.autograd.Function):
        @staticmethod
        def forward(ctx: Any, ids: Any, weight: Any) -> Any:
            ctx.save_for_backward(ids)
            return F.embedding(ids, weight, mod.padding_idx)

        @staticmethod
        def backward(ctx: Any, grad_out: Any) -> tuple[None, None]:
            (ids,) = ctx.saved_tensors
            w = mod.weight
            if w.grad is None:  # prepare() was not called: behave like the plain backward
                w.grad = torch.zeros_like(w)
            flat = ids.reshape(-1)
            g = grad_out.reshape(flat.numel(), -1).to(w.grad.dtype)
            if mod.padding_idx is not None:
                keep = flat != mod.padding_idx
                flat, g = flat[keep], g[keep]
            w.grad.index_add_(0, flat, g)
            return None, None

    def forward(ids: Any) -> Any:
        if not torch.is_grad_enabled() or not mod.weight.requires_grad:
            return F.embedding(ids, mod.weight, mod.padding_idx)
        return EmbedInto.apply(ids, mod.weight)

    return forward
