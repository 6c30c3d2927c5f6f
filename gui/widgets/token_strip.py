"""The BERT input picture: one chip per sub-word token with its id, specials and segments marked."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core import Encoding

from ..i18n import Retranslatable
from .flow_layout import FlowLayout


class TokenChip(QLabel):
    """One token: its text over its id; clickable."""

    clicked = Signal(int)

    def __init__(self, index: int, token: str, token_id: int, *, special: bool, segment: int,
                 masked: bool, position: bool, parent: QWidget | None = None) -> None:
        pos_text = QCoreApplication.translate("TokenStrip", "pos {0}").format(index)
        pos = f"<br><span style='color:#7a7a7a;font-size:small'>{pos_text}</span>" if position else ""
        super().__init__(f"<b>{_escape(token)}</b><br><span style='color:#5b6b7f;font-size:small'>{token_id}</span>{pos}",
                         parent)
        self.index = index
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setProperty("special", "true" if special else "false")
        self.setProperty("segment", str(segment))
        self.setProperty("masked", "true" if masked else "false")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
        super().mousePressEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TokenStrip(Retranslatable, QWidget):
    """Shows an ``Encoding`` as wrapped token chips; emits ``token_clicked(index)``."""

    token_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, show_positions: bool = False) -> None:
        super().__init__(parent)
        self.show_positions = show_positions
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._holder = QWidget(self)
        self._flow = FlowLayout(self._holder)
        outer.addWidget(self._holder)
        self.chips: list[TokenChip] = []
        self.encoding: Encoding | None = None

    def set_encoding(self, encoding: Encoding | None, mask_token_id: int | None = None) -> None:
        """Replace the chips with those of ``encoding`` (None clears the strip)."""
        for chip in self.chips:
            self._flow.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        self.encoding = encoding
        if encoding is None:
            return
        for i, (tok, tid) in enumerate(zip(encoding.tokens, encoding.input_ids.tolist())):
            chip = TokenChip(i, tok, tid, special=bool(encoding.special_mask[i]),
                             segment=int(encoding.segment_ids[i]), masked=tid == mask_token_id,
                             position=self.show_positions, parent=self._holder)
            chip.setToolTip(self._tooltip(encoding, i))
            chip.clicked.connect(self._on_chip_clicked)
            self._flow.addWidget(chip)
            self.chips.append(chip)
        self._holder.updateGeometry()

    def retranslate_ui(self) -> None:
        if self.encoding is not None:
            for i, chip in enumerate(self.chips):
                chip.setToolTip(self._tooltip(self.encoding, i))

    @staticmethod
    def _tooltip(enc: Encoding, i: int) -> str:
        if enc.special_mask[i]:
            return QCoreApplication.translate(
                "TokenStrip", "{0} is a special token added by the tokenizer ([CLS] starts the input, [SEP] ends "
                "each sentence).").format(enc.tokens[i])
        seg = "A" if enc.segment_ids[i] == 0 else "B"
        start, end = enc.offsets[i]
        source = enc.text if enc.segment_ids[i] == 0 else (enc.text_pair or "")
        return QCoreApplication.translate(
            "TokenStrip", "token {0}: '{1}' (id {2}), sentence {3}, word {4}, characters {5}–{6}: '{7}'. Pieces "
            "starting with ## continue the previous word (WordPiece).").format(
            i, enc.tokens[i], int(enc.input_ids[i]), seg, int(enc.word_ids[i]), start, end, source[start:end])

    @Slot(int)
    def _on_chip_clicked(self, index: int) -> None:
        self.token_clicked.emit(index)
