"""Run a training generator on a thread of its own (never on the shared inference pool).

The fine-tuning and pre-training panels both use it: ``start(iter_fn, *args)`` calls
``iter_fn(*args, control=TrainControl())`` on the runner's own one-thread pool. Progress
records are buffered and handed to the GUI in batches every ``flush_ms``, so a fast
trainer can never flood the event loop with redraws.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressBar

from core.training import TrainControl

from .workers import TaskFailure, Worker


#: While a run goes. With a Python-bound trainer (tiny models) the GUI thread waits up to this
#: long each time it needs the GIL back; 0.1-0.2 ms did a little better than 0.5 ms in
#: bench/event_loop_gaps.py on a loaded 2-core machine (5 ms, CPython's default, worst).
SWITCH_INTERVAL_S = 0.0002
#: While a run goes, a full cyclic-GC pass comes after this many passes of the middle generation
#: (CPython's default: 10).
GC_OLDEST_RUNS = 10_000
#: The training thread's nice value (Linux): when the cores are busy the GUI thread runs first.
TRAINING_NICE = 10


def set_progress(bar: QProgressBar, value: int, maximum: int | None = None) -> None:
    """Move a progress bar without its synchronous repaint.

    ``QProgressBar.setValue`` repaints at once whenever the shown percentage changes, and a
    synchronous repaint paints every pending change of the window (the training curves too)
    inside the slot that called it. With updates off for the call the bar repaints with the
    rest of the window in the next pass of the event loop.
    """
    bar.setUpdatesEnabled(False)
    try:
        if maximum is not None and maximum != bar.maximum():
            bar.setMaximum(maximum)
        bar.setValue(value)
    finally:
        bar.setUpdatesEnabled(True)   # schedules an ordinary (asynchronous) repaint


def _in_background(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Generator[Any, None, Any]:
    """Run ``fn(*args, **kwargs)`` (a generator, or a plain call) as a background job.

    The calling thread (the runner's own training thread) gets a lower CPU priority and
    leaves one core to the rest of the app: torch uses one intra-op thread fewer (when it
    has more than one). On a busy machine the GUI thread then gets the CPU it needs to keep
    the event loop on time, while training still uses every other core.
    """
    _lower_priority()
    restore = _leave_a_core()
    try:
        out = fn(*args, **kwargs)
        if isinstance(out, Generator):
            out = yield from out
        return out
    finally:
        restore()


def _lower_priority() -> None:
    if sys.platform.startswith("linux"):
        # setpriority on a thread id renices that thread only (Linux). The thread keeps its
        # nice value afterwards (raising it back needs privileges): it only ever trains.
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), TRAINING_NICE)
        except (OSError, AttributeError):
            pass
    else:
        thread = QThread.currentThread()
        if thread is not None:
            thread.setPriority(QThread.Priority.LowPriority)   # honoured on Windows and macOS


def _leave_a_core() -> Callable[[], None]:
    import torch

    before = torch.get_num_threads()
    if before <= 1:
        return lambda: None
    torch.set_num_threads(before - 1)   # the calling thread's intra-op threads
    return lambda: torch.set_num_threads(before)


class TrainingRunner(QObject):
    """One training run at a time on its own thread, with stop / stop-and-save."""

    records = Signal(list)        # a batch of TrainProgress records (GUI thread)
    finished = Signal(object)     # the generator's return value (stopped-and-saved runs too)
    failed = Signal(object)       # TaskFailure
    cancelled = Signal()          # stopped without saving
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, flush_ms: int = 250) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.control: TrainControl | None = None
        self._worker: Worker | None = None
        self._buffer: list[Any] = []
        self._switch = sys.getswitchinterval()
        self._gc_threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(flush_ms)
        self._timer.timeout.connect(self._flush)

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> TrainControl:
        """Start ``fn(*args, control=..., **kwargs)``; refuses while a run is going."""
        if self._worker is not None:
            raise RuntimeError("a training run is already going")
        self.control = TrainControl()
        worker = Worker(_in_background, fn, *args, control=self.control, **kwargs)
        sig = worker.signals
        sig.progress.connect(self._on_progress)
        sig.result.connect(self._on_result)
        sig.failed.connect(self._on_failed)
        sig.cancelled.connect(self._on_cancelled)
        sig.finished.connect(self._on_finished)
        self._worker = worker
        self._buffer.clear()
        # The GUI thread hands the GIL back on every call into Qt (a repaint makes hundreds);
        # with CPython's default 5 ms switch interval each hand-back could cost the GUI up
        # to 5 ms while the trainer holds the GIL. A short interval keeps repaints smooth.
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        # Objects alive now (models, tokenizers, Qt wrappers) move to the permanent generation, so the
        # cyclic collector's full passes during the run (on the GUI thread: gui/gc_policy.py) no
        # longer walk them: no 100 ms pauses mid-repaint.
        gc.freeze()
        # Objects made during the run (a model built from scratch, imports on first use: hundreds
        # of thousands) would still bring full passes of 60-220 ms, growing with them: while
        # a run goes the oldest generation is collected only rarely (young ones as usual).
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(self._gc_threshold[0], self._gc_threshold[1], max(self._gc_threshold[2], GC_OLDEST_RUNS))
        self._timer.start()
        self.running_changed.emit(True)
        self.pool.start(worker)
        return self.control

    def stop(self, save: bool = False) -> None:
        """Stop after the current optimisation step: discard, or save the run first."""
        if self._worker is None or self.control is None:
            return
        self.control.request_stop(save=save)
        if not save:
            self._worker.cancel()  # the worker closes the generator at its next yield

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop without saving and wait for the thread (window closing); frees GPU memory."""
        self.stop(save=False)
        done = self.pool.waitForDone(timeout_ms)
        from core.training import free_memory

        free_memory()
        return done

    @Slot(object)
    def _on_progress(self, item: object) -> None:
        self._buffer.append(item)

    @Slot()
    def _flush(self) -> None:
        if self._buffer:
            batch, self._buffer = self._buffer, []
            self.records.emit(batch)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self._flush()
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        self._flush()
        self.failed.emit(failure)

    @Slot()
    def _on_cancelled(self) -> None:
        self._flush()
        self.cancelled.emit()

    @Slot()
    def _on_finished(self) -> None:
        sys.setswitchinterval(self._switch)
        gc.unfreeze()
        gc.set_threshold(*self._gc_threshold)
        self._timer.stop()
        self._flush()
        self._worker = None
        self.running_changed.emit(False)

