"""Several sentences through the model in one batched, padding-aware forward pass, and the
target word's occurrences in them. The arrays are cached; :mod:`core.embeddings` re-slices them."""
from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import errors
from .loader import LoadedModel
from .spans import char_to_token_span, word_char_spans
from .types import Encoding, ModelKind, TaskProgress

MAX_SENTENCES = 64
MAX_TOKENS = 512


# ---------------------------------------------------------------- input
@dataclass(frozen=True)
class SentenceInput:
    """Sentences after cleaning: empty lines dropped, at most ``MAX_SENTENCES`` kept."""

    sentences: tuple[str, ...]
    empty_lines: int      # blank lines ignored
    n_given: int          # non-empty lines before capping


def split_sentences(text: str | Sequence[str], max_sentences: int = MAX_SENTENCES) -> SentenceInput:
    """One sentence per line; blank lines ignored; more than ``max_sentences`` are cut.

    Raises
    ------
    EmptyTextError : no non-empty line.
    """
    lines = text.splitlines() if isinstance(text, str) else list(text)
    kept = [ln.strip() for ln in lines if ln and ln.strip()]
    if not kept:
        raise errors.EmptyTextError("There is no sentence.", hint="Type one sentence per line.")
    return SentenceInput(tuple(kept[:max_sentences]), len(lines) - len(kept), len(kept))


@dataclass(frozen=True)
class SentenceBatch:
    """Every layer of one batched forward pass over several sentences.

    ``hidden`` float32 ``[n, layer + 1, T, d]`` (index 0: the embedding output; padded
    positions hold 0), ``input_embeddings`` float32 ``[n, T, d]`` (the static table rows),
    ``mask`` bool ``[n, T]`` (real tokens, specials included), ``T`` the longest sentence.
    """

    sentences: tuple[str, ...]
    encodings: tuple[Encoding, ...]
    hidden: np.ndarray
    input_embeddings: np.ndarray
    mask: np.ndarray
    causal: bool
    max_tokens: int
    source: SentenceInput | None = field(default=None, compare=False)

    @property
    def n_layers(self) -> int:
        return int(self.hidden.shape[1]) - 1

    @property
    def content_mask(self) -> np.ndarray:
        """bool ``[n, T]``: real, non-special tokens."""
        special = np.zeros_like(self.mask)
        for s, enc in enumerate(self.encodings):
            special[s, : len(enc)] = enc.special_mask
        return self.mask & ~special

    @property
    def truncated(self) -> tuple[int, ...]:
        """Indices of sentences cut to ``max_tokens``."""
        return tuple(i for i, e in enumerate(self.encodings) if e.truncated)


def _encode(loaded: LoadedModel, sentence: str, max_tokens: int) -> Encoding:
    tok = loaded.tokenizer
    enc = tok(sentence, truncation=True, max_length=max_tokens, return_offsets_mapping=True,
              return_special_tokens_mask=True)
    ids = np.asarray(enc["input_ids"], dtype=np.int64)
    words = np.asarray([-1 if w is None else w for w in enc.word_ids()], dtype=np.int32)
    special = np.asarray(enc["special_tokens_mask"], dtype=bool)
    return Encoding(text=sentence, text_pair=None, tokens=tuple(tok.convert_ids_to_tokens(ids.tolist())),
                    input_ids=ids, offsets=np.asarray(enc["offset_mapping"], dtype=np.int32).reshape(-1, 2),
                    special_mask=special, word_ids=np.where(special, -1, words).astype(np.int32),
                    segment_ids=np.zeros(len(ids), dtype=np.int32), truncated=bool(enc.encodings[0].overflowing))


