"""The probe sentence before training → now, in large type beside the curves."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.finetune_types import ProbeResult

TAG_COLOURS = ("#fde2e2", "#dbeafe", "#dcfce7", "#fef3c7", "#ede9fe", "#fce7f3", "#e0f2fe")


def probe_html(p: ProbeResult | None, empty: str) -> str:
    """Rich text for one probe result (classes as bars, tags as coloured words, text as text)."""
    if p is None:
        return f"<i>{html.escape(empty)}</i>"
    if p.kind == "classes" and p.probs is not None:
        sentence = html.escape(p.text) + (f" | {html.escape(p.text_b)}" if p.text_b else "")
        rows = [f"<tr><td colspan=3 style='color:#555; font-size:12pt'><i>{sentence}</i></td></tr>"]
        best = int(p.probs.argmax())
        for i, (lab, pr) in enumerate(zip(p.labels, p.probs)):
            bar = "█" * int(round(float(pr) * 20))
            weight = "bold" if i == best else "normal"
            rows.append(f"<tr><td style='font-weight:{weight}; padding-right:10px'>{html.escape(lab)}</td>"
                        f"<td style='color:#2d6cdf'>{bar}</td><td>&nbsp;{float(pr):.0%}</td></tr>")
        return "<table>" + "".join(rows) + "</table>"
    if p.kind == "tags":
        types = sorted({t[2:] for t in p.tags if t != "O"})
        parts = []
        for w, t in zip(p.words, p.tags):
            if t == "O":
                parts.append(html.escape(w))
            else:
                colour = TAG_COLOURS[types.index(t[2:]) % len(TAG_COLOURS)]
                parts.append(f"<span style='background:{colour}'>{html.escape(w)}"
                             f"<sub style='color:#555'>{html.escape(t)}</sub></span>")
        return " ".join(parts)
    if p.kind == "spans":
        if not p.spans:
            return "—"
        items = [f"<b>{html.escape(' '.join(p.words[a:b + 1]))}</b> → {html.escape(lab)} ({pr:.0%})"
                 for a, b, lab, pr in p.spans[:5]]
        return "<br>".join(items)
    gap = "" if not p.continuation or p.continuation[0].isspace() or p.continuation[0] in ".,;:!?" else " "
    return f"{html.escape(p.text)}{gap}<span style='color:#1f4fa8'><b>{html.escape(p.continuation)}</b></span>"


class ProbeView(QFrame):
    """Two big boxes: the probe's output before training and now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.before_title = QLabel(self)
        self.now_title = QLabel(self)
        self.arrow = QLabel("→", self)
        self.arrow.setStyleSheet("font-size: 28pt; color: #555;")
        self.before = QLabel(self)
        self.now = QLabel(self)
        for lab in (self.before, self.now):
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            lab.setStyleSheet("font-size: 16pt; background: white; border: 1px solid #d0d7e2; "
                              "border-radius: 6px; padding: 8px;")
            lab.setMinimumHeight(40)
        for t in (self.before_title, self.now_title):
            t.setStyleSheet("font-weight: bold;")
        row = QHBoxLayout(self)
        col1, col2 = QVBoxLayout(), QVBoxLayout()
        col1.addWidget(self.before_title)
        col1.addWidget(self.before, 1)
        col2.addWidget(self.now_title)
        col2.addWidget(self.now, 1)
        row.addLayout(col1, 1)
        row.addWidget(self.arrow)
        row.addLayout(col2, 1)
        self.before_result: ProbeResult | None = None
        self.now_result: ProbeResult | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.before_title.setText(self.tr("Probe before training"))
        self.now_title.setText(self.tr("Probe now"))
        self.setToolTip(self.tr("The probe sentence is run through the model being trained before the first step "
                                "and after every evaluation: watch its prediction move."))
        self._render()

    def clear(self) -> None:
        self.before_result = self.now_result = None
        self._render()

    def set_before(self, p: ProbeResult | None) -> None:
        self.before_result = p
        self.now_result = p
        self._render()

    def set_now(self, p: ProbeResult | None) -> None:
        self.now_result = p
        self._render()

    def _render(self) -> None:
        empty = self.tr("Type a probe sentence and start training.")
        self.before.setText(probe_html(self.before_result, empty))
        self.now.setText(probe_html(self.now_result, empty))
