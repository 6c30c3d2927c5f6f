"""Attention view preparation (pure numpy) and attention recorded during real generation."""
from __future__ import annotations

import numpy as np
import pytest

from core import ModelInspector, load_checkpoint
from core.attention import attention_rollout, mean_over_heads
from core.attention_view import MODES, ViewOptions, aggregate, build_cross_view, build_view
from core.errors import CapabilityError
from core.seq2seq import generate_with_attention


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)).astype(np.float32)


@pytest.fixture()
def pair():
    rng = np.random.default_rng(0)
    tokens = ["[CLS]", "play", "##ing", "[SEP]", "fun", "[SEP]"]
    att = _softmax(rng.normal(size=(2, 3, 6, 6)))
    special = np.array([1, 0, 0, 1, 0, 1], dtype=bool)
    words = np.array([-1, 0, 0, -1, 1, -1])
    segs = np.array([0, 0, 0, 0, 1, 1])
    return att, tokens, special, words, segs


def test_aggregate_shapes_and_values(pair):
    att = pair[0]
    assert aggregate(att, "head") is not None and aggregate(att, "head").shape == (2, 3, 6, 6)
    np.testing.assert_allclose(aggregate(att, "mean")[:, 0], mean_over_heads(att), atol=1e-7)
    np.testing.assert_allclose(aggregate(att, "max")[:, 0], att.max(1), atol=1e-7)
    np.testing.assert_allclose(aggregate(att, "layer_mean")[0, 0], att.mean((0, 1)), atol=1e-6)
    np.testing.assert_allclose(aggregate(att, "rollout")[:, 0], attention_rollout(att), atol=1e-6)
    with pytest.raises(ValueError):
        aggregate(att, "nonsense")
    assert set(MODES) == {"head", "mean", "max", "layer_mean", "rollout"}


def test_hide_special_then_merge_keeps_rows_stochastic_and_labels(pair):
    att, tokens, special, words, segs = pair
    view = build_view(att, tokens, special_mask=special, word_ids=words, segment_ids=segs,
                      options=ViewOptions(hide_special=True, merge_subwords=True))
    assert view.row_labels == ("playing", "fun")
    assert [p.tolist() for p in view.row_positions] == [[1, 2], [4]]
    np.testing.assert_allclose(view.values.sum(-1), 1.0, atol=1e-5)
    # Hand computation for layer 0, head 0: drop specials, renormalise, merge rows (mean) and cols (sum).
    sub = att[0, 0][np.ix_([1, 2, 4], [1, 2, 4])]
    sub = sub / sub.sum(-1, keepdims=True)
    expected = np.array([[sub[:2, :2].sum() / 2, sub[:2, 2].sum() / 2], [sub[2, :2].sum(), sub[2, 2]]])
    np.testing.assert_allclose(view.matrix(0, 0), expected, atol=1e-6)


def test_segment_filter_zeroes_other_sentence(pair):
    att, tokens, special, words, segs = pair
    view = build_view(att, tokens, special_mask=special, word_ids=words, segment_ids=segs,
                      options=ViewOptions(from_segment=0, to_segment=1))
    m = view.matrix(1, 2)
    assert np.all(m[segs == 1] == 0) and np.all(m[:, segs == 0] == 0)
    np.testing.assert_allclose(m[np.ix_(segs == 0, segs == 1)], att[1, 2][np.ix_(segs == 0, segs == 1)])


def test_causal_mask_follows_merged_positions():
    att = np.tril(np.ones((1, 1, 4, 4), dtype=np.float32))
    att /= att.sum(-1, keepdims=True)
    view = build_view(att, ["<s>", "a", "b", "c"], special_mask=np.array([1, 0, 0, 0], bool),
                      word_ids=np.array([-1, 0, 1, 2]), segment_ids=np.zeros(4, int),
                      options=ViewOptions(), causal=True)
    np.testing.assert_array_equal(view.causal_mask(), np.triu(np.ones((4, 4), bool), k=1))
    assert build_view(att, ["a"] * 4, special_mask=np.zeros(4, bool), word_ids=np.arange(4),
                      segment_ids=np.zeros(4, int), options=ViewOptions()).causal_mask() is None


