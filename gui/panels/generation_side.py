"""The generation panel's side-by-side tab: one prompt streamed on slots A and B in two columns."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from core.generation import perplexity_of_steps
from core.generation_types import BeamResult, GenerationStart, GenerationStep

from ..widgets.side_by_side import SideBySideView


class SideBySidePage(SideBySideView):
    """Feeds :class:`SideBySideView` from ``core.side_by_side.iter_side_by_side``'s ``(slot, item)`` stream.

    ``prompt_pieces(slot, start)`` gives the prompt's token texts in that slot's tokenizer.
    """

    def __init__(self, prompt_pieces: Callable[[str, GenerationStart], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompt_pieces = prompt_pieces
        self.pieces: dict[str, list[GenerationStep]] = {}

    def begin(self, slots: list[str]) -> None:
        """A new run on these slots: empty columns."""
        self.clear()
        self.pieces = {s: [] for s in slots}

    def progress(self, slot: str, item: object) -> None:
        view = self.views[slot]
        if isinstance(item, GenerationStart):
            view.set_prompt(self._prompt_pieces(slot, item), item.prompt_surprisal)
        elif isinstance(item, GenerationStep):
            steps = self.pieces.setdefault(slot, [])
            steps.append(item)
            view.append_step(item.token, item.surprisal_bits)
            self.set_stats(slot, len(steps), perplexity_of_steps(steps))
        elif isinstance(item, str):
            self.stats[slot].setText(item)

    def show_results(self, results: dict) -> None:
        """The end of a run: a beam search's best hypothesis per slot (streamed runs are shown already)."""
        for slot, value in results.items():
            if isinstance(value, BeamResult) and value.texts:
                self.views[slot].set_steps([(value.texts[0], float("nan"))])
                self.set_stats(slot, len(value.sequences[0]), float("nan"),
                               self.tr("beam score {0:.3f}").format(float(value.scores[0])))