def iter_sentence_batch(loaded: LoadedModel, text: str | Sequence[str], *, max_tokens: int = MAX_TOKENS,
                        max_sentences: int = MAX_SENTENCES) -> Generator[TaskProgress, None, SentenceBatch]:
    """Tokenise all sentences and run **one** padding-aware forward pass; yields progress.

    For an encoder-decoder the encoder is run. Raises EmptyTextError for no sentence.
    """
    import torch

    source = split_sentences(text, max_sentences)
    limit = max(2, min(int(max_tokens), loaded.max_length))
    yield TaskProgress(f"Tokenising {len(source.sentences)} sentences…", 0.05)
    encodings = tuple(_encode(loaded, s, limit) for s in source.sentences)
    n, T = len(encodings), max(len(e) for e in encodings)
    pad = loaded.tokenizer.pad_token_id
    pad = 0 if pad is None else int(pad)  # any id: padded positions are masked out
    ids = torch.full((n, T), pad, dtype=torch.long)
    att = torch.zeros((n, T), dtype=torch.long)
    for s, e in enumerate(encodings):  # right padding: real tokens keep positions 0..len-1
        ids[s, : len(e)] = torch.as_tensor(e.input_ids)
        att[s, : len(e)] = 1
    yield TaskProgress(f"Running the model on {n} sentences × {T} tokens…", 0.15)
    model = loaded.model
    if loaded.kind is ModelKind.ENCODER_DECODER:
        module = model.get_encoder()
    else:
        module = getattr(model, "base_model", model)  # no LM head: its logits are not needed
    device = loaded.device
    with torch.inference_mode():
        out = module(input_ids=ids.to(device), attention_mask=att.to(device), output_hidden_states=True)
        hidden = torch.stack(out.hidden_states, dim=1).float().cpu().numpy()   # [n, L+1, T, d]
        static = model.get_input_embeddings()(ids.to(device)).float().cpu().numpy()
    mask = att.numpy().astype(bool)
    hidden *= mask[:, None, :, None]  # padded positions: exactly 0, never used
    static *= mask[:, :, None]
    yield TaskProgress("Done", 1.0)
    return SentenceBatch(source.sentences, encodings, hidden, static, mask,
                         causal=loaded.kind is ModelKind.DECODER, max_tokens=limit, source=source)


def sentence_batch(loaded: LoadedModel, text: str | Sequence[str], **kwargs: int) -> SentenceBatch:
    """Blocking form of :func:`iter_sentence_batch`."""
    gen = iter_sentence_batch(loaded, text, **kwargs)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


# ---------------------------------------------------------------- target word
@dataclass(frozen=True)
class Occurrence:
    """One occurrence of the target: sentence index, its token positions and its surface text."""

    sentence: int
    tokens: tuple[int, ...]
    surface: str


@dataclass(frozen=True)
class TargetMatch:
    """Where the target word occurs; ``missing``: sentences without it."""

    word: str
    occurrences: tuple[Occurrence, ...]
    missing: tuple[int, ...]

    @property
    def split(self) -> tuple[Occurrence, ...]:
        """Occurrences the tokenizer split into several sub-words."""
        return tuple(o for o in self.occurrences if len(o.tokens) > 1)


def find_target(batch: SentenceBatch, word: str) -> TargetMatch:
    """Whole-word, case-insensitive occurrences of ``word`` in every sentence.

    Raises
    ------
    InputError : ``word`` is empty. TargetNotFoundError : it occurs nowhere.
    """
    word = (word or "").strip()
    if not word:
        raise errors.InputError("No target word.", hint="Click a word in one of the sentences.")
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    occ, missing = [], []
    for s, enc in enumerate(batch.encodings):
        found = False
        for m in pattern.finditer(enc.text):
            span = char_to_token_span(enc, m.start(), m.end())
            if span is not None:  # None: cut off by truncation
                occ.append(Occurrence(s, tuple(range(span[0], span[1] + 1)), m.group(0)))
                found = True
        if not found:
            missing.append(s)
    if not occ:
        raise errors.TargetNotFoundError(f"'{word}' occurs in none of the sentences.",
                                         hint="Click a word that appears in them.")
    return TargetMatch(word, tuple(occ), tuple(missing))


def word_at(batch: SentenceBatch, sentence: int, token: int) -> str:
    """The word (our segmentation) that token ``token`` of sentence ``sentence`` belongs to."""
    enc = batch.encodings[sentence]
    if enc.special_mask[token]:
        raise errors.InputError(f"'{enc.tokens[token]}' is a special token, not a word of the sentence.")
    s, e = (int(x) for x in enc.offsets[token])
    for ws, we in word_char_spans(enc.text):
        if ws < e and we > s:
            return enc.text[ws:we]
    raise errors.InputError(f"Token '{enc.tokens[token]}' is not part of a word.")


def choose_target(batch: SentenceBatch) -> str:
    """A sensible first target: the word found in most sentences; among those the one used least
    often overall (so "cat" beats "the"), then the longest. "" when there is no word."""
    seen: dict[str, set[int]] = {}
    count: dict[str, int] = {}
    for s, text in enumerate(batch.sentences):
        for a, b in word_char_spans(text):
            w = text[a:b].lower()
            if w.isalpha():
                seen.setdefault(w, set()).add(s)
                count[w] = count.get(w, 0) + 1
    return max(seen, key=lambda w: (len(seen[w]), -count[w], len(w)), default="")
