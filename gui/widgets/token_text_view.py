"""Prompt and output as text, each token shaded by its surprisal and clickable."""
from __future__ import annotations

import html
import math

import numpy as np
from PySide6.QtCore import QTimer, QUrl, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

MAX_BITS = 12.0   # surprisal at which the shading is fully saturated


def surprisal_colour(bits: float) -> str:
    """White (expected) → orange-red (surprising); grey for tokens without a prediction."""
    if bits is None or not math.isfinite(bits):
        return "#eeeeee"
    t = max(0.0, min(1.0, bits / MAX_BITS))
    r, g, b = 255, int(255 - 150 * t), int(255 - 205 * t)
    return f"#{r:02x}{g:02x}{b:02x}"


def _visible(text: str) -> str:
    return html.escape(text).replace("\n", "↵<br>")


class TokenTextView(QTextBrowser):
    """Shows prompt tokens (grey border) then generated tokens; ``step_clicked(i)`` on a click."""

    step_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._prompt: list[tuple[str, float]] = []
        self._steps: list[tuple[str, float]] = []
        self._forced = 0
        self.selected = -1
        self.shading = True
        # Streamed tokens are drawn at most every 30 ms: re-rendering per token would make long runs
        # quadratic on the GUI thread.
        self._render_timer = QTimer(self, singleShot=True, interval=30)
        self._render_timer.timeout.connect(self._render)

    def set_prompt(self, pieces: list[str], surprisal: np.ndarray | list[float]) -> None:
        self._prompt = list(zip(pieces, [float(x) for x in surprisal]))
        self._steps = []
        self.selected = -1
        self._render()

    def set_steps(self, pieces: list[tuple[str, float]], selected: int = -1) -> None:
        self._steps = list(pieces)
        self.selected = selected
        self._render()

    def append_step(self, piece: str, bits: float) -> None:
        self._steps.append((piece, bits))
        if not self._render_timer.isActive():
            self._render_timer.start()

    def select(self, index: int) -> None:
        self.selected = index
        self._render()

    def step_count(self) -> int:
        return len(self._steps)

    def plain_output(self) -> str:
        return "".join(p for p, _ in self._steps)

    def _render(self) -> None:
        self._render_timer.stop()
        out = ["<div style='line-height:160%'>"]
        for piece, bits in self._prompt:
            bg = surprisal_colour(bits) if self.shading else "#ffffff"
            out.append(f"<span style='background:{bg};color:#555'>{_visible(piece)}</span>")
        for i, (piece, bits) in enumerate(self._steps):
            bg = surprisal_colour(bits) if self.shading else "#ffffff"
            style = f"background:{bg};color:#111;text-decoration:none"
            if i == self.selected:
                style += ";border-bottom:3px solid #3a73d0;font-weight:bold;color:#0b3d91"
            out.append(f"<a href='step:{i}' style='{style}'>{_visible(piece) or '&nbsp;'}</a>")
        out.append("</div>")
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        self.setHtml("".join(out))
        if at_end:
            bar.setValue(bar.maximum())

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("step:"):
            index = int(text.split(":", 1)[1])
            self.select(index)
            self.step_clicked.emit(index)
