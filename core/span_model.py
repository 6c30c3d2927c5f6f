"""Span classification model: an encoder plus a span head over ``[h_i; h_j; attn-pool(h_i..h_j)]``.

``y_ij = softmax(FFN(spanRep_ij))`` with ``spanRep_ij = [FFN_start(h_i); FFN_end(h_j); Σ_k a_k h_k]``
and ``a = softmax_k(w · h_k)`` over the span's tokens (Lee et al. 2017 / the lecture).
The head is saved beside the encoder (``span_head.safetensors`` + ``span_head.json``) so the
spans panel can show the trained ``FFN_start``/``FFN_end``/pooling.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

HEAD_WEIGHTS = "span_head.safetensors"
HEAD_CONFIG = "span_head.json"


class SpanHead(nn.Module):
    """FFN_start, FFN_end, attention pooling and the span classifier."""

    def __init__(self, d_model: int, n_labels: int, d_span: int = 128) -> None:
        super().__init__()
        self.d_model, self.n_labels, self.d_span = d_model, n_labels, d_span
        self.ffn_start = nn.Sequential(nn.Linear(d_model, d_span), nn.GELU())
        self.ffn_end = nn.Sequential(nn.Linear(d_model, d_span), nn.GELU())
        self.attn_score = nn.Linear(d_model, 1)
        self.classifier = nn.Sequential(nn.Linear(2 * d_span + d_model, d_span), nn.GELU(),
                                        nn.Linear(d_span, n_labels))

    def span_representations(self, hidden: torch.Tensor, span_index: torch.Tensor) -> torch.Tensor:
        """``hidden`` [batch, seq, d]; ``span_index`` [n, 3] = (batch row, first token, last token) → [n, 2·d_span + d]."""
        b, s, e = span_index[:, 0], span_index[:, 1], span_index[:, 2]
        h = hidden[b]                                                   # [n, seq, d]
        pos = torch.arange(hidden.shape[1], device=hidden.device)
        inside = (pos[None, :] >= s[:, None]) & (pos[None, :] <= e[:, None])
        scores = self.attn_score(h).squeeze(-1).masked_fill(~inside, float("-inf"))
        pooled = torch.einsum("ns,nsd->nd", torch.softmax(scores, -1), h)
        return torch.cat([self.ffn_start(hidden[b, s]), self.ffn_end(hidden[b, e]), pooled], -1)

    def forward(self, hidden: torch.Tensor, span_index: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.span_representations(hidden, span_index))


class SpanClassifier(nn.Module):
    """An HF encoder (``AutoModel``) with a :class:`SpanHead`; ``forward`` returns span logits [n, labels]."""

    def __init__(self, encoder: Any, n_labels: int, d_span: int = 128) -> None:
        super().__init__()
        self.encoder_model = encoder
        self.config = encoder.config
        self.span_head = SpanHead(encoder.config.hidden_size, n_labels, d_span)

    @property
    def base_model(self) -> Any:  # what "feature-based" freezes
        return self.encoder_model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None, span_index: torch.Tensor | None = None,
                output_attentions: bool = False, **_: Any) -> Any:
        kw = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
        out = self.encoder_model(input_ids=input_ids, attention_mask=attention_mask,
                                 output_attentions=output_attentions, **kw)
        logits = self.span_head(out.last_hidden_state, span_index)
        return (logits, out.attentions) if output_attentions else logits

    def save_pretrained(self, folder: str | Path, **kw: Any) -> None:
        from safetensors.torch import save_file

        folder = Path(folder)
        self.encoder_model.save_pretrained(str(folder), **kw)
        save_file({k: v.detach().cpu().contiguous() for k, v in self.span_head.state_dict().items()},
                  str(folder / HEAD_WEIGHTS), metadata={"format": "pt"})
        (folder / HEAD_CONFIG).write_text(json.dumps({"d_model": self.span_head.d_model,
                                                      "n_labels": self.span_head.n_labels,
                                                      "d_span": self.span_head.d_span,
                                                      "labels": list(getattr(self, "labels", ()))}, indent=2),
                                          encoding="utf-8")


def load_span_head(folder: str | Path) -> tuple[SpanHead, list[str]]:
    """The trained span head of a saved span-classification run, and its labels."""
    from safetensors.torch import load_file

    folder = Path(folder)
    cfg = json.loads((folder / HEAD_CONFIG).read_text(encoding="utf-8"))
    head = SpanHead(cfg["d_model"], cfg["n_labels"], cfg["d_span"])
    head.load_state_dict(load_file(str(folder / HEAD_WEIGHTS)))
    return head.eval(), list(cfg.get("labels", []))
