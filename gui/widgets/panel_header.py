"""The strip above every panel: which model slot it follows, and whether it follows the shared sentence."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ..panels.base import BasePanel
from ..state import SLOTS


class PanelHeader(QWidget):
    """Slot pin (A/B) and link toggle for one panel."""

    def __init__(self, panel: BasePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.slot_label = QLabel(self)
        self.slot = QComboBox(self)
        for slot in SLOTS:
            self.slot.addItem("", slot)
        self.link = QToolButton(self)
        self.link.setCheckable(True)
        self.link.setChecked(panel.linked)
        self.link.setVisible(panel.uses_shared_input)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.slot_label)
        layout.addWidget(self.slot)
        layout.addWidget(self.link)
        layout.addStretch(1)
        self.retranslate_ui()
        self.slot.currentIndexChanged.connect(self._on_slot_chosen)
        self.link.toggled.connect(panel.set_linked)
        panel.slot_pinned.connect(self._on_panel_slot_pinned)
        panel.linked_changed.connect(self._on_panel_linked_changed)

    def retranslate_ui(self) -> None:
        self.slot_label.setText(self.tr("Model:"))
        self.slot.setItemText(0, self.tr("A"))
        self.slot.setItemText(1, self.tr("B"))
        self.slot.setToolTip(self.tr("Which loaded model this panel shows: slot A (the default) or slot B. "
                                     "Pin two panels to different slots to compare two models side by side."))
        self._update_link_text(self.link.isChecked())

    def _update_link_text(self, linked: bool) -> None:
        self.link.setText(self.tr("Linked") if linked else self.tr("Own text"))
        self.link.setToolTip(self.tr("Linked: this panel shows the same sentence (and selected word) as the "
                                     "other linked panels. Unlink to give it its own text."))

    @Slot(int)
    def _on_slot_chosen(self, index: int) -> None:
        self.panel.set_slot(str(self.slot.itemData(index)))

    @Slot(str)
    def _on_panel_slot_pinned(self, slot: str) -> None:
        self.slot.setCurrentIndex(SLOTS.index(slot))

    @Slot(bool)
    def _on_panel_linked_changed(self, linked: bool) -> None:
        self.link.setChecked(linked)
        self._update_link_text(linked)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
