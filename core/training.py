"""The one training engine shared by fine-tuning and pre-training (no Qt).

``iter_train`` is a generator: it yields a :class:`TrainProgress` record after every
optimisation step (and around evaluations/probes) and returns a :class:`TrainResult`.
What is learnt is pluggable:

* an **objective** (:class:`Objective`): ``loss(model, batch) -> scalar tensor`` and
  optionally ``evaluate(model, batches) -> dict[str, float]``;
* the **data** (:class:`TrainData`): examples, a ``collate(examples, rng)`` that builds a
  batch of tensors (``rng`` is a seeded ``torch.Generator``, so dynamic masking is
  reproducible and resumable), and optional lengths for length-grouped batches.

Training runs on the caller's *own copy* of the model (see :func:`training_copy`), with
SDPA attention, AdamW (fused on CUDA), warm-up + linear decay, gradient clipping and
bf16 autocast on CUDA where supported (else fp16 with a gradient scaler). A
:class:`TrainControl` asks for stop (discard) or stop-and-save between steps; closing
the generator discards too. Saves are atomic HF checkpoint folders with a card, the
curves as CSV and the training state needed to resume bit-exactly on CPU.
"""
from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from . import errors
from .generators import drive

from .train_utils import (InPlaceEmbeddingGrads, _adamw, _param_groups, _to_device, clip_gradients, epoch_batches,
                          free_memory, is_oom, linear_schedule, load_for_training, oom_error, resolve_device,
                          resolve_precision, set_sdpa, training_copy)
from .train_io import (CARD_FILE, CURVES_FILE, RUN_FILE, STATE_DIR, atomic_write_dir, card_text, default_save,
                       read_curves, read_run, restore_state, write_curves)


# ---------------------------------------------------------------------------- plug-ins
@runtime_checkable
class Objective(Protocol):
    """What the model learns. ``loss`` gets the model and a collated batch (on the device)."""

    def loss(self, model: Any, batch: Mapping[str, Any]) -> Any:  # -> 0-dim torch.Tensor
        ...


@dataclass
class TrainData:
    """Examples plus how to batch them.

    ``collate(examples, rng) -> dict[str, torch.Tensor]`` (CPU tensors; the engine moves
    them). ``lengths[i]`` is the token length of ``train[i]`` (enables length grouping).
    """

    train: Sequence[Any]
    collate: Callable[[list[Any], Any], dict[str, Any]]
    eval: Sequence[Any] = ()
    lengths: Sequence[int] | None = None


@dataclass(frozen=True)
class TrainConfig:
    """Optimisation settings. ``max_steps`` (if > 0) overrides ``epochs``."""

    epochs: float = 3.0
    max_steps: int = 0
    batch_size: int = 16
    eval_batch_size: int = 64
    lr: float = 5e-5
    warmup_ratio: float = 0.1
    weight_decay: float = 0.01
    max_grad_norm: float = 1.0
    seed: int = 0
    device: str = "auto"            # "auto" | "cpu" | "cuda" | "cuda:1"
    precision: str = "auto"         # "auto" | "fp32" | "bf16" | "fp16"
    group_by_length: bool = True
    eval_every: int = 0             # steps; 0 = at the end of every epoch
    log_every: int = 1              # steps between host syncs for loss / grad norm
    output_dir: str = ""            # where stop-and-save and the final save go ("" = no save)
    save_at_end: bool = True


@dataclass(frozen=True)
class TrainProgress:
    """One record of a run. ``loss``/``grad_norm`` are ``None`` on steps that were not logged."""

    step: int
    total_steps: int
    epoch: float
    phase: str                      # "setup" | "probe" | "train" | "eval" | "saving" | "done" | "stopped"
    loss: float | None = None
    lr: float = 0.0
    grad_norm: float | None = None
    elapsed_s: float = 0.0
    eta_s: float | None = None
    samples_per_s: float = 0.0
    eval_metrics: Mapping[str, float] | None = None
    probe: Any = None               # whatever the probe callback returned (plain data)
    device: str = "cpu"
    precision: str = "fp32"
    message: str = ""


