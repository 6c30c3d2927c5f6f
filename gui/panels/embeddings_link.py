"""The embeddings panel's link to the shared input: the shared sentence(s) join the compared ones
on top, the shared word becomes the target, a word picked in the panel is shared."""
from __future__ import annotations

import numpy as np

from core import embeddings as E
from core import errors

from ..widgets.token_strip import selection_words


class SharedTargetMixin:
    """For ``EmbeddingsPanel`` (a ``BasePanel`` with ``text``, ``target``, ``data``, ``match``, ``set_target``)."""

    _introduced: list[str]                 # lines the shared input put on top (the next one replaces them)
    _shared_word: tuple[str, int] | None   # (sentence, word id) to make the target once it has run

    def _lines(self) -> list[str]:
        return [ln.strip() for ln in self.text.toPlainText().splitlines() if ln.strip()]

    def on_shared_input(self, value) -> None:
        """The shared sentence(s) become the first lines (the panel's own lines stay below); the
        shared word (the first of a span) becomes the target once the sentences have run."""
        shared = [t.strip() for t in (value.text, value.text_pair) if t and t.strip()]
        if not shared:
            return
        words = selection_words(value.selection)
        self._shared_word = (shared[0], words[0]) if words is not None else None
        lines = self._lines()
        if all(t in lines for t in shared):
            if self._shared_word is not None and self.data is not None and shared[0] in self.data.batch.sentences:
                word = self._shared_target()   # else: resolved when the sentences have run
                if word and word.lower() != self.target.text().strip().lower():
                    self.set_target(word)
            return
        own = [ln for ln in lines if ln not in self._introduced]
        self._introduced = [t for t in shared if t not in own]
        self.text.setPlainText("\n".join(shared + [ln for ln in own if ln not in shared]))
        if self.supports(self.loaded):
            self.refresh()

    def _shared_target(self) -> str:
        """The word the shared selection names, as a target ("" when its sentence did not run)."""
        pending, self._shared_word = self._shared_word, None
        if pending is None or self.data is None:
            return ""
        sentence, word = pending
        batch = self.data.batch
        if sentence not in batch.sentences:
            return ""
        s = batch.sentences.index(sentence)
        enc = batch.encodings[s]
        tokens = np.flatnonzero((enc.word_ids == word) & (enc.segment_ids == 0) & ~enc.special_mask)
        if not tokens.size:
            return ""
        try:
            return E.word_at(batch, s, int(tokens[0]))
        except errors.InputError:
            return ""

    def _publish_target(self, sentence: int | None = None, token: int | None = None) -> None:
        """Share the target: the clicked occurrence, or the target's place in the shared sentence."""
        if self.data is None or self.match is None:
            return
        batch, shared = self.data.batch, self.state.current_input
        if sentence is None:
            in_shared = [o for o in self.match.occurrences if batch.sentences[o.sentence] == shared.text.strip()]
            if not in_shared:
                return   # a typed word that the shared sentence does not hold: nothing to select there
            sentence, token = in_shared[0].sentence, in_shared[0].tokens[0]
        enc = batch.encodings[sentence]
        word = int(enc.word_ids[token])
        if word < 0:
            return
        if batch.sentences[sentence] == shared.text.strip():
            self.publish_input(selection=("word", word))
        else:
            self.publish_input(text=batch.sentences[sentence], text_pair="", selection=("word", word))

