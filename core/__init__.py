"""PLM Studio's compute layer: loading, inspection and maths. Never imports Qt."""
from __future__ import annotations

from . import errors
from .discovery import DEFAULT_MODEL, ModelEntry, discover_models
from .inspector import ModelInspector, mask_word
from .loader import LoadedModel, clear_cache, default_device, iter_load_checkpoint, load_checkpoint
from .types import (Capability, DownloadProgress, Encoding, Inspection, LoadProgress, MaskPrediction,
                    MaskResult, ModelKind, TokenScore)

__all__ = [
    "Capability", "DEFAULT_MODEL", "DownloadProgress", "Encoding", "Inspection", "LoadProgress",
    "LoadedModel", "MaskPrediction", "MaskResult", "ModelEntry", "ModelInspector", "ModelKind",
    "TokenScore", "clear_cache", "default_device", "discover_models", "errors", "iter_load_checkpoint",
    "load_checkpoint", "mask_word",
]
