"""Drawing jobs run one per pass of the event loop, so a burst of updates never stalls it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

#: Time between two drawing jobs: room for input, timers and the paint of the last job.
DRAW_STEP_MS = 15


class DrawQueue(QObject):
    """A queue of named drawing jobs, run one per timer tick (a job queued twice runs once).

    A training flush changes several plots at once; redrawing them all in one slot (and
    painting them all in the repaint that follows) kept the event loop busy for 10-40 ms on
    a busy machine. One job per tick leaves the loop free in between. Widgets that share a
    window share one queue, so two of them never draw in the same pass.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = DRAW_STEP_MS) -> None:
        super().__init__(parent)
        self._jobs: dict[str, Callable[[], None]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._run_next)

    def add(self, key: str, job: Callable[[], None]) -> None:
        """Queue ``job`` under ``key``; a job already queued under it keeps its place."""
        self._jobs.setdefault(key, job)
        if not self._timer.isActive():
            self._timer.start()

    def discard(self, prefix: str = "") -> None:
        """Drop the queued jobs whose key starts with ``prefix`` (all of them by default)."""
        for key in [k for k in self._jobs if k.startswith(prefix)]:
            del self._jobs[key]
        if not self._jobs:
            self._timer.stop()

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def run_all(self) -> None:
        """Run every queued job now (a screenshot, a test, a tab the user just opened)."""
        while self._jobs:
            self._run_next()

    @Slot()
    def _run_next(self) -> None:
        if self._jobs:
            key = next(iter(self._jobs))
            self._jobs.pop(key)()
        if not self._jobs:
            self._timer.stop()
