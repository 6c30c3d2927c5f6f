"""The same prompt on several models (slots A and B) in turn, as one cancellable generator."""
from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence

from .beam import iter_beam_search
from .errors import InspectorError
from .generation import iter_generate
from .generation_types import DecodingConfig, Strategy
from .loader import LoadedModel


def _tagged(slot: str, gen: Generator) -> Generator[tuple[str, object], None, object]:
    while True:
        try:
            item = next(gen)
        except StopIteration as stop:
            return stop.value
        yield slot, item


def iter_side_by_side(runs: Sequence[tuple[str, LoadedModel, DecodingConfig]], prompt: str,
                      ) -> Iterator[tuple[str, object]]:
    """Yield ``(slot, item)`` for every item of each slot's generation; return ``{slot: result}``.

    A slot whose model cannot run (an encoder-only model, bad settings) yields its error
    message as a string and the other slot still runs.
    """
    results: dict[str, object] = {}
    for slot, loaded, cfg in runs:
        try:
            if cfg.strategy is Strategy.BEAM:
                results[slot] = yield from _tagged(slot, iter_beam_search(loaded, prompt, cfg))
            else:
                results[slot] = yield from _tagged(slot, iter_generate(loaded, prompt, cfg))
        except InspectorError as exc:
            results[slot] = str(exc)
            yield slot, results[slot]
    return results
