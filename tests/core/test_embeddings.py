"""core.embeddings and core.static_vectors: formulas vs explicit loops, real checkpoints vs direct calls."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core import errors, load_checkpoint
from core import embeddings as E
from core.types import Encoding

TOL = 1e-6


# ---------------------------------------------------------------- helpers
def _cos(a, b) -> float:
    dot = sum(float(x) * float(y) for x, y in zip(a, b))
    na = math.sqrt(sum(float(x) ** 2 for x in a))
    nb = math.sqrt(sum(float(x) ** 2 for x in b))
    return dot / (na * nb)


def _fake_encoding(text: str, n_tokens: int) -> Encoding:
    """[CLS] w1 … w(n-2) [SEP] over ``text``'s words (one token per word)."""
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", text)][: n_tokens - 2]
    offs = [(0, 0)] + words + [(0, 0)]
    special = np.array([True] + [False] * len(words) + [True])
    return Encoding(text=text, text_pair=None, tokens=tuple(["[CLS]"] + [text[s:e] for s, e in words] + ["[SEP]"]),
                    input_ids=np.arange(len(offs), dtype=np.int64), offsets=np.asarray(offs, dtype=np.int32),
                    special_mask=special, word_ids=np.where(special, -1, np.arange(len(offs)) - 1).astype(np.int32),
                    segment_ids=np.zeros(len(offs), dtype=np.int32))


@pytest.fixture
def fake_batch() -> E.SentenceBatch:
    """Three sentences of different lengths, random states, padding filled with huge values
    so that any padded position entering a mean or a similarity would show."""
    texts = ["the bank of the river", "cash at the bank today", "a bank"]
    encs = [_fake_encoding(t, len(t.split()) + 2) for t in texts]
    n, T, L1, d = 3, max(len(e) for e in encs), 4, 6
    rng = np.random.default_rng(0)
    hidden = rng.standard_normal((n, L1, T, d)).astype(np.float32)
    static = rng.standard_normal((n, T, d)).astype(np.float32)
    mask = np.zeros((n, T), dtype=bool)
    for s, e in enumerate(encs):
        mask[s, : len(e)] = True
        hidden[s, :, len(e):] = 1e6
        static[s, len(e):] = 1e6
    return E.SentenceBatch(tuple(texts), tuple(encs), hidden, static, mask, causal=False, max_tokens=512)


# ---------------------------------------------------------------- formulas vs loops
def test_cosine_matrix_matches_loops():
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((5, 7)), rng.standard_normal((3, 7))
    got = E.cosine_matrix(a, b)
    for i in range(5):
        for j in range(3):
            assert got[i, j] == pytest.approx(_cos(a[i], b[j]), abs=TOL)
    assert np.allclose(np.diag(E.cosine_matrix(a)), 1.0, atol=TOL)


def test_scalar_mix_and_last_four_match_loops():
    rng = np.random.default_rng(2)
    h = rng.standard_normal((5, 4, 3)).astype(np.float32)  # [L+1, T, d]
    s, gamma = [0.3, -1.0, 2.0, 0.0, 0.5], 1.7
    exp = [math.exp(x) for x in s]
    w = [x / sum(exp) for x in exp]
    mixed = E.scalar_mix(h, s, gamma)
    last4 = E.last_k_mean(h, 4)
    for t in range(4):
        for k in range(3):
            want = gamma * sum(w[j] * float(h[j, t, k]) for j in range(5))
            assert mixed[t, k] == pytest.approx(want, abs=1e-5)
            assert last4[t, k] == pytest.approx(sum(float(h[j, t, k]) for j in range(1, 5)) / 4, abs=TOL)


def test_pooled_states_modes(fake_batch):
    b = fake_batch
    one = E.pooled_states(b, E.PoolingOptions(mode="layer", layer=2))
    assert np.array_equal(one, b.hidden[:, 2])
    s = (0.1, 0.2, -0.3, 1.0)
    mix = E.pooled_states(b, E.PoolingOptions(mode="mix", weights=s, gamma=0.5))
    w = E.softmax(np.array(s))
    want = 0.5 * sum(w[j] * b.hidden[:, j].astype(np.float64) for j in range(4))
    assert np.allclose(mix[b.mask], want[b.mask], atol=1e-4 * np.abs(want[b.mask]).max())
    w_layer, g = E.layer_weights(4, E.PoolingOptions(mode="last4"))
    assert g == 1.0 and np.allclose(w_layer, [0.25] * 4)


