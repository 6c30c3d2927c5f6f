"""The application state every panel observes (panels never reference each other).

Two model slots, ``"A"`` and ``"B"``: every panel follows slot A unless pinned to B, so
side-by-side and before/after views compare two real models. One shared current input
(sentence, optional sentence B, selected word or span) that linked panels follow.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QThreadPool, Signal

from core import LoadedModel, ModelInspector

SLOTS: tuple[str, ...] = ("A", "B")


@dataclass(frozen=True)
class SharedInput:
    """The sentence every linked panel shows.

    ``selection`` is a token-independent choice: ``("word", i)`` for the i-th word of
    ``text`` (whitespace/punctuation words as the tokenizer's ``word_ids`` number them),
    ``("span", i, j)`` for words i..j inclusive, or ``None``.
    """

    text: str = ""
    text_pair: str = ""
    selection: tuple | None = None


class ModelState(QObject):
    """Loaded models per slot, their inspectors, the shared input and the inference pool."""

    model_changed = Signal(object)        # slot A's LoadedModel | None (most panels listen here)
    slot_changed = Signal(str, object)    # (slot, LoadedModel | None) for every slot
    busy_changed = Signal(bool)
    loading_changed = Signal(bool)
    input_changed = Signal(object, object)  # (SharedInput, origin panel or None)
    # core.seq2seq.RecordedGeneration: an encoder-decoder's generation run finished or was stopped
    # (the attention panel following that slot shows the run's recorded cross-attention).
    generation_recorded = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._models: dict[str, LoadedModel | None] = {s: None for s in SLOTS}
        self._inspectors: dict[str, ModelInspector | None] = {s: None for s in SLOTS}
        self._input = SharedInput()
        # One inference job at a time on the shared models (Orange: max_workers=1).
        # Fine-tuning and pre-training train their own model copies on their own threads.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._busy = 0

    # ---------------------------------------------------------------- models
    @property
    def loaded(self) -> LoadedModel | None:
        """Slot A's model (the one every unpinned panel follows)."""
        return self._models["A"]

    @property
    def inspector(self) -> ModelInspector | None:
        return self._inspectors["A"]

    def model(self, slot: str = "A") -> LoadedModel | None:
        return self._models[_check_slot(slot)]

    def inspector_for(self, slot: str = "A") -> ModelInspector | None:
        return self._inspectors[_check_slot(slot)]

    def set_loaded(self, loaded: LoadedModel | None, slot: str = "A") -> None:
        slot = _check_slot(slot)
        self._models[slot] = loaded
        self._inspectors[slot] = ModelInspector(loaded) if loaded is not None else None
        self.slot_changed.emit(slot, loaded)
        if slot == "A":
            self.model_changed.emit(loaded)

    # ---------------------------------------------------------------- shared input
    @property
    def current_input(self) -> SharedInput:
        return self._input

    def set_input(self, origin: object | None = None, **changes: object) -> None:
        """Change the shared input (``text``, ``text_pair``, ``selection``); no-op if unchanged.

        A new text clears the selection unless one is given with it.
        """
        if "text" in changes and changes["text"] != self._input.text and "selection" not in changes:
            changes["selection"] = None
        new = replace(self._input, **changes)
        if new == self._input:
            return
        self._input = new
        self.input_changed.emit(new, origin)

    # ---------------------------------------------------------------- busy
    def task_started(self) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

    def task_finished(self) -> None:
        if self._busy == 0:
            return  # an unmatched finish must not announce "idle" again
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self._busy > 0


def _check_slot(slot: str) -> str:
    if slot not in SLOTS:
        raise ValueError(f"unknown model slot {slot!r}; use one of {SLOTS}")
    return slot
