"""Contextual vs static embeddings: one batched forward, then pure numpy on the cached states.

``iter_sentence_batch`` runs the model once on all sentences (right-padded; padded positions
never enter a mean or a similarity) and keeps every layer's hidden states. Everything else —
target occurrences, ELMo's scalar mix, BERT's last-four mean, sub-word pooling, cosine
matrices, Ethayarajh's self-similarity curves, PCA, sentence similarity — re-slices those
arrays, so moving a slider never runs the model again.
"""
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
LAYER_MODES = ("layer", "last4", "mix")
SUBWORD_MODES = ("mean", "first")
SENTENCE_POOLING = ("mean", "first", "last")


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


# ---------------------------------------------------------------- layer pooling
@dataclass(frozen=True)
class PoolingOptions:
    """How a token vector is read from the layers.

    ``mode``: ``"layer"`` (one layer, ``layer``; negative counts from the top), ``"last4"``
    (mean of the last four layers), ``"mix"`` (ELMo: ``γ · Σ_j softmax(s)_j h_j`` with
    ``weights`` = ``s`` over layers 0..L and ``gamma``). ``subword``: ``"mean"`` or
    ``"first"`` piece of a split word. ``sentence``: ``"mean"``/``"first"``/``"last"`` token.
    """

    mode: str = "layer"
    layer: int = -1
    weights: tuple[float, ...] = ()
    gamma: float = 1.0
    subword: str = "mean"
    sentence: str = "mean"


def softmax(s: np.ndarray) -> np.ndarray:
    s = np.asarray(s, dtype=np.float64)
    e = np.exp(s - s.max())
    return e / e.sum()


def layer_weights(n_states: int, opts: PoolingOptions) -> tuple[np.ndarray, float]:
    """The weights over the ``n_states`` = L+1 layers that ``opts`` applies, and the scale γ."""
    w = np.zeros(n_states)
    if opts.mode == "layer":
        w[opts.layer % n_states] = 1.0
        return w, 1.0
    if opts.mode == "last4":
        k = min(4, n_states)
        w[-k:] = 1.0 / k
        return w, 1.0
    if opts.mode == "mix":
        s = np.zeros(n_states) if len(opts.weights) != n_states else np.asarray(opts.weights, dtype=np.float64)
        return softmax(s), float(opts.gamma)
    raise errors.InputError(f"Unknown layer pooling '{opts.mode}'.")


def scalar_mix(states: np.ndarray, s: Sequence[float], gamma: float, axis: int = 0) -> np.ndarray:
    """ELMo: ``γ · Σ_j softmax(s)_j · h_j`` along ``axis`` (the layer axis)."""
    w = softmax(np.asarray(s)).astype(np.float32)
    return (gamma * np.tensordot(w, np.moveaxis(states, axis, 0), axes=1)).astype(np.float32)


def last_k_mean(states: np.ndarray, k: int = 4, axis: int = 0) -> np.ndarray:
    """BERT's feature recipe: the mean of the last ``k`` layers along ``axis``."""
    moved = np.moveaxis(states, axis, 0)
    return moved[-k:].mean(axis=0, dtype=np.float32)


def pooled_states(batch: SentenceBatch, opts: PoolingOptions) -> np.ndarray:
    """Token vectors ``[n, T, d]`` for ``opts`` (one layer, last-four mean or scalar mix)."""
    n_states = batch.hidden.shape[1]
    if opts.mode == "layer":
        return batch.hidden[:, opts.layer % n_states]
    if opts.mode == "last4":
        return last_k_mean(batch.hidden, min(4, n_states), axis=1)
    if opts.mode == "mix":
        s = opts.weights if len(opts.weights) == n_states else np.zeros(n_states)
        return scalar_mix(batch.hidden, s, opts.gamma, axis=1)
    raise errors.InputError(f"Unknown layer pooling '{opts.mode}'.")


def pool_pieces(vectors: np.ndarray, positions: Sequence[int], how: str = "mean") -> np.ndarray:
    """One vector for a word from its sub-word pieces ``vectors[positions]`` (``[..., T, d]``)."""
    pos = list(positions)
    if how == "first":
        return vectors[..., pos[0], :]
    if how == "mean":
        return vectors[..., pos, :].mean(axis=-2)
    raise errors.InputError(f"Unknown sub-word pooling '{how}'.")


def occurrence_vectors(states: np.ndarray, match: TargetMatch, how: str = "mean") -> np.ndarray:
    """``states`` ``[n, T, d]`` (or ``[n, L+1, T, d]``) → ``[k, d]`` (or ``[k, L+1, d]``)."""
    return np.stack([pool_pieces(states[o.sentence], o.tokens, how) for o in match.occurrences])


