"""Shared panel behaviour: one in-flight worker, busy state, message bar."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import argparse

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import QWidget

from core import Capability, LoadedModel, ModelInspector

from ..errors import show_failure
from ..state import ModelState, SharedInput
from ..widgets.message_bar import MessageBar
from ..workers import TaskFailure, Worker


class BasePanel(QWidget):
    """A panel: runs at most one worker at a time and reports errors in its message bar.

    A panel follows model slot ``"A"`` unless pinned to ``"B"`` (:meth:`set_slot`); it reads
    its model through :attr:`loaded` / :attr:`inspector`. Panels with
    ``uses_shared_input = True`` follow the application's shared sentence while
    :attr:`linked` (see :meth:`on_shared_input` and :meth:`publish_input`).
    """

    title = "Panel"                 # English; shown through display_title() (translated)
    key = "panel"
    requires: frozenset[Capability] = frozenset()
    uses_shared_input = False       # True: the panel shows (and publishes) the shared sentence
    result_shown = Signal()      # emitted after a result is drawn (screenshots, tests)
    busy_changed = Signal(bool)
    # Requests to the window (panels never reach for it): load a model into a slot, show a panel.
    load_requested = Signal(str, str)     # (source, slot)
    panel_requested = Signal(str)         # panel key
    slot_pinned = Signal(str)    # the panel now follows this slot
    linked_changed = Signal(bool)

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.message_bar = MessageBar(self)
        self._worker: Worker | None = None
        self._workers: set[Worker] = set()   # alive until finished (superqt's _worker_set)
        self._slot = "A"
        self._linked = True
        state.slot_changed.connect(self._on_state_slot_changed)
        state.input_changed.connect(self._on_state_input_changed)

    # ---------------------------------------------------------------- slot and link
    @property
    def slot(self) -> str:
        return self._slot

    @property
    def loaded(self) -> LoadedModel | None:
        """The model of the slot this panel follows."""
        return self.state.model(self._slot)

    @property
    def inspector(self) -> ModelInspector | None:
        return self.state.inspector_for(self._slot)

    def set_slot(self, slot: str) -> None:
        """Follow model slot ``slot`` ("A" or "B") from now on."""
        self.state.model(slot)  # validates the name
        if slot == self._slot:
            return
        self._slot = slot
        self._on_state_model_changed(self.loaded)
        self.slot_pinned.emit(slot)

    @property
    def linked(self) -> bool:
        return self._linked

    def set_linked(self, linked: bool) -> None:
        """Follow the shared sentence (True) or keep this panel's own input (False)."""
        if linked == self._linked:
            return
        self._linked = linked
        self.linked_changed.emit(linked)
        if linked and self.uses_shared_input and self.state.current_input.text:
            self.on_shared_input(self.state.current_input)

    def publish_input(self, **changes: object) -> None:
        """Share this panel's input (text, text_pair, selection) with the linked panels."""
        if self._linked and self.uses_shared_input:
            self.state.set_input(self, **changes)

    @Slot(object, object)
    def _on_state_input_changed(self, value: SharedInput, origin: object) -> None:
        if origin is not self and self._linked and self.uses_shared_input:
            self.on_shared_input(value)

    def on_shared_input(self, value: SharedInput) -> None:
        """Show the shared input (GUI thread); panels with ``uses_shared_input`` override it."""

    # ---------------------------------------------------------------- lessons
    def view_state(self) -> dict:
        """This panel's view settings as JSON values (layer/head, top-k ...), recorded in lessons."""
        return {}

    def apply_view(self, view: dict) -> None:
        """Restore ``view_state()`` output; unknown keys are ignored (lessons from other versions)."""

    def display_title(self) -> str:
        return QCoreApplication.translate("Panels", self.title)

    # ---------------------------------------------------------------- tasks
    @property
    def busy(self) -> bool:
        return self._worker is not None

    def run_task(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Worker:
        """Cancel the current task and run ``fn(*args)`` on the shared inference pool."""
        self.cancel()
        self.message_bar.clear()
        worker = Worker(fn, *args, **kwargs)
        sig = worker.signals
        sig.result.connect(self._on_worker_result)
        sig.progress.connect(self._on_worker_progress)
        sig.failed.connect(self._on_worker_failed)
        sig.finished.connect(self._on_worker_finished)
        self._worker = worker
        self._workers.add(worker)
        self.state.task_started()
        self.busy_changed.emit(True)
        self.state.pool.start(worker)
        return worker

    def cancel(self) -> None:
        """Cancel the running task; its late results are ignored."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.cancel()
            # Disconnect so a stale result can never overwrite a newer one (napari _abort_worker).
            for s in (worker.signals.result, worker.signals.progress, worker.signals.failed):
                s.disconnect()
            self.busy_changed.emit(False)

    @Slot(object)
    def _on_worker_result(self, result: object) -> None:
        if self.sender() is self._current_signals():
            self.show_result(result)
            self.result_shown.emit()

    @Slot(object)
    def _on_worker_progress(self, item: object) -> None:
        if self.sender() is self._current_signals():
            self.show_progress(item)

    @Slot(object)
    def _on_worker_failed(self, failure: TaskFailure) -> None:
        if self.sender() is not self._current_signals():
            return
        self.message_bar.show_error(failure.message)
        if not failure.expected:
            show_failure(self, failure)  # unexpected: the traceback goes in a dialog too
        self.result_shown.emit()

    @Slot()
    def _on_worker_finished(self) -> None:
        sig = self.sender()
        for w in list(self._workers):
            if w.signals is sig:
                self._workers.discard(w)
                if w is self._worker:
                    self._worker = None
                    self.busy_changed.emit(False)
        self.state.task_finished()

    def _current_signals(self) -> object:
        return self._worker.signals if self._worker is not None else None

    # ---------------------------------------------------------------- hooks
    def show_result(self, result: object) -> None:
        """Draw a task's result (GUI thread)."""

    def show_progress(self, item: object) -> None:
        """Show a progress item (GUI thread)."""

    def supports(self, loaded: LoadedModel | None) -> bool:
        return loaded is not None and self.requires <= loaded.capabilities

    @Slot(str, object)
    def _on_state_slot_changed(self, slot: str, loaded: LoadedModel | None) -> None:
        if slot == self._slot:
            self._on_state_model_changed(loaded)

    def _on_state_model_changed(self, loaded: LoadedModel | None) -> None:
        self.cancel()
        self.message_bar.clear()
        self.on_model_changed(loaded)

    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        """React to a new model (GUI thread)."""

    def refresh(self) -> None:
        """Recompute for the current input (screenshot mode, tests)."""

    # ---------------------------------------------------------------- command line
    @classmethod
    def add_cli_arguments(cls, parser: argparse.ArgumentParser) -> None:
        """Add this panel's own ``main.py`` options (``--layer``, ``--span`` …).

        Several panels may declare the same option: use :func:`gui.panels.registry.add_option`.
        """

    def apply_cli(self, args: argparse.Namespace) -> None:
        """Apply ``--text``/``--text-pair`` and this panel's options before :meth:`refresh`."""
        if args.text is not None:
            self.set_text(args.text, args.text_pair)

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        """Put ``text`` (and sentence B) into the panel's input fields."""
        if hasattr(self, "text"):
            self.text.setText(text)
        if text_pair is not None and hasattr(self, "text_pair"):
            self.text_pair.setText(text_pair)

    # ---------------------------------------------------------------- closing
    def confirm_close(self) -> bool:
        """Asked before the window closes; a panel with unsaved work (training) may ask the user."""
        return True

    def shutdown(self) -> None:
        """The window is closing: stop every task this panel runs (threads of its own too)."""
        self.cancel()

    # ---------------------------------------------------------------- language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Re-label every widget after a language switch (panels override it)."""
