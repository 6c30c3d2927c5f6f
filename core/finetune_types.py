"""Plain result types of fine-tuning (frozen dataclasses of numpy arrays / str / int / float)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

from .training import TrainResult


class Strategy(str, enum.Enum):
    """What trains (the lecture's options)."""

    FULL = "full"                  # every weight, at a low learning rate
    FEATURES = "features"          # feature-based: encoder frozen, task head only (ELMo style)
    FREEZE_BOTTOM = "freeze"       # embeddings + the bottom N layers frozen
    LORA = "lora"                  # low-rank adapters (peft) + the task head


@dataclass(frozen=True)
class LayerStat:
    """Trainable and total parameters of one group: "embeddings", "layer 3", "head"."""

    name: str
    trainable: int
    total: int


@dataclass(frozen=True)
class TrainableSummary:
    """Trainable parameters (count, %) and the per-layer map for a strategy."""

    trainable: int
    total: int
    layers: tuple[LayerStat, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.trainable / self.total if self.total else 0.0


@dataclass(frozen=True)
class LayerChange:
    """``‖W_after − W_before‖ / ‖W_before‖`` over one group's weights."""

    name: str
    relative_change: float
    trainable: bool


@dataclass(frozen=True)
class ProbeResult:
    """The probe sentence through the model being trained.

    ``kind``: "classes" (labels, probs float32 [n_labels], predicted), "tags" (words, tags),
    "spans" (words, spans as (first word, last word, label, probability)), "text" (continuation).
    ``attentions`` float32 [layer, head, seq, seq] for ``tokens`` (encoders), else None.
    """

    kind: str
    text: str
    text_b: str = ""
    labels: tuple[str, ...] = ()
    probs: np.ndarray | None = None
    predicted: str = ""
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    spans: tuple[tuple[int, int, str, float], ...] = ()
    continuation: str = ""
    tokens: tuple[str, ...] = ()
    attentions: np.ndarray | None = None

    def summary(self) -> str:
        """One line: the prediction."""
        if self.kind == "classes":
            p = float(self.probs.max()) if self.probs is not None and self.probs.size else 0.0
            return f"{self.predicted} ({p:.0%})"
        if self.kind == "tags":
            return " ".join(f"{w}/{t}" if t != "O" else w for w, t in zip(self.words, self.tags))
        if self.kind == "spans":
            return "; ".join(f"{' '.join(self.words[a:b + 1])} = {lab}" for a, b, lab, _ in self.spans) or "—"
        return self.continuation


@dataclass(frozen=True)
class Snapshot:
    """What the GUI shows after an evaluation: probe, confusion matrix, per-layer change."""

    probe: ProbeResult | None
    labels: tuple[str, ...] = ()
    confusion: np.ndarray | None = None           # int64 [n, n]: rows = truth, cols = predicted
    changes: tuple[LayerChange, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FineTuneResult:
    """How a fine-tune ended: the engine's result, the first and last snapshot."""

    train: TrainResult
    saved_to: str | None
    before: Snapshot | None
    after: Snapshot | None
    trainable: TrainableSummary
