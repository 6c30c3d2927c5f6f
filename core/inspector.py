"""Run a loaded model on text and return plain numpy results.

Each operation follows the transformers-pipeline shape: ``_prepare`` (tokenise) →
``_run`` (``torch.inference_mode``, on the model's device) → a frozen dataclass.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from . import errors
from .loader import LoadedModel
from .types import Capability, Encoding, Inspection, MaskPrediction, MaskResult, ModelKind, TokenScore


@dataclass(frozen=True)
class _Prepared:
    encoding: Encoding
    inputs: dict[str, Any]  # torch tensors on the model's device, batch of one


class ModelInspector:
    """Inspection, masked prediction and tokenisation for one ``LoadedModel``."""

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.tokenizer = loaded.tokenizer
        self.model = loaded.model

    # ------------------------------------------------------------------ tokenising
    def encode(self, text: str, text_pair: str | None = None) -> Encoding:
        """Tokenise ``text`` (and an optional second sentence) without running the model."""
        return self._prepare(text, text_pair, tensors=False).encoding

    def _prepare(self, text: str, text_pair: str | None = None, *, tensors: bool = True) -> _Prepared:
        if not isinstance(text, str) or not text.strip():
            raise errors.EmptyTextError("The text is empty.", hint="Type a sentence first.")
        if text_pair is not None and not text_pair.strip():
            text_pair = None
        tok = self.tokenizer
        enc = tok(text, text_pair, truncation=True, max_length=self.loaded.max_length,
                  return_offsets_mapping=True, return_special_tokens_mask=True)
        ids = np.asarray(enc["input_ids"], dtype=np.int64)
        seq_ids = enc.sequence_ids()
        segments = np.zeros(len(ids), dtype=np.int32)
        if "token_type_ids" in enc and text_pair is not None:
            segments[:] = enc["token_type_ids"]
        else:
            current = 0
            for i, s in enumerate(seq_ids):
                current = s if s is not None else current
                segments[i] = current
        words = np.full(len(ids), -1, dtype=np.int32)
        first_b = 0
        for i, (w, s) in enumerate(zip(enc.word_ids(), seq_ids)):
            if w is not None and s == 0:
                words[i] = w
                first_b = max(first_b, w + 1)
        for i, (w, s) in enumerate(zip(enc.word_ids(), seq_ids)):
            if w is not None and s == 1:
                words[i] = first_b + w  # make sentence-B words unique
        encoding = Encoding(
            text=text, text_pair=text_pair,
            tokens=tuple(tok.convert_ids_to_tokens(ids.tolist())),
            input_ids=ids,
            offsets=np.asarray(enc["offset_mapping"], dtype=np.int32).reshape(-1, 2),
            special_mask=np.asarray(enc["special_tokens_mask"], dtype=bool),
            word_ids=words, segment_ids=segments,
            truncated=bool(enc.encodings[0].overflowing),
        )
        inputs: dict[str, Any] = {}
        if tensors:
            import torch

            device = self.loaded.device
            inputs["input_ids"] = torch.as_tensor(ids, device=device).unsqueeze(0)
            inputs["attention_mask"] = torch.ones_like(inputs["input_ids"])
            if "token_type_ids" in enc and self.loaded.kind is ModelKind.ENCODER:
                inputs["token_type_ids"] = torch.as_tensor(enc["token_type_ids"], device=device).unsqueeze(0)
        return _Prepared(encoding, inputs)

    # ------------------------------------------------------------------ inspecting
    def inspect(self, text: str, text_pair: str | None = None, *, attentions: bool = True,
                hidden_states: bool = True) -> Inspection:
        """One forward pass: attentions ``[layer, head, seq, seq]``, hidden states
        ``[layer + 1, seq, d_model]`` and static input embeddings ``[seq, d_model]``
        (all float32). For an encoder-decoder the encoder is inspected."""
        import torch

        prep = self._prepare(text, text_pair)
        with torch.inference_mode():
            module = self.model.get_encoder() if self.loaded.kind is ModelKind.ENCODER_DECODER else self.model
            kwargs = {k: v for k, v in prep.inputs.items() if k != "token_type_ids" or self.loaded.kind is ModelKind.ENCODER}
            out = module(**kwargs, output_attentions=attentions, output_hidden_states=hidden_states)
            emb = self.model.get_input_embeddings()(prep.inputs["input_ids"])[0]
            att = _stack(out.attentions) if attentions else None
            hid = _stack(out.hidden_states) if hidden_states else None
        return Inspection(prep.encoding, att, hid, emb.float().cpu().numpy())

    # ------------------------------------------------------------------ fill-mask
    def predict_masks(self, text: str, top_k: int = 10) -> MaskResult:
        """Top-k candidates for every mask token in ``text``.

        Probabilities are a softmax over the vocabulary at each mask position
        independently, exactly as transformers' ``pipeline("fill-mask")``.

        Raises
        ------
        CapabilityError : the checkpoint has no trained masked-LM head.
        NoMaskTokenError : the tokenizer has no mask token, or the text contains none.
        TextTooLongError : the text's masks all fall after the model's maximum length.
        EmptyTextError : the text is empty.
        """
        import torch

        self.require_mask_head()
        mask_id = self.tokenizer.mask_token_id
        prep = self._prepare(text)
        positions = np.flatnonzero(prep.encoding.input_ids == mask_id)
        if positions.size == 0 and prep.encoding.truncated and self.tokenizer.mask_token in text:
            raise errors.TextTooLongError(
                f"Every {self.tokenizer.mask_token} lies beyond the first {self.loaded.max_length} tokens, "
                "the most this model reads.",
                hint="Shorten the text or move the mask nearer the start.")
        if positions.size == 0:
            raise errors.NoMaskTokenError(
                f"The text has no {self.tokenizer.mask_token} token.",
                hint=f"Type {self.tokenizer.mask_token} where a word should be predicted, or click a word to mask it.")
        top_k = max(1, min(int(top_k), len(self.tokenizer)))
        with torch.inference_mode():
            logits = self.model(**prep.inputs).logits[0, torch.as_tensor(positions, device=self.loaded.device)]
            probs = logits.float().softmax(dim=-1)
            values, ids = probs.topk(min(top_k, probs.shape[-1]), dim=-1)
        values, ids = values.cpu().numpy(), ids.cpu().numpy()
        preds = []
        for row, pos in enumerate(positions):
            toks = self.tokenizer.convert_ids_to_tokens(ids[row].tolist())
            preds.append(MaskPrediction(int(pos), tuple(
                TokenScore(t, int(i), float(p)) for t, i, p in zip(toks, ids[row], values[row]))))
        return MaskResult(prep.encoding, tuple(preds))

    def require_mask_head(self) -> None:
        """Raise a student-readable error unless masked prediction is possible."""
        if Capability.MASK not in self.loaded.capabilities:
            raise errors.CapabilityError(
                f"{self.loaded.name} has no trained masked-language-model head.",
                hint="Its checkpoint holds only the encoder (a random head would predict noise). "
                     "Load a masked LM such as stories-bert-mini or bert-base-uncased.")
        if self.tokenizer.mask_token is None:
            raise errors.NoMaskTokenError(f"The tokenizer of {self.loaded.name} has no mask token.")


def _stack(layers: Any) -> np.ndarray:
    """Tuple of ``[1, ...]`` tensors → float32 numpy ``[n, ...]``."""
    import torch

    return torch.stack([t[0] for t in layers]).float().cpu().numpy()


def mask_word(encoding: Encoding, token_index: int, mask_token: str) -> tuple[str, int, int, str]:
    """Mask the whole word that token ``token_index`` belongs to (all its sub-words).

    Returns ``(new_text, start, end, replacement)`` where ``text[start:end]`` was
    replaced by one mask token per sub-word piece. Only sentence A can be masked.

    Raises
    ------
    InputError : the token is a special token or lies in sentence B.
    """
    if not 0 <= token_index < len(encoding.tokens):
        raise errors.InputError(f"There is no token {token_index}.")
    word = int(encoding.word_ids[token_index])
    if word < 0 or encoding.special_mask[token_index]:
        raise errors.InputError(f"'{encoding.tokens[token_index]}' is a special token; it cannot be masked.")
    if encoding.segment_ids[token_index] != 0:
        raise errors.InputError("Only words of the first sentence can be masked here.")
    pieces = np.flatnonzero(encoding.word_ids == word)
    start = int(encoding.offsets[pieces, 0].min())
    end = int(encoding.offsets[pieces, 1].max())
    while start < end and encoding.text[start].isspace():  # byte-level BPE offsets include the space
        start += 1
    replacement = " ".join([mask_token] * len(pieces))
    return encoding.text[:start] + replacement + encoding.text[end:], start, end, replacement
