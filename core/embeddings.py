"""Contextual vs static embeddings: one batched forward, then pure numpy on the cached states.

``iter_sentence_batch`` runs the model once on all sentences (right-padded; padded positions
never enter a mean or a similarity) and keeps every layer's hidden states. Everything else —
target occurrences, ELMo's scalar mix, BERT's last-four mean, sub-word pooling, cosine
matrices, Ethayarajh's self-similarity curves, PCA, sentence similarity — re-slices those
arrays, so moving a slider never runs the model again.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import errors
from .loader import LoadedModel
from .sentence_batch import (MAX_SENTENCES, MAX_TOKENS, Occurrence, SentenceBatch, SentenceInput,  # noqa: F401
                             TargetMatch, choose_target, find_target, iter_sentence_batch, sentence_batch,
                             split_sentences, word_at)

__all__ = [  # the sentence-batch API is re-exported: ``from core import embeddings as E`` is enough
    "MAX_SENTENCES", "MAX_TOKENS", "Occurrence", "SentenceBatch", "SentenceInput", "TargetMatch", "choose_target",
    "find_target", "iter_sentence_batch", "sentence_batch", "split_sentences", "word_at",
    "LAYER_MODES", "SUBWORD_MODES", "SENTENCE_POOLING", "VIEW_PARTS", "PoolingOptions", "LayerCurves", "Projection",
    "EmbeddingView", "ContextCheck", "softmax", "layer_weights", "scalar_mix", "last_k_mean", "pooled_states",
    "pool_pieces", "occurrence_vectors", "cosine_matrix", "mean_pairwise_cosine", "random_token_pairs",
    "layer_curves", "top_eigenpairs", "pca_2d", "pca_components", "project_tokens", "sentence_vectors",
    "occurrence_labels", "embedding_view", "edit_after", "left_context_check",
]

LAYER_MODES = ("layer", "last4", "mix")
SUBWORD_MODES = ("mean", "first")
SENTENCE_POOLING = ("mean", "first", "last")


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
    """``states`` ``[n, T, d]`` (or ``[n, L+1, T, d]``) → ``[k, d]`` (or ``[k, L+1, d]``).

    One gather for all occurrences' pieces, then a segment mean (or the first piece).
    """
    if how not in SUBWORD_MODES:
        raise errors.InputError(f"Unknown sub-word pooling '{how}'.")
    occ = match.occurrences
    if how == "first":
        sent = np.array([o.sentence for o in occ])
        tok = np.array([o.tokens[0] for o in occ])
        return states[sent, tok] if states.ndim == 3 else states[sent, :, tok]
    sent = np.concatenate([[o.sentence] * len(o.tokens) for o in occ])
    tok = np.concatenate([list(o.tokens) for o in occ])
    pieces = states[sent, tok] if states.ndim == 3 else states[sent, :, tok]   # [P, d] or [P, L+1, d]
    starts = np.cumsum([0] + [len(o.tokens) for o in occ[:-1]])
    counts = np.array([len(o.tokens) for o in occ], dtype=np.float64)
    sums = np.add.reduceat(pieces.astype(np.float64), starts, axis=0)
    return (sums / counts.reshape(-1, *([1] * (sums.ndim - 1)))).astype(np.float32)


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
def top_eigenpairs(a: np.ndarray, k: int = 2, *, tol: float = 1e-11, max_dim: int = 200,
                   seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` largest eigenvalues (descending) and their unit eigenvectors ``[m, k]`` of the
    symmetric positive semi-definite ``a`` ``[m, m]``.

    Block Krylov (block Lanczos with full re-orthogonalisation, block size ``k`` so a repeated
    top eigenvalue is found twice) from a seeded random start, Rayleigh–Ritz on the basis, and
    an explicit residual check ``‖a·y − θ·y‖ ≤ tol · θ₁`` for each of the ``k`` Ritz pairs. A
    384 × 384 covariance of token vectors needs a basis of a few dozen vectors where a full
    ``eigh`` solves for all 384 eigenvectors (several times slower). Small matrices, and a basis
    that has not converged by ``max_dim`` vectors, fall back to ``np.linalg.eigh`` (exact).
    """
    a = np.asarray(a, dtype=np.float64)
    m = a.shape[0]
    scale = float(np.trace(a))

    def full() -> tuple[np.ndarray, np.ndarray]:
        vals, vecs = np.linalg.eigh(a)                              # ascending
        return vals[::-1][:k].copy(), vecs[:, ::-1][:, :k].copy()

    if m <= max(64, 4 * k) or not scale > 0:
        return full()
    rng = np.random.default_rng(seed)
    basis = np.empty((min(m, max_dim + k), m))                     # rows: orthonormal vectors
    images = np.empty_like(basis)                                   # rows: a @ basis row
    block, _ = np.linalg.qr(rng.standard_normal((m, k)))
    n = 0
    while True:
        block = block.T                                             # [b, m]
        basis[n : n + len(block)] = block
        images[n : n + len(block)] = block @ a                      # a is symmetric
        n += len(block)
        q, w = basis[:n], images[:n]
        h = q @ w.T
        theta, s = np.linalg.eigh((h + h.T) / 2)
        theta, s = theta[::-1][:k], s[:, ::-1][:, :k]
        y, ay = q.T @ s, w.T @ s                                    # Ritz vectors and a @ them
        resid = np.linalg.norm(ay - y * theta, axis=0)
        if np.all(resid <= tol * max(theta[0], 1e-300)):
            return theta.copy(), y / np.linalg.norm(y, axis=0)
        if n + k > len(basis):
            return full()
        nxt = w[n - len(block) : n].T.copy()                        # [m, b]: the next Krylov block
        for _ in range(2):                                          # twice is enough (Kahan)
            nxt -= q.T @ (q @ nxt)
        norms = np.linalg.norm(nxt, axis=0)
        keep = norms > 1e-10 * np.sqrt(scale)
        if not keep.any():                                          # an invariant subspace without the top pairs
            return full()
        block, _ = np.linalg.qr(nxt[:, keep])


