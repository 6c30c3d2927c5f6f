"""Shared panel behaviour: one in-flight worker, busy state, message bar."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from core import Capability, LoadedModel

from ..errors import show_failure
from ..state import ModelState
from ..widgets.message_bar import MessageBar
from ..workers import TaskFailure, Worker


class BasePanel(QWidget):
    """A panel: runs at most one worker at a time and reports errors in its message bar."""

    title = "Panel"
    key = "panel"
    requires: frozenset[Capability] = frozenset()
    result_shown = Signal()      # emitted after a result is drawn (screenshots, tests)
    busy_changed = Signal(bool)

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.message_bar = MessageBar(self)
        self._worker: Worker | None = None
        self._workers: set[Worker] = set()   # alive until finished (superqt's _worker_set)
        state.model_changed.connect(self._on_state_model_changed)

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

    @Slot(object)
    def _on_state_model_changed(self, loaded: LoadedModel | None) -> None:
        self.cancel()
        self.message_bar.clear()
        self.on_model_changed(loaded)

    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        """React to a new model (GUI thread)."""

    def refresh(self) -> None:
        """Recompute for the current input (screenshot mode, F5)."""
