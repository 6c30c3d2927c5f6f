"""Load a Hugging Face checkpoint and find out what it really can do.

``iter_load_checkpoint`` is a generator (progress items, then the ``LoadedModel`` as its
return value) so a GUI worker can show download progress and cancel between items;
``load_checkpoint`` is the blocking convenience wrapper.
"""
from __future__ import annotations

import contextlib
import json
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import errors
from .discovery import bundled_models
from .types import Capability, DownloadProgress, LoadProgress, ModelKind

ENCODER_TYPES = frozenset({
    "bert", "roberta", "xlm-roberta", "electra", "distilbert", "albert", "deberta",
    "deberta-v2", "mpnet", "camembert", "modernbert", "ernie", "megatron-bert", "xlm",
})

# Position ids of these models start after the padding index (RoBERTa: 514 positions, 512 tokens).
_PADDING_OFFSET_TYPES = frozenset({
    "roberta", "xlm-roberta", "xlm-roberta-xl", "camembert", "data2vec-text", "longformer", "ibert", "mpnet",
    "roberta-prelayernorm", "xmod", "luke", "esm",
})

_CACHE: OrderedDict[tuple[str, str], "LoadedModel"] = OrderedDict()
_CACHE_SIZE = 3
_CACHE_LOCK = threading.Lock()


@dataclass(eq=False)
class LoadedModel:
    """A model ready for inspection: the torch module, its tokenizer and what it can do."""

    name: str
    path: str
    kind: ModelKind
    model: Any = field(repr=False)        # torch.nn.Module, in eval mode
    tokenizer: Any = field(repr=False)    # a fast tokenizer
    capabilities: frozenset[Capability]
    device: str
    n_layers: int
    n_heads: int
    d_model: int
    n_params: int
    max_length: int
    architecture: str

    def summary(self) -> str:
        """One line for the status bar."""
        return (f"{self.name} · {self.kind.value} · {self.n_layers} layers · {self.n_heads} heads · "
                f"hidden {self.d_model} · {self.n_params / 1e6:.1f}M params · {self.device}")


def default_device() -> str:
    """``"cuda"`` when a GPU is usable, else ``"cpu"``."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def clear_cache() -> None:
    """Forget cached models (tests use it to measure real loads)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _resolve(source: str | Path, cancel: threading.Event | None
             ) -> Generator[DownloadProgress | LoadProgress, None, Path]:
    """Turn a folder, bundled name or hub id into a local folder with a ``config.json``."""
    text = str(source).strip()
    if not text:
        raise errors.CheckpointNotFoundError("No model was given.", hint="Pick a model or type a folder or hub id.")
    bundled = bundled_models()
    if text in bundled:
        return bundled[text]
    path = Path(text).expanduser()
    from . import hub

    if path.exists() or not hub.is_hub_id(text):
        if not path.exists():
            raise errors.CheckpointNotFoundError(f"The folder '{text}' does not exist.",
                                                 hint="Check the path or use Browse… to pick a model folder.")
        if path.is_file():
            path = path.parent
        if not (path / "config.json").is_file():
            raise errors.MissingConfigError(
                f"'{path}' has no config.json, so it is not a Hugging Face model folder.",
                hint="Pick the folder that contains config.json and the weights.")
        return path
    cached = hub.cached_snapshot(text)
    if cached is not None:
        return cached
    yield LoadProgress(f"Downloading {text} from the model hub…")
    folder = yield from hub.iter_download(text, cancel=cancel)
    return folder


def _read_config(path: Path, trust_remote_code: bool) -> Any:
    from transformers import AutoConfig

    raw = json.loads((path / "config.json").read_text(encoding="utf-8"))
    if raw.get("auto_map") and not trust_remote_code:
        raise errors.UnsupportedArchitectureError(
            f"'{path.name}' needs custom code from its authors (auto_map in config.json).",
            hint="PLM Studio does not run downloaded code unless you explicitly allow it.")
    try:
        return AutoConfig.from_pretrained(str(path), trust_remote_code=trust_remote_code)
    except (ValueError, KeyError) as exc:
        raise errors.UnsupportedArchitectureError(
            f"transformers does not know the model type '{raw.get('model_type', '?')}'.",
            hint="Try a BERT/RoBERTa/ELECTRA, GPT-style or T5/BART checkpoint.") from exc


