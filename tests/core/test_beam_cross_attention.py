"""Beam search on an encoder-decoder records the cross-attention of its best hypothesis."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch

from core import load_checkpoint
from core.beam import beam_search, iter_beam_search
from core.generation import generate
from core.generators import drive
from core.generation_types import BeamStep, DecodingConfig, Strategy
from core.seq2seq import RecordedGeneration, attention_of_recording

SOURCE = "Once upon a time there was a little girl who had a red ball"


@pytest.fixture(scope="module")
def t5(tiny_t5_dir):
    return load_checkpoint(tiny_t5_dir, device="cpu")


def _run(loaded, cfg):
    items = []
    result = drive(iter_beam_search(loaded, SOURCE, cfg), items.append)
    return items[1:], result   # the first item is the search's start, not a step


def _teacher_forced_cross(loaded, result):
    seq = np.concatenate([result.start.decoder_start_ids, result.sequences[0]]).astype(np.int64)
    with torch.inference_mode():
        out = loaded.model(input_ids=torch.as_tensor(result.start.prompt_ids)[None],
                           decoder_input_ids=torch.as_tensor(seq[:-1])[None], output_attentions=True)
    return seq, np.stack([a[0].numpy() for a in out.cross_attentions])      # [layer, head, tgt, src]


def _source_beams(steps: list[BeamStep], leaf: int) -> list[int]:
    """For each node on the path to ``leaf``: the rank of the running beam it continued."""
    by_id = {n.node_id: n for s in steps for n in s.new_nodes}
    ranks, node = [], leaf
    while node >= 0:
        n = by_id[node]
        ranks.append(0 if n.step == 0 else steps[n.step - 1].alive.index(n.parent))
        node = n.parent
    return ranks[::-1]


@pytest.mark.parametrize("max_new", [7, 12])
def test_best_beam_cross_attention_equals_a_teacher_forced_pass(t5, max_new):
    cfg = DecodingConfig(strategy=Strategy.BEAM, num_beams=3, max_new_tokens=max_new, stop_at_eos=False)
    steps, result = _run(t5, cfg)
    greedy = generate(t5, SOURCE, DecodingConfig(max_new_tokens=max_new, stop_at_eos=False)).token_ids.tolist()
    # The case that matters: the best hypothesis is not greedy's line and continued a lower-ranked
    # beam at some step, so its rows come from different beams (the cache was reordered).
    assert list(result.sequences[0]) != greedy
    assert any(r > 0 for r in _source_beams(steps, result.node_ids[0]))
    seq, expected = _teacher_forced_cross(t5, result)
    cross = result.cross_attention
    assert cross is not None and cross.dtype == np.float32
    assert cross.shape == (2, 2, len(result.sequences[0]), len(result.start.prompt_ids))
    np.testing.assert_allclose(cross, expected, atol=1e-5)
    np.testing.assert_allclose(cross.sum(axis=-1), 1.0, atol=1e-5)    # each row a distribution over the source
    # The attention panel's data built from it keeps the beam's tokens and cross-attention.
    rec = RecordedGeneration(slot="A", text=SOURCE, encoder_ids=result.start.prompt_ids, decoder_ids=seq,
                             cross=cross, strategy="beam")
    att = attention_of_recording(t5, rec)
    assert att.origin == "beam" and att.sequence_ids.tolist() == seq.tolist()
    np.testing.assert_array_equal(att.cross, cross)


def test_best_beam_that_ended_early_records_only_its_own_steps(t5, monkeypatch):
    # Make one of the tokens the beams pick the end-of-sequence token (no length penalty, so a short
    # hypothesis can win): the best then ends with it after a few steps, before the length limit.
    cfg = DecodingConfig(strategy=Strategy.BEAM, num_beams=3, max_new_tokens=10, length_penalty=0.0)
    free = beam_search(t5, SOURCE, dataclasses.replace(cfg, stop_at_eos=False))
    results = []
    for eos in sorted({t for seq in free.sequences for t in seq}):
        monkeypatch.setattr(t5.model.generation_config, "eos_token_id", eos)
        results.append((eos, beam_search(t5, SOURCE, cfg)))
    eos, result = next((e, r) for e, r in results if 1 < len(r.sequences[0]) < 10)
    assert result.sequences[0][-1] == eos
    _, expected = _teacher_forced_cross(t5, result)
    assert result.cross_attention.shape[2] == len(result.sequences[0])
    np.testing.assert_allclose(result.cross_attention, expected, atol=1e-5)


def test_decoder_only_beam_search_records_no_cross_attention(tiny_gpt2_dir):
    gpt2 = load_checkpoint(tiny_gpt2_dir, device="cpu")
    result = beam_search(gpt2, "Once upon a time", DecodingConfig(strategy=Strategy.BEAM, num_beams=2,
                                                                  max_new_tokens=3))
    assert result.cross_attention is None and result.sequences
