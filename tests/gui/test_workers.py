"""Tests for :mod:`gui.workers`: signal order, cancellation between yields, failures as data."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThreadPool, Slot

from core import errors
from gui.workers import TaskFailure, Worker

TIMEOUT_MS = 5000


class Recorder(QObject):
    """Lives on the GUI thread, so queued worker signals arrive here in emission order."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self.events: list[tuple[str, object]] = []
        s = worker.signals
        s.started.connect(self.on_started)
        s.progress.connect(self.on_progress)
        s.result.connect(self.on_result)
        s.failed.connect(self.on_failed)
        s.cancelled.connect(self.on_cancelled)
        s.finished.connect(self.on_finished)

    @Slot()
    def on_started(self) -> None:
        self.events.append(("started", None))

    @Slot(object)
    def on_progress(self, item: object) -> None:
        self.events.append(("progress", item))

    @Slot(object)
    def on_result(self, value: object) -> None:
        self.events.append(("result", value))

    @Slot(object)
    def on_failed(self, failure: object) -> None:
        self.events.append(("failed", failure))

    @Slot()
    def on_cancelled(self) -> None:
        self.events.append(("cancelled", None))

    @Slot()
    def on_finished(self) -> None:
        self.events.append(("finished", None))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def payload(self, name: str) -> object:
        return next(value for n, value in self.events if n == name)


@pytest.fixture
def pool(qtbot) -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    yield pool
    assert pool.waitForDone(TIMEOUT_MS)


def add(a: int, b: int) -> int:
    return a + b


def count_to(n: int) -> Iterator[int]:
    for i in range(1, n + 1):
        yield i
    return n * 10


def test_plain_function_emits_started_result_finished(qtbot, pool) -> None:
    worker = Worker(add, 2, b=3)
    rec = Recorder(worker)
    with qtbot.waitSignals([worker.signals.started, worker.signals.result, worker.signals.finished],
                           order="strict", timeout=TIMEOUT_MS):
        pool.start(worker)
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    assert rec.names() == ["started", "result", "finished"]
    assert rec.payload("result") == 5


def test_generator_yields_become_progress_then_return_value_is_result(qtbot, pool) -> None:
    worker = Worker(count_to, 3)
    s = worker.signals
    rec = Recorder(worker)
    with qtbot.waitSignals([s.progress, s.progress, s.progress, s.result, s.finished],
                           order="strict", timeout=TIMEOUT_MS):
        pool.start(worker)
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    assert rec.events == [("started", None), ("progress", 1), ("progress", 2), ("progress", 3),
                          ("result", 30), ("finished", None)]


def test_cancel_before_start_never_calls_the_function(qtbot, pool) -> None:
    called = threading.Event()

    def fn() -> int:
        called.set()
        return 1

    worker = Worker(fn)
    rec = Recorder(worker)
    worker.cancel()
    assert worker.is_cancelled() and worker.cancel_event.is_set()
    with qtbot.waitSignals([worker.signals.cancelled, worker.signals.finished], order="strict",
                           timeout=TIMEOUT_MS):
        pool.start(worker)
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    assert rec.names() == ["cancelled", "finished"]
    assert not called.is_set()


def test_cancel_while_a_generator_runs_stops_between_yields(qtbot, pool) -> None:
    first_done, release, closed = threading.Event(), threading.Event(), threading.Event()
    steps: list[int] = []

    def slow() -> Iterator[int]:
        try:
            for i in range(100):
                steps.append(i)
                yield i
                if i == 0:
                    first_done.set()
                    release.wait(TIMEOUT_MS / 1000)
            return "never"
        finally:
            closed.set()  # GeneratorExit from Worker's out.close()

    worker = Worker(slow)
    rec = Recorder(worker)
    pool.start(worker)
    qtbot.waitUntil(first_done.is_set, timeout=TIMEOUT_MS)
    with qtbot.waitSignals([worker.signals.cancelled, worker.signals.finished], order="strict",
                           timeout=TIMEOUT_MS):
        worker.cancel()
        release.set()
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    names = rec.names()
    assert "result" not in names and "failed" not in names
    assert names[-2:] == ["cancelled", "finished"]
    assert closed.is_set()
    assert len(steps) <= 2  # at most the item in flight when cancel() came


def test_exception_after_cancel_counts_as_cancelled(qtbot, pool) -> None:
    started, release = threading.Event(), threading.Event()

    def fn() -> None:
        started.set()
        release.wait(TIMEOUT_MS / 1000)
        raise ValueError("interrupted")

    worker = Worker(fn)
    rec = Recorder(worker)
    pool.start(worker)
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
    worker.cancel()
    release.set()
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    assert rec.names() == ["started", "cancelled", "finished"]


def _raise_value_error() -> None:
    raise ValueError("bad number 42")


def test_unexpected_exception_arrives_as_unexpected_task_failure(qtbot, pool) -> None:
    worker = Worker(_raise_value_error)
    rec = Recorder(worker)
    with qtbot.waitSignals([worker.signals.failed, worker.signals.finished], order="strict",
                           timeout=TIMEOUT_MS):
        pool.start(worker)
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    failure = rec.payload("failed")
    assert isinstance(failure, TaskFailure)
    assert failure.expected is False
    assert failure.title == "Unexpected error"
    assert failure.message == "ValueError: bad number 42"
    assert "Traceback (most recent call last)" in failure.details
    assert "_raise_value_error" in failure.details and "ValueError: bad number 42" in failure.details
    assert rec.names() == ["started", "failed", "finished"]


@pytest.mark.parametrize("exc, title", [
    (errors.NoMaskTokenError("The text has no [MASK] token.", hint="Type [MASK]."), "Check the input"),
    (errors.CapabilityError("No MLM head."), "This model cannot do that"),
    (errors.MissingConfigError("No config.json."), "Cannot load model"),
])
def test_inspector_error_arrives_as_expected_task_failure(qtbot, pool, exc, title) -> None:
    def gen() -> Iterator[int]:
        yield 1
        raise exc

    worker = Worker(gen)
    s = worker.signals
    rec = Recorder(worker)
    with qtbot.waitSignals([s.progress, s.failed, s.finished], order="strict", timeout=TIMEOUT_MS):
        pool.start(worker)
    qtbot.waitUntil(lambda: "finished" in rec.names(), timeout=TIMEOUT_MS)
    assert rec.names() == ["started", "progress", "failed", "finished"]
    failure = rec.payload("failed")
    assert isinstance(failure, TaskFailure)
    assert failure.expected is True
    assert failure.title == title
    assert failure.message == str(exc)
    assert type(exc).__name__ in failure.details


def test_out_of_memory_is_an_expected_failure() -> None:
    try:
        raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")
    except RuntimeError as exc:
        failure = TaskFailure.from_exception(exc)
    assert failure.expected is True
    assert failure.title == "Out of memory"
    assert "RuntimeError" in failure.details


def test_task_failure_holds_only_text() -> None:
    try:
        raise KeyError()
    except KeyError as exc:
        failure = TaskFailure.from_exception(exc)
    # An empty message still names the exception; fields are plain strings (no frames kept alive).
    assert failure.message.startswith("KeyError")
    assert all(isinstance(v, str) for v in (failure.title, failure.message, failure.details))
    with pytest.raises(AttributeError):
        failure.message = "changed"  # type: ignore[misc]