def pca_2d(x: np.ndarray, reference: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """PCA to 2-D: ``(coords [N, 2], explained_ratio [2])``. See :func:`pca_components`."""
    coords, ratio, _ = pca_components(x, reference)
    return coords, ratio


def pca_components(x: np.ndarray, reference: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PCA to 2-D: ``(coords [N, 2], explained_ratio [2], components [2, d])``.

    The top two eigenvectors of the smaller Gram matrix (``d × d`` covariance or ``N × N``) by
    :func:`top_eigenpairs` — no full SVD or full eigen-decomposition on a slider move. The
    explained ratio divides by the total variance (the trace).

    An eigenvector's sign is arbitrary. Without ``reference`` each component's largest loading
    is made positive (the same input always gives the same picture). With ``reference`` (the
    ``[2, d]`` components of the previous picture) each component points the way its
    predecessor did: a slider drag never mirrors the plot from one frame to the next.
    """
    x = np.asarray(x)
    n, d = x.shape
    coords, ratio, comps_out = np.zeros((n, 2)), np.zeros(2), np.zeros((2, d))
    if n < 2:
        return coords, ratio, comps_out
    xc = x - x.mean(axis=0, keepdims=True, dtype=np.float64)       # float64, one allocation
    k = min(2, d)
    if n >= d:
        gram = xc.T @ xc
        vals, vecs = top_eigenpairs(gram, k)
        comps = vecs.T                                              # [k, d]
    else:
        gram = xc @ xc.T
        vals, u = top_eigenpairs(gram, k)
        alive = vals > 1e-12 * max(float(np.trace(gram)), 1e-300)   # a zero-variance direction stays 0
        comps = (xc.T @ u * np.where(alive, 1.0 / np.sqrt(np.where(alive, vals, 1.0)), 0.0)).T
    signs = np.sign(comps[np.arange(k), np.abs(comps).argmax(axis=1)])
    if reference is not None and np.shape(reference)[-1] == d:
        along = np.einsum("kd,kd->k", comps, np.asarray(reference, dtype=np.float64)[:k])
        signs = np.where(along != 0, np.sign(along), signs)
    comps = comps * signs[:, None]
    coords[:, :k] = xc @ comps.T
    ratio[:k] = np.maximum(vals, 0.0) / max(float(np.trace(gram)), 1e-300)
    comps_out[:k] = comps
    return coords, ratio, comps_out


@dataclass(frozen=True)
class Projection:
    """Every real (non-special) token of every sentence in 2-D: ``coords`` ``[N, 2]``."""

    coords: np.ndarray
    sentence: np.ndarray     # int [N]
    position: np.ndarray     # int [N] token index within its sentence
    labels: tuple[str, ...]
    is_target: np.ndarray    # bool [N]
    explained: np.ndarray    # [2] variance ratio of the two components
    components: np.ndarray | None = None  # [2, d] the principal axes (pass back as the next reference)


def project_tokens(batch: SentenceBatch, states: np.ndarray, match: TargetMatch | None,
                   reference: np.ndarray | None = None) -> Projection:
    """PCA of all real token vectors in ``states`` ``[n, T, d]`` (``reference``: see :func:`pca_components`)."""
    where = np.argwhere(batch.content_mask)
    coords, ratio, comps = pca_components(states[where[:, 0], where[:, 1]], reference)
    targets = np.zeros(batch.mask.shape, dtype=bool)
    for o in match.occurrences if match else ():
        targets[o.sentence, list(o.tokens)] = True
    tokens = [enc.tokens for enc in batch.encodings]
    labels = tuple(tokens[s][t] for s, t in where.tolist())       # Python ints: no numpy scalar per token
    is_t = targets[where[:, 0], where[:, 1]]
    return Projection(coords, where[:, 0].copy(), where[:, 1].copy(), labels, is_t, ratio, comps)


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
VIEW_PARTS = ("contextual", "static", "projection", "sentences")


@dataclass(frozen=True)
class EmbeddingView:
    """What the embeddings panel draws for one set of pooling options (no forward pass).

    Parts not asked for (see :func:`embedding_view`) are None.
    """

    contextual: np.ndarray | None          # [k, k] cosine between the target's occurrences
    model_static: np.ndarray | None        # [k, k] same with the model's input-embedding rows
    occurrence_labels: tuple[str, ...]
    weights: np.ndarray                    # [L + 1] the layer weights applied
    gamma: float
    projection: Projection | None
    sentence_similarity: np.ndarray | None  # [n, n]


def occurrence_labels(batch: SentenceBatch, match: TargetMatch) -> tuple[str, ...]:
    """Short labels: ``"S2"`` for the occurrence in sentence 2, ``"S2#1"``, ``"S2#2"`` when a
    sentence holds the word twice (the word itself is the panel's target)."""
    per = {s: sum(o.sentence == s for o in match.occurrences) for s in {o.sentence for o in match.occurrences}}
    seen: dict[int, int] = {}
    out = []
    for o in match.occurrences:
        seen[o.sentence] = seen.get(o.sentence, 0) + 1
        out.append(f"S{o.sentence + 1}" + (f"#{seen[o.sentence]}" if per[o.sentence] > 1 else ""))
    return tuple(out)


def embedding_view(batch: SentenceBatch, match: TargetMatch, opts: PoolingOptions,
                   parts: Sequence[str] = VIEW_PARTS, *,
                   projection_reference: np.ndarray | None = None) -> EmbeddingView:
    """Re-slice the cached states for ``opts``: cheap enough for every slider move.

    ``parts`` picks what to compute (a panel computes only what is on screen);
    ``projection_reference``: the previous projection's components, so its axes keep their
    direction (see :func:`pca_components`).
    """
    states = pooled_states(batch, opts)
    w, gamma = layer_weights(batch.hidden.shape[1], opts)
    contextual = static = proj = sent = None
    if "contextual" in parts:
        contextual = cosine_matrix(occurrence_vectors(states, match, opts.subword))
    if "static" in parts:
        static = cosine_matrix(occurrence_vectors(batch.input_embeddings, match, opts.subword))
    if "projection" in parts:
        proj = project_tokens(batch, states, match, projection_reference)
    if "sentences" in parts:
        sent = cosine_matrix(sentence_vectors(states, batch.mask, opts.sentence))
    return EmbeddingView(contextual, static, occurrence_labels(batch, match), w, gamma, proj, sent)


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
