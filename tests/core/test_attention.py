"""Tests for :mod:`core.attention` (pure numpy, hand-computed expectations)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core.attention import (
    HEAD_STAT_NAMES,
    MERGE_RULE,
    HeadStats,
    attention_rollout,
    causal_mask_violation,
    drop_special,
    filter_segment,
    head_statistics,
    layer_mean,
    max_over_heads,
    mean_over_heads,
    merge_subwords,
    merged_labels,
    strip_marker,
)


def _att(*layers: list[np.ndarray]) -> np.ndarray:
    """Stack ``layers`` (each a list of [seq, seq] head matrices) into [L, H, S, S]."""
    return np.array([[np.asarray(h, dtype=np.float32) for h in heads] for heads in layers])


def _random_att(shape: tuple[int, ...], seed: int = 0, causal: bool = False) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.random(shape)
    if causal:
        a = np.tril(a)
    return (a / a.sum(axis=-1, keepdims=True)).astype(np.float32)


# --------------------------------------------------------------------------- reductions


def test_mean_max_and_layer_mean_hand_values() -> None:
    h0 = [[1.0, 0.0], [0.5, 0.5]]
    h1 = [[0.0, 1.0], [0.1, 0.9]]
    h2 = [[0.2, 0.8], [0.3, 0.7]]
    h3 = [[0.6, 0.4], [0.7, 0.3]]
    att = _att([h0, h1], [h2, h3])  # [2, 2, 2, 2]

    mean = mean_over_heads(att)
    assert mean.shape == (2, 2, 2) and mean.dtype == np.float32
    np.testing.assert_allclose(mean[0], [[0.5, 0.5], [0.3, 0.7]], atol=1e-6)
    np.testing.assert_allclose(mean[1], [[0.4, 0.6], [0.5, 0.5]], atol=1e-6)

    mx = max_over_heads(att)
    assert mx.shape == (2, 2, 2)
    np.testing.assert_allclose(mx[0], [[1.0, 1.0], [0.5, 0.9]], atol=1e-6)
    np.testing.assert_allclose(mx[1], [[0.6, 0.8], [0.7, 0.7]], atol=1e-6)

    lm = layer_mean(att)
    assert lm.shape == (2, 2) and lm.dtype == np.float32
    np.testing.assert_allclose(lm, [[0.45, 0.55], [0.4, 0.6]], atol=1e-6)


def test_reductions_reject_wrong_shapes() -> None:
    with pytest.raises(ValueError):
        mean_over_heads(np.ones((2, 3, 3), dtype=np.float32))
    with pytest.raises(ValueError):
        layer_mean(np.ones((1, 1, 2, 3), dtype=np.float32))


# --------------------------------------------------------------------------- rollout


def test_rollout_of_identity_is_identity() -> None:
    att = np.broadcast_to(np.eye(4, dtype=np.float32), (3, 2, 4, 4)).copy()
    for residual in (True, False):
        for reduce in ("mean", "max"):
            roll = attention_rollout(att, add_residual=residual, head_reduce=reduce)
            assert roll.shape == (3, 4, 4) and roll.dtype == np.float32
            np.testing.assert_allclose(roll, np.broadcast_to(np.eye(4), (3, 4, 4)), atol=1e-7)


def test_rollout_two_layers_with_residual_hand_product() -> None:
    # layer 0: two heads, mean = [[0.5, 0.5], [0.5, 0.5]]
    # layer 1: one head [[0, 1], [1, 0]] twice, mean = same
    att = _att(
        [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]],
        [[[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 0.0]]],
    )
    roll = attention_rollout(att)
    # A0 = 0.5*[[.5,.5],[.5,.5]] + 0.5*I = [[.75,.25],[.25,.75]]
    # A1 = 0.5*[[0,1],[1,0]] + 0.5*I     = [[.5,.5],[.5,.5]]
    np.testing.assert_allclose(roll[0], [[0.75, 0.25], [0.25, 0.75]], atol=1e-6)
    # A1 @ A0 = [[.5,.5],[.5,.5]]
    np.testing.assert_allclose(roll[1], [[0.5, 0.5], [0.5, 0.5]], atol=1e-6)


def test_rollout_without_residual_is_plain_product() -> None:
    a0 = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    a1 = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.5, 0.5]])
    att = _att([a0], [a1])
    roll = attention_rollout(att, add_residual=False)
    np.testing.assert_allclose(roll[0], a0, atol=1e-6)
    # a1 @ a0: row 2 = 0.5*[0.5,0.5,0] + 0.5*[0.2,0.3,0.5] = [0.35, 0.4, 0.25]
    expected = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.35, 0.4, 0.25]])
    np.testing.assert_allclose(roll[1], expected, atol=1e-6)
    np.testing.assert_allclose(roll[1], a1 @ a0, atol=1e-6)


def test_rollout_max_renormalises_rows() -> None:
    att = _att([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]])
    roll = attention_rollout(att, add_residual=False, head_reduce="max")
    # max over heads = all ones -> rows renormalised to 0.5
    np.testing.assert_allclose(roll[0], [[0.5, 0.5], [0.5, 0.5]], atol=1e-7)
    with pytest.raises(ValueError):
        attention_rollout(att, head_reduce="median")


# --------------------------------------------------------------------------- head statistics


def test_head_statistics_hand_values() -> None:
    tokens = ["[CLS]", "hi", ",", "[SEP]"]
    special = np.array([True, False, False, True])
    uniform = np.full((4, 4), 0.25)
    to_cls = np.zeros((4, 4))
    to_cls[:, 0] = 1.0
    ident = np.eye(4)
    to_sep = np.zeros((4, 4))
    to_sep[:, 3] = 1.0
    att = _att([uniform, to_cls], [ident, to_sep])
    stats = head_statistics(att, tokens, special)

    assert isinstance(stats, HeadStats)
    for name, arr in stats.as_dict().items():
        assert arr.shape == (2, 2) and arr.dtype == np.float32, name
        assert arr is stats.get(name)

    np.testing.assert_allclose(stats.entropy, [[math.log(4), 0.0], [0.0, 0.0]], atol=1e-6)
    np.testing.assert_allclose(stats.to_first, [[0.25, 1.0], [0.25, 0.0]], atol=1e-6)
    np.testing.assert_allclose(stats.to_sep, [[0.25, 0.0], [0.25, 1.0]], atol=1e-6)
    np.testing.assert_allclose(stats.to_special, [[0.5, 1.0], [0.5, 1.0]], atol=1e-6)
    np.testing.assert_allclose(stats.to_punctuation, [[0.25, 0.0], [0.25, 0.0]], atol=1e-6)
    # uniform: mean |i-j| over 4x4 grid = 20/16 = 1.25; to_cls: (0+1+2+3)/4 = 1.5;
    # identity: 0; to_sep (col 3): (3+2+1+0)/4 = 1.5
    np.testing.assert_allclose(stats.mean_distance, [[1.25, 1.5], [0.0, 1.5]], atol=1e-6)


def test_head_statistics_ignores_zero_rows_and_handles_markers() -> None:
    tokens = ["<s>", "Ġ!", "▁?", "##.", "</s>"]
    special = np.array([True, False, False, False, True])
    head = np.zeros((5, 5))
    head[0] = [0.0, 0.5, 0.5, 0.0, 0.0]   # entropy log 2, distance 1.5
    head[4] = [0.0, 0.0, 0.0, 0.0, 1.0]   # entropy 0, distance 0, all to </s>
    stats = head_statistics(_att([head]), tokens, special)
    # only rows 0 and 4 count
    np.testing.assert_allclose(stats.entropy, [[math.log(2) / 2]], atol=1e-6)
    np.testing.assert_allclose(stats.mean_distance, [[0.75]], atol=1e-6)
    np.testing.assert_allclose(stats.to_sep, [[0.5]], atol=1e-6)
    np.testing.assert_allclose(stats.to_special, [[0.5]], atol=1e-6)
    np.testing.assert_allclose(stats.to_punctuation, [[0.5]], atol=1e-6)
    np.testing.assert_allclose(stats.to_first, [[0.0]], atol=1e-6)


def test_head_statistics_custom_sep_and_punctuation() -> None:
    tokens = ["<bos>", "a", "-", "<end>"]
    special = np.array([True, False, False, True])
    head = np.zeros((4, 4))
    head[:, 2] = 0.5
    head[:, 3] = 0.5
    att = _att([head])
    default = head_statistics(att, tokens, special)
    assert float(default.to_sep[0, 0]) == 0.0
    assert float(default.to_punctuation[0, 0]) == pytest.approx(0.5)
    custom = head_statistics(att, tokens, special, punctuation=".,", sep_tokens=frozenset({"<end>"}))
    assert float(custom.to_sep[0, 0]) == pytest.approx(0.5)
    assert float(custom.to_punctuation[0, 0]) == 0.0


def test_head_statistics_validates_inputs() -> None:
    att = _att([np.eye(3)])
    with pytest.raises(ValueError):
        head_statistics(att, ["a", "b"], np.zeros(3, bool))
    with pytest.raises(ValueError):
        head_statistics(att, ["a", "b", "c"], np.zeros(2, bool))


def test_head_stat_names_match_fields() -> None:
    stats = head_statistics(_att([np.eye(2)]), ["a", "b"], np.zeros(2, bool))
    assert list(HEAD_STAT_NAMES) == list(stats.as_dict())
    assert all(isinstance(v, str) and len(v) > 20 for v in HEAD_STAT_NAMES.values())
    with pytest.raises(KeyError):
        stats.get("nope")


# --------------------------------------------------------------------------- drop_special


def test_drop_special_renormalises_hand_values() -> None:
    head = np.array(
        [
            [0.4, 0.3, 0.2, 0.1],
            [0.5, 0.25, 0.25, 0.0],
            [0.0, 0.0, 0.0, 1.0],   # becomes all zero after dropping 0 and 3
            [0.25, 0.25, 0.25, 0.25],
        ]
    )
    special = np.array([True, False, False, True])
    sub, kept = drop_special(_att([head]), special)
    np.testing.assert_array_equal(kept, [1, 2])
    assert sub.shape == (1, 1, 2, 2) and sub.dtype == np.float32
    np.testing.assert_allclose(sub[0, 0], [[0.5, 0.5], [0.0, 0.0]], atol=1e-7)

    raw, _ = drop_special(head, special, renormalise=False)
    np.testing.assert_allclose(raw, [[0.25, 0.25], [0.0, 0.0]], atol=1e-7)
    assert np.all(np.isfinite(sub))


def test_drop_special_rows_sum_to_one_any_leading_shape() -> None:
    att = _random_att((2, 3, 7, 7), seed=1)
    special = np.array([True, False, False, True, False, False, True])
    sub, kept = drop_special(att, special)
    np.testing.assert_array_equal(kept, [1, 2, 4, 5])
    assert sub.shape == (2, 3, 4, 4)
    np.testing.assert_allclose(sub.sum(axis=-1), 1.0, atol=1e-6)
    expected = att[..., kept, :][..., kept]
    expected = expected / expected.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(sub, expected, atol=1e-6)


# --------------------------------------------------------------------------- merge_subwords


def test_merge_subwords_hand_example() -> None:
    # tokens: [CLS] play ##ing [SEP]
    head = np.array(
        [
            [0.1, 0.2, 0.3, 0.4],
            [0.4, 0.1, 0.1, 0.4],
            [0.2, 0.4, 0.2, 0.2],
            [0.25, 0.25, 0.25, 0.25],
        ]
    )
    word_ids = np.array([-1, 0, 0, -1])
    merged, index = merge_subwords(_att([head]), word_ids)
    assert merged.shape == (1, 1, 3, 3) and merged.dtype == np.float32
    assert [list(map(int, g)) for g in index] == [[0], [1, 2], [3]]
    expected = np.array(
        [
            [0.1, 0.5, 0.4],
            [0.3, 0.4, 0.3],   # mean of rows [0.4, 0.2, 0.4] and [0.2, 0.6, 0.2]
            [0.25, 0.5, 0.25],
        ]
    )
    np.testing.assert_allclose(merged[0, 0], expected, atol=1e-6)
    np.testing.assert_allclose(merged.sum(axis=-1), 1.0, atol=1e-6)


def test_merge_subwords_specials_stay_separate_and_segments_split() -> None:
    att = _random_att((1, 1, 6, 6), seed=3)
    # [CLS] a [SEP] [SEP]-like specials adjacent, then pair words restarting at 0
    word_ids = np.array([-1, 0, -1, -1, 0, 0])
    _, index = merge_subwords(att, word_ids)
    assert [list(map(int, g)) for g in index] == [[0], [1], [2], [3], [4, 5]]
    # without a separator between, segment_ids keeps words of A and B apart
    word_ids2 = np.array([-1, 0, 0, 0, 0, -1])
    segs = np.array([0, 0, 0, 1, 1, 1])
    _, idx_noseg = merge_subwords(att, word_ids2)
    _, idx_seg = merge_subwords(att, word_ids2, segment_ids=segs)
    assert [list(map(int, g)) for g in idx_noseg] == [[0], [1, 2, 3, 4], [5]]
    assert [list(map(int, g)) for g in idx_seg] == [[0], [1, 2], [3, 4], [5]]


def test_merge_subwords_preserves_mass_random() -> None:
    att = _random_att((2, 3, 7, 7), seed=4)
    word_ids = np.array([-1, 0, 0, 1, 2, 2, -1])
    merged, index = merge_subwords(att, word_ids)
    assert merged.shape == (2, 3, 5, 5)
    np.testing.assert_allclose(merged.sum(axis=-1), 1.0, atol=1e-5)
    sizes = np.array([len(g) for g in index], dtype=np.float64)
    # counting each unit's row once per piece gives back the original total mass
    weighted = (merged.astype(np.float64).sum(axis=-1) * sizes).sum(axis=-1)
    np.testing.assert_allclose(weighted, att.sum(axis=(-2, -1)), atol=1e-4)
    # spot check one cell: unit 1 (tokens 1,2) -> unit 3 (tokens 4,5)
    cell = att[1, 2][[1, 2]][:, [4, 5]].sum(axis=1).mean()
    assert float(merged[1, 2, 1, 3]) == pytest.approx(float(cell), abs=1e-6)


def test_merge_rule_and_labels() -> None:
    assert "sum" in MERGE_RULE.lower() and "averag" in MERGE_RULE.lower()
    tokens = ["[CLS]", "play", "##ing", "ball", "[SEP]"]
    _, index = merge_subwords(np.eye(5, dtype=np.float32), np.array([-1, 0, 0, 1, -1]))
    assert merged_labels(tokens, index) == ["[CLS]", "playing", "ball", "[SEP]"]
    assert merged_labels(["<s>", "Ġplay", "ing", "Ġ!"], [[0], [1, 2], [3]]) == ["<s>", "playing", "!"]
    assert merged_labels(["▁un", "believ", "able"], [[0, 1, 2]]) == ["unbelievable"]
    assert strip_marker("##") == "##" and strip_marker("Ġ") == "Ġ"


# --------------------------------------------------------------------------- filter_segment


def test_filter_segment_zeroes_right_cells() -> None:
    head = np.arange(16, dtype=np.float32).reshape(4, 4) + 1.0
    segs = np.array([0, 0, 1, 1])
    att = _att([head])
    a_to_b = filter_segment(att, segs, from_segment=0, to_segment=1)
    expected = np.zeros((4, 4), dtype=np.float32)
    expected[:2, 2:] = head[:2, 2:]
    np.testing.assert_array_equal(a_to_b[0, 0], expected)

    from_b = filter_segment(att, segs, from_segment=1, to_segment=None)
    expected = np.zeros((4, 4), dtype=np.float32)
    expected[2:, :] = head[2:, :]
    np.testing.assert_array_equal(from_b[0, 0], expected)

    to_a = filter_segment(head, segs, from_segment=None, to_segment=0)
    expected = np.zeros((4, 4), dtype=np.float32)
    expected[:, :2] = head[:, :2]
    np.testing.assert_array_equal(to_a, expected)

    keep = filter_segment(att, segs, from_segment=None, to_segment=None)
    np.testing.assert_array_equal(keep, att)
    assert keep is not att
    np.testing.assert_array_equal(att[0, 0], head)  # input untouched


# --------------------------------------------------------------------------- causal mask


def test_causal_mask_violation() -> None:
    lower = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    assert causal_mask_violation(_att([lower])) == 0.0
    upper = lower.copy()
    upper[0] = [0.7, 0.0, 0.3]
    assert causal_mask_violation(_att([lower, upper])) == pytest.approx(0.3)
    assert causal_mask_violation(np.full((2, 2), 0.5)) == pytest.approx(0.5)
    assert causal_mask_violation(np.ones((1, 1))) == 0.0


# --------------------------------------------------------------------------- random properties


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_properties(seed: int) -> None:
    att = _random_att((2, 3, 7, 7), seed=seed)
    seq = 7

    mean = mean_over_heads(att)
    np.testing.assert_allclose(mean, att.mean(axis=1), atol=1e-6)
    np.testing.assert_allclose(mean.sum(axis=-1), 1.0, atol=1e-5)
    assert np.all(max_over_heads(att) >= mean - 1e-7)
    np.testing.assert_allclose(layer_mean(att), att.mean(axis=(0, 1)), atol=1e-6)

    roll = attention_rollout(att)
    assert roll.shape == (2, seq, seq)
    np.testing.assert_allclose(roll.sum(axis=-1), 1.0, atol=1e-5)
    a = [0.5 * m.astype(np.float64) + 0.5 * np.eye(seq) for m in mean]
    a = [x / x.sum(axis=-1, keepdims=True) for x in a]
    np.testing.assert_allclose(roll[1], a[1] @ a[0], atol=1e-5)

    tokens = ["[CLS]", "the", "cat", ",", "sat", ".", "[SEP]"]
    special = np.array([True, False, False, False, False, False, True])
    stats = head_statistics(att, tokens, special)
    assert np.all(stats.entropy > 0) and np.all(stats.entropy <= math.log(seq) + 1e-5)
    np.testing.assert_allclose(stats.to_first, att[..., 0].mean(axis=-1), atol=1e-6)
    np.testing.assert_allclose(stats.to_sep, att[..., 6].mean(axis=-1), atol=1e-6)
    np.testing.assert_allclose(
        stats.to_special, (att[..., 0] + att[..., 6]).mean(axis=-1), atol=1e-6
    )
    np.testing.assert_allclose(
        stats.to_punctuation, (att[..., 3] + att[..., 5]).mean(axis=-1), atol=1e-6
    )
    dist = np.abs(np.arange(seq)[:, None] - np.arange(seq)[None, :])
    np.testing.assert_allclose(stats.mean_distance, (att * dist).sum(-1).mean(-1), atol=1e-5)

    sub, kept = drop_special(att, special)
    assert sub.shape == (2, 3, 5, 5)
    np.testing.assert_allclose(sub.sum(axis=-1), 1.0, atol=1e-5)

    merged, index = merge_subwords(att, np.array([-1, 0, 0, 1, 2, 2, -1]))
    np.testing.assert_allclose(merged.sum(axis=-1), 1.0, atol=1e-5)
    assert [len(g) for g in index] == [1, 2, 1, 2, 1]

    segs = np.array([0, 0, 0, 0, 1, 1, 1])
    filt = filter_segment(att, segs, from_segment=0, to_segment=1)
    assert filt.shape == att.shape
    assert float(filt.sum()) == pytest.approx(float(att[..., :4, 4:].sum()), rel=1e-5)

    assert causal_mask_violation(att) > 0.0
    causal = _random_att((2, 3, 7, 7), seed=seed, causal=True)
    assert causal_mask_violation(causal) == 0.0
    assert np.all(causal_mask_violation(attention_rollout(causal)) == 0.0)