@dataclass(frozen=True)
class TrainResult:
    """How a run ended."""

    steps: int
    total_steps: int
    stopped: bool
    saved_to: str | None
    final_metrics: Mapping[str, float]
    curves: tuple[Mapping[str, float | str], ...]
    elapsed_s: float


class TrainControl:
    """Thread-safe stop requests, checked by the engine between optimisation steps."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self.save_on_stop = False

    def request_stop(self, save: bool = False) -> None:
        self.save_on_stop = save
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()


# ---------------------------------------------------------------------------- the engine
def iter_train(model: Any, objective: Objective, data: TrainData, config: TrainConfig, *,
               control: TrainControl | None = None,
               probe: Callable[[Any], Any] | None = None,
               tokenizer: Any = None,
               card: Mapping[str, Any] | None = None,
               save_model: Callable[[Any, Path], None] | None = None,
               resume_from: str | Path | None = None,
               ) -> Generator[TrainProgress, None, TrainResult]:
    """Train ``model`` on ``data`` with ``objective``; yield progress, return a ``TrainResult``.

    Parameters
    ----------
    model : torch.nn.Module — the run's own copy (see :func:`training_copy`); moved to the device.
        Parameters with ``requires_grad=False`` stay frozen (bit-identical).
    objective : has ``loss(model, batch) -> 0-dim tensor``; optional
        ``evaluate(model, batches: Iterable[dict]) -> dict[str, float]`` (default: mean eval loss).
    data : :class:`TrainData`.
    config : :class:`TrainConfig`.
    control : stop / stop-and-save requests, honoured after the current optimisation step.
    probe : ``probe(model) -> plain data``, called (eval mode, no grad) before training and
        after every evaluation; its value arrives in the ``probe`` field of a record.
    tokenizer, card, save_model : what a save writes: ``save_model(model, folder)`` (default
        ``model.save_pretrained``), the tokenizer, a README card from ``card`` (task, data...).
    resume_from : a folder saved by this engine. Build ``model`` exactly as for the first
        run; the trainable parameters, optimiser, scheduler, RNG and step are restored.

    Raises
    ------
    core.errors.TrainingError (and ``TrainingOutOfMemoryError``, ``ResumeError``).
    """
    import torch

    control = control or TrainControl()
    device = resolve_device(config.device)
    precision = resolve_precision(device, config.precision)
    n = len(data.train)
    if n == 0:
        raise errors.TrainingError("The training set is empty.", hint="Load a dataset with at least one row.")
    steps_per_epoch = math.ceil(n / config.batch_size)
    total = config.max_steps if config.max_steps > 0 else max(1, math.ceil(config.epochs * steps_per_epoch))
    warmup = int(round(config.warmup_ratio * total))
    t0 = time.perf_counter()

    def record(step: int, phase: str, **kw: Any) -> TrainProgress:
        elapsed = time.perf_counter() - t0
        done = step - start_step
        eta = elapsed / done * (total - step) if done > 0 else None
        return TrainProgress(step=step, total_steps=total, epoch=step / steps_per_epoch, phase=phase,
                             lr=sched.get_last_lr()[0] if sched is not None else 0.0, elapsed_s=elapsed,
                             eta_s=eta, samples_per_s=samples / elapsed if elapsed > 0 else 0.0,
                             device=device, precision=precision, **kw)

    sched = None
    samples = 0
    start_step = 0
    torch.manual_seed(config.seed)
    model.to(device)
    model.train()
    groups = _param_groups(model, config.weight_decay)
    train_params = [p for p in model.parameters() if p.requires_grad]
    optimizer = _adamw(groups, config.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(optimizer, linear_schedule(warmup, total))
    scaler = torch.amp.GradScaler("cuda") if precision == "fp16" else None
    curves: list[dict[str, float | str]] = []
    metrics: dict[str, float] = {}
    if resume_from is not None:
        start_step, curves, metrics = restore_state(Path(resume_from), model, optimizer, sched, scaler, device)
        if start_step >= total:
            raise errors.ResumeError(f"The saved run already did {start_step} of {total} steps.",
                                     hint="Raise the number of epochs to train further.")
    amp_dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(precision)
    dev_type = "cuda" if device.startswith("cuda") else "cpu"

    def autocast() -> Any:
        return torch.autocast(dev_type, dtype=amp_dtype, enabled=amp_dtype is not None)

    def run_eval() -> dict[str, float]:
        model.eval()
        try:
            with torch.inference_mode(), autocast():
                batches = _eval_batches(data, config, device)
                ev = getattr(objective, "evaluate", None)
                if ev is not None:
                    out = dict(ev(model, batches))
                else:
                    losses = [objective.loss(model, b).float() for b in batches]
                    out = {"loss": float(torch.stack(losses).mean())} if losses else {}
        finally:
            model.train()
        return {k: float(v) for k, v in out.items()}

    def run_probe() -> Any:
        if probe is None:
            return None
        model.eval()
        try:
            with torch.inference_mode():
                return probe(model)
        finally:
            model.train()

    def save(step: int, stopped: bool) -> str:
        out = Path(config.output_dir)
        rng = {"cpu": torch.get_rng_state()}
        if torch.cuda.is_available():
            rng["cuda"] = torch.cuda.get_rng_state_all()

        def write(folder: Path) -> None:
            (save_model or default_save)(model, folder)
            if tokenizer is not None:
                tokenizer.save_pretrained(str(folder))
            st = folder / STATE_DIR
            st.mkdir()
            trainable = {k: v.detach().cpu().clone() for k, v in model.named_parameters() if v.requires_grad}
            torch.save(trainable, st / "trainable.pt")
            torch.save({"optimizer": optimizer.state_dict(), "scheduler": sched.state_dict(),
                        "scaler": scaler.state_dict() if scaler is not None else None, "rng": rng}, st / "state.pt")
            (st / "progress.json").write_text(json.dumps({"step": step, "total_steps": total}), encoding="utf-8")
            write_curves(folder / CURVES_FILE, curves)
            info = {"card": dict(card or {}), "config": asdict(config), "step": step, "total_steps": total,
                    "stopped": stopped, "metrics": metrics, "device": device, "precision": precision}
            (folder / RUN_FILE).write_text(json.dumps(info, indent=2, default=str), encoding="utf-8")
            (folder / CARD_FILE).write_text(card_text(card or {}, config, metrics, step, total, stopped),
                                            encoding="utf-8")
        return str(atomic_write_dir(out, write))

    def finish(step: int, stopped: bool, saved: str | None) -> TrainResult:
        return TrainResult(steps=step, total_steps=total, stopped=stopped, saved_to=saved,
                           final_metrics=dict(metrics), curves=tuple(curves),
                           elapsed_s=time.perf_counter() - t0)

    emb_grads = InPlaceEmbeddingGrads(model)  # no 47 MB allocation per step for a vocabulary's gradient
    emb_grads.install()
    try:
        yield record(start_step, "setup", message=f"Training on {device} ({precision})")
        if start_step == 0 and probe is not None:
            yield record(0, "probe", probe=run_probe())
        step = start_step
        epoch = step // steps_per_epoch
        skip = step % steps_per_epoch
        loss_acc = torch.zeros((), device=device)
        loss_n = 0
        while step < total:
            batches = epoch_batches(n, config.batch_size, config.seed, epoch, data.lengths, config.group_by_length)
            for bi in range(skip, len(batches)):
                if step >= total:
                    break
                idx = batches[bi]
                g = torch.Generator().manual_seed(config.seed * 7_919 + step)
                batch = _to_device(data.collate([data.train[i] for i in idx], g), device)
                try:
                    emb_grads.prepare()
                    with autocast():
                        loss = objective.loss(model, batch)
                    if scaler is not None:
                        scaler.scale(loss).backward()
                        scaler.unscale_(optimizer)
                    else:
                        loss.backward()
                    gnorm = clip_gradients(train_params, config.max_grad_norm if config.max_grad_norm > 0
                                           else float("inf"), sync_free=dev_type == "cpu")
                    if scaler is not None:
                        scaler.step(optimizer)
                        scaler.update()
                    else:
                        optimizer.step()
                    sched.step()
                    optimizer.zero_grad(set_to_none=True)
                except Exception as exc:
                    if is_oom(exc):
                        optimizer.zero_grad(set_to_none=True)
                        del batch
                        free_memory()
                        raise oom_error(config.batch_size) from None
                    raise
                loss_acc += loss.detach().float()
                loss_n += 1
                samples += len(idx)
                step += 1
                lr_used = sched.get_last_lr()[0]
                if step % max(1, config.log_every) == 0 or step == total:
                    # The only host sync of a step: the logged scalars.
                    lv = float(loss_acc) / loss_n
                    gv = float(gnorm)
                    loss_acc.zero_()
                    loss_n = 0
                    if not math.isfinite(lv):
                        raise errors.TrainingError(f"The loss became {lv} at step {step}.",
                                                   hint="Lower the learning rate or use fp32.")
                    curves.append({"step": step, "epoch": round(step / steps_per_epoch, 4), "loss": lv,
                                   "lr": lr_used, "grad_norm": gv})
                    yield record(step, "train", loss=lv, grad_norm=gv)
                else:
                    yield record(step, "train")
                end_of_epoch = bi == len(batches) - 1
                due = (config.eval_every > 0 and step % config.eval_every == 0) or (
                    config.eval_every <= 0 and end_of_epoch) or step == total
                if due and len(data.eval) > 0:
                    yield record(step, "eval", message="Evaluating…")
                    metrics = run_eval()
                    curves.append({"step": step, "epoch": round(step / steps_per_epoch, 4),
                                   **{f"eval_{k}": v for k, v in metrics.items()}})
                    yield record(step, "eval", eval_metrics=dict(metrics), probe=run_probe())
                elif due and probe is not None:
                    yield record(step, "probe", probe=run_probe())
                if control.stop_requested:
                    saved = None
                    if control.save_on_stop and config.output_dir:
                        yield record(step, "saving", message="Saving…")
                        saved = save(step, stopped=True)
                    yield record(step, "stopped", message="Stopped and saved" if saved else "Stopped")
                    return finish(step, True, saved)
            epoch += 1
            skip = 0
        saved = None
        if config.output_dir and config.save_at_end:
            yield record(step, "saving", message="Saving…")
            saved = save(step, stopped=False)
        yield record(step, "done", message="Done")
        return finish(step, False, saved)
    finally:
        # Stop, error or close(): drop the optimiser state now so GPU memory is freed.
        emb_grads.remove()
        optimizer.zero_grad(set_to_none=True)
        optimizer.state.clear()
        free_memory()


def _eval_batches(data: TrainData, config: TrainConfig, device: str) -> Iterator[dict[str, Any]]:
    import torch

    ev = data.eval
    for i in range(0, len(ev), config.eval_batch_size):
        g = torch.Generator().manual_seed(config.seed * 104_729 + i)
        yield _to_device(data.collate(list(ev[i:i + config.eval_batch_size]), g), device)


def run_to_end(gen: Generator[TrainProgress, None, TrainResult],
               on_progress: Callable[[TrainProgress], None] | None = None) -> TrainResult:
    """Drive ``iter_train`` to its end (scripts, tests, benchmarks)."""
    return drive(gen, on_progress)


__all__ = ["Objective", "TrainData", "TrainConfig", "TrainProgress", "TrainResult", "TrainControl",
           "iter_train", "run_to_end", "training_copy", "set_sdpa", "load_for_training", "epoch_batches",
           "linear_schedule", "atomic_write_dir", "read_curves", "read_run", "resolve_device",
           "resolve_precision", "oom_error", "is_oom", "free_memory"]
