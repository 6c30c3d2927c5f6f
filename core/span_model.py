"""Span classification: an encoder + the spans panel's :class:`~core.span_heads.SpanHeads` + a linear layer.

``y_ij = softmax(W spanRep_ij)`` with ``spanRep_ij = [FFN_start(h_i); FFN_end(h_j); ĝ_ij]``,
``ĝ_ij = Σ_k softmax(w·h_k) h_k`` over the span's tokens: all three learned parts of the
spans panel train together. The heads are saved with ``save_span_heads`` into the
checkpoint folder (``span_heads.safetensors``), where the spans panel finds them as trained.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .span_heads import SpanHeads, load_span_heads, save_span_heads

CLASSIFIER_WEIGHTS = "span_classifier.safetensors"
CLASSIFIER_CONFIG = "span_classifier.json"


class SpanClassifier(nn.Module):
    """An HF encoder (``AutoModel``) with span heads; ``forward`` returns span logits ``[n, labels]``."""

    def __init__(self, encoder: Any, labels: tuple[str, ...], seed: int = 0) -> None:
        super().__init__()
        self.encoder_model = encoder
        self.config = encoder.config
        self.labels = tuple(labels)
        self.span_heads = SpanHeads(encoder.config.hidden_size, seed=seed)
        self.classifier = nn.Linear(2 * self.span_heads.d_proj + self.span_heads.d_model, len(labels))

    @property
    def base_model(self) -> Any:  # what "feature-based" freezes
        return self.encoder_model

    def span_representations(self, hidden: torch.Tensor, span_index: torch.Tensor) -> torch.Tensor:
        """``hidden`` [B, T, d]; ``span_index`` [n, 3] = (batch row, first token, last token) → [n, D]."""
        heads = self.span_heads
        b, s, e = span_index[:, 0], span_index[:, 1], span_index[:, 2]
        rows = int(hidden.shape[0])
        # Pad the spans of each row to [B, m, 2] so attention pooling runs once for the batch.
        counts = torch.bincount(b, minlength=rows)
        m = int(counts.max()) if span_index.numel() else 1
        order = torch.argsort(b, stable=True)
        starts = torch.cumsum(counts, 0) - counts
        slot = torch.arange(len(b), device=b.device) - starts[b[order]]
        padded = torch.zeros(rows, m, 2, dtype=torch.long, device=hidden.device)
        padded[b[order], slot] = torch.stack([s[order], e[order]], -1)
        pooled = heads.attention_pool(hidden, padded)[b[order], slot]
        out = torch.empty(len(b), pooled.shape[-1], dtype=pooled.dtype, device=pooled.device)
        out[order] = pooled
        return torch.cat([heads.ffn_start(hidden[b, s]), heads.ffn_end(hidden[b, e]), out], -1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None, span_index: torch.Tensor | None = None,
                output_attentions: bool = False, **_: Any) -> Any:
        kw = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
        out = self.encoder_model(input_ids=input_ids, attention_mask=attention_mask,
                                 output_attentions=output_attentions, **kw)
        logits = self.classifier(self.span_representations(out.last_hidden_state, span_index))
        return (logits, out.attentions) if output_attentions else logits

    def save_pretrained(self, folder: str | Path, **kw: Any) -> None:
        from safetensors.torch import save_file

        folder = Path(folder)
        self.encoder_model.save_pretrained(str(folder), **kw)
        self.span_heads.info = {"task": "span classification", "labels": ",".join(self.labels)}
        save_span_heads(self.span_heads, folder, trained=True)
        save_file({k: v.detach().cpu().contiguous() for k, v in self.classifier.state_dict().items()},
                  str(folder / CLASSIFIER_WEIGHTS), metadata={"format": "pt"})
        (folder / CLASSIFIER_CONFIG).write_text(json.dumps({"labels": list(self.labels)}, indent=2),
                                                encoding="utf-8")


def load_span_classifier(folder: str | Path, encoder: Any) -> SpanClassifier:
    """Rebuild a saved span classifier around ``encoder`` (loaded from the same folder)."""
    from safetensors.torch import load_file

    folder = Path(folder)
    labels = tuple(json.loads((folder / CLASSIFIER_CONFIG).read_text(encoding="utf-8"))["labels"])
    model = SpanClassifier(encoder, labels)
    model.span_heads = load_span_heads(folder, d_model=encoder.config.hidden_size)
    model.classifier.load_state_dict(load_file(str(folder / CLASSIFIER_WEIGHTS)))
    return model.eval()