def _kind_of(config: Any) -> ModelKind:
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    if getattr(config, "is_encoder_decoder", False):
        return ModelKind.ENCODER_DECODER
    archs = config.architectures or []
    if any(a.endswith(("ForCausalLM", "LMHeadModel")) for a in archs) and config.model_type not in ENCODER_TYPES:
        return ModelKind.DECODER
    if config.model_type in ENCODER_TYPES:
        return ModelKind.ENCODER
    if config.model_type in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return ModelKind.DECODER
    return ModelKind.ENCODER


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    # The load report and weight progress bars would otherwise land on the terminal
    # of a GUI app; missing heads are reported through capabilities instead.
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        hf_logging.enable_progress_bar()


def _weights_kwargs(path: Path) -> dict[str, Any]:
    has_st = any(path.glob("*.safetensors"))
    has_bin = any(path.glob("pytorch_model*.bin"))
    if not has_st and not has_bin:
        raise errors.CorruptedWeightsError(f"'{path.name}' has a config.json but no weight files.",
                                           hint="Expected model.safetensors (or pytorch_model.bin).")
    # Prefer safetensors; transformers loads .bin files with torch.load(weights_only=True).
    return {"use_safetensors": has_st}


def _from_pretrained(auto_cls: Any, path: Path, config: Any, trust_remote_code: bool) -> tuple[Any, dict]:
    import torch

    try:
        with _quiet_transformers():
            return auto_cls.from_pretrained(
                str(path), config=config, output_loading_info=True, attn_implementation="eager",
                dtype=torch.float32, trust_remote_code=trust_remote_code, **_weights_kwargs(path))
    except errors.InspectorError:
        raise
    except pickle.UnpicklingError as exc:  # torch.load(weights_only=True) refused or could not parse a .bin
        raise errors.CorruptedWeightsError(
            f"The weights in '{path.name}' could not be read safely (not plain tensors, or damaged).",
            hint="PLM Studio loads .bin files with weights_only=True; prefer a model.safetensors copy.") from exc
    except (OSError, RuntimeError, ValueError, EOFError, KeyError, IndexError) as exc:
        # KeyError/IndexError: torch's weights-only unpickler on a garbled .bin
        text = str(exc)
        if "Unrecognized" in text or "does not support" in text or "not supported" in text:
            raise errors.UnsupportedArchitectureError(f"Cannot build a model for '{path.name}': {text[:200]}") from exc
        raise errors.CorruptedWeightsError(
            f"The weights in '{path.name}' could not be read ({type(exc).__name__}).",
            hint="The file may be incomplete or damaged: download or copy it again.") from exc
    except Exception as exc:  # safetensors raises its own SafetensorError type
        if type(exc).__name__ == "SafetensorError":
            raise errors.CorruptedWeightsError(f"The weights in '{path.name}' are damaged: {exc}",
                                               hint="Download or copy the model again.") from exc
        raise