# ---------------------------------------------------------------- similarity
def cosine_matrix(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """Cosine of every row of ``a`` ``[n, d]`` with every row of ``b`` ``[m, d]`` → ``[n, m]``."""
    a = np.asarray(a, dtype=np.float64)
    b = a if b is None else np.asarray(b, dtype=np.float64)
    an = a / np.maximum(np.linalg.norm(a, axis=-1, keepdims=True), 1e-12)
    bn = b / np.maximum(np.linalg.norm(b, axis=-1, keepdims=True), 1e-12)
    return (an @ bn.T).astype(np.float32)


def mean_pairwise_cosine(x: np.ndarray) -> float:
    """Mean cosine over all pairs ``i < j`` of rows of ``x`` ``[k, d]``; NaN for fewer than 2 rows."""
    k = x.shape[0]
    if k < 2:
        return float("nan")
    c = cosine_matrix(x).astype(np.float64)
    return float(c[np.triu_indices(k, 1)].mean())


def random_token_pairs(content_mask: np.ndarray, n_pairs: int = 500, seed: int = 0) -> np.ndarray:
    """Seeded random pairs of distinct real tokens: int ``[P, 4]`` rows ``(s1, t1, s2, t2)``."""
    where = np.argwhere(content_mask)
    if len(where) < 2:
        return np.zeros((0, 4), dtype=np.int64)
    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(where), n_pairs)
    b = (a + rng.integers(1, len(where), n_pairs)) % len(where)  # never the same token
    return np.concatenate([where[a], where[b]], axis=1).astype(np.int64)


@dataclass(frozen=True)
class LayerCurves:
    """Ethayarajh (2019) per layer 0..L: ``self_similarity`` (mean cosine between the target's
    occurrences), ``baseline`` (mean cosine of random token pairs: anisotropy) and
    ``adjusted`` = self − baseline. float64 ``[L + 1]``."""

    word: str
    self_similarity: np.ndarray
    baseline: np.ndarray
    adjusted: np.ndarray
    n_occurrences: int
    n_pairs: int


def layer_curves(batch: SentenceBatch, match: TargetMatch, subword: str = "mean", *, n_pairs: int = 500,
                 seed: int = 0) -> LayerCurves:
    """Self-similarity, anisotropy baseline and their difference for every layer."""
    occ = occurrence_vectors(batch.hidden, match, subword)          # [k, L+1, d]
    n_states = batch.hidden.shape[1]
    selfsim = np.array([mean_pairwise_cosine(occ[:, l]) for l in range(n_states)])
    pairs = random_token_pairs(batch.content_mask, n_pairs, seed)
    if len(pairs):
        x = batch.hidden[pairs[:, 0], :, pairs[:, 1]].astype(np.float64)   # [P, L+1, d]
        y = batch.hidden[pairs[:, 2], :, pairs[:, 3]].astype(np.float64)
        num = (x * y).sum(-1)
        den = np.maximum(np.linalg.norm(x, axis=-1) * np.linalg.norm(y, axis=-1), 1e-12)
        base = (num / den).mean(axis=0)
    else:
        base = np.full(n_states, np.nan)
    return LayerCurves(match.word, selfsim, base, selfsim - base, len(match.occurrences), len(pairs))


