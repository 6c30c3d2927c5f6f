"""Attention: every layer and head as heatmaps, an overview grid, head-view lines,
aggregations, per-head statistics, cross-attention during generation, bertviz offline."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from core import Capability, Inspection, LoadedModel, ModelKind
from core.errors import InspectorError
from core.attention import HEAD_STAT_NAMES, head_statistics
from core.attention_view import MODES, AttentionView, ViewOptions, build_cross_view, build_view
from core.seq2seq import Seq2SeqAttention, generate_with_attention

from ..concepts import (attention_caveat_tooltip, attention_sources, head_stat_descriptions, head_stat_titles,
                        merge_rule, mode_descriptions, mode_titles)
from ..resources import sample_texts
from ..state import ModelState
from ..widgets.attention_grid import AttentionGridView
from ..widgets.export import export_widget
from ..widgets.head_lines import HeadLinesView
from ..widgets.heatmap import HeatmapView
from .base import BasePanel

CAVEAT_PAPERS = (("https://arxiv.org/abs/1902.10186", "Jain &amp; Wallace 2019"),
                 ("https://arxiv.org/abs/1908.04626", "Wiegreffe &amp; Pinter 2019"))
PAIRS = {"A + B": (None, None), "A → B": (0, 1), "B → A": (1, 0), "A → A": (0, 0), "B → B": (1, 1)}
TABS = ("heatmap", "grid", "lines", "stats", "bertviz")
MODEL_VIEW_MAX_TOKENS = 40


def compute_attention(loaded: LoadedModel, inspector, text: str, text_pair: str | None,
                      max_new_tokens: int = 20) -> Inspection | Seq2SeqAttention:
    """Worker function: one forward pass (or one generation for encoder-decoders)."""
    if loaded.kind is ModelKind.ENCODER_DECODER:
        return generate_with_attention(loaded, text, max_new_tokens=max_new_tokens)
    return inspector.inspect(text, text_pair, hidden_states=False)


class AttentionPanel(BasePanel):
    """Layer/head pickers over cached attention arrays; no new forward pass when they change."""

    title = "Attention"
    key = "attention"
    uses_shared_input = True
    requires = frozenset({Capability.ATTENTION})
    bertviz_ready = Signal(bool)   # the bertviz page finished drawing (or failed)

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.data: Inspection | Seq2SeqAttention | None = None
        self.view: AttentionView | None = None
        self._bertviz = None  # created on first use: QtWebEngine is heavy to start

        self.text = QLineEdit(self)
        self.text.setText((sample_texts().get("attention") or [""])[0])
        self.text_pair = QLineEdit(self)
        self.run_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        top.addWidget(self.text_pair, 2)
        top.addWidget(self.run_button)

        self.source = QComboBox(self)
        self.mode = QComboBox(self)
        for key in MODES:
            self.mode.addItem(key, key)
        self.layer = QSpinBox(self)
        self.head = QSpinBox(self)
        self.hide_special = QCheckBox(self)
        self.merge = QCheckBox(self)
        self.pair = QComboBox(self)
        for label, value in PAIRS.items():
            self.pair.addItem(label, value)
        self.export_button = QPushButton(self)
        # Two short rows rather than one long one: the panel must fit beside another on a laptop.
        opts = QHBoxLayout()
        for w in (self.source, self.mode, self.layer, self.head):
            opts.addWidget(w)
        opts.addStretch(1)
        toggles = QHBoxLayout()
        for w in (self.hide_special, self.merge, self.pair):
            toggles.addWidget(w)
        toggles.addStretch(1)
        toggles.addWidget(self.export_button)

        self.heatmap = HeatmapView(self)
        self.grid = AttentionGridView(self)
        self.lines = HeadLinesView(self)
        self.all_heads = QCheckBox(self)
        lines_box = QWidget(self)
        lb = QVBoxLayout(lines_box)
        lb.addWidget(self.all_heads)
        scroll = QScrollArea(lines_box)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.lines)
        lb.addWidget(scroll, 1)
        self.stats_grid = AttentionGridView(self)
        self.stat = QComboBox(self)
        for name in HEAD_STAT_NAMES:
            self.stat.addItem(name, name)
        stats_box = QWidget(self)
        sb = QVBoxLayout(stats_box)
        sb.addWidget(self.stat)
        sb.addWidget(self.stats_grid, 1)
        self.bertviz_box = QWidget(self)
        bv = QVBoxLayout(self.bertviz_box)
        self.bertviz_kind = QComboBox(self)
        self.bertviz_kind.addItem("", "head")
        self.bertviz_kind.addItem("", "model")
        self.export_html_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.bertviz_kind)
        row.addStretch(1)
        row.addWidget(self.export_html_button)
        bv.addLayout(row)

        self.tabs = QTabWidget(self)
        for w in (self.heatmap, self.grid, lines_box, stats_box, self.bertviz_box):
            self.tabs.addTab(w, "")
        self.readout = QLabel(self)
        self.readout.setObjectName("caption")
        self.caveat = caveat = QLabel(self)
        caveat.setObjectName("caption")
        caveat.setOpenExternalLinks(True)
        caveat.setWordWrap(True)
        footer = QHBoxLayout()
        footer.addWidget(self.readout, 1)
        footer.addWidget(caveat, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addLayout(opts)
        layout.addLayout(toggles)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)

        self.run_button.clicked.connect(self.refresh)
        self.text.returnPressed.connect(self._on_text_submitted)
        self.text_pair.returnPressed.connect(self._on_text_submitted)
        for combo in (self.source, self.mode, self.pair):
            combo.currentIndexChanged.connect(self._rebuild_view)
        for box in (self.hide_special, self.merge):
            box.toggled.connect(self._rebuild_view)
        self.layer.valueChanged.connect(self._redraw)
        self.head.valueChanged.connect(self._redraw)
        self.all_heads.toggled.connect(self._redraw)
        self.stat.currentIndexChanged.connect(self._draw_stats)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.grid.head_clicked.connect(self._on_grid_head_clicked)
        self.stats_grid.head_clicked.connect(self._on_grid_head_clicked)
        self.heatmap.token_clicked.connect(self._on_token_clicked)
        self.heatmap.cell_hovered.connect(self._on_cell_hovered)
        self.lines.token_clicked.connect(self._on_token_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_html_button.clicked.connect(self._on_export_html_clicked)
        self.bertviz_kind.currentIndexChanged.connect(self._update_bertviz)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self._on_export_clicked,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels
        QShortcut(QKeySequence("PgDown"), self, activated=lambda: self.layer.stepBy(1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels
        QShortcut(QKeySequence("PgUp"), self, activated=lambda: self.layer.stepBy(-1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels
        QShortcut(QKeySequence("]"), self, activated=lambda: self.head.stepBy(1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels
        QShortcut(QKeySequence("["), self, activated=lambda: self.head.stepBy(-1),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    # ---------------------------------------------------------------- command line and shared input
    @classmethod
    def add_cli_arguments(cls, parser) -> None:
        from .registry import add_option

        add_option(parser, "--layer", type=int, help="layer to show (attention, embeddings panels)")
        add_option(parser, "--head", type=int, help="head to show (attention panel)")
        add_option(parser, "--view", choices=("heatmap", "grid", "lines", "stats", "bertviz"),
                   help="attention view: heatmap, grid, lines, stats or bertviz")
        add_option(parser, "--mode", help="attention aggregation: head, mean, max, layer_mean or rollout")

    def apply_cli(self, args) -> None:
        """Apply --layer/--head/--view/--mode before the result arrives (no extra forward pass)."""
        super().apply_cli(args)
        if args.layer is not None:
            self.layer.setValue(args.layer)
        if args.head is not None:
            self.head.setValue(args.head)
        if args.mode:
            idx = self.mode.findData(args.mode)
            if idx < 0:
                raise SystemExit(f"plm-studio: unknown --mode {args.mode!r}")
            self.mode.setCurrentIndex(idx)
        if args.view:
            self.set_tab(args.view)

    def on_shared_input(self, value) -> None:
        if value.text and (value.text != self.text.text() or value.text_pair != self.text_pair.text()):
            self.text.setText(value.text)
            self.text_pair.setText(value.text_pair)
            if self.supports(self.loaded):
                self.refresh()

    @Slot()
    def _on_text_submitted(self) -> None:
        self.publish_input(text=self.text.text(), text_pair=self.text_pair.text())
        self.refresh()

    def retranslate_ui(self) -> None:
        """Every label and tooltip in the current language (LanguageChange)."""
        self.text.setToolTip(self.tr("Sentence to run through the model (Enter)"))
        self.text_pair.setPlaceholderText(self.tr("optional sentence B"))
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the model once; switching layer or head reuses the result"))
        self.source.setToolTip(self.tr("Which attention of an encoder-decoder to show. Cross-attention is recorded "
                                       "at each real generation step, not teacher-forced."))
        titles, descriptions = mode_titles(), mode_descriptions()
        for i in range(self.mode.count()):
            key = self.mode.itemData(i)
            self.mode.setItemText(i, titles[key])
            self.mode.setItemData(i, descriptions[key], Qt.ItemDataRole.ToolTipRole)
        self.mode.setToolTip("\n\n".join(descriptions.values()))
        self.layer.setPrefix(self.tr("layer "))
        self.layer.setToolTip(self.tr("Layer (0 = closest to the input). PgUp/PgDn"))
        self.head.setPrefix(self.tr("head "))
        self.head.setToolTip(self.tr("Attention head within the layer. [ / ]"))
        self.hide_special.setText(self.tr("hide special"))
        self.hide_special.setToolTip(self.tr("Drop [CLS]/[SEP]/<s> rows and columns and renormalise each row to "
                                             "sum to 1. Many heads park their attention on [SEP]; hiding it shows "
                                             "the rest."))
        self.merge.setText(self.tr("merge sub-words"))
        self.merge.setToolTip(merge_rule())
        self.pair.setToolTip(self.tr("Sentence-pair filter: show only attention from one sentence to the other"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the current view as PNG or SVG at projector resolution (Ctrl+E)"))
        self.all_heads.setText(self.tr("all heads of the layer"))
        self.all_heads.setToolTip(self.tr("Draw every head of the layer, one colour each"))
        stat_titles, stat_tips = head_stat_titles(), head_stat_descriptions()
        for i in range(self.stat.count()):
            key = self.stat.itemData(i)
            self.stat.setItemText(i, stat_titles.get(key, key))
            self.stat.setItemData(i, stat_tips.get(key, HEAD_STAT_NAMES.get(key, "")), Qt.ItemDataRole.ToolTipRole)
        self.stat.setToolTip(self.tr("Per-head statistic, shown as a layer × head map: heads that look at [SEP] "
                                     "pop out"))
        self.bertviz_kind.setItemText(0, self.tr("bertviz head view"))
        self.bertviz_kind.setItemText(1, self.tr("bertviz model view"))
        self.export_html_button.setText(self.tr("Export as interactive HTML…"))
        self.export_html_button.setToolTip(self.tr("A self-contained bertviz page that opens offline in any browser"))
        for i, text in enumerate((self.tr("Heatmap"), self.tr("All heads"), self.tr("Head view"),
                                  self.tr("Head statistics"), "bertviz")):
            self.tabs.setTabText(i, text)
        links = "; ".join(f"<a href='{url}'>{name}</a>" for url, name in CAVEAT_PAPERS)
        self.caveat.setText(self.tr("⚠ Attention weights are not explanations ({0})").format(links))
        self.caveat.setToolTip(attention_caveat_tooltip())
        self._fill_sources()
        self._redraw()
        self._draw_stats()

    def _fill_sources(self) -> None:
        names = attention_sources()
        for i in range(self.source.count()):
            key = self.source.itemData(i)
            loaded = self.loaded
            if key == "decoder" and (loaded is None or loaded.kind is not ModelKind.ENCODER_DECODER):
                self.source.setItemText(i, names["self"] + " " + self.tr("(causal)"))
            elif key in ("encoder", "decoder", "cross") and loaded is not None \
                    and loaded.kind is ModelKind.ENCODER_DECODER:
                self.source.setItemText(i, names[key])
            else:
                self.source.setItemText(i, names["self"])

    # ---------------------------------------------------------------- model and input
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.data, self.view = None, None
        enabled = self.supports(loaded)
        self.setEnabled(True)
        for w in (self.run_button, self.tabs):
            w.setEnabled(enabled)
        if loaded is None:
            self.message_bar.show_info(self.tr("Load a model to see its attention."))
            return
        self.layer.setRange(0, max(0, loaded.n_layers - 1))
        self.head.setRange(0, max(0, loaded.n_heads - 1))
        self.source.blockSignals(True)
        self.source.clear()
        keys = ["encoder", "decoder", "cross"] if loaded.kind is ModelKind.ENCODER_DECODER else [loaded.kind.value]
        for key in keys:
            self.source.addItem(key, key)
        self._fill_sources()
        self.source.setVisible(loaded.kind is ModelKind.ENCODER_DECODER)
        self.source.blockSignals(False)
        self.text_pair.setEnabled(loaded.kind is not ModelKind.ENCODER_DECODER)
        if enabled:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        loaded, inspector = self.loaded, self.inspector
        if loaded is None or inspector is None or not self.supports(loaded):
            return
        self.run_task(compute_attention, loaded, inspector, self.text.text(), self.text_pair.text() or None)

    def show_result(self, result: object) -> None:
        self.data = result  # cached: layer/head/option changes only re-slice it
        self._rebuild_view()

    # ---------------------------------------------------------------- lessons
    def view_state(self) -> dict:
        return {"layer": self.layer.value(), "head": self.head.value(), "tab": self.current_tab(),
                "mode": self.mode.currentData(), "source": self.current_source(),
                "hide_special": self.hide_special.isChecked(), "merge": self.merge.isChecked(),
                "bertviz": self.bertviz_kind.currentData()}

    def apply_view(self, view: dict) -> None:
        for key, box in (("hide_special", self.hide_special), ("merge", self.merge)):
            if isinstance(view.get(key), bool):
                box.setChecked(view[key])
        for key, combo in (("mode", self.mode), ("source", self.source), ("bertviz", self.bertviz_kind)):
            if view.get(key) is not None and (i := combo.findData(view[key])) >= 0:
                combo.setCurrentIndex(i)
        if isinstance(view.get("layer"), int):
            self.layer.setValue(view["layer"])
        if isinstance(view.get("head"), int):
            self.head.setValue(view["head"])
        if view.get("tab") in TABS:
            self.set_tab(view["tab"])

    # ---------------------------------------------------------------- views
    def options(self) -> ViewOptions:
        frm, to = self.pair.currentData() or (None, None)
        return ViewOptions(mode=self.mode.currentData() or "head", hide_special=self.hide_special.isChecked(),
                           merge_subwords=self.merge.isChecked(), from_segment=frm, to_segment=to)

    def current_source(self) -> str:
        return self.source.currentData() or "encoder"

    def raw(self) -> tuple[np.ndarray, tuple[str, ...], tuple[str, ...], np.ndarray] | None:
        """The attention array of the chosen source with its row/column tokens and special mask."""
        d = self.data
        if isinstance(d, Inspection):
            return d.attentions, d.encoding.tokens, d.encoding.tokens, d.encoding.special_mask
        if isinstance(d, Seq2SeqAttention):
            src = self.current_source()
            if src == "encoder":
                return d.encoder, d.source.tokens, d.source.tokens, d.source.special_mask
            special = np.array([t in (self.loaded.tokenizer.all_special_tokens or []) for t in d.decoder_tokens])
            if src == "decoder":
                return d.decoder, d.decoder_tokens, d.decoder_tokens, special
            return d.cross, d.decoder_tokens, d.source.tokens, d.source.special_mask
        return None

    @Slot()
    def _rebuild_view(self) -> None:
        d, opts = self.data, self.options()
        if d is None:
            return
        if isinstance(d, Seq2SeqAttention) and self.current_source() == "cross":
            self.view = build_cross_view(d.cross, d.decoder_tokens, d.source.tokens,
                                         col_special=d.source.special_mask, options=opts)
        elif isinstance(d, Seq2SeqAttention):
            att, toks, _, special = self.raw()
            n = len(toks)
            enc = d.source
            words = enc.word_ids if self.current_source() == "encoder" else np.where(special, -1, np.arange(n))
            segs = enc.segment_ids if self.current_source() == "encoder" else np.zeros(n, dtype=np.int32)
            self.view = build_view(att, toks, special_mask=special, word_ids=words, segment_ids=segs,
                                   options=opts, causal=self.current_source() == "decoder")
        else:
            enc = d.encoding
            self.view = build_view(d.attentions, enc.tokens, special_mask=enc.special_mask, word_ids=enc.word_ids,
                                   segment_ids=enc.segment_ids, options=opts,
                                   causal=self.loaded is not None and self.loaded.kind is ModelKind.DECODER)
        self.head.setEnabled(self.view.values.shape[1] > 1)
        self.layer.setEnabled(self.view.values.shape[0] > 1)
        self.grid.set_attentions(self.view.values, masked=self.view.causal_mask())
        self._draw_stats()
        self._redraw()
        self._update_bertviz()

    @Slot()
    def _redraw(self) -> None:
        v = self.view
        if v is None:
            return
        layer, head = self.layer.value(), self.head.value()
        li = min(layer, v.values.shape[0] - 1)
        hi = min(head, v.values.shape[1] - 1)
        if v.mode == "head":
            what = self.tr("layer {0}, head {1}").format(layer, head)
        elif v.mode in ("mean", "max", "rollout"):
            what = self.tr("{0}, layer {1}").format(mode_titles()[v.mode], layer)
        else:
            what = mode_titles()[v.mode]
        self.heatmap.set_matrix(v.matrix(layer, head), v.row_labels, v.col_labels, masked=v.causal_mask(),
                                title=f"{self.source.currentText() or attention_sources()['self']}: {what}")
        self.grid.select(li, hi)
        heads = list(range(v.values.shape[1])) if self.all_heads.isChecked() else [hi]
        self.lines.set_data(v.row_labels, v.col_labels, v.values[li], heads)

    @Slot()
    def _draw_stats(self) -> None:
        raw = self.raw()
        if raw is None:
            return
        att, rows, cols, special = raw
        name = self.stat.currentData()
        if att.shape[-1] != att.shape[-2]:
            self.stats_grid.set_values(np.zeros(att.shape[:2], dtype=np.float32),
                                       title=self.tr("Per-head statistics are computed for self-attention"))
            return
        stats = head_statistics(att, rows, special)
        self.stats_grid.set_values(stats.get(name), title=self.tr("{0} per layer × head").format(
            self.stat.currentText()))

    # ---------------------------------------------------------------- interaction
    @Slot(int, int)
    def _on_grid_head_clicked(self, layer: int, head: int) -> None:
        self.layer.setValue(layer)
        self.head.setValue(head)
        self.tabs.setCurrentIndex(0)

    @Slot(int)
    def _on_token_clicked(self, index: int) -> None:
        self.heatmap.highlight(index)
        self.lines.set_selected_token(index)

    @Slot(int, int, float)
    def _on_cell_hovered(self, row: int, col: int, value: float) -> None:
        v = self.view
        if v is not None and 0 <= row < len(v.row_labels) and 0 <= col < len(v.col_labels):
            self.readout.setText(f"{v.row_labels[row]} → {v.col_labels[col]}: {value:.3f}")

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        self._update_bertviz()

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def set_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    # ---------------------------------------------------------------- bertviz
    def _bertviz_input(self) -> tuple[list[str], np.ndarray, int | None] | None:
        """Tokens, square attention and the first sentence-B index (bertviz's pair filter)."""
        raw = self.raw()
        if raw is None or raw[0].shape[-1] != raw[0].shape[-2]:
            return None
        b_start = None
        if isinstance(self.data, Inspection):
            seg_b = np.flatnonzero(self.data.encoding.segment_ids == 1)
            b_start = int(seg_b[0]) if seg_b.size else None
        return list(raw[1]), raw[0], b_start

    def _bertviz_options(self, n_tokens: int) -> dict:
        # bertviz's model view draws layers × heads × seq² SVG lines: past ~40 tokens it
        # takes minutes in the browser, so show only the selected layer then.
        if self.bertviz_kind.currentData() == "model" and n_tokens > MODEL_VIEW_MAX_TOKENS:
            return {"include_layers": [self.layer.value()]}
        return {}

    @Slot()
    def _update_bertviz(self) -> None:
        if self.current_tab() != "bertviz":
            return
        data = self._bertviz_input()
        if data is None:
            self.message_bar.show_info(self.tr("bertviz shows square self-attention: pick the encoder or decoder "
                                               "source."))
            return
        if self._bertviz is None:
            from ..widgets.bertviz_view import BertvizView

            self._bertviz = BertvizView(self.bertviz_box)
            self.bertviz_box.layout().addWidget(self._bertviz, 1)
            self._bertviz.page_loaded.connect(self._on_bertviz_loaded)
        tokens, att, b_start = data
        options = self._bertviz_options(len(tokens))
        if options:
            self.message_bar.show_info(self.tr("{0} tokens: the model view shows layer {1} only (all layers "
                                               "would take minutes to draw).").format(len(tokens), self.layer.value()))
        try:
            self._bertviz.set_attention(tokens, att, view=self.bertviz_kind.currentData(),
                                        sentence_b_start=b_start, **options)
        except InspectorError as exc:
            self.message_bar.show_error(str(exc))

    @Slot(bool)
    def _on_bertviz_loaded(self, ok: bool) -> None:
        if not ok and self._bertviz is not None:
            self.message_bar.show_error(self.tr("bertviz could not draw: {0}").format(self._bertviz.error_message))
        self.bertviz_ready.emit(ok)

    @Slot()
    def _on_export_html_clicked(self) -> None:
        data = self._bertviz_input()
        if data is None:
            self.message_bar.show_info(self.tr("Run the model first (bertviz shows square self-attention only)."))
            return
        self._save_with_dialog(self.tr("Export bertviz as HTML"), "attention.html", self.tr("HTML page (*.html)"),
                               self.export_html, self.tr("{0}: it opens offline in any browser."))

    def export_html(self, path: Path) -> Path:
        from core.bertviz_html import export_html

        tokens, att, b_start = self._bertviz_input()
        return export_html(path, tokens, att, view=self.bertviz_kind.currentData(), sentence_b_start=b_start,
                           **self._bertviz_options(len(tokens)))

    # ---------------------------------------------------------------- export
    def current_view_widget(self) -> QWidget:
        return {"heatmap": self.heatmap, "grid": self.grid, "lines": self.lines, "stats": self.stats_grid,
                "bertviz": self._bertviz or self.bertviz_box}[self.current_tab()]

    def export_current(self, path: Path, scale: float = 2.0) -> Path:
        """Save the visible view (PNG or SVG by suffix) at ``scale``× for projectors."""
        return export_widget(self.current_view_widget(), Path(path), scale=scale)

    @Slot()
    def _on_export_clicked(self) -> None:
        if self.view is None:
            self.message_bar.show_info(self.tr("Nothing to export yet: run the model first."))
            return
        self._save_with_dialog(self.tr("Export view"), f"attention-{self.current_tab()}.png",
                               self.tr("PNG image (*.png);;SVG vector image (*.svg)"), self.export_current)

    def _save_with_dialog(self, title: str, default: str, filters: str, save: Callable[[Path], Path],
                          note: str = "{0}") -> None:
        """Ask for a file name, call ``save`` and report the outcome in the message bar."""
        path, _ = QFileDialog.getSaveFileName(self, title, default, filters)
        if not path:
            return
        try:
            save(Path(path))
        except (InspectorError, OSError, ValueError) as exc:
            self.message_bar.show_error(self.tr("Could not export: {0}").format(exc))
        else:
            self.message_bar.show_info(self.tr("Saved {0}").format(note.format(path)))
