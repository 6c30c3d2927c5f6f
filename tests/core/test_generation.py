"""Generation agrees with transformers' own ``generate`` and logits processors."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from transformers.generation.logits_process import (MinPLogitsWarper, RepetitionPenaltyLogitsProcessor,
                                                    TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper)

from core import errors, load_checkpoint
from core import generation as gen_mod
from core.beam import beam_search, iter_beam_search, live_nodes
from core.decoding import stage_logits, stage_view
from core.generation import generate, iter_generate, restage
from core.generation_types import BeamStep, DecodingConfig, GenerationStep, Strategy
from core.logit_lens import logit_lens
from core.scoring import perplexity_of_text, score_labels, score_sequence

# The published stories260K sample: llama2.c's test_all.py (expected_stdout of run.c,
# temperature 0, 200 steps from BOS), quoted in ../shared/models/SOURCES.md.
STORIES260K_REFERENCE = (
    "Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she "
    "saw a big, red ball. She wanted to play with it, but it was too high.\nLily's mom said, \"Lily, let's go to "
    "the park.\" Lily was sad and didn't know what to do. She said, \"I want to play with your ball, but I can't "
    "find it.\"\nLily was sad and didn't know what to do. She said, \"I'm sorry, Lily. I didn't know what to "
    "do.\"\nLily didn't want to help her mom, so she")

PROMPT = "Once upon a time there was a little"


@pytest.fixture(scope="module", params=["gpt2", "llama", "t5"])
def tiny(request):
    name = {"gpt2": "tiny_gpt2_dir", "llama": "tiny_llama_dir", "t5": "tiny_t5_dir"}[request.param]
    return load_checkpoint(request.getfixturevalue(name), device="cpu")


@pytest.fixture(scope="module")
def stories(stories260k_dir):
    return load_checkpoint(stories260k_dir, device="cpu")


def _hf_inputs(loaded, prompt: str) -> dict:
    ids = torch.tensor([loaded.tokenizer(prompt)["input_ids"]])
    return {"input_ids": ids, "attention_mask": torch.ones_like(ids)}


def _hf_new_tokens(loaded, prompt: str, out: torch.Tensor) -> list[list[int]]:
    n = 1 if loaded.model.config.is_encoder_decoder else len(loaded.tokenizer(prompt)["input_ids"])
    return [row[n:].tolist() for row in out]


# ----------------------------------------------------------------------------- greedy / sampling
@pytest.mark.parametrize("penalty", [1.0, 1.3])
def test_greedy_equals_generate_token_for_token(tiny, penalty):
    cfg = DecodingConfig(strategy=Strategy.GREEDY, max_new_tokens=12, repetition_penalty=penalty)
    run = generate(tiny, PROMPT, cfg)
    with torch.inference_mode():
        out = tiny.model.generate(**_hf_inputs(tiny, PROMPT), max_new_tokens=12, do_sample=False,
                                  repetition_penalty=penalty)
    assert run.token_ids.tolist() == _hf_new_tokens(tiny, PROMPT, out)[0]
    # the streamed pieces add up to the decoded text
    assert "".join(s.token for s in run.steps).replace("</s>", "").strip() != "" or run.text == ""


def test_stories260k_greedy_from_bos_reproduces_published_sample(stories):
    run = generate(stories, "", DecodingConfig(max_new_tokens=200))
    assert run.start.started_from_bos and run.start.prompt_ids.tolist() == [stories.tokenizer.bos_token_id]
    assert len(run.steps) == 200
    assert run.text == STORIES260K_REFERENCE


def test_seeded_sampling_is_reproducible_and_step_by_step_equals_streaming(tiny):
    cfg = DecodingConfig(strategy=Strategy.SAMPLE, max_new_tokens=8, temperature=1.5, top_k=0, seed=7,
                         stop_at_eos=False)
    a = generate(tiny, PROMPT, cfg).token_ids.tolist()
    assert generate(tiny, PROMPT, cfg).token_ids.tolist() == a
    others = [generate(tiny, PROMPT, dataclasses.replace(cfg, seed=s)).token_ids.tolist() for s in (8, 9, 10)]
    assert any(o != a for o in others)
    # the Step button: one token at a time, continuing from the tokens so far
    one = dataclasses.replace(cfg, max_new_tokens=1)
    stepped: list[int] = []
    for _ in range(len(a)):
        stepped.append(generate(tiny, PROMPT, one, forced=stepped).token_ids.tolist()[0])
    assert stepped == a


def test_temperature_zero_means_greedy(tiny):
    greedy = generate(tiny, PROMPT, DecodingConfig(max_new_tokens=6)).token_ids.tolist()
    zero = generate(tiny, PROMPT, DecodingConfig(strategy=Strategy.SAMPLE, temperature=0.0, max_new_tokens=6))
    assert zero.token_ids.tolist() == greedy
    assert zero.start.config.strategy is Strategy.GREEDY


def test_stop_between_steps_and_cross_attention(tiny):
    it = iter_generate(tiny, PROMPT, DecodingConfig(max_new_tokens=30, stop_at_eos=False))
    start = next(it)
    steps = [next(it) for _ in range(3)]
    it.close()  # what the worker does on Stop: nothing runs after the current step
    assert all(isinstance(s, GenerationStep) for s in steps) and [s.index for s in steps] == [0, 1, 2]
    if tiny.model.config.is_encoder_decoder:
        cross = steps[0].cross_attention
        assert cross.shape == (tiny.n_layers, tiny.n_heads, len(start.prompt_ids))
        np.testing.assert_allclose(cross.sum(-1), 1.0, atol=1e-5)
    else:
        assert steps[0].cross_attention is None
    # cumulative log-prob is the running sum of the raw log-probs
    np.testing.assert_allclose(steps[2].cumulative_logprob, sum(s.logprob for s in steps), rtol=1e-5)


# ----------------------------------------------------------------------------- stages
def _hf_chain(logits, ctx, cfg):
    """transformers' processors in generate's order, each stage's output kept."""
    out = [logits]
    s = RepetitionPenaltyLogitsProcessor(cfg.repetition_penalty)(ctx, logits.clone())
    out.append(s)
    s = TemperatureLogitsWarper(cfg.temperature)(ctx, s) if cfg.temperature != 1.0 else s
    out.append(s)
    s = TopKLogitsWarper(cfg.top_k)(ctx, s) if cfg.top_k else s
    out.append(s)
    if cfg.top_p < 1.0:
        s = TopPLogitsWarper(cfg.top_p)(ctx, s)
    if cfg.min_p > 0:
        s = MinPLogitsWarper(cfg.min_p)(ctx, s)
    out.append(s)
    return out


