"""Branches of a generation: each continues from another candidate at one step of its parent."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from core.generation_types import GenerationStart, GenerationStep


@dataclass
class Branch:
    """One line of generated text; a branch forks from its parent at step ``fork``."""

    bid: int
    parent: int
    fork: int
    prompt: str
    start: GenerationStart | None = None
    steps: list[GenerationStep] = field(default_factory=list)
    finish: str = ""


class BranchTreeView(QTreeWidget):
    """The branches as a small tree; ``branch_chosen(bid)`` when the teacher clicks one."""

    branch_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.currentItemChanged.connect(self._on_current_item_changed)

    def set_branches(self, branches: list[Branch], current: Branch | None) -> None:
        self.blockSignals(True)
        self.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for b in branches:
            if b.fork < 0:
                label = self.tr("main: {0} tokens").format(len(b.steps))
            else:
                tok = b.steps[b.fork].token if len(b.steps) > b.fork else "?"
                label = self.tr("step {0} → {1}: {2} tokens").format(b.fork + 1, repr(tok), len(b.steps))
            item = QTreeWidgetItem([label])
            item.setData(0, Qt.ItemDataRole.UserRole, b.bid)
            parent = items.get(b.parent)
            if parent is not None:
                parent.addChild(item)
            else:
                self.addTopLevelItem(item)
            items[b.bid] = item
            if b is current:
                self.setCurrentItem(item)
        self.expandAll()
        self.blockSignals(False)

    @Slot(object, object)
    def _on_current_item_changed(self, item: QTreeWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.branch_chosen.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
