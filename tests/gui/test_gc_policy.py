"""Cyclic garbage is collected on the GUI thread, never on a worker (gui/gc_policy.py)."""
from __future__ import annotations

import gc
import threading
import weakref

from gui.gc_policy import MainThreadGC, install


class _Node:
    def __init__(self) -> None:
        self.me = self            # a reference cycle: only the cyclic collector frees it


def test_the_policy_is_installed_and_automatic_collection_is_off(qapp) -> None:
    policy = install(qapp)
    assert isinstance(policy, MainThreadGC) and install(qapp) is policy
    assert not gc.isenabled()


def test_garbage_made_on_a_worker_is_collected_on_the_gui_thread(qtbot, qapp) -> None:
    install(qapp)
    freed_on: list[int] = []
    made: list[weakref.ref] = []
    kept: list[list] = []

    def work() -> None:
        # Far more container allocations than the first generation's threshold: with automatic
        # collection one of them would run the collector here, on this thread.
        node = _Node()
        made.append(weakref.ref(node, lambda _r: freed_on.append(threading.get_ident())))
        del node
        kept.append([[i] for i in range(20 * gc.get_threshold()[0])])  # still alive: counts stay up

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert made and made[0]() is not None and not freed_on, "collected off the GUI thread"
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert freed_on == [threading.get_ident()]   # the GUI thread's timer freed it
