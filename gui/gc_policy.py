"""Python's cyclic garbage collector runs on the GUI thread only.

CPython runs a collection on whichever thread happens to allocate when a generation's
count passes its threshold. With Qt that thread may be a worker (a model loading, a
training run): if the garbage holds Qt wrappers (a closed window's menus, a panel's
plot items kept alive by a reference cycle), their C++ destructors then run on the
worker while the GUI thread may be deleting related objects, and PySide needs the GIL
inside those destructors: the two threads can wait on each other for ever (seen as a
hung test run: the worker in ``QObject::~QObject`` -> ``Shiboken::GilState::acquire``,
the GUI thread in ``QObject::~QObject`` on a Qt mutex while holding the GIL).

So, as pyqtgraph's ``util.garbage_collector`` does, automatic collection is switched
off and a timer on the GUI thread collects each generation whose count has passed the
thresholds in force (``gc.get_threshold()``, which the training runner may change). Only
cyclic garbage waits for the timer; everything else is still freed at once by reference
counting.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the collector's counts (they are cheap to read).
INTERVAL_MS = 200


class MainThreadGC(QObject):
    """Turns automatic collection off and collects on a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects found."""
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if t0 > 0 and c2 > t2:
            return gc.collect(2)
        if t0 > 0 and c1 > t1:
            return gc.collect(1)
        if t0 > 0 and c0 > t0:
            return gc.collect(0)
        return 0

    def stop(self) -> None:
        """Back to CPython's automatic collection (as it was before)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


_installed: MainThreadGC | None = None


def install(app: QObject) -> MainThreadGC:
    """Install the policy once per process (a child of the application object; idempotent)."""
    global _installed
    if _installed is None:
        _installed = MainThreadGC(app)
    return _installed