CASES = [
    dict(repetition_penalty=1.3, temperature=0.7, top_k=5, top_p=0.9, min_p=0.0),
    dict(repetition_penalty=0.8, temperature=1.6, top_k=0, top_p=0.5, min_p=0.05),
    dict(repetition_penalty=1.0, temperature=1.0, top_k=40, top_p=1.0, min_p=0.2),
]


@pytest.mark.parametrize("case", CASES)
def test_each_stage_equals_transformers_processors(case):
    torch.manual_seed(0)
    logits = torch.randn(1, 300) * 3
    ctx = torch.randint(0, 300, (1, 12))
    cfg = DecodingConfig(strategy=Strategy.SAMPLE, **case)
    ours, applied = stage_logits(logits, ctx, cfg)
    theirs = _hf_chain(logits, ctx, cfg)
    for a, b in zip(ours, theirs):
        assert torch.equal(torch.isinf(a), torch.isinf(b))
        np.testing.assert_allclose(torch.softmax(a, -1).numpy(), torch.softmax(b, -1).numpy(), atol=1e-6)
    assert applied[0] and applied[1] == (case["repetition_penalty"] != 1.0)


def test_top_k_keeps_ties_and_top_p_keeps_the_crossing_token():
    ctx = torch.zeros((1, 0), dtype=torch.long)
    tie = torch.tensor([[3.0, 2.0, 2.0, 2.0, 1.0, 0.5]])
    cfg = DecodingConfig(strategy=Strategy.SAMPLE, top_k=2, top_p=1.0)
    ours = stage_logits(tie, ctx, cfg)[0][3]
    assert torch.isfinite(ours[0]).tolist() == [True, True, True, True, False, False]
    assert torch.equal(torch.isinf(ours), torch.isinf(TopKLogitsWarper(2)(ctx, tie)))
    probs = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    for p in (0.6, 0.8, 0.81, 0.95):
        cfg = DecodingConfig(strategy=Strategy.SAMPLE, top_k=0, top_p=p)
        ours = stage_logits(probs, ctx, cfg)[0][4]
        theirs = TopPLogitsWarper(p)(ctx, probs)
        assert torch.equal(torch.isinf(ours), torch.isinf(theirs))
        kept = torch.isfinite(ours[0]).nonzero().flatten().tolist()
        # the smallest head of the sorted list whose mass reaches p: the crossing token stays
        cum = np.cumsum([0.5, 0.3, 0.15, 0.05])
        assert len(kept) == int(np.searchsorted(cum, p - 1e-9)) + 1


