"""Spans: select a span by dragging over the tokens (or typing i..j), see spanRep_ij in its three
variants, every span up to length L scored against a reference span, and SpanBERT's SBO inputs."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from core import Capability, LoadedModel, errors
from core import spans as S

from ..resources import embedding_presets
from ..state import ModelState
from ..widgets.export import export_widget
from ..widgets.task_progress import TaskProgressBar
from ..widgets.export_dialog import export_with_dialog
from ..widgets.sentence_tokens import SentenceTokensView
from ..widgets.span_views import SboInputsView, SpanRepsView
from ..widgets.value_heatmap import ValueHeatmapView
from .base import BasePanel
from .spans_view import SpansViewMixin

TABS = ("triangle", "reps", "sbo")
UNITS = ("word", "token")


class SpansPanel(SpansViewMixin, BasePanel):
    """Span representations [h_i; h_j; g_ij] and friends over all spans of a sentence."""

    title = "Spans"
    key = "spans"
    requires = frozenset({Capability.HIDDEN})
    uses_shared_input = True   # follows the shared sentence and word span (first line)

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.data = None   # core.span_heads.SpansData (torch is imported when the panel first runs)
        self.selection: tuple[int, int, int] | None = None   # sentence, i, j (tokens)
        self.reference: tuple[int, int, int] | None = None
        self.triangle: S.SpanTriangle | None = None
        self.sbo_raw: np.ndarray | None = None
        self._length_note = ""   # [rows, d] the SBO inputs shown (unscaled)
        self._pending_span: tuple[str, str] | None = None
        self._pending_shared: tuple[int, int] | None = None
        self._view_pending: dict = {}   # a lesson view's layer (before a model) and spans (next result)
        self.presets = embedding_presets()["spans"]

        self.preset = QComboBox(self)
        self.preset.addItem("")  # "Presets…" placeholder, like the mask panel's "Examples…"
        for p in self.presets:
            self.preset.addItem(QCoreApplication.translate("EmbeddingPresets", p["name"]))
        self.text = QPlainTextEdit(self.presets[0]["text"], self)
        self.text.setMaximumHeight(80)
        self.text.setMinimumHeight(36)  # the panel must fit beside another one on a laptop
        self._pending_span = (self.presets[0]["span"], "word")
        self.run_button = QPushButton(self)
        self.tokens = SentenceTokensView(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.tokens)
        scroll.setMaximumHeight(120)
        scroll.setMinimumHeight(34)
        self.span_edit = QLineEdit(self)
        self.units = QComboBox(self)
        for key in UNITS:
            self.units.addItem("", key)
        self.reference_button = QPushButton(self)
        self.variant = QComboBox(self)
        for key in S.VARIANTS:
            self.variant.addItem("", key)
        self.layer = QSpinBox(self)
        self.max_len = QSpinBox(self)
        self.max_len.setRange(1, 512)
        self.max_len.setValue(int(self.presets[0].get("max_len", 8)))
        self.export_button = QPushButton(self)
        self.task_bar = TaskProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.nested_note = QLabel(self)
        self.nested_note.setObjectName("caption")
        self.nested_note.setWordWrap(True)

        self.triangle_view = ValueHeatmapView(self)
        tri_page = QWidget(self)
        tl = QVBoxLayout(tri_page)
        tl.addWidget(self.triangle_view, 1)
        tl.addWidget(self.nested_note)
        self.reps_view = SpanRepsView(self)
        self.reps_note = QLabel(self)
        self.reps_note.setWordWrap(True)
        reps_page = QWidget(self)
        rl = QVBoxLayout(reps_page)
        rl.addWidget(self.reps_note)
        rl.addWidget(self.reps_view, 1)
        self.sbo_view = SboInputsView(self)
        self.sbo_note = QLabel(self)
        self.sbo_note.setObjectName("caption")
        self.sbo_note.setWordWrap(True)
        sbo_page = QWidget(self)
        sl = QVBoxLayout(sbo_page)
        sl.addWidget(self.sbo_view, 1)
        sl.addWidget(self.sbo_note)
        self.tabs = QTabWidget(self)
        for page in (tri_page, reps_page, sbo_page):
            self.tabs.addTab(page, "")

        self.labels = {k: QLabel(self) for k in ("span", "variant", "maxlen")}
        top = QHBoxLayout()
        top.addWidget(self.preset, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.task_bar)
        row = QHBoxLayout()
        row.addWidget(self.labels["span"])
        row.addWidget(self.span_edit)
        row.addWidget(self.units)
        row.addWidget(self.reference_button)
        row.addStretch(1)
        opts = QHBoxLayout()
        for key, w in (("variant", self.variant), (None, self.layer), ("maxlen", self.max_len)):
            if key:
                opts.addWidget(self.labels[key])
            opts.addWidget(w)
        opts.addStretch(1)
        opts.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(scroll)
        layout.addLayout(row)
        layout.addLayout(opts)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

        self.run_button.clicked.connect(self._on_run_clicked)
        self.preset.activated.connect(self._on_preset_chosen)
        self.tokens.token_clicked.connect(self._on_token_clicked)
        self.tokens.span_dragged.connect(self._on_span_dragged)
        self.span_edit.returnPressed.connect(self._on_span_typed)
        self.reference_button.clicked.connect(self.use_selection_as_reference)
        self.variant.currentIndexChanged.connect(self._redraw)
        self.layer.valueChanged.connect(self._redraw)
        self.max_len.valueChanged.connect(self._redraw)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.task_bar.cancel_requested.connect(self.cancel)
        self.busy_changed.connect(self.task_bar.set_busy)
        self._shortcut("Ctrl+Return", self.refresh)
        self._shortcut("Ctrl+E", self._on_export_clicked)
        self._shortcut("Ctrl+R", self.use_selection_as_reference)
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    def _shortcut(self, keys: str, slot) -> None:
        # Only while focus is inside this panel: other panels use the same keys (PgUp, Ctrl+E).
        QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ---------------------------------------------------------------- language
    def retranslate_ui(self) -> None:
        self.preset.setItemText(0, self.tr("Presets…"))
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the model once on all lines (Ctrl+Enter)"))
        self.text.setToolTip(self.tr("One sentence per line. A span never crosses from one line to the next; "
                                     "another line can hold the reference span."))
        self.labels["span"].setText(self.tr("Span:"))
        self.span_edit.setPlaceholderText(self.tr("i..j"))
        self.span_edit.setToolTip(self.tr("Type a span as i..j (inclusive) and press Enter, or drag over the "
                                          "tokens above"))
        self.units.setItemText(0, self.tr("word indices"))
        self.units.setItemText(1, self.tr("token indices"))
        self.reference_button.setText(self.tr("Use as reference"))
        self.reference_button.setToolTip(self.tr("Compare every span with the selected one (Ctrl+R); the "
                                                 "reference may come from another line"))
        self.labels["variant"].setText(self.tr("spanRep:"))
        for i, text in enumerate(("[hᵢ; hⱼ; gᵢⱼ]", "[FFN_start(hᵢ); FFN_end(hⱼ); gᵢⱼ]",
                                  self.tr("[hᵢ; hⱼ; attention-pooled gᵢⱼ]"))):
            self.variant.setItemText(i, text)
        self.variant.setToolTip(self.tr(
            "gᵢⱼ = mean(hᵢ..hⱼ). FFN_start/FFN_end and the attention scorer are learned by a span task; "
            "until then they are random and labelled so."))
        self.layer.setPrefix(self.tr("layer "))
        self.layer.setToolTip(self.tr("Hidden states of this layer are the hᵢ"))
        self.labels["maxlen"].setText(self.tr("Max length L:"))
        self.max_len.setToolTip(self.tr("Score all spans up to this many tokens long (T(T+1)/2 spans when L ≥ T)"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the visible view as PNG or SVG (Ctrl+E)"))
        for i, text in enumerate((self.tr("All spans"), self.tr("Representations"), self.tr("SBO inputs"))):
            self.tabs.setTabText(i, text)
        self.triangle_view.set_axis_titles(self.tr("start token"), self.tr("end token"))
        self.nested_note.setText(self.tr(
            "Every span gets its own score, so nested spans such as \"United Airlines\" inside "
            "\"United Airlines Holding\" can both be labelled — BIO tags give each token one tag and cannot."))
        self.sbo_note.setText(self.tr(
            "SpanBERT's span boundary objective predicts each token inside the span from the outputs of the "
            "token just before and just after the span, together with the position embedding of its place "
            "inside the span (fed to a 2-layer FFN). These rows are those inputs, not a prediction."))

    # ---------------------------------------------------------------- command line
    @classmethod
    def add_cli_arguments(cls, parser) -> None:
        from .registry import add_option

        add_option(parser, "--layer", type=int, help="layer to show (attention, embeddings, spans panels)")
        add_option(parser, "--span", help="span i..j to select (spans panel; word indices, see --span-units)")
        add_option(parser, "--span-units", choices=UNITS, default="word", help="--span counts words or tokens")
        add_option(parser, "--max-span", type=int, help="longest span scored, L (spans panel)")
        add_option(parser, "--variant", choices=S.VARIANTS, help="span representation (spans panel)")
        add_option(parser, "--tab", help="tab to show (embeddings, spans panels)")

    def apply_cli(self, args) -> None:
        super().apply_cli(args)
        if getattr(args, "span", None):
            self._pending_span = (args.span, getattr(args, "span_units", None) or "word")
        if getattr(args, "max_span", None):
            self.max_len.setValue(args.max_span)
        if getattr(args, "variant", None):
            self.variant.setCurrentIndex(S.VARIANTS.index(args.variant))
        if getattr(args, "layer", None) is not None and self.loaded is not None:
            self.layer.setValue(args.layer % (self.loaded.n_layers + 1))
        if getattr(args, "tab", None) in TABS:
            self.tabs.setCurrentIndex(TABS.index(args.tab))

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        self.text.setPlainText(text if not text_pair else f"{text}\n{text_pair}")

    # ---------------------------------------------------------------- shared input
    def on_shared_input(self, value) -> None:
        """Show the shared sentence (first line) and its selected words as the span."""
        if not value.text:
            return
        words = None
        if value.selection and value.selection[0] == "span":
            words = (int(value.selection[1]), int(value.selection[2]))
        elif value.selection and value.selection[0] == "word":
            words = (int(value.selection[1]), int(value.selection[1]))
        text = value.text if not value.text_pair else f"{value.text}\n{value.text_pair}"
        if text != self.text.toPlainText() or self.data is None:
            self.text.setPlainText(text)
            self._pending_shared = words
            if self.supports(self.loaded):
                self.refresh()
        elif words is not None:
            self._select_shared_words(*words)

    def _select_shared_words(self, first: int, last: int) -> None:
        """Select the tokens of words ``first..last`` as the tokenizer numbers them (``word_ids``)."""
        enc = self.data.batch.encodings[0]
        tokens = np.flatnonzero((enc.word_ids >= first) & (enc.word_ids <= last))
        if tokens.size:
            self._select_checked(0, int(tokens[0]), int(tokens[-1]))

    def _publish_selection(self) -> None:
        """Share a span the user chose in the first line (word indices as the tokenizer's word_ids)."""
        if self.selection is None or self.selection[0] != 0 or self.data is None:
            return
        enc = self.data.batch.encodings[0]
        first, last = int(enc.word_ids[self.selection[1]]), int(enc.word_ids[self.selection[2]])
        if first >= 0 and last >= 0:
            self.publish_input(text=self.data.batch.sentences[0], selection=("span", first, last))

    @Slot()
    def _on_run_clicked(self) -> None:
        lines = [ln for ln in self.text.toPlainText().splitlines() if ln.strip()]
        if lines:
            self.publish_input(text=lines[0].strip())
        self.refresh()

    # ---------------------------------------------------------------- model and running
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.data, self.triangle = None, None
        if loaded is None:
            self.message_bar.show_info(self.tr("Load a model to see span representations."))
            return
        self.layer.setRange(0, loaded.n_layers)
        self.layer.setValue(loaded.n_layers)
        self._apply_pending_layer()
        if self.supports(loaded):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.loaded is None or not self.supports(self.loaded):
            return
        from core.span_heads import iter_spans_data

        self.run_task(iter_spans_data, self.loaded, self.text.toPlainText())

    def show_progress(self, item: object) -> None:
        self.task_bar.show_progress(item)

    def show_result(self, result: object) -> None:
        self.data = result
        self.tokens.set_encodings(result.batch.encodings)
        self.selection, self.reference = None, None
        if result.heads.info.get("load_error"):
            self.message_bar.show_error(self.tr("Trained span heads could not be used: {0}").format(
                result.heads.info["load_error"]))
        pending, self._pending_span = self._pending_span, None
        shared, self._pending_shared = self._pending_shared, None
        if shared is not None:
            lo, _ = S.content_range(result.batch.encodings[0])
            self.select_span(0, lo, lo)
            self._select_shared_words(*shared)
        elif pending:
            self.units.setCurrentIndex(UNITS.index(pending[1]))
            self.span_edit.setText(pending[0])
            self.select_typed(pending[0], pending[1], sentence=0)
        else:
            lo, _ = S.content_range(result.batch.encodings[0])
            self.select_span(0, lo, lo)
        self._apply_pending_spans()

    # ---------------------------------------------------------------- selecting
    def select_typed(self, text: str, units: str, sentence: int | None = None) -> bool:
        """Select ``i..j`` (word or token indices) in ``sentence`` (default: the current one)."""
        if self.data is None:
            return False
        s = self.selection[0] if sentence is None and self.selection else (sentence or 0)
        enc = self.data.batch.encodings[s]
        try:
            i, j = S.parse_span(text)
            if units == "word":
                i, j = S.word_to_token_span(enc, i, j)
            S.check_span(enc, i, j)
        except errors.InputError as exc:
            self.message_bar.show_error(str(exc))
            return False
        self.select_span(s, i, j)
        return True

    def select_span(self, sentence: int, i: int, j: int) -> None:
        """Select tokens ``i..j`` of ``sentence``; the reference defaults to the first selection."""
        self.selection = (sentence, i, j)
        if self.reference is None:
            self.reference = self.selection
        self.tokens.set_selection(sentence, i, j)
        self.tokens.set_reference(*self.reference)
        self._redraw()

    @Slot()
    def use_selection_as_reference(self) -> None:
        if self.selection is None:
            return
        self.reference = self.selection
        self.tokens.set_reference(*self.reference)
        self._redraw()

    @Slot(int, int)
    def _on_token_clicked(self, sentence: int, token: int) -> None:
        self._select_checked(sentence, token, token)
        self._publish_selection()

    @Slot(int, int, int, int)
    def _on_span_dragged(self, s0: int, t0: int, s1: int, t1: int) -> None:
        if s0 != s1:
            self.message_bar.show_error(self.tr("A span must stay inside one sentence: S{0} and S{1} are different "
                                                "lines.").format(s0 + 1, s1 + 1))
            return
        self._select_checked(s0, min(t0, t1), max(t0, t1))
        self._publish_selection()

    def _select_checked(self, s: int, i: int, j: int) -> None:
        if self.data is None:
            return
        try:
            S.check_span(self.data.batch.encodings[s], i, j)
        except errors.SpanError as exc:
            self.message_bar.show_error(str(exc))
            return
        self.message_bar.clear()
        self.select_span(s, i, j)

    @Slot()
    def _on_span_typed(self) -> None:
        if not self.span_edit.text().strip():
            self.message_bar.show_error(self.tr("The span is empty: type two indices like 2..4."))
            return
        if self.select_typed(self.span_edit.text(), self.units.currentData() or "word"):
            self.message_bar.clear()
            self._publish_selection()

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        if index <= 0:
            return
        p = self.presets[index - 1]
        self.text.setPlainText(p["text"])
        self.max_len.setValue(int(p.get("max_len", 8)))
        self._pending_span = (p["span"], "word")
        self.refresh()

    # ---------------------------------------------------------------- drawing
    def _states(self, sentence: int) -> np.ndarray:
        return self.data.batch.hidden[sentence, self.layer.value()]

    def span_text(self, sel: tuple[int, int, int]) -> str:
        s, i, j = sel
        enc = self.data.batch.encodings[s]
        a, b = int(enc.offsets[i, 0]), int(enc.offsets[j, 1])
        return enc.text[a:b].strip()

    @Slot()
    def _redraw(self) -> None:
        if self.data is None or self.selection is None or self.reference is None:
            return
        variant = self.variant.currentData() or "endpoint"
        heads = self.data.heads
        s, i, j = self.selection
        enc = self.data.batch.encodings[s]
        rs, ri, rj = self.reference
        ref = S.span_reps(self._states(rs), np.array([[ri, rj]]), variant, heads)[0]
        self.triangle = tri = S.span_triangle(self._states(s), enc, ref, variant, heads, self.max_len.value())
        lo, hi = S.content_range(enc)
        labels = [f"{t}:{enc.tokens[t]}" for t in range(lo, hi + 1)]
        self.triangle_view.set_values(tri.values[lo : hi + 1, lo : hi + 1], labels, labels, levels=(-0.2, 1.0),
                                      title=self.tr("cosine to \"{0}\" (S{1})").format(self.span_text(self.reference),
                                                                                       rs + 1))
        self.triangle_view.highlight(None)
        n = tri.n_tokens
        status = self.tr("S{0}: span {1}..{2} = \"{3}\". {4} spans of length ≤ {5} scored ({6} tokens; "
                         "T(T+1)/2 = {7}).").format(s + 1, i, j, self.span_text(self.selection), tri.count,
                                                    tri.max_len, n, n * (n + 1) // 2)
        if self.max_len.value() > n:
            self._length_note = self.tr("L = {0} is longer than the sentence ({1} tokens): every span is scored, "
                                        "T(T+1)/2 = {2}.").format(self.max_len.value(), n, n * (n + 1) // 2)
            self.message_bar.show_info(self._length_note)
        elif self._length_note and self.message_bar.text() == self._length_note:
            self.message_bar.clear()
        if variant != "endpoint" and not heads.trained:
            status += " " + self.tr("⚠ FFN/attention projections are random (untrained).")
        self.status.setText(status)
        self._draw_reps()
        self._draw_sbo()

    def _draw_reps(self) -> None:
        s, i, j = self.selection
        h, heads = self._states(s), self.data.heads
        span = np.array([[i, j]])
        untrained = "" if heads.trained else self.tr(" — random projections, untrained")
        rows = [("[hᵢ; hⱼ; gᵢⱼ]", S.span_reps(h, span, "endpoint", heads)[0], ("hᵢ", "hⱼ", "gᵢⱼ = mean")),
                ("[FFN_start(hᵢ); FFN_end(hⱼ); gᵢⱼ]" + untrained, S.span_reps(h, span, "ffn", heads)[0],
                 ("FFN_start(hᵢ)", "FFN_end(hⱼ)", "gᵢⱼ = mean")),
                (self.tr("[hᵢ; hⱼ; attention-pooled gᵢⱼ]") + untrained, S.span_reps(h, span, "attention", heads)[0],
                 ("hᵢ", "hⱼ", "ĝᵢⱼ (attention)"))]
        self.reps_view.set_rows(rows)
        self.reps_note.setText(self.tr("spanRep for \"{0}\" (tokens {1}..{2}), {3} numbers per variant.").format(
            self.span_text(self.selection), i, j, len(rows[0][1])))

    def _draw_sbo(self) -> None:
        s, i, j = self.selection
        enc = self.data.batch.encodings[s]
        sbo = S.sbo_inputs(self._states(s), enc, i, j, self.data.positions)
        self.sbo_raw = self.sbo_view.show_inputs(sbo, enc.tokens, self.span_text(self.selection))

    # ---------------------------------------------------------------- export
    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def export_current(self, path: Path, scale: float = 2.0) -> Path:
        """Save the visible tab (PNG or SVG by suffix)."""
        return export_widget(self.tabs.currentWidget(), Path(path), scale=scale)

    @Slot()
    def _on_export_clicked(self) -> None:
        if self.triangle is None:
            self.message_bar.show_info(self.tr("Nothing to export yet: run the model first."))
            return
        export_with_dialog(self, self.message_bar, f"spans-{self.current_tab()}.png", self.export_current)
