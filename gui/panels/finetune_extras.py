"""Small helpers of the fine-tuning panel: labels, the sub-word alignment picture, script export."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QWidget

from core import errors
from core.export_script import write_training_script


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