def test_greedy_leaves_warpers_off_and_restage_needs_no_forward(tiny, monkeypatch):
    run = generate(tiny, PROMPT, DecodingConfig(max_new_tokens=3, temperature=0.5, top_k=3))
    step = run.steps[1]
    assert not step.stages.applied[2:].any()            # greedy: warpers are not part of generate's pipeline
    assert step.token_id == int(step.stages.ids[np.argmax(step.stages.probs[-1])])

    def no_forward(*_a, **_k):
        raise AssertionError("restage must not run the model")

    monkeypatch.setattr(tiny.model, "forward", no_forward)
    cfg = DecodingConfig(strategy=Strategy.SAMPLE, temperature=0.5, top_k=3, repetition_penalty=1.2)
    view = restage(step, cfg, tiny.tokenizer)
    logits = torch.as_tensor(step.raw_logits)[None]
    ctx = torch.as_tensor(step.context_ids)[None]
    expected = torch.softmax(_hf_chain(logits, ctx, cfg)[4], -1)[0].numpy()
    np.testing.assert_allclose(view.probs[4], expected[view.ids], atol=1e-6)
    assert view.n_kept[3] == 3 and view.applied[:4].all() and not view.applied[4]
    assert step.token_id in view.ids.tolist()


# ----------------------------------------------------------------------------- beam search
def _hf_beam(loaded, prompt, cfg):
    with torch.inference_mode():
        out = loaded.model.generate(
            **_hf_inputs(loaded, prompt), num_beams=cfg.num_beams, num_return_sequences=cfg.num_beams,
            max_new_tokens=cfg.max_new_tokens, do_sample=False, output_scores=True, return_dict_in_generate=True,
            length_penalty=cfg.length_penalty, early_stopping=cfg.early_stopping,
            repetition_penalty=cfg.repetition_penalty)
    return _hf_new_tokens(loaded, prompt, out.sequences), out.sequences_scores.numpy()


def _assert_same_beams(ours, hf_seqs, hf_scores):
    np.testing.assert_allclose(ours.scores, hf_scores, rtol=1e-5, atol=1e-6)
    longest = max(len(s) for s in ours.sequences)
    for s, h in zip(ours.sequences, hf_seqs):
        assert len(h) == longest
        assert list(s) == h[: len(s)]


@pytest.mark.parametrize("lp,early", [(1.0, False), (0.5, True)])
def test_beam_search_equals_generate_sequences_and_scores(tiny, lp, early):
    cfg = DecodingConfig(strategy=Strategy.BEAM, num_beams=3, max_new_tokens=8, length_penalty=lp,
                         early_stopping=early, repetition_penalty=1.1)
    _assert_same_beams(beam_search(tiny, PROMPT, cfg), *_hf_beam(tiny, PROMPT, cfg))


def test_beam_search_with_finished_hypotheses(tiny, monkeypatch):
    # Make a token the model often picks the end-of-sequence token, so beams finish early.
    greedy = generate(tiny, PROMPT, DecodingConfig(max_new_tokens=6, stop_at_eos=False)).token_ids.tolist()
    monkeypatch.setattr(tiny.model.generation_config, "eos_token_id", greedy[2])
    cfg = DecodingConfig(strategy=Strategy.BEAM, num_beams=3, max_new_tokens=10)
    ours = beam_search(tiny, PROMPT, cfg)
    _assert_same_beams(ours, *_hf_beam(tiny, PROMPT, cfg))
    assert any(n.finished for n in ours.nodes)


