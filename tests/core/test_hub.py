"""Tests for :mod:`core.hub` against a real HTTP server on 127.0.0.1 (``tests/fake_hub.py``)."""
from __future__ import annotations

import hashlib
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from core import hub
from core.errors import (CheckpointError, CheckpointNotFoundError, DownloadCancelledError, DownloadError,
                         NotCachedOfflineError)
from core.types import DownloadProgress
from tests.fake_hub import FakeHub, FakeRepo

VOCAB = (["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list("abcdefghijklmnopqrstuvwxyz")
         + "the cat sat on mat dog a is was he she it and to of in . , ! ?".split()
         + "##s ##ed ##ing ##a ##e ##t ##n ##r ##l ##o".split())


def _drain(gen) -> tuple[list[DownloadProgress], Path]:
    """Run a download generator to the end: (progress reports, returned folder)."""
    reports = []
    while True:
        try:
            reports.append(next(gen))
        except StopIteration as stop:
            return reports, stop.value


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Path]:
    """Tiny random BERT checkpoints: safetensors, .bin only and sharded safetensors."""
    import torch
    from transformers import BertConfig, BertForMaskedLM, BertTokenizerFast

    root = tmp_path_factory.mktemp("models")
    st = root / "safetensors"
    st.mkdir()
    (st / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab=str(st / "vocab.txt")).save_pretrained(st)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(VOCAB), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=37, max_position_embeddings=64)
    model = BertForMaskedLM(config).eval()
    model.save_pretrained(st)
    binary = root / "bin"
    shutil.copytree(st, binary)
    (binary / "model.safetensors").unlink()
    torch.save(model.state_dict(), binary / "pytorch_model.bin")
    sharded = root / "sharded"
    shutil.copytree(st, sharded)
    (sharded / "model.safetensors").unlink()
    model.save_pretrained(sharded, max_shard_size="40KB")
    return {"safetensors": st, "bin": binary, "sharded": sharded}


@pytest.fixture(scope="module")
def server(models):
    extra = {"README.md": b"# tiny\n", ".gitattributes": b"*.safetensors filter=lfs\n"}
    junk = {"tf_model.h5": b"h5" * 500, "flax_model.msgpack": b"mp" * 500, "rust_model.ot": b"ot" * 500,
            "onnx/model.onnx": b"onnx" * 500}
    both = FakeRepo.from_folder(models["safetensors"], **extra, **junk,
                                **{"pytorch_model.bin": (models["bin"] / "pytorch_model.bin").read_bytes()})
    tf_only = {k: v for k, v in FakeRepo.from_folder(models["safetensors"], **junk).files.items()
               if k != "model.safetensors"}
    repos = {"tiny/bert": FakeRepo.from_folder(models["safetensors"], **extra),
             "tiny/bert-bin": FakeRepo.from_folder(models["bin"], **extra),
             "tiny/bert-both": both,
             "tiny/bert-sharded": FakeRepo.from_folder(models["sharded"]),
             "tiny/tf-only": FakeRepo(tf_only)}
    with FakeHub(repos) as fake:
        yield fake


@pytest.fixture
def online(monkeypatch) -> None:
    """Lift the offline mode tests/conftest.py sets (huggingface_hub reads it once, at import)."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    for name in ("DOWNLOAD_CHUNK_SIZE", "HF_HUB_DISABLE_XET"):      # core.hub sets these: restore them
        monkeypatch.setattr(constants, name, getattr(constants, name))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def fake(server, online, monkeypatch):
    """The module's fake hub, reset, with HF_ENDPOINT pointing at it and offline mode lifted."""
    server.requests.clear()
    server.throttle_chunk, server.throttle_delay = 0, 0.0
    monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
    yield server
    server.throttle_chunk, server.throttle_delay = 0, 0.0


@pytest.fixture
def cache(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))
    return str(tmp_path / "hub_cache")


def _no_partial_files(cache_dir: str) -> bool:
    return not any(p.name.endswith(".incomplete") for p in Path(cache_dir).rglob("*"))


@pytest.mark.parametrize("text", ["bert-base-uncased", "gpt2", "google/electra-small-discriminator",
                                  "openai-community/gpt2", "distilbert/distilbert-base-uncased"])
def test_is_hub_id_accepts_hub_ids(text):
    assert hub.is_hub_id(text)


@pytest.mark.parametrize("text", ["", "  ", "./bert", "../models/bert", "~/models/bert", "/opt/models/bert",
                                  "C:\\models\\bert", "C:/models/bert", "models\\bert", "a/b/c", "bad--name",
                                  "org/", "/bert", "bert.", "with space"])
def test_is_hub_id_rejects_paths_and_junk(text):
    assert not hub.is_hub_id(text)


