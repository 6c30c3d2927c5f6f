"""Saving and resuming runs of the training engine: atomic HF folders, card, curves CSV, state."""
from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import errors

STATE_DIR = "training_state"
CURVES_FILE = "curves.csv"
CARD_FILE = "README.md"
RUN_FILE = "run.json"


def atomic_write_dir(target: str | Path, write: Callable[[Path], None]) -> Path:
    """Write a folder via ``write(tmp)`` in a temp dir beside ``target``, then rename it into place."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        write(tmp)
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}-{time.time_ns()}")
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def write_curves(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    keys: list[str] = []
    for r in rows:
        keys.extend(k for k in r if k not in keys)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=keys)
        w.writeheader()
        w.writerows(rows)


def read_curves(folder: str | Path) -> list[dict[str, float | str]]:
    """The curves CSV of a saved run (numbers parsed; empty cells dropped)."""
    path = Path(folder) / CURVES_FILE
    if not path.is_file():
        return []
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh):
            row: dict[str, float | str] = {}
            for k, v in raw.items():
                if v in (None, ""):
                    continue
                try:
                    row[k] = float(v)
                except ValueError:
                    row[k] = v
            rows.append(row)
    return rows


def read_run(folder: str | Path) -> dict[str, Any]:
    """The ``run.json`` of a saved run (settings, card data, metrics); ``{}`` if absent."""
    path = Path(folder) / RUN_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def card_text(card: Mapping[str, Any], config: Any, metrics: Mapping[str, float], step: int,
               total: int, stopped: bool) -> str:
    lines = ["---", "library_name: transformers", "tags: [plm-studio]", "---", "",
             f"# {card.get('title', 'PLM Studio training run')}", ""]
    lines.append(f"Trained with PLM Studio for {step} of {total} steps"
                 + (" (stopped early and saved)." if stopped else "."))
    for key in ("task", "base_model", "strategy", "data", "objective"):
        if key in card:
            lines.append(f"- **{key.replace('_', ' ')}**: {card[key]}")
    lines += ["", "## Settings", ""]
    lines += [f"- {k}: {v}" for k, v in asdict(config).items() if k != "output_dir"]
    if metrics:
        lines += ["", "## Metrics (last evaluation)", ""]
        lines += [f"- {k}: {v:.4f}" for k, v in metrics.items()]
    lines += ["", f"The loss, learning-rate and evaluation curves are in `{CURVES_FILE}`.", ""]
    return "\n".join(lines)



def default_save(model: Any, folder: Path) -> None:
    if hasattr(model, "save_pretrained"):
        model.save_pretrained(str(folder), safe_serialization=True)
    else:
        import torch

        torch.save(model.state_dict(), folder / "model.pt")


def restore_state(folder: Path, model: Any, optimizer: Any, sched: Any, scaler: Any, device: str
             ) -> tuple[int, list[dict[str, float | str]], dict[str, float]]:
    import torch

    st = folder / STATE_DIR
    if not (st / "state.pt").is_file() or not (st / "trainable.pt").is_file():
        raise errors.ResumeError(f"'{folder}' has no training state to resume from.",
                                 hint="Pick a folder saved with 'Stop and save' or at the end of a run.")
    trainable = torch.load(st / "trainable.pt", map_location=device, weights_only=True)
    params = dict(model.named_parameters())
    missing = [k for k, p in params.items() if p.requires_grad and k not in trainable]
    if missing or any(k not in params for k in trainable):
        raise errors.ResumeError("The saved run does not fit this model and strategy.",
                                 hint="Resume with the same base model, task and strategy as the saved run.")
    with torch.no_grad():
        for k, v in trainable.items():
            if params[k].shape != v.shape:
                raise errors.ResumeError(f"Parameter {k} has another shape in the saved run.")
            params[k].copy_(v)
    state = torch.load(st / "state.pt", map_location="cpu", weights_only=True)
    optimizer.load_state_dict(state["optimizer"])
    sched.load_state_dict(state["scheduler"])
    if scaler is not None and state.get("scaler"):
        scaler.load_state_dict(state["scaler"])
    torch.set_rng_state(state["rng"]["cpu"])
    if "cuda" in state["rng"] and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["rng"]["cuda"])
    progress = json.loads((st / "progress.json").read_text(encoding="utf-8"))
    info = read_run(folder)
    return int(progress["step"]), read_curves(folder), dict(info.get("metrics", {}))