def test_beam_tree_growth_is_consistent(tiny):
    cfg = DecodingConfig(strategy=Strategy.BEAM, num_beams=2, max_new_tokens=5)
    it = iter_beam_search(tiny, PROMPT, cfg)
    next(it)
    steps = []
    while True:
        try:
            steps.append(next(it))
        except StopIteration as stop:
            result = stop.value
            break
    assert all(isinstance(s, BeamStep) and len(s.new_nodes) == 2 * cfg.num_beams for s in steps)
    by_id = {n.node_id: n for n in result.nodes}
    for seq, leaf in zip(result.sequences, result.node_ids):      # each final path spells its sequence
        path, node = [], leaf
        while node >= 0:
            path.append(by_id[node].token_id)
            node = by_id[node].parent
        assert path[::-1] == list(seq)
    live = live_nodes(result.nodes, steps[-1].alive, result.node_ids)
    assert set(result.node_ids) <= live and len(live) < len(result.nodes)   # some hypotheses were pruned


# ----------------------------------------------------------------------------- scores
def test_perplexity_equals_exp_mean_nll_of_independent_forward(tiny):
    text = "Lily saw a big red ball in the park."
    tok = tiny.tokenizer
    with torch.inference_mode():
        if tiny.model.config.is_encoder_decoder:
            src, tgt = tok("summarize: " + text, return_tensors="pt"), tok(text_target=text, return_tensors="pt")
            loss = tiny.model(input_ids=src["input_ids"], labels=tgt["input_ids"]).loss
            ours = perplexity_of_text(tiny, text, source="summarize: " + text)
        else:
            ids = tok(text, return_tensors="pt")["input_ids"]
            loss = tiny.model(input_ids=ids, labels=ids).loss
            ours = perplexity_of_text(tiny, text)
    assert ours.perplexity == pytest.approx(float(torch.exp(loss)), rel=1e-5)
    assert np.nanmean(ours.surprisal_bits) * np.log(2) == pytest.approx(float(loss), rel=1e-5)


def test_prompt_surprisal_while_generating_matches_teacher_forcing(stories):
    run = generate(stories, "Tom had a red ball. Tom gave the ball to", DecodingConfig(max_new_tokens=2))
    scored = score_sequence(stories, run.start.prompt_ids.tolist())
    np.testing.assert_allclose(run.start.prompt_surprisal, scored.surprisal_bits, atol=1e-4, equal_nan=True)


def test_label_scores_equal_summed_token_logprobs(tiny):
    prompt, labels = "Review: I loved it. Sentiment:", [" positive", " negative", " happy"]
    res = score_labels(tiny, prompt, labels)
    tok = tiny.tokenizer
    with torch.inference_mode():
        for s in res.scores:
            if tiny.model.config.is_encoder_decoder:
                src = tok(prompt, return_tensors="pt")["input_ids"]
                tgt = tok(text_target=s.label.strip(), return_tensors="pt")["input_ids"]
                total = -float(tiny.model(input_ids=src, labels=tgt).loss) * tgt.shape[1]
            else:
                ids = torch.tensor([tok(prompt)["input_ids"] + list(s.token_ids)])
                labels_t = ids.clone()
                labels_t[0, : ids.shape[1] - len(s.token_ids)] = -100
                total = -float(tiny.model(input_ids=ids, labels=labels_t).loss) * len(s.token_ids)
            assert s.logprob == pytest.approx(total, rel=1e-5, abs=1e-5)
    assert res.best == int(np.argmax([s.logprob for s in res.scores]))
    assert sum(s.probability for s in res.scores) == pytest.approx(1.0)


def test_logit_lens_last_row_is_the_real_prediction(tiny):
    run = generate(tiny, PROMPT, DecodingConfig(max_new_tokens=2))
    step = run.steps[1]
    if tiny.model.config.is_encoder_decoder:
        lens = logit_lens(tiny, step.context_ids.tolist(), source_ids=run.start.prompt_ids.tolist())
    else:
        lens = logit_lens(tiny, step.context_ids.tolist())
    assert len(lens.layer_names) == tiny.n_layers + 1
    raw = torch.softmax(torch.as_tensor(step.raw_logits), -1)
    np.testing.assert_allclose(lens.probs[-1], raw.topk(lens.probs.shape[1]).values.numpy(), atol=1e-5)
    assert lens.ids[-1, 0] == step.token_id


