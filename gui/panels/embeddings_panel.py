"""Embeddings: static vs contextual similarity, layer curves, ELMo scalar mix, left context, PCA,
neighbours and sentence similarity — one batched forward, every slider re-slices the cache."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from core import Capability, LoadedModel, errors
from core import embeddings as E
from core.static_vectors import EmbeddingsData, iter_embeddings_data

from ..resources import embedding_presets
from ..state import ModelState
from ..widgets.embedding_plots import LayerCurvesView, ProjectionView
from ..widgets.task_progress import TaskProgressBar
from ..widgets.embedding_tabs import LeftContextTab, NeighboursTab, SimilarityTab
from ..widgets.export import export_widget
from ..widgets.export_dialog import export_with_dialog
from ..widgets.scalar_mix import ScalarMixEditor
from ..widgets.sentence_tokens import SentenceTokensView
from ..widgets.value_heatmap import ValueHeatmapView
from .base import BasePanel
from .embeddings_link import EmbeddingsViewMixin, SharedTargetMixin

TABS = ("similarity", "curves", "context", "projection", "neighbours", "sentences")


class EmbeddingsPanel(EmbeddingsViewMixin, SharedTargetMixin, BasePanel):
    """Contextual vs static embeddings of a target word across sentences and layers."""

    title = "Embeddings"
    key = "embeddings"
    requires = frozenset({Capability.HIDDEN})
    # Linked, the shared sentence (and sentence B) join the compared sentences as the first lines,
    # the shared selected word becomes the target, and a word picked here is shared.
    uses_shared_input = True

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.data: EmbeddingsData | None = None
        self._introduced: list[str] = []    # lines the shared input put on top (the next one replaces them)
        self._shared_word: tuple[str, int] | None = None   # (sentence, word id) to make the target
        self._view_pending: dict = {}       # a lesson view's layer / mix given before a model was loaded
        self.match: E.TargetMatch | None = None
        self.view: E.EmbeddingView | None = None
        self.curves: list[E.LayerCurves] = []
        self.check: E.ContextCheck | None = None
        self._pending_target = ""
        self._notes: list[str] = []
        self.presets = embedding_presets()["embeddings"]
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._recompute)

        self.preset = QComboBox(self)
        self.preset.addItem("")  # "Presets…" placeholder, like the mask panel's "Examples…"
        for p in self.presets:
            self.preset.addItem(QCoreApplication.translate("EmbeddingPresets", p["name"]))
        self.text = QPlainTextEdit("\n".join(self.presets[0]["sentences"]), self)
        self.text.setMaximumHeight(110)
        self.text.setMinimumHeight(36)  # the panel must fit beside another one on a laptop
        self.run_button = QPushButton(self)
        self.target = QLineEdit(self.presets[0]["target"], self)
        self._pending_target = self.presets[0]["target"]
        self.more_words = QLineEdit(self)
        self.tokens = SentenceTokensView(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.tokens)
        scroll.setMaximumHeight(130)
        scroll.setMinimumHeight(34)
        self.mode = QComboBox(self)
        for key in E.LAYER_MODES:
            self.mode.addItem("", key)
        self.layer = QSpinBox(self)
        self.subword = QComboBox(self)
        for key in E.SUBWORD_MODES:
            self.subword.addItem("", key)
        self.sentence_pool = QComboBox(self)
        for key in E.SENTENCE_POOLING:
            self.sentence_pool.addItem("", key)
        self.export_button = QPushButton(self)
        self.task_bar = TaskProgressBar(self)

        self.mix = ScalarMixEditor(self)
        self.similarity = SimilarityTab(self)
        self.curves_view = LayerCurvesView(self)
        self.context = LeftContextTab(self)
        self.context.tail.setText(embedding_presets().get("context_tail", ""))
        self.projection = ProjectionView(self)
        self.neighbours = NeighboursTab(self)
        self.sentences_view = ValueHeatmapView(self)
        self.tabs = QTabWidget(self)
        for page in (self.similarity, self.curves_view, self.context, self.projection, self.neighbours,
                     self.sentences_view):
            self.tabs.addTab(self._scrolled(page) if page in (self.similarity, self.context) else page, "")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.mix)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 4)
        split.setSizes([230, 900])

        self.labels = {k: QLabel(self) for k in ("target", "more", "mode", "subword", "sentence")}
        top = QHBoxLayout()
        top.addWidget(self.preset, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.task_bar)
        row = QHBoxLayout()
        for key, w in (("target", self.target), ("more", self.more_words)):
            row.addWidget(self.labels[key])
            row.addWidget(w, 1)
        # Two short option rows rather than one long one (fits beside another panel).
        opts = QHBoxLayout()
        for key, w in (("mode", self.mode), (None, self.layer), ("subword", self.subword)):
            if key:
                opts.addWidget(self.labels[key])
            opts.addWidget(w)
        opts.addStretch(1)
        opts2 = QHBoxLayout()
        opts2.addWidget(self.labels["sentence"])
        opts2.addWidget(self.sentence_pool)
        opts2.addStretch(1)
        opts2.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(scroll)
        layout.addLayout(opts)
        layout.addLayout(opts2)
        layout.addWidget(split, 1)

        self.run_button.clicked.connect(self.refresh)
        self.task_bar.cancel_requested.connect(self.cancel)
        self.preset.activated.connect(self._on_preset_chosen)
        self.target.returnPressed.connect(self._on_target_edited)
        self.more_words.returnPressed.connect(self._on_target_edited)
        self.tokens.token_clicked.connect(self._on_token_clicked)
        for combo in (self.mode, self.subword, self.sentence_pool):
            combo.currentIndexChanged.connect(self._on_options_changed)
        self.layer.valueChanged.connect(self._on_options_changed)
        self.mix.changed.connect(self._on_options_changed)
        self.neighbours.occurrence_changed.connect(self._update_neighbours)
        self.context.check_requested.connect(self.run_context_check)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.busy_changed.connect(self.task_bar.set_busy)
        self._shortcut("Ctrl+Return", self.refresh)
        self._shortcut("Ctrl+E", self._on_export_clicked)
        self._shortcut("PgDown", lambda: self.layer.stepBy(1))
        self._shortcut("PgUp", lambda: self.layer.stepBy(-1))
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    def _scrolled(self, page: QWidget) -> QScrollArea:
        # Pages with long explanations scroll rather than raise the panel's minimum height.
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _shortcut(self, keys: str, slot) -> None:
        # Only while focus is inside this panel: other panels use the same keys (PgUp, Ctrl+E).
        QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ---------------------------------------------------------------- language
    def retranslate_ui(self) -> None:
        self.preset.setItemText(0, self.tr("Presets…"))
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the model once on all sentences (Ctrl+Enter); every other "
                                           "control re-uses that result"))
        self.preset.setToolTip(self.tr("Lesson presets: a word used in different senses"))
        self.text.setToolTip(self.tr("One sentence per line (at most 64; empty lines are ignored)"))
        self.labels["target"].setText(self.tr("Target:"))
        self.target.setToolTip(self.tr("The word whose occurrences are compared. Click a word below, or type one "
                                       "and press Enter."))
        self.labels["more"].setText(self.tr("Also plot:"))
        self.more_words.setPlaceholderText(self.tr("more words for the layer curves, comma-separated"))
        self.labels["mode"].setText(self.tr("Vector:"))
        for i, text in enumerate((self.tr("one layer"), self.tr("mean of last four layers"),
                                  self.tr("ELMo scalar mix"))):
            self.mode.setItemText(i, text)
        self.mode.setToolTip(self.tr(
            "One layer: the hidden state of that layer. Mean of the last four: BERT's recipe for features. "
            "ELMo scalar mix: γ · Σ softmax(s)ⱼ hⱼ with the sliders on the left."))
        self.layer.setPrefix(self.tr("layer "))
        self.layer.setToolTip(self.tr("Layer 0 is the embedding output; the top layer is the last (PgUp/PgDn)"))
        self.labels["subword"].setText(self.tr("Sub-words:"))
        self.subword.setItemText(0, self.tr("mean of pieces"))
        self.subword.setItemText(1, self.tr("first piece"))
        self.subword.setToolTip(self.tr("A word split into several sub-word tokens (play ##ing) gets one vector: "
                                        "the mean of its pieces, or the first piece as in BERT's NER recipe."))
        self.labels["sentence"].setText(self.tr("Sentence vector:"))
        for i, text in enumerate((self.tr("mean pooling"), self.tr("first token ([CLS])"), self.tr("last token"))):
            self.sentence_pool.setItemText(i, text)
        self.sentence_pool.setToolTip(self.tr("How a sentence becomes one vector (Sentences tab). MiniLM was "
                                              "trained for mean pooling; a decoder's last token has read it all."))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the visible view as PNG or SVG (Ctrl+E)"))
        for i, text in enumerate((self.tr("Similarity"), self.tr("Layer curves"), self.tr("Left context"),
                                  self.tr("Projection"), self.tr("Neighbours"), self.tr("Sentences"))):
            self.tabs.setTabText(i, text)
        self.tabs.setTabToolTip(1, self.tr(
            "Ethayarajh (2019): self-similarity = mean cosine between the target's occurrences; the baseline = "
            "mean cosine between random token pairs (all vectors share a direction: anisotropy); their "
            "difference shows how contextual the word really is at each layer."))
        self.tabs.setTabToolTip(3, self.tr("PCA of every token vector at the chosen layer; hover a point"))
        for child in (self.mix, self.similarity, self.context, self.neighbours):
            child.retranslate_ui()
        self.sentences_view.set_axis_titles(self.tr("sentence"), self.tr("sentence"))

    # ---------------------------------------------------------------- command line
    @classmethod
    def add_cli_arguments(cls, parser) -> None:
        from .registry import add_option

        add_option(parser, "--layer", type=int, help="layer to show (attention, embeddings, spans panels)")
        add_option(parser, "--target", help="target word (embeddings panel)")
        add_option(parser, "--tab", help="tab to show: similarity, curves, context, projection, neighbours, "
                                         "sentences (embeddings); triangle, reps, sbo (spans)")
        add_option(parser, "--pooling", choices=E.LAYER_MODES, help="embeddings vector: layer, last4 or mix")

    def apply_cli(self, args) -> None:
        super().apply_cli(args)
        if getattr(args, "target", None):
            self.target.setText(args.target)
            self._pending_target = args.target
        if getattr(args, "pooling", None):
            self.mode.setCurrentIndex(E.LAYER_MODES.index(args.pooling))
        if getattr(args, "layer", None) is not None and self.loaded is not None:
            self.layer.setValue(args.layer % (self.loaded.n_layers + 1))
        if getattr(args, "tab", None) in TABS:
            self.tabs.setCurrentIndex(TABS.index(args.tab))

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        self.text.setPlainText(text if not text_pair else f"{text}\n{text_pair}")
        self._pending_target = self.target.text() if self.target.text() and self.target.text() in text else ""

    # ---------------------------------------------------------------- model and running
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.data, self.match, self.view, self.check = None, None, None, None
        if loaded is None:
            self.message_bar.show_info(self.tr("Load a model to compare its embeddings."))
            return
        self.layer.setRange(0, loaded.n_layers)
        self.layer.setValue(loaded.n_layers)
        self.mix.set_layers(loaded.n_layers + 1)
        self._apply_pending_view()
        if self.supports(loaded):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        loaded = self.loaded
        if loaded is None or not self.supports(loaded):
            return
        table = self.data.table if self.data is not None else None
        self.run_task(iter_embeddings_data, loaded, self.text.toPlainText(), table)

    def show_progress(self, item: object) -> None:
        self.task_bar.show_progress(item)

    def show_result(self, result: object) -> None:
        if isinstance(result, E.ContextCheck):
            first = self.match.occurrences[0] if self.match is not None else None
            if first is None or self.data.batch.sentences[first.sentence] != result.before:
                return  # a check for a target the user has since changed
            self.check = result
            self.context.show_check(result)
            if self._notes:  # run_task cleared the bar: the notes still apply
                self.message_bar.show_info("\n".join(self._notes))
            return
        assert isinstance(result, EmbeddingsData)
        self.data = result
        batch = result.batch
        if self.mix.sliders and len(self.mix.sliders) != batch.hidden.shape[1]:
            self.mix.set_layers(batch.hidden.shape[1])
        self.tokens.set_encodings(batch.encodings)
        self.check = None
        if self._shared_word is not None:
            self._pending_target = self._shared_target() or self._pending_target
        explicit, self._pending_target = self._pending_target, ""
        if explicit:
            self.set_target(explicit)  # asked for: an absent word gets its message
            return
        word = self.target.text().strip()
        try:
            E.find_target(batch, word)
        except errors.InputError:
            word = E.choose_target(batch)  # the old target is not in the new sentences
        self.set_target(word)

    # ---------------------------------------------------------------- target
    def set_target(self, word: str) -> None:
        """Make ``word`` the target: occurrences, curves, static matrices, neighbours (no forward pass)."""
        self.target.setText(word)
        if self.data is None:
            self._pending_target = word
            return
        batch = self.data.batch
        self.message_bar.clear()
        try:
            self.match = E.find_target(batch, word)
        except errors.InputError as exc:
            self.match = None
            self.tokens.set_targets(set())
            self.message_bar.show_error(str(exc))
            return
        self.tokens.set_targets({(o.sentence, t) for o in self.match.occurrences for t in o.tokens})
        self.check = None
        self._notes = self._input_notes(batch) + self._target_notes(batch, self.match)
        self._draw_curves()
        self._draw_glove()
        self.neighbours.set_occurrences(E.occurrence_labels(batch, self.match))
        self._recompute()
        if self._notes:
            self.message_bar.show_info("\n".join(self._notes))
        if self.current_tab() == "context":
            self.run_context_check()

    def _input_notes(self, batch: E.SentenceBatch) -> list[str]:
        notes = []
        src = batch.source
        if src is not None and src.empty_lines:
            notes.append(self.tr("{0} empty line(s) ignored.").format(src.empty_lines))
        if src is not None and src.n_given > len(batch.sentences):
            notes.append(self.tr("Only the first {0} of {1} sentences are used (at most {0}).").format(
                len(batch.sentences), src.n_given))
        if batch.truncated:
            notes.append(self.tr("Sentence(s) {0} cut to {1} tokens, the most used here.").format(
                ", ".join(str(s + 1) for s in batch.truncated), batch.max_tokens))
        return notes

    def _target_notes(self, batch: E.SentenceBatch, match: E.TargetMatch) -> list[str]:
        notes = []
        if len(batch.sentences) == 1:
            notes.append(self.tr("Only one sentence: self-similarity needs the target in at least two contexts. "
                                 "Add another sentence on a new line."))
        elif len(match.occurrences) < 2:
            notes.append(self.tr("'{0}' occurs once: self-similarity needs two occurrences.").format(match.word))
        if match.missing:
            notes.append(self.tr("'{0}' is not in sentence(s) {1}.").format(
                match.word, ", ".join(str(s + 1) for s in match.missing)))
        if match.split:
            o = match.split[0]
            pieces = " + ".join(batch.encodings[o.sentence].tokens[t] for t in o.tokens)
            how = self.tr("mean of pieces") if self.subword.currentData() == "mean" else self.tr("first piece")
            notes.append(self.tr("'{0}' is split into sub-words ({1}): its pieces are pooled ({2}).").format(
                o.surface, pieces, how))
        if self.data is not None and self.data.glove is not None and self.data.glove.lookup(match.word).oov:
            notes.append(self.tr("'{0}' is not in GloVe's 400,000-word vocabulary: no GloVe vector.").format(
                match.word))
        if self.data is not None and self.data.glove is None:
            notes.append(self.tr("GloVe is unavailable: {0}").format(self.data.glove_error))
        return notes

    @Slot(int, int)
    def _on_token_clicked(self, sentence: int, token: int) -> None:
        if self.data is None:
            return
        try:
            word = E.word_at(self.data.batch, sentence, token)
        except errors.InputError as exc:
            self.message_bar.show_error(str(exc))
            return
        self.set_target(word)
        self._publish_target(sentence, token)

    @Slot()
    def _on_target_edited(self) -> None:
        self.set_target(self.target.text())
        self._publish_target()

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        if index <= 0:
            return
        preset = self.presets[index - 1]
        self.text.setPlainText("\n".join(preset["sentences"]))
        self.target.setText(preset["target"])
        self._pending_target = preset["target"]
        self.refresh()

    # ---------------------------------------------------------------- views
    def options(self) -> E.PoolingOptions:
        return E.PoolingOptions(mode=self.mode.currentData() or "layer", layer=self.layer.value(),
                                weights=self.mix.weights(), gamma=self.mix.gamma_value(),
                                subword=self.subword.currentData() or "mean",
                                sentence=self.sentence_pool.currentData() or "mean")

    @Slot()
    def _on_options_changed(self) -> None:
        mode = self.mode.currentData()
        self.layer.setEnabled(mode == "layer")
        self.mix.set_mix_enabled(mode == "mix")
        if self.current_tab() == "projection":
            # PCA and 1,000+ points take longer than a slider step: coalesce a drag's many
            # steps into one redraw after the queued mouse events (a 0 ms single-shot timer).
            self._soon.start()
        else:
            self._recompute()

    def _recompute(self) -> None:
        """Redraw what is on screen and depends on the pooling options, from the cached states.

        Only the visible tab is recomputed (a slider move must stay far cheaper than a forward
        pass); switching tabs recomputes the newly shown one.
        """
        if self.data is None or self.match is None:
            return
        batch, opts = self.data.batch, self.options()
        tab = self.current_tab()
        parts = {"similarity": ("contextual", "static"), "projection": ("projection",),
                 "sentences": ("sentences",)}.get(tab, ())
        shown = self.projection.projection  # its axes' directions carry over: a drag never mirrors the plot
        ref = shown.components if shown is not None and tab == "projection" else None
        self.view = v = E.embedding_view(batch, self.match, opts, parts, projection_reference=ref)
        self.mix.show_weights(v.weights)
        where = {"layer": self.tr("layer {0}").format(opts.layer % (batch.n_layers + 1)),
                 "last4": self.tr("last-four mean"), "mix": self.tr("scalar mix")}[opts.mode]
        occ = v.occurrence_labels
        names = [self.tr("S{0}").format(s + 1) for s in range(len(batch.sentences))]
        if v.contextual is not None:
            self.similarity.model_static.set_values(v.model_static, occ, occ,
                                                    title=self.tr("Input embeddings"))
            self.similarity.contextual.set_values(v.contextual, occ, occ,
                                                  title=self.tr("Contextual · {0}").format(where))
        if v.projection is not None:
            self.projection.set_projection(v.projection, names)
        if v.sentence_similarity is not None:
            self.sentences_view.set_values(v.sentence_similarity, names, names,
                                           title=self.tr("Sentence cosine · {0}").format(where))
        if tab == "neighbours":
            self._update_neighbours()

    def _draw_curves(self) -> None:
        batch, how = self.data.batch, self.subword.currentData() or "mean"
        curves = [E.layer_curves(batch, self.match, how)]
        for word in (w.strip() for w in self.more_words.text().split(",")):
            if word and word.lower() != self.match.word.lower():
                try:
                    curves.append(E.layer_curves(batch, E.find_target(batch, word), how))
                except errors.InputError:
                    self._notes.append(self.tr("'{0}' occurs in none of the sentences: not plotted.").format(word))
        self.curves = curves
        self.curves_view.set_curves(curves)

    def _draw_glove(self) -> None:
        self.similarity.show_glove(self.data.glove, self.match, E.occurrence_labels(self.data.batch, self.match))

    @Slot()
    def _update_neighbours(self) -> None:
        if self.data is None or self.match is None:
            return
        i = max(0, self.neighbours.occurrence.currentIndex())
        states = E.pooled_states(self.data.batch, self.options())
        vec = E.occurrence_vectors(states, self.match, self.subword.currentData() or "mean")[i]
        self.neighbours.show_neighbours(self.data.table, self.data.glove, self.match.word, vec)

    # ---------------------------------------------------------------- left context
    @Slot()
    def run_context_check(self) -> None:
        if self.data is None or self.match is None or self.loaded is None:
            return
        first = self.match.occurrences[0]
        self.run_task(E.left_context_check, self.loaded, self.data.batch.sentences[first.sentence],
                      self.match.word, self.context.tail.text(), self.subword.currentData() or "mean")

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        self._recompute()
        if self.current_tab() == "context" and self.check is None:
            self.run_context_check()

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    # ---------------------------------------------------------------- export
    def export_current(self, path: Path, scale: float = 2.0) -> Path:
        """Save the visible tab (PNG or SVG by suffix) at ``scale``× for projectors."""
        page = self.tabs.currentWidget()
        page = page.widget() if isinstance(page, QScrollArea) else page
        return export_widget(page, Path(path), scale=scale)

    @Slot()
    def _on_export_clicked(self) -> None:
        if self.view is None:
            self.message_bar.show_info(self.tr("Nothing to export yet: run the model first."))
            return
        export_with_dialog(self, self.message_bar, f"embeddings-{self.current_tab()}.png", self.export_current)