def test_is_hub_id_rejects_existing_local_folder(tmp_path, monkeypatch):
    (tmp_path / "bert-base-uncased").mkdir()
    monkeypatch.chdir(tmp_path)
    assert not hub.is_hub_id("bert-base-uncased")
    assert hub.is_hub_id("gpt2")


def test_download_reports_progress_and_returns_loadable_snapshot(fake, cache, models, monkeypatch):
    import torch
    from transformers import AutoModelForMaskedLM, AutoTokenizer

    monkeypatch.setattr(hub, "CHUNK_SIZE", 16 * 1024)
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) is None
    reports, folder = _drain(hub.iter_download("tiny/bert", cache_dir=cache))

    src = models["safetensors"]
    expected_total = sum(p.stat().st_size for p in src.iterdir())
    assert reports and all(r.repo_id == "tiny/bert" and r.total_bytes == expected_total for r in reports)
    done = [r.done_bytes for r in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == expected_total
    assert reports[-1].fraction == 1.0 and all(r.filename for r in reports)
    # The weights arrive in several chunks, each reported.
    weight_steps = {r.done_bytes for r in reports if r.filename == "model.safetensors"}
    assert len(weight_steps) >= 4
    # Only the model files were fetched (not README.md / .gitattributes), config.json last.
    assert sorted(fake.downloaded("tiny/bert")) == sorted(p.name for p in src.iterdir())
    assert fake.downloaded("tiny/bert")[-1] == "config.json"

    assert folder.is_dir() and Path(cache) in folder.resolve().parents
    for p in src.iterdir():
        assert (folder / p.name).read_bytes() == p.read_bytes()
    model = AutoModelForMaskedLM.from_pretrained(folder)
    original = AutoModelForMaskedLM.from_pretrained(src)
    assert model.config.hidden_size == 32 and model.config.num_hidden_layers == 2
    assert torch.equal(model.bert.embeddings.word_embeddings.weight, original.bert.embeddings.word_embeddings.weight)
    assert AutoTokenizer.from_pretrained(folder).tokenize("the cats sat") == ["the", "cat", "##s", "sat"]

    # Offline afterwards: the cache is found without any request, also by transformers itself.
    fake.requests.clear()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) == folder
    again, folder2 = _drain(hub.iter_download("tiny/bert", cache_dir=cache))
    assert again == [] and folder2 == folder
    by_id = AutoModelForMaskedLM.from_pretrained("tiny/bert", cache_dir=cache, local_files_only=True)
    assert torch.equal(by_id.cls.predictions.transform.dense.weight, original.cls.predictions.transform.dense.weight)
    assert fake.requests == []


def test_cancel_mid_download_stops_promptly_and_rerun_works(fake, cache, models, monkeypatch):
    monkeypatch.setattr(hub, "CHUNK_SIZE", 4096)
    fake.throttle_chunk, fake.throttle_delay = 4096, 0.02      # model.safetensors takes ~0.4 s
    cancel = threading.Event()
    gen = hub.iter_download("tiny/bert", cache_dir=cache, cancel=cancel)
    seen = []
    with pytest.raises(DownloadCancelledError):
        for report in gen:
            seen.append(report)
            if report.filename == "model.safetensors" and report.done_bytes > 0 and not cancel.is_set():
                cancel.set()
                t0 = time.monotonic()
    elapsed = time.monotonic() - t0
    assert elapsed < 1.0
    assert seen[-1].done_bytes < seen[-1].total_bytes
    time.sleep(0.1)   # the download thread has finished its last chunk
    assert _no_partial_files(cache)
    weights_sha = hashlib.sha256((models["safetensors"] / "model.safetensors").read_bytes()).hexdigest()
    assert not list(Path(cache).rglob(weights_sha)), "a partial blob was stored as complete"
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) is None
    assert "config.json" not in fake.downloaded("tiny/bert")

    fake.throttle_chunk = 0
    reports, folder = _drain(hub.iter_download("tiny/bert", cache_dir=cache, cancel=threading.Event()))
    assert reports[-1].done_bytes == reports[-1].total_bytes
    assert (folder / "model.safetensors").read_bytes() == (models["safetensors"] / "model.safetensors").read_bytes()
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) == folder


def test_closing_the_generator_stops_the_download(fake, cache, monkeypatch):
    monkeypatch.setattr(hub, "CHUNK_SIZE", 4096)
    fake.throttle_chunk, fake.throttle_delay = 4096, 0.02
    gen = hub.iter_download("tiny/bert", cache_dir=cache)
    for report in gen:
        if report.filename == "model.safetensors" and report.done_bytes > 0:
            break
    t0 = time.monotonic()
    gen.close()
    assert time.monotonic() - t0 < 1.0
    assert not [t for t in threading.enumerate() if t.name.startswith("hub-download") and t.is_alive()]
    assert _no_partial_files(cache)
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) is None