def test_logit_lens_on_a_mask_position(tiny_bert_mlm_dir):
    bert = load_checkpoint(tiny_bert_mlm_dir, device="cpu")
    ids = bert.tokenizer("the cat sat on the [MASK] .")["input_ids"]
    pos = ids.index(bert.tokenizer.mask_token_id)
    lens = logit_lens(bert, ids, position=pos, top_k=3)
    with torch.inference_mode():
        probs = torch.softmax(bert.model(input_ids=torch.tensor([ids])).logits[0, pos], -1)
    np.testing.assert_allclose(lens.probs[-1], probs.topk(3).values.numpy(), atol=1e-5)
    assert lens.probs.shape == (bert.n_layers + 1, 3)


# ----------------------------------------------------------------------------- bad input
def test_bad_input_raises_typed_errors(tiny, tiny_bert_mlm_dir, monkeypatch):
    bert = load_checkpoint(tiny_bert_mlm_dir, device="cpu")
    with pytest.raises(errors.CapabilityError, match="encoder-only"):
        generate(bert, "hello", DecodingConfig())
    with pytest.raises(errors.InvalidDecodingError):
        generate(tiny, PROMPT, DecodingConfig(strategy=Strategy.SAMPLE, temperature=-1))
    for p in (0.0, 1.5):
        with pytest.raises(errors.InvalidDecodingError, match="top-p"):
            generate(tiny, PROMPT, DecodingConfig(strategy=Strategy.SAMPLE, top_p=p))
    monkeypatch.setattr(gen_mod, "_available_bytes", lambda device: 1 << 20)
    with pytest.raises(errors.GenerationTooLargeError):
        beam_search(tiny, PROMPT, DecodingConfig(strategy=Strategy.BEAM, num_beams=64, max_new_tokens=60))


def test_empty_and_overlong_prompts(tiny):
    cfg = DecodingConfig(max_new_tokens=4)
    if tiny.model.config.is_encoder_decoder:
        with pytest.raises(errors.EmptyTextError):
            generate(tiny, "  ", cfg)
        return
    run = generate(tiny, "", cfg)
    assert run.start.started_from_bos and len(run.start.prompt_ids) == 1
    long_text = " ".join(["the little dog ran to the park"] * 40)
    full = tiny.tokenizer(long_text)["input_ids"]
    run = generate(tiny, long_text, cfg)
    n = len(run.start.prompt_ids)
    assert run.start.truncated_tokens == len(full) - n > 0
    assert n + cfg.max_new_tokens <= tiny.max_length
    assert run.start.prompt_ids[-5:].tolist() == full[-5:]      # cut from the left


def test_branching_with_another_candidate_continues_from_it(tiny):
    from core.generation import with_choice

    cfg = DecodingConfig(max_new_tokens=4, stop_at_eos=False)
    run = generate(tiny, PROMPT, cfg)
    step = run.steps[1]
    alt = int(step.stages.ids[1]) if int(step.stages.ids[0]) == step.token_id else int(step.stages.ids[0])
    branched = with_choice(step, alt, cfg, tiny.tokenizer)
    raw = torch.log_softmax(torch.as_tensor(step.raw_logits, dtype=torch.float64), -1)
    assert branched.token_id == alt and branched.logprob == pytest.approx(float(raw[alt]), abs=1e-6)
    forced = [run.steps[0].token_id, alt]
    cont = generate(tiny, PROMPT, dataclasses.replace(cfg, max_new_tokens=2), forced=forced)
    assert [s.index for s in cont.steps] == [2, 3]
    np.testing.assert_array_equal(cont.steps[0].context_ids[-2:], forced)
    assert cont.steps[0].cumulative_logprob == pytest.approx(
        run.steps[0].logprob + branched.logprob + cont.steps[0].logprob, rel=1e-4)


def test_checkpoint_generation_config_defaults_are_used(tiny, monkeypatch):
    from core.decoding import default_decoding

    gc = tiny.model.generation_config
    for name, value in dict(do_sample=True, temperature=0.7, top_k=20, top_p=0.9, repetition_penalty=1.2).items():
        monkeypatch.setattr(gc, name, value)
    cfg = default_decoding(tiny)
    assert (cfg.strategy, cfg.temperature, cfg.top_k, cfg.top_p, cfg.repetition_penalty) == \
        (Strategy.SAMPLE, 0.7, 20, 0.9, 1.2)
    monkeypatch.setattr(gc, "num_beams", 3)
    assert default_decoding(tiny).strategy is Strategy.BEAM and default_decoding(tiny).num_beams == 3
