"""The embeddings panel's link to the shared input: the shared sentence(s) join the compared ones
on top, the shared word becomes the target, a word picked in the panel is shared; and its lesson
view state (view_state/apply_view)."""
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



def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class EmbeddingsViewMixin:
    """Lesson view state of ``EmbeddingsPanel``: tab, vector mode, layer, sub-word and sentence pooling,
    scalar-mix weights and γ, target, extra plotted words, the left-context tail and the panel's own
    sentences (linked, the shared sentence(s) go on top of them as usual)."""

    _view_pending: dict          # layer / mix weights given before a model set the ranges

    def own_sentences(self) -> list[str]:
        """The panel's own lines: all lines, less those the shared input put on top while linked."""
        lines = self._lines()
        if self.linked and self.uses_shared_input:
            return [ln for ln in lines if ln not in self._introduced]
        return lines

    def view_state(self) -> dict:
        return {"tab": self.current_tab(), "mode": self.mode.currentData(), "layer": self.layer.value(),
                "subword": self.subword.currentData(), "sentence_pooling": self.sentence_pool.currentData(),
                "mix": list(self.mix.weights()), "gamma": self.mix.gamma_value(),
                "target": self.target.text().strip(), "also": self.more_words.text(),
                "context_tail": self.context.tail.text(), "sentences": self.own_sentences()}

    def apply_view(self, view: dict) -> None:
        from .embeddings_panel import TABS

        sentences = view.get("sentences")
        if isinstance(sentences, list) and all(isinstance(s, str) for s in sentences):
            self._apply_sentences([s.strip() for s in sentences if s.strip()])
        for key, combo in (("mode", self.mode), ("subword", self.subword), ("sentence_pooling", self.sentence_pool)):
            if view.get(key) is not None and (i := combo.findData(view[key])) >= 0:
                combo.setCurrentIndex(i)
        for key, edit in (("also", self.more_words), ("context_tail", self.context.tail)):
            if isinstance(view.get(key), str):
                edit.setText(view[key])
        if _number(view.get("gamma")):
            self.mix.set_gamma(float(view["gamma"]))
        mix = view.get("mix")
        if isinstance(mix, list) and all(_number(v) for v in mix):
            self.mix.set_weights(mix)      # extra weights (a model with fewer layers) are dropped
            if not self.mix.sliders:
                self._view_pending["mix"] = mix
        if isinstance(view.get("layer"), int) and not isinstance(view.get("layer"), bool):
            self._set_view_layer(view["layer"])
        if isinstance(view.get("target"), str) and view["target"].strip():
            self.target.setText(view["target"].strip())
            self._pending_target = view["target"].strip()   # resolved when the sentences have run
            self._shared_word = None                        # the recorded target wins over the shared word
        if view.get("tab") in TABS:
            self.tabs.setCurrentIndex(TABS.index(view["tab"]))

    def _set_view_layer(self, layer: int) -> None:
        """Negative counts from the top (-1 = last layer); clamped to the model's layers."""
        if self.loaded is None:
            self._view_pending["layer"] = layer   # the first model's range decides
            if layer >= 0:
                self.layer.setValue(layer)
            return
        top = self.loaded.n_layers
        self.layer.setValue(max(0, min(top, layer if layer >= 0 else top + 1 + layer)))

    def _apply_pending_view(self) -> None:
        """After a model set the layer range and the mix sliders: a view given before it."""
        pending, self._view_pending = self._view_pending, {}
        if "mix" in pending:
            self.mix.set_weights(pending["mix"])
        if "layer" in pending:
            self._set_view_layer(pending["layer"])

    def _apply_sentences(self, own: list[str]) -> None:
        shared_input = self.state.current_input
        shared = [t.strip() for t in (shared_input.text, shared_input.text_pair) if t and t.strip()]
        if self.linked and self.uses_shared_input and shared:
            self._introduced = [t for t in shared if t not in own]
            lines = shared + [ln for ln in own if ln not in shared]
        else:
            self._introduced = []
            lines = own
        if lines and lines != self._lines():
            self.text.setPlainText("\n".join(lines))
