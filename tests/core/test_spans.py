"""core.spans and core.span_heads: enumeration, representations vs loops, mapping, save/load."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from core import errors, load_checkpoint
from core import spans as S
from core.embeddings import sentence_batch
from core.span_heads import SpanHeads, find_span_heads, load_span_heads, save_span_heads, span_heads_path

TOL = 1e-6


def test_enumerate_spans_matches_loops_and_counts():
    for T in range(1, 8):
        for L in range(1, 10):
            got = S.enumerate_spans(3, 3 + T - 1, L)
            want = [(i, j) for i in range(3, 3 + T) for j in range(3, 3 + T) if i <= j and j - i + 1 <= L]
            assert sorted(map(tuple, got.tolist())) == sorted(want)
            assert len(got) == S.span_count(T, L) == len(want)
        assert S.span_count(T, T + 5) == T * (T + 1) // 2
    with pytest.raises(errors.SpanError):
        S.enumerate_spans(0, 3, 0)


def test_endpoint_representation_matches_loops():
    rng = np.random.default_rng(0)
    h = rng.standard_normal((7, 5)).astype(np.float32)
    spans = S.enumerate_spans(1, 5, 3)
    reps = S.endpoint_reps(h, spans)
    assert reps.shape == (len(spans), 15)
    for r, (i, j) in enumerate(spans.tolist()):
        for k in range(5):
            assert reps[r, k] == h[i, k]
            assert reps[r, 5 + k] == h[j, k]
            assert reps[r, 10 + k] == pytest.approx(sum(float(h[t, k]) for t in range(i, j + 1)) / (j - i + 1), abs=TOL)


def test_span_heads_variants_match_loops():
    torch.manual_seed(5)
    heads = SpanHeads(6, d_proj=4, seed=3).eval()
    h = torch.randn(9, 6)
    spans = torch.as_tensor(S.enumerate_spans(1, 7, 4))
    with torch.no_grad():
        ffn = heads(h, spans, "ffn")
        att = heads(h, spans, "attention")
        end = heads(h, spans, "endpoint")
        assert ffn.shape == (len(spans), heads.out_dim("ffn")) == (len(spans), 14)
        assert att.shape == end.shape == (len(spans), 18)
        np.testing.assert_allclose(end.numpy(), S.endpoint_reps(h.numpy(), spans.numpy()), atol=1e-5)
        score_w = heads.attn_score.weight[0].tolist()
        score_b = float(heads.attn_score.bias[0])
        for r, (i, j) in enumerate(spans.tolist()):
            want_start = heads.ffn_start(h[i]).tolist()
            want_end = heads.ffn_end(h[j]).tolist()
            assert ffn[r, :4].tolist() == pytest.approx(want_start, abs=1e-5)
            assert ffn[r, 4:8].tolist() == pytest.approx(want_end, abs=1e-5)
            scores = [sum(score_w[k] * float(h[t, k]) for k in range(6)) + score_b for t in range(i, j + 1)]
            z = [math.exp(s - max(scores)) for s in scores]
            a = [x / sum(z) for x in z]
            for k in range(6):
                want = sum(a[n] * float(h[t, k]) for n, t in enumerate(range(i, j + 1)))
                assert float(att[r, 12 + k]) == pytest.approx(want, abs=1e-5)
                assert float(att[r, k]) == pytest.approx(float(h[i, k]), abs=1e-6)


def test_span_heads_batched_equals_single_and_is_seeded():
    heads = SpanHeads(5, seed=1).eval()
    again = SpanHeads(5, seed=1)
    for a, b in zip(heads.state_dict().values(), again.state_dict().values()):
        assert torch.equal(a, b)
    assert not heads.trained
    h = torch.randn(2, 6, 5)
    spans = torch.as_tensor([[[0, 2], [3, 5]], [[1, 1], [2, 4]]])
    with torch.no_grad():
        batched = heads(h, spans, "attention")
        for b in range(2):
            torch.testing.assert_close(batched[b], heads(h[b], spans[b], "attention"))
    with pytest.raises(ValueError):
        heads(h, spans, "max")


def test_span_heads_save_load_roundtrip(tmp_path):
    heads = SpanHeads(8, d_proj=3, seed=2)
    heads.info["task"] = "span classification"
    path = save_span_heads(heads, tmp_path, trained=True)
    assert path == span_heads_path(tmp_path) and path.is_file()
    assert not list(tmp_path.glob(".*"))  # atomic write leaves no temp file
    back = load_span_heads(tmp_path, d_model=8)
    assert back.trained and back.d_proj == 3 and back.info["task"] == "span classification"
    for k, v in heads.state_dict().items():
        assert torch.equal(back.state_dict()[k], v)
    with pytest.raises(errors.SpanHeadsError):
        load_span_heads(tmp_path, d_model=16)
    found = find_span_heads(tmp_path, 8)
    assert found.trained
    fallback = find_span_heads(tmp_path, 16)            # wrong width: random heads, reason kept
    assert not fallback.trained and "16" in fallback.info["load_error"]
    path.write_bytes(b"not a safetensors file")
    with pytest.raises(errors.SpanHeadsError):
        load_span_heads(path)
    assert not find_span_heads(tmp_path / "nowhere", 8).trained


def test_parse_span():
    assert S.parse_span("2..4") == (2, 4)
    assert S.parse_span(" 3 ") == (3, 3)
    assert S.parse_span("1-5") == (1, 5)
    for bad in ("", "a..b", "4..2", "1..2..3"):
        with pytest.raises(errors.SpanError):
            S.parse_span(bad)


@pytest.fixture(scope="module")
def bert(bert_mini_dir):
    return load_checkpoint(bert_mini_dir)


TEXT = "United Airlines Holding said United Airlines will fly."


@pytest.mark.slow
def test_word_and_char_mapping(bert):
    from core.inspector import ModelInspector

    enc = ModelInspector(bert).encode(TEXT)
    words = S.word_char_spans(TEXT)
    assert [TEXT[s:e] for s, e in words] == ["United", "Airlines", "Holding", "said", "United", "Airlines",
                                            "will", "fly", "."]
    spans = S.word_token_spans(enc)
    for (s, e), (i, j) in zip(words, spans):
        pieces = "".join(t.removeprefix("##") for t in enc.tokens[i : j + 1])
        assert pieces == TEXT[s:e].lower()
    i, j = S.word_to_token_span(enc, 0, 2)
    assert "".join(t.removeprefix("##") for t in enc.tokens[i : j + 1]) == "unitedairlinesholding"
    assert S.char_to_token_span(enc, 0, 6) == spans[0]
    assert S.token_word_index(enc, spans[4][0]) == 4
    assert S.token_word_index(enc, 0) == -1   # [CLS]
    with pytest.raises(errors.SpanError):
        S.word_to_token_span(enc, 7, 12)
    with pytest.raises(errors.SpanError):
        S.word_to_token_span(enc, 3, 1)


@pytest.mark.slow
def test_check_span_rejects_empty_and_boundary_crossing(bert):
    from core.inspector import ModelInspector

    enc = ModelInspector(bert).encode(TEXT)
    lo, hi = S.content_range(enc)
    assert (lo, hi) == (1, len(enc) - 2)
    assert S.check_span(enc, lo, hi) == (lo, hi)
    for bad in ((0, 2), (2, hi + 1), (3, 2), (hi, hi + 5)):
        with pytest.raises(errors.SpanError):
            S.check_span(enc, *bad)


@pytest.mark.slow
def test_span_triangle_and_sbo_inputs(bert):
    batch = sentence_batch(bert, [TEXT, "United Airlines Holding"])
    enc, h = batch.encodings[0], batch.hidden[0, -1]
    heads = SpanHeads(bert.d_model).eval()
    lo, hi = S.content_range(enc)
    ref_span = np.array([[lo, lo + 1]])
    ref = S.span_reps(h, ref_span, "ffn", heads)[0]
    tri = S.span_triangle(h, enc, ref, "ffn", heads, max_len=100)   # L larger than the text
    n = hi - lo + 1
    assert tri.count == n * (n + 1) // 2 and tri.max_len == n
    assert np.isfinite(tri.values).sum() == tri.count
    assert tri.values[lo, lo + 1] == pytest.approx(1.0, abs=1e-5)    # the reference itself
    assert np.isnan(tri.values[lo + 1, lo])                           # end before start
    reps = S.span_reps(h, tri.spans, "ffn", heads)
    for r, (i, j) in enumerate(tri.spans.tolist()[:20]):
        want = float(reps[r] @ ref / (np.linalg.norm(reps[r]) * np.linalg.norm(ref)))
        assert tri.values[i, j] == pytest.approx(want, abs=1e-5)
    short = S.span_triangle(h, enc, ref, "endpoint", heads, max_len=2)
    assert short.count == S.span_count(n, 2)
    # a reference from the other sentence ("United Airlines Holding")
    other = batch.encodings[1]
    o_lo, o_hi = S.content_range(other)
    ref2 = S.span_reps(batch.hidden[1, -1], np.array([[o_lo, o_hi]]), "endpoint", heads)[0]
    assert np.isfinite(S.span_triangle(h, enc, ref2, "endpoint", heads, 4).values).any()

    table = S.position_table(bert.model)
    assert table is not None and table.shape[1] == bert.d_model
    sbo = S.sbo_inputs(h, enc, lo + 1, lo + 2, table)
    assert sbo.left == lo and sbo.right == lo + 3
    np.testing.assert_array_equal(sbo.left_vector, h[lo])
    assert sbo.relative_positions == (1, 2)
    np.testing.assert_array_equal(sbo.position_vectors, table[[1, 2]])
    with pytest.raises(errors.SpanError):
        S.sbo_inputs(h, enc, 0, 1, table)


@pytest.mark.slow
def test_decoder_has_no_position_table(stories260k_dir):
    loaded = load_checkpoint(stories260k_dir)
    assert S.position_table(loaded.model) is None  # rotary positions: nothing to show
