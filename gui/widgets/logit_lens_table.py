"""The logit lens as a table: one row per layer, its top tokens with their probabilities."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from core.generation_types import LogitLens


class LogitLensTable(QTableWidget):
    """Layer × top-k table; darker blue = more probable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setToolTip(self.tr(
            "Logit lens: each layer's hidden state read through the model's own output head (final norm + "
            "LM head, or the MLM head). The last row is the real prediction; earlier rows show where in the "
            "network it appears."))

    def set_lens(self, lens: LogitLens | None) -> None:
        self.clear()
        if lens is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        k = lens.probs.shape[1]
        self.setRowCount(len(lens.layer_names))
        self.setColumnCount(k)
        names = [self.tr("embeddings") if i == 0 else self.tr("layer {0}").format(i)
                 for i in range(len(lens.layer_names))]
        self.setVerticalHeaderLabels(names)
        self.setHorizontalHeaderLabels([self.tr("#{0}").format(i + 1) for i in range(k)])
        for r in range(len(lens.layer_names)):
            for c in range(k):
                p = float(lens.probs[r, c])
                item = QTableWidgetItem(f"{lens.tokens[r][c]!r}  {p:.2f}")
                shade = int(255 - 120 * p)
                item.setBackground(QColor(shade, shade, 255))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