def test_subword_pooling_matches_loops():
    rng = np.random.default_rng(3)
    v = rng.standard_normal((6, 4))
    first = E.pool_pieces(v, [2, 3, 4], "first")
    mean = E.pool_pieces(v, [2, 3, 4], "mean")
    for k in range(4):
        assert first[k] == v[2, k]
        assert mean[k] == pytest.approx((v[2, k] + v[3, k] + v[4, k]) / 3, abs=TOL)
    with pytest.raises(errors.InputError):
        E.pool_pieces(v, [1], "max")


def test_layer_curves_match_loops(fake_batch):
    b = fake_batch
    match = E.find_target(b, "bank")
    assert [o.sentence for o in match.occurrences] == [0, 1, 2]
    curves = E.layer_curves(b, match, n_pairs=50, seed=7)
    pairs = E.random_token_pairs(b.content_mask, 50, 7)
    assert len(pairs) == 50 and all(b.content_mask[p[0], p[1]] and b.content_mask[p[2], p[3]] for p in pairs)
    assert all((p[0], p[1]) != (p[2], p[3]) for p in pairs)
    for layer in range(4):
        occ = [b.hidden[o.sentence, layer, o.tokens[0]] for o in match.occurrences]
        pair_cos = [_cos(occ[i], occ[j]) for i in range(3) for j in range(i + 1, 3)]
        want_self = sum(pair_cos) / len(pair_cos)
        want_base = sum(_cos(b.hidden[p[0], layer, p[1]], b.hidden[p[2], layer, p[3]]) for p in pairs) / 50
        assert curves.self_similarity[layer] == pytest.approx(want_self, abs=TOL)
        assert curves.baseline[layer] == pytest.approx(want_base, abs=TOL)
        assert curves.adjusted[layer] == pytest.approx(want_self - want_base, abs=TOL)


def test_sentence_vectors_ignore_padding(fake_batch):
    b = fake_batch
    states = b.hidden[:, 1]
    mean = E.sentence_vectors(states, b.mask, "mean")
    last = E.sentence_vectors(states, b.mask, "last")
    for s, enc in enumerate(b.encodings):
        n = len(enc)
        for k in range(states.shape[-1]):
            assert mean[s, k] == pytest.approx(sum(float(states[s, t, k]) for t in range(n)) / n, abs=1e-5)
        assert np.array_equal(last[s], states[s, n - 1])
    assert np.abs(E.cosine_matrix(mean)).max() <= 1 + 1e-6


def test_pca_matches_covariance_eigenvectors():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((30, 5)) @ np.diag([5, 3, 1, 0.5, 0.1])
    coords, ratio = E.pca_2d(x)
    xc = x - x.mean(axis=0)
    cov = [[sum(xc[r, i] * xc[r, j] for r in range(30)) / 29 for j in range(5)] for i in range(5)]
    vals, vecs = np.linalg.eigh(np.array(cov))
    order = np.argsort(vals)[::-1]
    for c in range(2):
        want = xc @ vecs[:, order[c]]
        sign = np.sign(want @ coords[:, c])
        assert np.allclose(coords[:, c], sign * want, atol=1e-6)
        assert ratio[c] == pytest.approx(vals[order[c]] / vals.sum(), abs=TOL)


