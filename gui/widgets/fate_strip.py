"""Token chips coloured by what a pre-training recipe did to each token, and their legend."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.corruption import Fate

from .flow_layout import FlowLayout

FATE_COLOURS: dict[Fate, str] = {
    Fate.KEPT: "#ffffff", Fate.SPECIAL: "#e4e7eb", Fate.MASKED: "#9ec5ff", Fate.RANDOM: "#ffb36b",
    Fate.UNCHANGED: "#a8e6a3", Fate.DELETED: "#f4a6a6", Fate.SPAN: "#d3b5f5", Fate.MOVED: "#fff0a0",
    Fate.REPLACED: "#ff8a80", Fate.SAMPLED_SAME: "#9fe0dc", Fate.TARGET: "#eef3ff",
}


def fate_name(fate: Fate) -> str:
    """The translated name of a fate (legend and tooltips)."""
    t = QCoreApplication.translate
    names = {
        Fate.KEPT: t("Fates", "not selected"), Fate.SPECIAL: t("Fates", "special token"),
        Fate.MASKED: t("Fates", "→ [MASK]"), Fate.RANDOM: t("Fates", "→ random token"),
        Fate.UNCHANGED: t("Fates", "selected, unchanged"), Fate.DELETED: t("Fates", "deleted"),
        Fate.SPAN: t("Fates", "in a masked span"), Fate.MOVED: t("Fates", "moved"),
        Fate.REPLACED: t("Fates", "replaced by the generator"),
        Fate.SAMPLED_SAME: t("Fates", "generator sampled the original"), Fate.TARGET: t("Fates", "next-token target"),
    }
    return names[fate]


@dataclass(frozen=True)
class Chip:
    """One chip: main text, a small second line, background colour, tooltip, strike-through."""

    text: str
    sub: str = ""
    colour: str = "#ffffff"
    tooltip: str = ""
    strike: bool = False
    border: str = "#b9c3cf"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Holder(QWidget):
    """The chips' parent: re-fits its height whenever its width changes."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False  # the strip sets the minimum height itself (see FateStrip._fit)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        strip = self.parent()
        if isinstance(strip, FateStrip) and event.size().width() != event.oldSize().width():
            strip._fit()


class FateStrip(QWidget):
    """A titled row of wrapped chips (``set_chips``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setFixedWidth(150)
        self.title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.title.setObjectName("caption")
        self._holder = _Holder(self)
        self._flow = FlowLayout(self._holder)
        outer.addWidget(self.title)
        outer.addWidget(self._holder, 1)
        self.labels: list[QLabel] = []
        self.chips: list[Chip] = []

    def set_chips(self, chips: list[Chip]) -> None:
        for lab in self.labels:
            self._flow.removeWidget(lab)
            lab.deleteLater()
        self.labels, self.chips = [], list(chips)
        for chip in chips:
            text = _escape(chip.text).replace("\n", "<br>")
            text = f"<s>{text}</s>" if chip.strike else text
            sub = f"<br><span style='color:#4a5563;font-size:small'>{_escape(chip.sub)}</span>" if chip.sub else ""
            lab = QLabel(f"<b>{text}</b>{sub}", self._holder)
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setStyleSheet(f"QLabel {{ background: {chip.colour}; border: 1px solid {chip.border}; "
                              "border-radius: 5px; padding: 2px 6px; }")
            lab.setToolTip(chip.tooltip)
            lab.ensurePolished()  # so its size hint includes the style sheet's padding
            self._flow.addWidget(lab)
            self.labels.append(lab)
        self.setVisible(bool(chips))
        self._fit()
        QTimer.singleShot(0, self._fit)  # again once the new chips are laid out

    def _fit(self, strip_width: int | None = None) -> None:
        # A flow layout's height depends on the width, and height-for-width does not pass
        # reliably through a scroll area: the strip fixes its own height for its width.
        if strip_width is not None:
            width = max(80, strip_width - self.title.width() - self.layout().spacing())
        else:
            width = max(80, self._holder.width())
        height = self._flow.heightForWidth(width) if self.labels else 0
        self._holder.setFixedHeight(height)
        self.setFixedHeight(max(height, self.title.sizeHint().height()) if self.labels else 0)


class FateLegend(QWidget):
    """Colour key for the fates a result uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = FlowLayout(self)
        self._labels: list[QLabel] = []

    def set_fates(self, fates: list[Fate]) -> None:
        for lab in self._labels:
            self._flow.removeWidget(lab)
            lab.deleteLater()
        self._labels = []
        for f in fates:
            lab = QLabel(fate_name(f), self)
            lab.setStyleSheet(f"QLabel {{ background: {FATE_COLOURS[f]}; border: 1px solid #b9c3cf; "
                              "border-radius: 4px; padding: 1px 6px; }")
            self._flow.addWidget(lab)
            self._labels.append(lab)


class StackedStrips(QWidget):
    """Several :class:`FateStrip` rows under each other (original, input, target, model)."""

    def __init__(self, n: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.rows = [FateStrip(self) for _ in range(n)]
        for r in self.rows:
            lay.addWidget(r)
