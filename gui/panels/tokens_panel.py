"""The BERT input picture: sub-word tokens, ids, segments and positions for one or two sentences."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from core import Encoding, LoadedModel, errors

from ..concepts import bert_input_explanation
from ..resources import sample_texts
from ..state import ModelState
from ..widgets.token_strip import TokenStrip, selection_words
from .base import BasePanel


class TokensPanel(BasePanel):
    """Tokenisation of a sentence or sentence pair, with ids, segment A/B shading and positions."""

    title = "Tokens"
    key = "tokens"
    uses_shared_input = True

    def __init__(self, state: ModelState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.encoding: Encoding | None = None
        self.text_a = QLineEdit(self)
        self.text_b = QLineEdit(self)
        for w in (self.text_a, self.text_b):
            w.setClearButtonEnabled(True)
        self.examples = QComboBox(self)
        self.examples.addItem("")
        self._pairs = sample_texts().get("tokens", [])
        self.examples.addItems([" | ".join(p for p in pair if p) for pair in self._pairs])

        self.label_a, self.label_b = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.label_a, self.text_a)
        form.addRow(self.label_b, self.text_b)
        self.strip = TokenStrip(self, show_positions=True)
        self.summary = QLabel(self)
        self.summary.setObjectName("caption")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.examples)
        layout.addLayout(form)
        layout.addWidget(self.strip)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.text_a.textEdited.connect(self._on_text_edited)
        self.text_b.textEdited.connect(self._on_text_edited)
        self.examples.activated.connect(self._on_example_chosen)
        self.strip.token_clicked.connect(self._on_token_clicked)
        if self._pairs:
            self.text_a.setText(self._pairs[0][0])
            self.text_b.setText(self._pairs[0][1])
        self.retranslate_ui()
        self.on_model_changed(self.loaded)

    def retranslate_ui(self) -> None:
        self.text_b.setPlaceholderText(self.tr("optional second sentence (sentence B)"))
        for w in (self.text_a, self.text_b, self.strip, self.table):
            w.setToolTip(bert_input_explanation())
        self.examples.setItemText(0, self.tr("Examples…"))
        self.label_a.setText(self.tr("Sentence A"))
        self.label_b.setText(self.tr("Sentence B"))
        if self.loaded is not None or self.encoding is not None:
            self.refresh()

    def set_texts(self, a: str, b: str = "") -> None:
        self.text_a.setText(a)
        self.text_b.setText(b)
        self.refresh()

    def set_text(self, text: str, text_pair: str | None = None) -> None:
        self.set_texts(text, text_pair or "")

    # ---------------------------------------------------------------- lessons
    def view_state(self) -> dict:
        """The highlighted words (first, last) of sentence A; the sentences are the step's input."""
        words = self.strip.selected_words
        return {"selection": [int(words[0]), int(words[1])] if words is not None else None}

    def apply_view(self, view: dict) -> None:
        if "selection" not in view:
            return
        words = view["selection"]
        if words is None:
            self.strip.select_words(None)
        elif (isinstance(words, list) and len(words) == 2
              and all(isinstance(w, int) and not isinstance(w, bool) and w >= 0 for w in words)):
            self.strip.select_words((min(words), max(words)))   # words the sentence lacks light nothing

    def on_shared_input(self, value) -> None:
        self.strip.select_words(selection_words(value.selection))   # shows it; never republishes
        if value.text and (value.text, value.text_pair) != (self.text_a.text(), self.text_b.text()):
            self.set_texts(value.text, value.text_pair)

    @Slot(int)
    def _on_token_clicked(self, index: int) -> None:
        """The user picked a token: select its word here and in the linked panels."""
        word = self.strip.word_of(index)
        if word is None or self.encoding is None:
            return
        self.strip.select_words((word, word))
        self.publish_input(text=self.encoding.text, text_pair=self.encoding.text_pair or "", selection=("word", word))

    @Slot()
    def _on_text_edited(self) -> None:
        self.strip.select_words(None)
        self.publish_input(text=self.text_a.text(), text_pair=self.text_b.text())
        self._debounce.start()

    def on_model_changed(self, loaded: LoadedModel | None) -> None:
        self.refresh()

    @Slot(int)
    def _on_example_chosen(self, index: int) -> None:
        if index > 0:
            a, b = (self._pairs[index - 1] + ["", ""])[:2]
            self.examples.setCurrentIndex(0)
            self.set_texts(a, b)

    @Slot()
    def refresh(self) -> None:
        # Tokenising runs no model, takes well under a millisecond: no worker needed.
        inspector = self.inspector
        if inspector is None:
            self._show(None)
            self.message_bar.show_info(self.tr("Load a model to see how its tokenizer splits text."))
            return
        try:
            enc = inspector.encode(self.text_a.text(), self.text_b.text() or None)
        except errors.InputError as exc:
            self._show(None)
            self.message_bar.show_error(str(exc))
            return
        self.message_bar.clear()
        if enc.truncated:
            self.message_bar.show_info(
                self.tr("Cut to the model's maximum of {0} tokens.").format(self.loaded.max_length))
        self._show(enc)
        self.result_shown.emit()

    def _show(self, enc: Encoding | None) -> None:
        self.encoding = enc
        self.strip.set_encoding(enc)
        if enc is None:
            self.table.setRowCount(0)
            self.summary.clear()
            return
        rows = (self.tr("token embedding"), self.tr("token id"), self.tr("segment embedding"),
                self.tr("position embedding"))
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(enc))
        self.table.setVerticalHeaderLabels(list(rows))
        for j in range(len(enc)):
            values = (enc.tokens[j], str(int(enc.input_ids[j])), "AB"[int(enc.segment_ids[j])], str(j))
            for i, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        n_words = len(set(enc.word_ids[enc.word_ids >= 0].tolist()))
        n_special = int(enc.special_mask.sum())
        self.summary.setText(
            self.tr("{0} tokens: {1} words → {2} sub-word pieces + {3} special tokens. Each column's three "
                    "embeddings are added to form the model's input vector.").format(
                len(enc), n_words, len(enc) - n_special, n_special))