def _svd_pca(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The textbook PCA: SVD of the centred data, coordinates U·S, ratios S² / ΣS²."""
    xc = x - x.mean(axis=0)
    u, sv, _vt = np.linalg.svd(xc, full_matrices=False)
    return u[:, :2] * sv[:2], sv[:2] ** 2 / (sv ** 2).sum()


@pytest.mark.parametrize("shape, spectrum", [
    ((400, 120), "decaying"),   # N ≥ d: d × d covariance, Krylov path (d > 64)
    ((90, 300), "decaying"),    # N < d: N × N Gram matrix, Krylov path (N > 64)
    ((300, 100), "flat"),       # random data without a gap worth the name: many Krylov steps
    ((40, 384), "flat"),        # few tokens, MiniLM width: small Gram matrix, exact eigh
    ((200, 80), "rank1"),       # all points on a line: the second component is zero
    ((50, 200), "rank1"),       # the same through the N × N Gram matrix
])
def test_pca_equals_svd_pca_up_to_sign(shape, spectrum):
    rng = np.random.default_rng(11)
    n, d = shape
    x = rng.standard_normal(shape)
    if spectrum == "decaying":
        x = x @ np.diag(np.geomspace(3.0, 0.05, d)) @ np.linalg.qr(rng.standard_normal((d, d)))[0]
    elif spectrum == "rank1":
        x = np.outer(rng.standard_normal(n), rng.standard_normal(d)) + 2.0
    coords, ratio = E.pca_2d(x.astype(np.float64))
    want, want_ratio = _svd_pca(x)
    for c in range(2):
        sign = 1.0 if coords[:, c] @ want[:, c] >= 0 else -1.0
        np.testing.assert_allclose(coords[:, c], sign * want[:, c], atol=1e-6)
    np.testing.assert_allclose(ratio, want_ratio, atol=1e-6)


def test_top_eigenpairs_finds_a_repeated_top_eigenvalue():
    rng = np.random.default_rng(5)
    q = np.linalg.qr(rng.standard_normal((150, 150)))[0]
    vals = np.r_[4.0, 4.0, np.linspace(3.0, 0.1, 148)]          # λ1 = λ2: single-vector Lanczos finds one
    a = (q * vals) @ q.T
    got, vecs = E.top_eigenpairs(a, 2)
    np.testing.assert_allclose(got, [4.0, 4.0], atol=1e-9)
    top = q[:, :2]                                               # any basis of the top plane is right
    np.testing.assert_allclose(np.linalg.svd(top.T @ vecs, compute_uv=False), [1.0, 1.0], atol=1e-9)
    np.testing.assert_allclose(a @ vecs, vecs * got, atol=1e-9)


def test_pca_sign_convention_and_reference():
    # Variance along u(t) = (1, −(1 + t), 0.1): the largest loading moves from the first entry
    # (positive) to the second (negative) as t crosses 0, so the rule "largest loading positive"
    # mirrors the plot between two nearly equal inputs; a reference keeps the direction.
    rng = np.random.default_rng(2)
    z = rng.standard_normal((200, 1)) * 3.0
    noise = rng.standard_normal((200, 3)) * 0.01

    def data(t: float) -> np.ndarray:
        u = np.array([1.0, -(1.0 + t), 0.1])
        return z * u / np.linalg.norm(u) + noise

    c0, _, comps0 = E.pca_components(data(-0.01))
    c1, _, comps1 = E.pca_components(data(+0.01))
    for comps in (comps0, comps1):                                  # the rule: largest |loading| > 0
        assert np.all(comps[np.arange(2), np.abs(comps).argmax(axis=1)] > 0)
    assert c0[:, 0] @ c1[:, 0] < 0                                  # mirrored without a reference
    c1_ref, _, comps1_ref = E.pca_components(data(+0.01), reference=comps0)
    assert c1_ref[:, 0] @ c0[:, 0] > 0 and c1_ref[:, 1] @ c0[:, 1] > 0
    np.testing.assert_allclose(np.abs(c1_ref), np.abs(c1), atol=1e-12)   # the same PCA otherwise
    np.testing.assert_allclose(np.abs(comps1_ref), np.abs(comps1), atol=1e-12)
    np.testing.assert_array_equal(E.pca_2d(data(0.01))[0], c1)     # deterministic


def test_embedding_view_and_projection(fake_batch):
    b = fake_batch
    match = E.find_target(b, "bank")
    opts = E.PoolingOptions(mode="layer", layer=3, subword="first")
    view = E.embedding_view(b, match, opts)
    occ = [b.hidden[o.sentence, 3, o.tokens[0]] for o in match.occurrences]
    for i in range(3):
        for j in range(3):
            assert view.contextual[i, j] == pytest.approx(_cos(occ[i], occ[j]), abs=TOL)
    assert view.occurrence_labels == ("S1", "S2", "S3")
    twice = E.TargetMatch("bank", (E.Occurrence(0, (1,), "bank"), E.Occurrence(0, (4,), "Bank"),
                                   E.Occurrence(2, (2,), "bank")), ())
    assert E.occurrence_labels(b, twice) == ("S1#1", "S1#2", "S3")
    proj = view.projection
    assert len(proj.labels) == int(b.content_mask.sum())          # no special, no padded token
    assert proj.is_target.sum() == 3
    assert np.isfinite(proj.coords).all() and np.abs(proj.coords).max() < 100  # the 1e6 padding stayed out


# ---------------------------------------------------------------- input checks
def test_split_sentences_ignores_empty_lines_and_caps():
    src = E.split_sentences("a b\n\n   \nc d\n")
    assert src.sentences == ("a b", "c d") and src.empty_lines == 2
    many = E.split_sentences("\n".join(f"sentence {i}" for i in range(70)))
    assert len(many.sentences) == E.MAX_SENTENCES and many.n_given == 70
    with pytest.raises(errors.EmptyTextError):
        E.split_sentences(" \n\n")


def test_target_missing_and_not_found(fake_batch):
    match = E.find_target(fake_batch, "river")
    assert match.missing == (1, 2) and len(match.occurrences) == 1
    with pytest.raises(errors.TargetNotFoundError):
        E.find_target(fake_batch, "mountain")
    with pytest.raises(errors.InputError):
        E.find_target(fake_batch, "  ")
    # whole words only: "ban" is not in "bank"
    with pytest.raises(errors.TargetNotFoundError):
        E.find_target(fake_batch, "ban")


# ---------------------------------------------------------------- real checkpoints
SENTENCES = ["He sat on the bank of the river.", "She deposited cash at the bank.",
             "The bank raised its interest rates again this year, and everyone was unhappy about it."]


def _direct_hidden(loaded, sentence: str) -> np.ndarray:
    import torch

    enc = loaded.tokenizer(sentence, return_tensors="pt")
    with torch.inference_mode():
        out = loaded.model(**enc, output_hidden_states=True)
    return torch.stack(out.hidden_states).squeeze(1).float().numpy()   # [L+1, T, d]


@pytest.mark.slow
@pytest.mark.parametrize("fixture", ["minilm_dir", "bert_mini_dir", "stories260k_dir"])
def test_batched_hidden_states_equal_direct_calls(fixture, request):
    loaded = load_checkpoint(request.getfixturevalue(fixture))
    calls = []
    hook = loaded.model.get_input_embeddings().register_forward_hook(
        lambda _m, args, _out: calls.append(tuple(args[0].shape)))
    try:
        batch = E.sentence_batch(loaded, "\n".join(SENTENCES))
    finally:
        hook.remove()
    # One batched forward for all sentences (the hook also sees the static-row lookup: same shape).
    assert len({c for c in calls}) == 1 and calls[0][0] == len(SENTENCES)
    for s, sentence in enumerate(SENTENCES):
        want = _direct_hidden(loaded, sentence)
        n = len(batch.encodings[s])
        assert want.shape[1] == n
        np.testing.assert_allclose(batch.hidden[s, :, :n], want, atol=1e-5, rtol=0)
        assert not batch.hidden[s, :, n:].any()  # padded positions never carry a value
        emb = loaded.model.get_input_embeddings().weight.detach().numpy()[batch.encodings[s].input_ids]
        np.testing.assert_array_equal(batch.input_embeddings[s, :n], emb)


@pytest.mark.slow
def test_decoder_left_context_is_bit_identical(stories260k_dir):
    loaded = load_checkpoint(stories260k_dir)
    check = E.left_context_check(loaded, "Lily sat on the bank of the river.", "bank",
                                 ", and then she ate a big red apple with her mom.")
    assert check.causal
    assert check.identical.all() and (check.max_abs_diff == 0).all()
    assert check.after.startswith("Lily sat on the bank, and then")


@pytest.mark.slow
@pytest.mark.parametrize("fixture", ["minilm_dir", "bert_mini_dir"])
def test_encoder_vector_depends_on_right_context(fixture, request):
    loaded = load_checkpoint(request.getfixturevalue(fixture))
    check = E.left_context_check(loaded, "He sat on the bank of the river.", "bank",
                                 " and asked for a loan.")
    assert not check.causal
    assert check.identical[0]                 # layer 0: token + position embedding only
    assert not check.identical[1:].any()      # every transformer layer sees the right context
    assert check.cosine[-1] < 0.999


@pytest.mark.slow
def test_minilm_mean_pooling_sentence_similarity(minilm_dir):
    """MiniLM was trained for mean pooling: paraphrases score far above unrelated sentences
    (figures from shared/models/SOURCES.md, measured with sentence-transformers)."""
    loaded = load_checkpoint(minilm_dir)
    batch = E.sentence_batch(loaded, ["The cat sits on the mat.", "A kitten is resting on a rug.",
                                      "Stock markets fell sharply today."])
    sims = E.cosine_matrix(E.sentence_vectors(batch.hidden[:, -1], batch.mask, "mean"))
    assert sims[0, 1] == pytest.approx(0.641, abs=0.005)
    assert sims[0, 2] == pytest.approx(0.046, abs=0.005)


@pytest.mark.slow
def test_long_sentence_is_capped(bert_mini_dir):
    loaded = load_checkpoint(bert_mini_dir)   # 128 positions
    batch = E.sentence_batch(loaded, ["word " * 300, "a short one"])
    assert batch.truncated == (0,)
    assert len(batch.encodings[0]) == min(loaded.max_length, E.MAX_TOKENS)


@pytest.mark.slow
def test_split_word_and_static_matrices(bert_mini_dir):
    loaded = load_checkpoint(bert_mini_dir)
    batch = E.sentence_batch(loaded, SENTENCES)
    match = E.find_target(batch, "bank")
    assert len(match.split) == 3 and all(len(o.tokens) == 2 for o in match.split)  # ban ##k
    view = E.embedding_view(batch, match, E.PoolingOptions())
    np.testing.assert_allclose(view.model_static, 1.0, atol=1e-6)  # static: one vector per word type
    assert view.contextual[0, 1] < 0.99


# ---------------------------------------------------------------- static tables
def test_glove_full_vocabulary_lazy_and_cached():
    from core import static_vectors as S

    pytest.importorskip("pyarrow")
    table = S.load_glove()
    assert table is S.load_glove()                 # cached for the process
    assert len(table.words) == S.GLOVE_ROWS and table.vectors.shape == (S.GLOVE_ROWS, 50)
    the = table.lookup("The")
    np.testing.assert_allclose(the.vector[:3], [0.418, 0.24968, -0.41242], atol=1e-5)  # glove.6B.50d.txt line 1
    assert table.lookup("zyxqwvbank").oov
    rare = table.words[-1]
    assert not table.lookup(rare).oov             # the last of the 400k is there (not a 50k subset)
    near = table.nearest(table.lookup("france").vector, k=3, exclude=("france",))
    assert "france" not in [n.item for n in near]
    want = E.cosine_matrix(table.lookup("france").vector[None], table.vectors)[0]
    assert near[0].cosine == pytest.approx(float(np.sort(want)[-2]), abs=1e-5)


@pytest.mark.slow
def test_model_input_table_lookup_and_neighbours(bert_mini_dir):
    from core.static_vectors import ModelInputTable

    loaded = load_checkpoint(bert_mini_dir)
    table = ModelInputTable(loaded)
    look = table.lookup("bank")
    assert look.pieces == ("ban", "##k")
    w = loaded.model.get_input_embeddings().weight.detach().numpy()
    ids = loaded.tokenizer.convert_tokens_to_ids(["ban", "##k"])
    np.testing.assert_allclose(look.vector, (w[ids[0]] + w[ids[1]]) / 2, atol=1e-6)
    near = table.nearest(table.lookup("girl").vector, k=5, exclude=("girl",))
    assert len(near) == 5 and "girl" not in [n.item for n in near]
    assert all(n.item not in loaded.tokenizer.all_special_tokens for n in near)
    cos = E.cosine_matrix(table.lookup("girl").vector[None], w)[0]
    assert near[0].cosine <= float(np.sort(cos)[-1]) + 1e-6


@pytest.mark.parametrize("fixture", ["tiny_gpt2_dir", "tiny_roberta_mlm_dir", "tiny_t5_dir"])
def test_batched_forward_other_families(fixture, request):
    """GPT-2 (learned positions), RoBERTa (positions after the padding index) and a T5 encoder:
    right padding never changes a real token's state."""
    import torch

    loaded = load_checkpoint(request.getfixturevalue(fixture))
    texts = ["the little girl went to the park", "she played"]
    batch = E.sentence_batch(loaded, texts)
    module = loaded.model.get_encoder() if loaded.kind.value == "encoder-decoder" else loaded.model
    for s, text in enumerate(texts):
        enc = loaded.tokenizer(text, return_tensors="pt")
        with torch.inference_mode():
            out = module(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], output_hidden_states=True)
        want = torch.stack(out.hidden_states).squeeze(1).numpy()
        n = len(batch.encodings[s])
        np.testing.assert_allclose(batch.hidden[s, :, :n], want, atol=1e-5, rtol=0)
