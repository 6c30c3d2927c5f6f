"""Typed, student-readable errors raised by :mod:`core`.

Every expected failure derives from :class:`InspectorError`; the GUI shows those in
a panel's message bar, and anything else as an unexpected-error dialog.
"""
from __future__ import annotations


class InspectorError(Exception):
    """Base class of every expected failure in ``core``."""

    title = "Problem"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class CheckpointError(InspectorError):
    """A checkpoint could not be found, read or understood."""

    title = "Cannot load model"


class CheckpointNotFoundError(CheckpointError):
    """The path does not exist, or the hub id is unknown."""


class MissingConfigError(CheckpointError):
    """A folder exists but holds no ``config.json``."""


class UnsupportedArchitectureError(CheckpointError):
    """transformers does not know the model type, or it needs remote code."""


class NotCachedOfflineError(CheckpointError):
    """A hub id was asked for while offline and it is not in the local cache."""


class CorruptedWeightsError(CheckpointError):
    """The weight file is truncated, damaged or does not fit the config."""


class DownloadError(CheckpointError):
    """Downloading from the hub failed (network, server or disk)."""


class DownloadCancelledError(CheckpointError):
    """The user cancelled a download."""

    title = "Download cancelled"


class InputError(InspectorError):
    """The text given to a model cannot be used as it is."""

    title = "Check the input"


class EmptyTextError(InputError):
    """The text is empty or only white space."""


class NoMaskTokenError(InputError):
    """Masked prediction was asked for a text with no mask token in it."""


class TextTooLongError(InputError):
    """The text has more tokens than the model has positions."""


class CapabilityError(InspectorError):
    """The loaded model lacks the head a feature needs (e.g. no MLM head)."""

    title = "This model cannot do that"


class TrainingError(InspectorError):
    """A training run could not start or could not go on."""

    title = "Training stopped"


class TrainingOutOfMemoryError(TrainingError):
    """The GPU (or the machine) ran out of memory during training."""

    title = "Out of memory"


class ResumeError(TrainingError):
    """A saved run cannot be resumed (missing or mismatched training state)."""

    title = "Cannot resume"


class DatasetError(InputError):
    """A dataset file is malformed; ``problems`` lists ``(line number, reason)`` pairs."""

    title = "Check the dataset"

    def __init__(self, message: str, *, hint: str = "", problems: tuple[tuple[int, str], ...] = ()) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class NothingToTrainError(DatasetError):
    """Every label is ignored (-100), or only one class is present: a run would learn nothing."""


class TargetNotFoundError(InputError):
    """The target word occurs in none of the sentences."""


class SpanError(InputError):
    """A span is empty, out of range, or crosses a sentence boundary."""


class StaticVectorsUnavailableError(CapabilityError):
    """A static-vector table (e.g. GloVe) cannot be loaded."""

    title = "Static vectors unavailable"


class SpanHeadsError(CheckpointError):
    """Span-projection weights could not be read or do not fit the model."""


class InvalidDecodingError(InputError):
    """A decoding setting is out of range (temperature < 0, top-p outside (0, 1], …)."""

    title = "Check the decoding settings"


class GenerationTooLargeError(InputError):
    """Beams × length would not fit in the memory of the device."""

    title = "Too large for this machine"


class TemplateError(InputError):
    """A prompt template cannot be assembled (no query, empty examples, …)."""

    title = "Check the prompt template"
