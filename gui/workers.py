"""Run model work off the GUI thread and report back through Qt signals."""
from __future__ import annotations

import inspect
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from core.errors import InspectorError


@dataclass(frozen=True)
class TaskFailure:
    """An exception turned into plain text, so no frames or tensors stay alive."""

    title: str
    message: str
    details: str
    expected: bool

    @classmethod
    def from_exception(cls, exc: BaseException) -> "TaskFailure":
        if isinstance(exc, InspectorError):
            return cls(exc.title, str(exc), traceback.format_exc(), True)
        text = str(exc) or type(exc).__name__
        if "out of memory" in text.lower():
            return cls("Out of memory", "The model ran out of memory. Use a shorter text or a smaller model.",
                       traceback.format_exc(), True)
        return cls("Unexpected error", f"{type(exc).__name__}: {text}", traceback.format_exc(), False)


class WorkerSignals(QObject):
    """Signals of a :class:`Worker` (a QRunnable cannot own signals itself)."""

    started = Signal()
    progress = Signal(object)
    result = Signal(object)
    failed = Signal(object)      # TaskFailure
    cancelled = Signal()
    finished = Signal()


class Worker(QRunnable):
    """Runs ``fn(*args)`` off the GUI thread; a generator's yields become ``progress``.

    A generator's ``return`` value is the result. Cancellation is checked between
    yields; to stop inside long steps too, pass ``worker.cancel_event`` to ``fn``
    (e.g. ``worker.kwargs["cancel"] = worker.cancel_event`` before starting it).
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps a reference until finished
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    @property
    def cancel_event(self) -> threading.Event:
        return self._cancel

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        sig = self.signals
        try:
            if self._cancel.is_set():
                sig.cancelled.emit()
                return
            sig.started.emit()
            out = self.fn(*self.args, **self.kwargs)
            if inspect.isgenerator(out):
                while True:
                    if self._cancel.is_set():
                        out.close()
                        sig.cancelled.emit()
                        return
                    try:
                        item = next(out)
                    except StopIteration as stop:
                        out = stop.value
                        break
                    sig.progress.emit(item)
            if self._cancel.is_set():
                sig.cancelled.emit()
            else:
                sig.result.emit(out)
        except Exception as exc:  # every failure crosses the thread boundary as data
            if self._cancel.is_set():
                sig.cancelled.emit()
            else:
                sig.failed.emit(TaskFailure.from_exception(exc))
        finally:
            sig.finished.emit()
