"""Measure how long the GUI event loop goes without turning (pytest-qt tests of training runs)."""
from __future__ import annotations

import os

from PySide6.QtCore import QElapsedTimer, Qt, QTimer

#: The event loop may never be kept from turning longer than this while a model trains.
MAX_GAP_MS = 50


class LoopMeter:
    """A short precise QTimer on the GUI thread; ``gaps`` are the times between its ticks (ms).

    Any event that keeps the GUI thread busy (a slot, a repaint) or waiting (the GIL held by
    the training thread) shows up as a gap longer than the interval.
    """

    def __init__(self, interval_ms: int = 2) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> "LoopMeter":
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
        self._tick()   # the time since the last tick counts too
        log = os.environ.get("PLM_LOOP_LOG")   # collect the figures of repeated runs (bench/README)
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{os.environ.get('PYTEST_CURRENT_TEST', '?').split(' ')[0]}\t{self.summary()}\n")

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now

    @property
    def worst(self) -> float:
        return max(self.gaps, default=0.0)

    def summary(self) -> str:
        over = sorted((g for g in self.gaps if g > 20), reverse=True)
        return (f"{len(self.gaps)} ticks, max gap {self.worst:.1f} ms, gaps over 20 ms: "
                + (", ".join(f"{g:.0f}" for g in over[:10]) or "none"))