def test_cancel_set_before_start_makes_no_request(fake, cache):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DownloadCancelledError):
        next(hub.iter_download("tiny/bert", cache_dir=cache, cancel=cancel))
    assert fake.requests == []


def test_unknown_repo_is_not_found(fake, cache):
    with pytest.raises(CheckpointNotFoundError, match="no-such/model"):
        next(hub.iter_download("no-such/model", cache_dir=cache))
    assert fake.requests and fake.requests[0][1].startswith("/api/models/no-such/model")


def test_server_down_gives_student_readable_download_error(online, cache, monkeypatch):
    with socket.socket() as s:           # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    t0 = time.monotonic()
    with pytest.raises(DownloadError) as info:
        next(hub.iter_download("tiny/bert", cache_dir=cache))
    assert time.monotonic() - t0 < 5
    assert "Could not reach the model hub" in str(info.value) and "internet connection" in str(info.value)
    assert not isinstance(info.value, DownloadCancelledError)


def test_endpoint_argument_beats_environment(fake, cache, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")      # discard port: nothing there
    _, folder = _drain(hub.iter_download("tiny/bert-sharded", cache_dir=cache, endpoint=fake.endpoint))
    assert (folder / "config.json").is_file()


def test_server_down_but_cached_returns_cache(fake, cache, monkeypatch):
    _, folder = _drain(hub.iter_download("tiny/bert", cache_dir=cache))
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    assert _drain(hub.iter_download("tiny/bert", cache_dir=cache))[1] == folder


def test_offline_and_not_cached(fake, cache, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(NotCachedOfflineError, match="tiny/bert"):
        next(hub.iter_download("tiny/bert", cache_dir=cache))
    assert fake.requests == []
    assert hub.cached_snapshot("tiny/bert", cache_dir=cache) is None


def test_bin_only_repo_downloads_the_bin(fake, cache, models):
    import torch
    from transformers import AutoModelForMaskedLM

    _, folder = _drain(hub.iter_download("tiny/bert-bin", cache_dir=cache))
    got = fake.downloaded("tiny/bert-bin")
    assert "pytorch_model.bin" in got and not any(n.endswith(".safetensors") for n in got)
    model = AutoModelForMaskedLM.from_pretrained(folder)
    original = AutoModelForMaskedLM.from_pretrained(models["safetensors"])
    layer, orig_layer = model.bert.encoder.layer[1], original.bert.encoder.layer[1]
    assert torch.equal(layer.output.dense.weight, orig_layer.output.dense.weight)
    assert hub.cached_snapshot("tiny/bert-bin", cache_dir=cache) == folder


def test_repo_with_both_formats_downloads_only_safetensors(fake, cache, models):
    reports, folder = _drain(hub.iter_download("tiny/bert-both", cache_dir=cache))
    got = set(fake.downloaded("tiny/bert-both"))
    assert got == {p.name for p in models["safetensors"].iterdir()}
    assert not got & {"pytorch_model.bin", "tf_model.h5", "flax_model.msgpack", "rust_model.ot",
                      "onnx/model.onnx", "README.md"}
    assert reports[-1].total_bytes == sum(p.stat().st_size for p in models["safetensors"].iterdir())
    assert not (folder / "pytorch_model.bin").exists()


def test_sharded_repo_downloads_every_shard(fake, cache, models):
    from transformers import AutoModelForMaskedLM

    _, folder = _drain(hub.iter_download("tiny/bert-sharded", cache_dir=cache))
    shards = sorted(p.name for p in models["sharded"].glob("model-*-of-*.safetensors"))
    assert len(shards) >= 2 and all((folder / s).is_file() for s in shards)
    assert AutoModelForMaskedLM.from_pretrained(folder).config.vocab_size == len(VOCAB)
    (folder / shards[-1]).unlink()       # a missing shard: the snapshot is not complete any more
    assert hub.cached_snapshot("tiny/bert-sharded", cache_dir=cache) is None


def test_repo_without_pytorch_weights_is_refused(fake, cache):
    with pytest.raises(CheckpointError, match="no PyTorch weights"):
        next(hub.iter_download("tiny/tf-only", cache_dir=cache))
    assert fake.downloaded("tiny/tf-only") == []


def test_cached_snapshot_is_none_for_unknown_and_non_hub_ids(cache):
    assert hub.cached_snapshot("tiny/never-downloaded", cache_dir=cache) is None
    assert hub.cached_snapshot("./not/a/hub/id", cache_dir=cache) is None
