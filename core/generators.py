"""Driving the progress generators of ``core`` (loading, training) without a GUI worker."""
from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def drive(gen: Generator[Item, None, Result], on_item: Callable[[Item], None] | None = None) -> Result:
    """Run ``gen`` to its end, handing each yielded item to ``on_item``; return its return value."""
    while True:
        try:
            item = next(gen)
        except StopIteration as stop:
            return stop.value
        if on_item is not None:
            on_item(item)