def test_cross_view_hides_special_source_columns():
    rng = np.random.default_rng(1)
    cross = _softmax(rng.normal(size=(2, 2, 3, 5)))
    special = np.array([0, 0, 0, 0, 1], bool)
    view = build_cross_view(cross, ["<pad>", "x", "y"], ["a", "b", "c", "d", "</s>"], col_special=special,
                            options=ViewOptions(mode="rollout", hide_special=True))
    assert view.mode == "mean"  # rollout needs square matrices; falls back to the head mean
    assert view.col_labels == ("a", "b", "c", "d") and view.values.shape == (2, 1, 3, 4)
    np.testing.assert_allclose(view.values.sum(-1), 1.0, atol=1e-5)


def test_generation_cross_attention_equals_teacher_forced(tiny_t5_dir):
    import torch

    loaded = load_checkpoint(tiny_t5_dir)
    rec = generate_with_attention(loaded, "Once upon a time there was a girl", max_new_tokens=6)
    steps = len(rec.generated_tokens)
    assert 1 <= steps <= 6 and rec.cross.shape[2:] == (steps, len(rec.source))
    assert rec.decoder.shape[2:] == (steps, steps)
    np.testing.assert_allclose(rec.cross.sum(-1), 1.0, atol=1e-5)
    assert np.all(np.triu(rec.decoder, k=1) == 0)
    # Attention recorded step by step with the KV cache equals one teacher-forced pass
    # over the generated sequence: proof each row belongs to its generation step.
    with torch.inference_mode():
        out = loaded.model(input_ids=torch.as_tensor(rec.source.input_ids)[None],
                           decoder_input_ids=torch.as_tensor(rec.sequence_ids[:-1])[None], output_attentions=True)
    np.testing.assert_allclose(rec.cross, np.stack([a[0].numpy() for a in out.cross_attentions]), atol=1e-6)
    np.testing.assert_allclose(rec.decoder, np.stack([a[0].numpy() for a in out.decoder_attentions]), atol=1e-6)
    np.testing.assert_allclose(rec.encoder, ModelInspector(loaded).inspect(rec.source.text).attentions, atol=1e-6)


def test_generation_attention_needs_encoder_decoder(tiny_gpt2_dir):
    with pytest.raises(CapabilityError):
        generate_with_attention(load_checkpoint(tiny_gpt2_dir), "hello")


def test_sampled_run_records_teacher_forced_cross_attention(tiny_t5_dir):
    import torch

    from core.generation import generate
    from core.generation_types import DecodingConfig, Strategy
    from core.seq2seq import RecordedGeneration, attention_of_recording

    loaded = load_checkpoint(tiny_t5_dir)
    text = "Once upon a time there was a girl"
    run = generate(loaded, text, DecodingConfig(strategy=Strategy.SAMPLE, max_new_tokens=6, temperature=1.5,
                                                top_k=0, seed=3, stop_at_eos=False))
    steps = len(run.steps)
    assert steps == 6
    cross = np.stack([s.cross_attention for s in run.steps], axis=2)   # [layer, head, step, src]
    seq = np.concatenate([run.start.decoder_start_ids, [s.token_id for s in run.steps]]).astype(np.int64)
    with torch.inference_mode():
        out = loaded.model(input_ids=torch.as_tensor(run.start.prompt_ids)[None],
                           decoder_input_ids=torch.as_tensor(seq[:-1])[None], output_attentions=True)
    np.testing.assert_allclose(cross, np.stack([a[0].numpy() for a in out.cross_attentions]), atol=1e-5)
    # The attention panel's data built from that recording keeps the run's tokens and cross-attention.
    rec = RecordedGeneration(slot="A", text=text, encoder_ids=run.start.prompt_ids, decoder_ids=seq,
                             cross=cross, strategy="sample")
    att = attention_of_recording(loaded, rec)
    assert att.origin == "sample" and att.sequence_ids.tolist() == seq.tolist()
    assert att.decoder_tokens == tuple(loaded.tokenizer.convert_ids_to_tokens(seq[:-1].tolist()))
    np.testing.assert_array_equal(att.cross, cross)
    np.testing.assert_allclose(att.decoder, np.stack([a[0].numpy() for a in out.decoder_attentions]), atol=1e-5)
    greedy = generate_with_attention(loaded, text, max_new_tokens=6)
    assert greedy.sequence_ids.tolist() != seq.tolist()   # the sampled run is not greedy's