# ---------------------------------------------------------------- projection, sentences
def pca_2d(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """PCA to 2-D by SVD of the centred rows: ``(coords [N, 2], explained_ratio [2])``.

    Each component's sign is fixed so its largest loading is positive (stable pictures).
    """
    x = np.asarray(x, dtype=np.float64)
    xc = x - x.mean(axis=0, keepdims=True)
    if x.shape[0] < 2:
        return np.zeros((x.shape[0], 2)), np.zeros(2)
    u, s, vt = np.linalg.svd(xc, full_matrices=False)
    k = min(2, vt.shape[0])
    comps = vt[:k]
    signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
    comps = comps * signs[:, None]
    coords = np.zeros((x.shape[0], 2))
    coords[:, :k] = xc @ comps.T
    var = s**2
    ratio = np.zeros(2)
    ratio[:k] = var[:k] / max(var.sum(), 1e-30)
    return coords, ratio


@dataclass(frozen=True)
class Projection:
    """Every real (non-special) token of every sentence in 2-D: ``coords`` ``[N, 2]``."""

    coords: np.ndarray
    sentence: np.ndarray     # int [N]
    position: np.ndarray     # int [N] token index within its sentence
    labels: tuple[str, ...]
    is_target: np.ndarray    # bool [N]
    explained: np.ndarray    # [2] variance ratio of the two components


def project_tokens(batch: SentenceBatch, states: np.ndarray, match: TargetMatch | None) -> Projection:
    """PCA of all real token vectors in ``states`` ``[n, T, d]``."""
    where = np.argwhere(batch.content_mask)
    coords, ratio = pca_2d(states[where[:, 0], where[:, 1]])
    targets = {(o.sentence, t) for o in (match.occurrences if match else ()) for t in o.tokens}
    labels = tuple(batch.encodings[s].tokens[t] for s, t in where)
    is_t = np.array([(int(s), int(t)) in targets for s, t in where], dtype=bool)
    return Projection(coords, where[:, 0].copy(), where[:, 1].copy(), labels, is_t, ratio)


def sentence_vectors(states: np.ndarray, mask: np.ndarray, how: str = "mean") -> np.ndarray:
    """One vector per sentence from ``states`` ``[n, T, d]``: masked mean over real tokens
    (sentence-transformers' mean pooling), the first token ([CLS]) or the last real token."""
    if how == "mean":
        m = mask.astype(np.float64)[..., None]
        return ((states * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)).astype(np.float32)
    if how == "first":
        return states[:, 0]
    if how == "last":
        last = mask.sum(axis=1) - 1
        return states[np.arange(states.shape[0]), last]
    raise errors.InputError(f"Unknown sentence pooling '{how}'.")


# ---------------------------------------------------------------- the panel's view
@dataclass(frozen=True)
class EmbeddingView:
    """What the embeddings panel draws for one set of pooling options (no forward pass)."""

    contextual: np.ndarray          # [k, k] cosine between the target's occurrences
    model_static: np.ndarray        # [k, k] same with the model's input-embedding rows
    occurrence_labels: tuple[str, ...]
    weights: np.ndarray             # [L + 1] the layer weights applied
    gamma: float
    projection: Projection
    sentence_similarity: np.ndarray  # [n, n]


def occurrence_labels(batch: SentenceBatch, match: TargetMatch) -> tuple[str, ...]:
    """``"S1: bank"``-style labels, numbered per sentence when a word occurs twice in one."""
    seen: dict[int, int] = {}
    out = []
    for o in match.occurrences:
        seen[o.sentence] = seen.get(o.sentence, 0) + 1
        extra = f"#{seen[o.sentence]}" if sum(x.sentence == o.sentence for x in match.occurrences) > 1 else ""
        out.append(f"S{o.sentence + 1}{extra}: {o.surface}")
    return tuple(out)


def embedding_view(batch: SentenceBatch, match: TargetMatch, opts: PoolingOptions) -> EmbeddingView:
    """Re-slice the cached states for ``opts``: cheap enough for every slider move."""
    states = pooled_states(batch, opts)
    occ = occurrence_vectors(states, match, opts.subword)
    static = occurrence_vectors(batch.input_embeddings, match, opts.subword)
    w, gamma = layer_weights(batch.hidden.shape[1], opts)
    sent = sentence_vectors(states, batch.mask, opts.sentence)
    return EmbeddingView(cosine_matrix(occ), cosine_matrix(static), occurrence_labels(batch, match), w, gamma,
                         project_tokens(batch, states, match), cosine_matrix(sent))


# ---------------------------------------------------------------- left context only
@dataclass(frozen=True)
class ContextCheck:
    """The target's vector before and after editing the words after it, per layer 0..L."""

    before: str
    after: str
    target_tokens: tuple[int, ...]
    cosine: np.ndarray        # float64 [L + 1]
    max_abs_diff: np.ndarray  # float64 [L + 1]
    identical: np.ndarray     # bool [L + 1]: bit-identical vectors
    causal: bool


def edit_after(sentence: str, word: str, new_tail: str, occurrence: int = 0) -> str:
    """``sentence`` with everything after the ``occurrence``-th ``word`` replaced by ``new_tail``."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence, re.IGNORECASE))
    if len(matches) <= occurrence:
        raise errors.TargetNotFoundError(f"'{word}' does not occur in '{sentence}'.")
    end = matches[occurrence].end()
    return sentence[:end] + new_tail


def left_context_check(loaded: LoadedModel, sentence: str, word: str, new_tail: str,
                       subword: str = "mean") -> ContextCheck:
    """Run ``sentence`` and its edit (words after ``word`` replaced) in one batch; compare the
    target's vectors. A causal decoder's are bit-identical; a bidirectional encoder's differ."""
    edited = edit_after(sentence, word, new_tail)
    if edited == sentence:
        raise errors.InputError("The edited sentence is the same as the original.",
                                hint="Change the words after the target.")
    batch = sentence_batch(loaded, [sentence, edited])
    match = find_target(batch, word)
    first = [o for o in match.occurrences if o.sentence == 0][0]
    second = [o for o in match.occurrences if o.sentence == 1][0]
    last = first.tokens[-1]
    ids0, ids1 = batch.encodings[0].input_ids, batch.encodings[1].input_ids
    if first.tokens != second.tokens or len(ids1) <= last or not np.array_equal(ids0[: last + 1], ids1[: last + 1]):
        raise errors.InputError("The edit changed how the words up to the target are tokenised.",
                                hint="Start the new ending with a space or a punctuation mark.")
    a = pool_pieces(batch.hidden[0], first.tokens, subword)   # [L+1, d]
    b = pool_pieces(batch.hidden[1], second.tokens, subword)
    cos = np.array([float(cosine_matrix(a[l : l + 1], b[l : l + 1])[0, 0]) for l in range(a.shape[0])])
    diff = np.abs(a.astype(np.float64) - b).max(axis=-1)
    return ContextCheck(sentence, edited, first.tokens, cos, diff, np.all(a == b, axis=-1), batch.causal)
