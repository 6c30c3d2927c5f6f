"""ELMo's scalar mix as sliders: one ``s_j`` per layer, one ``γ``, and the softmax weights as bars."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QVBoxLayout, QWidget

S_SCALE = 10      # slider units per unit of s_j (s in [-5, 5])
GAMMA_SCALE = 100  # slider units per unit of γ (γ in [0, 3])


class ScalarMixEditor(QWidget):
    """``ELMo_k = γ · Σ_j softmax(s)_j · h_{k,j}``: sliders for ``s_j`` and ``γ``; bars show the
    weights in effect (one-hot for a single layer, ¼ each for the last-four mean)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sliders: list[QSlider] = []
        self.bars = pg.PlotWidget(self)
        self.bars.setBackground("w")
        self.bars.setMenuEnabled(False)
        self.bars.hideButtons()
        self.bars.setMouseEnabled(False, False)
        self.bars.setYRange(0, 1, padding=0.02)
        self.bars.setMinimumHeight(50)
        self._bar_item: pg.BarGraphItem | None = None
        self.gamma = QSlider(Qt.Orientation.Horizontal, self)
        self.gamma.setRange(0, 3 * GAMMA_SCALE)
        self.gamma.setValue(GAMMA_SCALE)
        self.gamma_label = QLabel(self)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self)
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.gamma_label)
        layout.addWidget(self.gamma)
        self.gamma.valueChanged.connect(self._on_slider_moved)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("ELMo scalar mix: γ · Σ softmax(s)ⱼ · hⱼ"))
        self.gamma.setToolTip(self.tr("γ scales the whole mixed vector (ELMo learns it per task). "
                                      "Cosines do not change with γ; vector lengths do."))
        self.bars.setToolTip(self.tr("The weight each layer gets in the vector shown (softmax of the sliders "
                                     "in scalar-mix mode)."))
        self.bars.getAxis("bottom").setLabel(self.tr("layer"))
        self._update_gamma_label()
        for j, slider in enumerate(self.sliders):
            slider.setToolTip(self.tr("s{0}: the unnormalised weight of layer {0} (0 = embeddings)").format(j))

    def set_layers(self, n_states: int) -> None:
        """One slider per layer 0..L (``n_states`` = L + 1), all at s = 0 (equal weights)."""
        for s in self.sliders:
            s.deleteLater()
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.sliders = []
        for j in range(n_states):
            slider = QSlider(Qt.Orientation.Vertical, self._grid_host)
            slider.setRange(-5 * S_SCALE, 5 * S_SCALE)
            slider.setValue(0)
            slider.setMinimumHeight(40)
            slider.valueChanged.connect(self._on_slider_moved)
            self._grid.addWidget(slider, 0, j, Qt.AlignmentFlag.AlignHCenter)
            self._grid.addWidget(QLabel(str(j), self._grid_host), 1, j, Qt.AlignmentFlag.AlignHCenter)
            self.sliders.append(slider)
        self.bars.setXRange(-0.6, n_states - 0.4, padding=0)
        self.retranslate_ui()
        self.show_weights(np.full(n_states, 1.0 / max(n_states, 1)))

    def weights(self) -> tuple[float, ...]:
        """The ``s_j`` values."""
        return tuple(s.value() / S_SCALE for s in self.sliders)

    def gamma_value(self) -> float:
        return self.gamma.value() / GAMMA_SCALE

    def set_weights(self, s: Sequence[float]) -> None:
        for slider, v in zip(self.sliders, s):
            slider.setValue(round(v * S_SCALE))

    def set_gamma(self, gamma: float) -> None:
        self.gamma.setValue(round(gamma * GAMMA_SCALE))   # the slider clamps to [0, 3]

    def set_mix_enabled(self, enabled: bool) -> None:
        """Sliders only act in scalar-mix mode; the bars always show the weights in effect."""
        for w in (*self.sliders, self.gamma):
            w.setEnabled(enabled)

    def show_weights(self, weights: np.ndarray) -> None:
        w = np.asarray(weights, dtype=float)
        if self._bar_item is None:
            self._bar_item = pg.BarGraphItem(x=np.arange(len(w)), height=w, width=0.7, brush="#3a73d0")
            self.bars.addItem(self._bar_item)
        else:  # every slider step: new heights for the same item (no scene removal and re-insertion)
            self._bar_item.setOpts(x=np.arange(len(w)), height=w)
        self._shown = w

    def shown_weights(self) -> np.ndarray:
        return self._shown.copy()

    def _update_gamma_label(self) -> None:
        self.gamma_label.setText(self.tr("γ = {0}").format(f"{self.gamma_value():.2f}"))

    @Slot()
    def _on_slider_moved(self) -> None:
        self._update_gamma_label()
        self.changed.emit()
