"""Small helpers of the fine-tuning panel: labels, the sub-word alignment picture, script export,
the run's own tokenizer, and the "What changed" / confusion views drawn from the run's snapshots."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QWidget

from core import errors
from core.export_script import write_training_script
from core.finetune import load_tokenizer


def group_label(widget: QWidget, name: str) -> str:
    """A short, translated label for a parameter group ("embeddings", "layer 3", "head")."""
    if name == "embeddings":
        return widget.tr("emb")
    if name.startswith("layer "):
        return widget.tr("L{0}").format(name.split()[1])
    return widget.tr("head")


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def alignment_html(widget: QWidget, pairs: list[tuple[str, str]]) -> str:
    """Sub-words with the label each one trains on (−100: ignored by the loss)."""
    chips = []
    for tok, lab in pairs:
        ignored = lab == "−100"
        colour = "#eef0f3" if ignored else "#dbeafe"
        chips.append(f"<span style='background:{colour}; padding:2px'>{html.escape(tok)}"
                     f"<sub style='color:{'#888' if ignored else '#1f4fa8'}'>{html.escape(lab)}</sub></span>")
    title = widget.tr("Training labels of the first example's sub-words:")
    return f"<b>{html.escape(title)}</b><br>" + " ".join(chips)


def export_run_script(folder: str, base: str | None, form) -> Path:
    """Write the accelerate script for the form's current task, data and settings."""
    if base is None:
        raise errors.CapabilityError("Load a model first.", hint="The script fine-tunes the panel's model.")
    dataset = form.dataset()
    return write_training_script(folder, base, str(form.data_path), form.mapping(), dataset.labels, form.config())


def tokenizer_of(base: str) -> tuple[str, Any]:
    """(base, its tokenizer for training runs): loaded on a helper thread before any run."""
    return base, load_tokenizer(base)


def draw_snapshot_view(panel: Any, view: str) -> None:
    """Draw the "changes" bars or the "confusion" matrix from the run's last snapshot (once per snapshot)."""
    if not panel._snapshots:
        return
    snap = panel._snapshots[-1]
    if panel._drawn.get(view) == id(snap):
        return
    if view == "changes" and snap.changes:
        panel._drawn[view] = id(snap)
        panel.changes.set_bars([group_label(panel, c.name) for c in snap.changes],
                               [c.relative_change for c in snap.changes], [c.trainable for c in snap.changes])
    elif view == "confusion" and snap.confusion is not None and snap.confusion.sum() > 0:
        panel._drawn[view] = id(snap)
        conf = snap.confusion.astype(float)
        rows = np.maximum(conf.sum(1, keepdims=True), 1)
        panel.confusion.set_matrix(conf / rows, list(snap.labels), list(snap.labels))


def draw_attention(panel: Any, view: str) -> None:
    """Draw the probe's attention before training ("att_before") or now ("att_now") for the picked
    layer and head; "before" stays the same all run long, so it is drawn once."""
    snaps = [s for s in panel._snapshots if s.probe is not None and s.probe.attentions is not None]
    if not snaps:
        return
    att = snaps[-1].probe.attentions
    if panel.att_layer.maximum() != att.shape[0] - 1 or panel.att_head.maximum() != att.shape[1] - 1:
        with QSignalBlocker(panel.att_layer), QSignalBlocker(panel.att_head):
            panel.att_layer.setRange(0, att.shape[0] - 1)
            panel.att_head.setRange(0, att.shape[1] - 1)
    layer, head = panel.att_layer.value(), panel.att_head.value()
    widget, snap = (panel.att_before, snaps[0]) if view == "att_before" else (panel.att_now, snaps[-1])
    key = (id(snap), layer, head)
    if panel._drawn.get(view) == key:
        return
    panel._drawn[view] = key
    tokens = list(snap.probe.tokens)
    widget.set_matrix(snap.probe.attentions[layer, head], tokens, tokens)
