"""Masked-token prediction: type or click to mask, see the model's top-k as bars."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox,
                               QStackedWidget, QVBoxLayout, QWidget)

from core import Capability, LoadedModel, MaskResult, ModelKind, errors, mask_word
from core.generation_types import LogitLens
from core.logit_lens import logit_lens

from ..concepts import mlm_explanation
from ..resources import sample_texts
from ..settings import AppSettings
from ..state import ModelState
from ..widgets.logit_lens_table import LogitLensTable
from ..widgets.prob_bars import ProbabilityBarsView
from ..widgets.token_strip import TokenStrip, selection_words
from .base import BasePanel


class MaskPanel(BasePanel):
    """Fill-mask: a sentence with [MASK] tokens → top-k candidates per mask."""

    title = "Masked prediction"
    key = "mask"
    uses_shared_input = True
    requires = frozenset({Capability.MASK})

    def __init__(self, state: ModelState, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.settings = settings or AppSettings()
        self.result: MaskResult | None = None

        self._explanation_key: tuple[str, LoadedModel | None] = ("", None)
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.examples = QComboBox(self)
        self.examples.addItem("")
        self.examples.addItems(sample_texts().get("mask", []))
        self.top_k = QSpinBox(self)
        self.top_k.setRange(1, 50)
        self.top_k.setValue(self.settings.mask_top_k)
        self.predict_button = QPushButton(self)

        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.top_k)
        row.addWidget(self.predict_button)

        self.strip = TokenStrip(self)
        self.bars = ProbabilityBarsView(self)
        self.caption = caption = QLabel(self)
        caption.setObjectName("caption")
        caption.setWordWrap(True)  # long in Russian: wrap rather than widen the window

        self.explanation = QLabel(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        work = QWidget(self)
        wl = QVBoxLayout(work)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.examples)
        wl.addLayout(row)
        wl.addWidget(self.strip)
        wl.addWidget(caption)
        # Many masks × top-k bars can be taller than a laptop screen: scroll, don't grow the window.
        scroll = QScrollArea(work)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.bars)
        wl.addWidget(scroll, 1)
        # Logit lens at the first [MASK]: where in the network the prediction appears.
        self.lens_button = QPushButton(self.tr("Layer by layer (logit lens) at the first mask"), self)
        self.lens_table = LogitLensTable(self)
        self.lens_table.hide()
        wl.addWidget(self.lens_button)
        wl.addWidget(self.lens_table)
        self.lens_button.clicked.connect(self._on_lens_clicked)
        # When the model has no MLM head: the ways to get one (first run offline loads MiniLM).
        self.get_offline = QPushButton(self)
        self.get_hub = QPushButton(self)
        self.get_folder = QPushButton(self)
        self.get_pretrain = QPushButton(self)
        self.get_offline.clicked.connect(self._on_get_offline)
        self.get_hub.clicked.connect(self._on_get_hub)
        self.get_folder.clicked.connect(self._on_get_folder)
        self.get_pretrain.clicked.connect(self._on_get_pretrain)
        card = QWidget(self)
        cl = QVBoxLayout(card)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.explanation)
        for b in (self.get_offline, self.get_hub, self.get_folder, self.get_pretrain):
            cl.addWidget(b)
        cl.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(work)
        self.stack.addWidget(card)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.stack, 1)

        # Debounce typing (superqt qdebounced): predict 300 ms after the last key.
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.text.textEdited.connect(self._on_text_edited)
        self.text.returnPressed.connect(self.refresh)
        self.predict_button.clicked.connect(self.refresh)
        self.top_k.valueChanged.connect(self._on_top_k_changed)
        self.strip.token_clicked.connect(self._on_token_clicked)
        self.examples.activated.connect(self._on_example_chosen)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.refresh,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # keys shared with other panels

        self.text.setText(self.settings.mask_text or sample_texts()["mask"][0])
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    # ---------------------------------------------------------------- command line and shared input
    @classmethod
    def add_cli_arguments(cls, parser) -> None:
        from .registry import add_option

        add_option(parser, "--top-k", type=int, help="candidates per mask (mask panel)")

    def apply_cli(self, args) -> None:
        if args.top_k:
            self.top_k.setValue(args.top_k)
        super().apply_cli(args)

    def on_shared_input(self, value) -> None:
        self.strip.select_words(selection_words(value.selection))   # shows it; never republishes
        if not value.text:
            return
        mask = (self.loaded.tokenizer.mask_token if self.loaded else None) or "[MASK]"
        text = self._convert_mask(value.text, mask)
        if text != self.text.text():
            self.text.setText(text)
            self._debounce.start()

    def retranslate_ui(self) -> None:
        """Every label, placeholder and tooltip in the current language."""
        self.text.setToolTip(mlm_explanation())
        self.examples.setItemText(0, self.tr("Examples…"))
        self.examples.setToolTip(self.tr("Lesson sentences to try"))
        self.top_k.setPrefix(self.tr("top-"))
        self.top_k.setToolTip(self.tr("How many candidates to show for each [MASK]"))
        self.predict_button.setText(self.tr("Predict"))
        self.predict_button.setToolTip(self.tr("Predict the masked tokens (Ctrl+Enter)"))
        self.strip.setToolTip(self.tr("The sub-word tokens the model sees. Click a word to replace all its "
                                      "pieces with [MASK]."))
        self.caption.setText(self.tr("Click a word to mask it · bars show P(token | context) at each [MASK]"))
        self._update_placeholder()
        self.get_offline.setToolTip(self.tr("A small BERT (MLM + NSP) trained on children's stories; works offline"))
        self.get_hub.setText(self.tr("Download bert-base-uncased from the Hugging Face hub (440 MB, needs internet)"))
        self.get_hub.setToolTip(self.tr("Downloaded once with a progress bar in the model bar, then it works offline"))
        self.get_folder.setText(self.tr("Choose a model folder with a masked-LM head…"))
        self.get_folder.setToolTip(self.tr("Any BERT, RoBERTa, ALBERT, DistilBERT or ELECTRA generator saved with "
                                           "save_pretrained (config.json + weights)"))
        self.get_pretrain.setText(self.tr("Offline: pre-train a tiny masked LM in the pre-training lab"))
        self.get_pretrain.setToolTip(self.tr("Trains a few-layer BERT from scratch on the sample stories in minutes "
                                             "on a laptop; its predictions are rough but real"))
        kind, loaded = self._explanation_key
        if kind:
            self._explain(kind, loaded)
        if self.result is not None:
            self._draw_bars(self.result)

    def _update_placeholder(self) -> None:
        loaded = self.loaded
        mask = (loaded.tokenizer.mask_token if loaded is not None else None) or "[MASK]"
        self.text.setPlaceholderText(self.tr("Type a sentence with {0}, or click a word below to mask it").format(mask))

    # ---------------------------------------------------------------- model
    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.result = None
        self.bars.clear_bars()
        if loaded is None:
            self._explain("none", None)
            return
        if not self.supports(loaded):
            self._explain("no_mask", loaded)
            self.strip.set_encoding(None)
            return
        self._explanation_key = ("", None)
        self.stack.setCurrentIndex(0)
        self._update_placeholder()
        self.text.setText(self._convert_mask(self.text.text(), loaded.tokenizer.mask_token))
        self.refresh()

    def _why_no_mask(self, loaded: LoadedModel, offline: str | None) -> str:
        if loaded.kind is ModelKind.ENCODER:
            why = self.tr("Its checkpoint contains only the encoder: the masked-language-model head (the layer "
                          "that turns a hidden vector into a probability for every word in the vocabulary) was "
                          "not saved with it. A randomly initialised head would only predict noise, so this panel "
                          "stays off.")
        elif loaded.kind is ModelKind.DECODER:
            why = self.tr("It is a causal (left-to-right) language model like GPT: it predicts the <i>next</i> "
                          "token from the tokens before it, and was never trained to fill a [MASK] using both "
                          "sides.")
        else:
            why = self.tr("It is an encoder-decoder: it fills gaps by generating the missing span (T5 span "
                          "corruption, BART denoising) rather than with a masked-LM head.")
        if offline:
            return self.tr("<b>{0} cannot predict masked words.</b><br><br>{1}<br><br>Load a model trained with "
                           "masked language modelling: <b>{2}</b> is on this computer; <b>bert-base-uncased</b> or "
                           "<b>roberta-base</b> come from the hub. {0} still works in the tokens and attention "
                           "panels.").format(loaded.name, why, Path(offline).name)
        # Nothing on this computer (a fresh install): name only what the buttons below can do.
        return self.tr("<b>{0} cannot predict masked words.</b><br><br>{1}<br><br>Get a model trained with masked "
                       "language modelling: download <b>bert-base-uncased</b> from the hub (needs internet), choose "
                       "a model folder, or — offline — pre-train a tiny one in the pre-training lab. {0} still "
                       "works in the tokens and attention panels.").format(loaded.name, why)

    def _offline_mlm(self) -> str | None:
        """A masked LM on this computer (stories-bert-mini in a models folder), if any."""
        from core import discover_models

        for entry in discover_models():
            if entry.name in ("stories-bert-mini", "stories-electra-generator"):
                return entry.source
        return None

    @Slot()
    def _on_get_offline(self) -> None:
        source = self._offline_mlm()
        if source:
            self.load_requested.emit(source, self.slot)

    @Slot()
    def _on_get_hub(self) -> None:
        self.load_requested.emit("bert-base-uncased", self.slot)

    @Slot()
    def _on_get_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder (with config.json)"),
                                                  self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.load_requested.emit(folder, self.slot)

    @Slot()
    def _on_get_pretrain(self) -> None:
        self.panel_requested.emit("pretrain")

    def _explain(self, kind: str, loaded: LoadedModel | None) -> None:
        # Remember what is explained, not the text, so a language switch can say it again.
        self._explanation_key = (kind, loaded)
        offline = self._offline_mlm() if loaded is not None else None
        if kind == "none" or loaded is None:
            html = self.tr("No model is loaded yet. Pick one in the model bar at the top.")
        else:
            html = self._why_no_mask(loaded, offline)
        self.explanation.setText(html)
        self.get_offline.setVisible(offline is not None)
        if offline is not None:
            self.get_offline.setText(self.tr("Load {0} (on this computer)").format(Path(offline).name))
        for b in (self.get_hub, self.get_folder, self.get_pretrain):
            b.setVisible(loaded is not None)
        self.stack.setCurrentIndex(1)

    @staticmethod
    def _convert_mask(text: str, mask: str) -> str:
        for other in ("[MASK]", "<mask>"):
            if other != mask:
                text = text.replace(other, mask)
        return text

    # ---------------------------------------------------------------- lessons
    def view_state(self) -> dict:
        return {"top_k": self.top_k.value()}

    def apply_view(self, view: dict) -> None:
        if isinstance(view.get("top_k"), int):
            self.top_k.setValue(view["top_k"])

    # ---------------------------------------------------------------- actions
    @Slot()
    def refresh(self) -> None:
        self._debounce.stop()
        inspector = self.inspector
        if inspector is None or not self.supports(self.loaded):
            return
        text = self.text.text()
        self.settings.mask_text = text
        # Tokenising is cheap and needs no model call: show the pieces at once, so a
        # sentence without [MASK] can still be clicked.
        try:
            self.strip.set_encoding(inspector.encode(text), self.loaded.tokenizer.mask_token_id)
        except errors.InputError:
            self.strip.set_encoding(None)
        self.run_task(inspector.predict_masks, text, self.top_k.value())

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self.strip.select_words(None)
        self.publish_input(text=text)
        self._debounce.start()

    @Slot(int)
    def _on_top_k_changed(self, value: int) -> None:
        self.settings.mask_top_k = value
        self._debounce.start()

    @Slot(int)
    def _on_example_chosen(self, index: int) -> None:
        if index > 0:
            mask = self.loaded.tokenizer.mask_token if self.loaded else "[MASK]"
            self.text.setText(self._convert_mask(self.examples.itemText(index), mask or "[MASK]"))
            self.examples.setCurrentIndex(0)
            self.refresh()

    @Slot(int)
    def _on_token_clicked(self, index: int) -> None:
        enc = self.strip.encoding
        loaded = self.loaded
        if enc is None or loaded is None or loaded.tokenizer.mask_token is None:
            return
        if enc.text != self.text.text():
            # Typed since the chips were drawn (debounce pending): their offsets no longer fit.
            self.refresh()
            return
        if int(enc.input_ids[index]) == loaded.tokenizer.mask_token_id:
            self.message_bar.show_info(self.tr("That token is already masked. Use Ctrl+Z in the text field to undo."))
            return
        try:
            new_text, start, end, replacement = mask_word(enc, index, loaded.tokenizer.mask_token)
        except errors.InputError as exc:
            self.message_bar.show_info(str(exc))
            return
        # Edit through the line edit so Ctrl+Z brings the word back.
        self.text.setSelection(start, end - start)
        self.text.insert(replacement)
        word = self.strip.word_of(index)
        self.strip.select_words((word, word) if word is not None else None)
        self.publish_input(text=self.text.text(), selection=("word", word) if word is not None else None)
        self.refresh()

    # ---------------------------------------------------------------- results
    @Slot()
    def _on_lens_clicked(self) -> None:
        loaded = self.loaded
        if self.result is None or loaded is None or not self.result.predictions:
            self.message_bar.show_info(self.tr("Predict a sentence with a mask first."))
            return
        position = self.result.predictions[0].position
        self.run_task(logit_lens, loaded, self.result.encoding.input_ids.tolist(), position=position, top_k=5)

    def show_result(self, result: object) -> None:
        if isinstance(result, LogitLens):
            self.lens_table.set_lens(result)
            self.lens_table.show()
            return
        assert isinstance(result, MaskResult)
        self.lens_table.hide()
        self.result = result
        loaded = self.loaded
        self.strip.set_encoding(result.encoding, loaded.tokenizer.mask_token_id if loaded else None)
        self._draw_bars(result)
        if result.encoding.truncated:
            self.message_bar.show_info(self.tr("The text was cut to the model's {0} tokens.").format(loaded.max_length))

    def _draw_bars(self, result: MaskResult) -> None:
        n = len(result.predictions)
        titles = [self.tr("mask {0} of {1} (token {2})").format(i + 1, n, p.position)
                  for i, p in enumerate(result.predictions)]
        self.bars.set_predictions(result.predictions, titles, axis_label=self.tr("probability"))
        self.bars.setMinimumHeight(min(3, n) * (60 + 26 * self.top_k.value()))