def _build(path: Path, name: str, device: str, trust_remote_code: bool) -> LoadedModel:
    from transformers import (AutoModel, AutoModelForCausalLM, AutoModelForMaskedLM,
                              AutoModelForSeq2SeqLM, AutoTokenizer)

    config = _read_config(path, trust_remote_code)
    kind = _kind_of(config)
    caps = {Capability.ATTENTION, Capability.HIDDEN}
    if kind is ModelKind.ENCODER:
        try:
            model, info = _from_pretrained(AutoModelForMaskedLM, path, config, trust_remote_code)
        except errors.UnsupportedArchitectureError:
            model, info = _from_pretrained(AutoModel, path, config, trust_remote_code)
        else:
            if info.get("missing_keys"):
                # The checkpoint has no trained MLM head (MiniLM, ELECTRA discriminator):
                # a random head's "predictions" would be noise. Reload as the bare
                # encoder so weights the MLM class ignores (the pooler) are kept.
                del model
                model, info = _from_pretrained(AutoModel, path, config, trust_remote_code)
            else:
                caps.add(Capability.MASK)
    else:
        auto_cls = AutoModelForCausalLM if kind is ModelKind.DECODER else AutoModelForSeq2SeqLM
        model, info = _from_pretrained(auto_cls, path, config, trust_remote_code)
        caps.add(Capability.GENERATE)
    if info.get("mismatched_keys"):
        raise errors.CorruptedWeightsError(f"The weights in '{path.name}' do not fit its config.json.")
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), trust_remote_code=trust_remote_code)
    except Exception as exc:
        raise errors.CheckpointError(f"The tokenizer files in '{path.name}' are missing or unreadable.",
                                     hint="A model folder needs tokenizer.json or vocab files.") from exc
    if not getattr(tokenizer, "is_fast", False):
        raise errors.UnsupportedArchitectureError(f"'{path.name}' has no fast tokenizer (tokenizer.json).")
    model.to(device).eval()
    return LoadedModel(
        name=name, path=str(path), kind=kind, model=model, tokenizer=tokenizer,
        capabilities=frozenset(caps), device=device,
        n_layers=_cfg(config, "num_hidden_layers", "n_layer", "num_layers"),
        n_heads=_cfg(config, "num_attention_heads", "n_head", "num_heads"),
        d_model=_cfg(config, "hidden_size", "n_embd", "d_model"),
        n_params=sum(p.numel() for p in model.parameters()),
        max_length=_max_length(config, tokenizer),
        architecture=(config.architectures or [type(model).__name__])[0],
    )


def _cfg(config: Any, *names: str) -> int:
    for n in names:
        v = getattr(config, n, None)
        if isinstance(v, int):
            return v
    return 0


def _max_length(config: Any, tokenizer: Any) -> int:
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and config.model_type in _PADDING_OFFSET_TYPES:
        # RoBERTa-style position ids start at pad_token_id + 1, so fewer tokens fit than positions.
        pad = getattr(config, "pad_token_id", None)
        positions -= (pad if isinstance(pad, int) else 1) + 1
    limits = [v for v in (positions, getattr(config, "n_positions", None),
                          tokenizer.model_max_length) if isinstance(v, int) and 0 < v < 1_000_000]
    return min(limits) if limits else 512


def iter_load_checkpoint(source: str | Path, *, device: str | None = None, trust_remote_code: bool = False,
                         cancel: threading.Event | None = None,
                         ) -> Generator[DownloadProgress | LoadProgress, None, LoadedModel]:
    """Load a checkpoint, yielding progress; the ``LoadedModel`` is the generator's return value.

    Parameters
    ----------
    source : a local folder, a bundled model name (see ``discover_models``) or a hub id.
    device : ``"cuda"`` or ``"cpu"``; default: CUDA when available.
    trust_remote_code : run the checkpoint's own Python code. Off unless the caller asks.
    cancel : set it to stop a download between chunks (raises ``DownloadCancelledError``).

    Raises
    ------
    core.errors.CheckpointError and subclasses, with messages meant for students.
    """
    device = device or default_device()
    path = yield from _resolve(source, cancel)
    key = (str(Path(path).resolve()), device)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    name = str(source) if not Path(str(source)).exists() else Path(path).name
    yield LoadProgress(f"Loading {name} on {device}…")
    loaded = _build(Path(path), name, device, trust_remote_code)
    with _CACHE_LOCK:
        _CACHE[key] = loaded
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return loaded


def load_checkpoint(source: str | Path, *, device: str | None = None, trust_remote_code: bool = False,
                    progress: Callable[[DownloadProgress | LoadProgress], None] | None = None) -> LoadedModel:
    """Blocking form of :func:`iter_load_checkpoint`; ``progress`` receives each item."""
    from .generators import drive

    return drive(iter_load_checkpoint(source, device=device, trust_remote_code=trust_remote_code), progress)
