"""Plain result types that cross from ``core`` to the GUI: frozen dataclasses of numpy arrays."""
from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np


class Capability(str, enum.Enum):
    """What a loaded checkpoint can really do (heads with trained weights)."""

    MASK = "mask"
    GENERATE = "generate"
    ATTENTION = "attention"
    HIDDEN = "hidden"


class ModelKind(str, enum.Enum):
    """Transformer family, as in the lectures."""

    ENCODER = "encoder"
    DECODER = "decoder"
    ENCODER_DECODER = "encoder-decoder"


@dataclass(frozen=True)
class Encoding:
    """A tokenised text (or sentence pair).

    Arrays are all ``[seq]`` long except ``offsets`` which is ``[seq, 2]``.
    """

    text: str
    text_pair: str | None
    tokens: tuple[str, ...]
    input_ids: np.ndarray        # int64 [seq]
    offsets: np.ndarray          # int32 [seq, 2] char spans into text (or text_pair for segment 1); (0, 0) for specials
    special_mask: np.ndarray     # bool [seq]
    word_ids: np.ndarray         # int32 [seq]; -1 for special tokens
    segment_ids: np.ndarray      # int32 [seq]; 0 = sentence A, 1 = sentence B
    truncated: bool = False      # True when the text was cut to the model's maximum length

    def __len__(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True)
class Inspection:
    """Everything one forward pass shows about an input.

    ``attentions`` float32 ``[layer, head, seq, seq]``; ``hidden_states`` float32
    ``[layer + 1, seq, d_model]`` (index 0 is the embedding output);
    ``input_embeddings`` float32 ``[seq, d_model]``: the static token-embedding rows.
    """

    encoding: Encoding
    attentions: np.ndarray | None
    hidden_states: np.ndarray | None
    input_embeddings: np.ndarray | None


@dataclass(frozen=True)
class TokenScore:
    """One candidate for a masked position."""

    token: str
    token_id: int
    probability: float


@dataclass(frozen=True)
class MaskPrediction:
    """Top-k candidates for one mask token at ``position`` (index into the encoding)."""

    position: int
    candidates: tuple[TokenScore, ...]


@dataclass(frozen=True)
class MaskResult:
    """The predictions for a text, with the encoding they refer to."""

    encoding: Encoding
    predictions: tuple[MaskPrediction, ...]


@dataclass(frozen=True)
class DownloadProgress:
    """Progress of a hub download: bytes done of total over all files."""

    repo_id: str
    filename: str
    done_bytes: int
    total_bytes: int

    @property
    def fraction(self) -> float:
        return self.done_bytes / self.total_bytes if self.total_bytes else 0.0


@dataclass(frozen=True)
class LoadProgress:
    """A step of loading a model, for a status line."""

    message: str


@dataclass(frozen=True)
class TaskProgress:
    """A step of a longer computation, for a progress bar: ``fraction`` in [0, 1]."""

    message: str
    fraction: float
