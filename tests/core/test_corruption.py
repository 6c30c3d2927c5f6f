"""Corruption recipes: statistics over many seeds, exact reproducibility, invariants."""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from core import errors
from core.corruption import (IGNORE, Fate, bert_mlm, roberta_dynamic, spanbert, spanbert_length_distribution,
                             token_seq, whole_word_mlm)
from core.corruption_seq import (BART_PRESETS, GLM_END, GLM_START, bart_noise, causal_lm, electra_mask,
                                 electra_replace, glm_blank_infilling, nsp_pairs, poisson_span_distribution,
                                 t5_noise_counts, t5_noise_mask, t5_span_corruption)

TEXT = ("Once upon a time, there was a little girl named Lily. She loved to play outside in the park. "
        "One day, she saw a big, red ball under the old tree. She ran to get it and smiled at her mom. "
        "Her mom said they could play together until dinner. They laughed and played all afternoon.")
PLAIN = ("once upon a time there was a little girl named lily she loved to play outside in the sunny park "
         "one day she saw an astronaut photographer with a xylophone and she ran to get it quickly")
N_SEEDS = 1500


@pytest.fixture(scope="module")
def tok(bert_mini_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(bert_mini_dir)


@pytest.fixture(scope="module")
def seq(tok):
    return token_seq(tok, TEXT)


def _binom_ok(successes: int, n: int, p: float, z: float = 4.5) -> bool:
    return abs(successes - n * p) <= z * math.sqrt(n * p * (1 - p))


# ------------------------------------------------------------------------------ BERT MLM
def test_mlm_rate_and_split(seq):
    n_content = int((~seq.special).sum())
    selected = masked = random = unchanged = 0
    for s in range(N_SEEDS):
        c = bert_mlm(seq, s)
        assert not c.selected[seq.special].any(), "specials are never selected"
        assert np.array_equal(c.labels != IGNORE, c.selected)
        assert np.all(c.labels[c.selected] == seq.ids[c.selected])
        assert np.all(c.input_ids[~c.selected] == seq.ids[~c.selected])
        selected += int(c.selected.sum())
        masked += c.count(Fate.MASKED)
        random += c.count(Fate.RANDOM)
        unchanged += c.count(Fate.UNCHANGED)
    assert _binom_ok(selected, N_SEEDS * n_content, 0.15)
    assert _binom_ok(masked, selected, 0.8)
    assert _binom_ok(random, selected, 0.1)
    assert _binom_ok(unchanged, selected, 0.1)


def test_mlm_is_reproducible_and_seed_dependent(seq):
    a, b, c = bert_mlm(seq, 7), bert_mlm(seq, 7), bert_mlm(seq, 8)
    assert np.array_equal(a.input_ids, b.input_ids) and np.array_equal(a.fates, b.fates)
    assert not np.array_equal(a.fates, c.fates)


def test_mlm_sliders_change_the_split(seq):
    c = bert_mlm(seq, 1, rate=1.0, mask_prob=0.0, random_prob=0.0)
    assert c.count(Fate.UNCHANGED) == int((~seq.special).sum())
    assert np.array_equal(c.input_ids, seq.ids)
    with pytest.raises(errors.InputError):
        bert_mlm(seq, 1, mask_prob=0.8, random_prob=0.3)


def _collator_stats(tok, texts_ids, whole_word: bool, n: int) -> tuple[float, float, float]:
    from transformers import DataCollatorForLanguageModeling

    kwargs = {"mask_replace_prob": 1.0, "random_replace_prob": 0.0} if whole_word else {}
    coll = DataCollatorForLanguageModeling(tok, mlm_probability=0.15, whole_word_mask=whole_word, seed=0,
                                           return_tensors="pt", **kwargs)
    batch = coll([dict(texts_ids) for _ in range(n)])
    labels, inputs = batch["labels"].numpy(), batch["input_ids"].numpy()
    sel = labels != IGNORE
    return sel.sum() / (n * int((~np.asarray(texts_ids["special_tokens_mask"], bool)).sum())), \
        (inputs[sel] == tok.mask_token_id).mean(), (inputs[sel] == labels[sel]).mean()


def test_mlm_matches_transformers_collator_statistics(tok, seq):
    example = {"input_ids": seq.ids.tolist(), "special_tokens_mask": seq.special.astype(int).tolist()}
    rate_hf, mask_hf, same_hf = _collator_stats(tok, example, False, N_SEEDS)
    cs = [bert_mlm(seq, s) for s in range(N_SEEDS)]
    sel = sum(int(c.selected.sum()) for c in cs)
    rate = sel / (N_SEEDS * int((~seq.special).sum()))
    mask = sum(c.count(Fate.MASKED) for c in cs) / sel
    same = sum(int((c.input_ids[c.selected] == seq.ids[c.selected]).sum()) for c in cs) / sel
    # The same distribution, not the same random stream: agree within a few standard errors.
    assert abs(rate - rate_hf) < 0.01
    assert abs(mask - mask_hf) < 0.03
    assert abs(same - same_hf) < 0.03


def test_whole_word_masks_all_pieces_and_matches_collator(tok):
    seq = token_seq(tok, PLAIN)
    assert any(seq.tokens[i].startswith("##") for i in range(len(seq))), "the test needs a split word"
    enc = tok(PLAIN, return_offsets_mapping=True, return_special_tokens_mask=True)
    example = {"input_ids": enc["input_ids"], "special_tokens_mask": enc["special_tokens_mask"],
               "offset_mapping": enc["offset_mapping"]}
    rate_hf, mask_hf, _ = _collator_stats(tok, example, True, N_SEEDS)
    n_words = len(np.unique(seq.word_ids[seq.word_ids >= 0]))
    words_hit = tokens_hit = 0
    for s in range(N_SEEDS):
        c = whole_word_mlm(seq, s, mask_prob=1.0, random_prob=0.0)
        for w in np.unique(seq.word_ids[seq.word_ids >= 0]):
            fates = c.fates[seq.word_ids == w]
            assert len(set(fates.tolist())) == 1, "all pieces of a word share one fate"
        words_hit += len(c.span_lengths)
        tokens_hit += int(c.selected.sum())
    assert _binom_ok(words_hit, N_SEEDS * n_words, 0.15)
    assert abs(tokens_hit / (N_SEEDS * int((~seq.special).sum())) - rate_hf) < 0.012
    assert mask_hf == 1.0


def test_dynamic_masking_changes_per_epoch_static_does_not(seq):
    dyn = [roberta_dynamic(seq, 3, e).fates for e in range(5)]
    sta = [roberta_dynamic(seq, 3, e, static=True).fates for e in range(5)]
    assert len({f.tobytes() for f in dyn}) == 5
    assert len({f.tobytes() for f in sta}) == 1
    assert np.array_equal(roberta_dynamic(seq, 3, 2).input_ids, roberta_dynamic(seq, 3, 2).input_ids)


# ------------------------------------------------------------------------------ SpanBERT
def test_spanbert_theory_mean():
    dist = spanbert_length_distribution()
    assert dist.sum() == pytest.approx(1.0)
    assert float((np.arange(1, 11) * dist).sum()) == pytest.approx(3.8, abs=0.05)


def test_spanbert_lengths_chi_square_budget_and_spans(seq):
    n_content = int((~seq.special).sum())
    budget = math.ceil(0.15 * n_content)
    lengths = []
    for s in range(600):
        c = spanbert(seq, s)
        assert int(c.selected.sum()) == budget
        lengths += c.span_lengths.tolist()
        for k in range(len(c.span_lengths)):
            pieces = np.flatnonzero(c.span_ids == k)
            assert np.all(np.diff(pieces) == 1), "a span is contiguous"
            first = pieces[0]
            assert seq.word_ids[first] != seq.word_ids[first - 1], "spans start at a word start"
            assert len(set(c.fates[pieces].tolist())) == 1, "80/10/10 decided once per span"
            assert np.all(c.extra["sbo_left"][pieces] == first - 1)
            assert np.all(c.extra["sbo_right"][pieces] == pieces[-1] + 1)
            assert c.extra["sbo_position"][pieces].tolist() == list(range(1, len(pieces) + 1))
    observed = np.bincount(lengths, minlength=11)[1:]
    expected = spanbert_length_distribution() * len(lengths)
    assert stats.chisquare(observed, expected).pvalue > 1e-3


# ------------------------------------------------------------------------------ T5
@pytest.mark.parametrize("length", [2, 5, 13, 20, 33, 100, 512])
def test_t5_noise_and_span_counts_exact(length):
    k = min(max(int(round(length * 0.15)), 1), length - 1)
    assert t5_noise_counts(length) == (k, max(int(round(k / 3)), 1))
    for s in range(50):
        m = t5_noise_mask(length, np.random.default_rng(s))
        assert m.sum() == k
        assert not m[0], "the mask starts with non-noise"
        assert int(np.sum(np.diff(m.astype(int)) == 1)) == max(int(round(k / 3)), 1)


def test_t5_input_and_target_reconstruct_the_original(seq):
    content = seq.ids[~seq.special].tolist()
    for s in range(100):
        c = t5_span_corruption(seq, s)
        spans, rebuilt, k = {}, [], -1
        for i, src in zip(c.target_ids.tolist(), c.target_source.tolist()):
            if src == -1 and i != seq.eos_id:
                k += 1
                spans[k] = []
            elif src >= 0:
                spans[k].append(i)
        k = 0
        for i, src in zip(c.input_ids.tolist(), c.input_source.tolist()):
            if src >= 0:
                rebuilt.append(i)
            elif i == seq.sentinel(k):
                rebuilt += spans[k]
                k += 1
        assert rebuilt == content
        assert c.target_ids[0] == seq.sentinel(0) and c.target_ids[-1] == seq.eos_id
        assert len(c.span_lengths) == t5_noise_counts(len(content))[1]


# ------------------------------------------------------------------------------ BART
def test_bart_infilling_poisson_spans_with_zero_lengths(seq):
    lengths, inserts = [], 0
    for s in range(400):
        c = bart_noise(seq, s, **BART_PRESETS["text_infilling"])
        drawn = c.span_lengths.tolist()
        lengths += drawn[:-1]  # the last length is cut to the budget
        inserted = int(np.sum((c.input_source == -1) & (c.input_ids == seq.mask_id)))
        n_spans = len([x for x in drawn if x > 0])
        assert inserted == drawn.count(0), "each zero-length span inserts one mask"
        # one mask per span; fairseq lets a span run over a later span's start, merging the two
        assert inserted + min(n_spans, 1) <= int(np.sum(c.input_ids == seq.mask_id)) <= n_spans + inserted
        inserts += inserted
        assert np.array_equal(c.target_ids, seq.ids)
    assert inserts > 0
    dist = poisson_span_distribution(3.0)
    observed = np.bincount(lengths, minlength=len(dist))[:len(dist)]
    keep = dist * len(lengths) >= 5
    expected = dist[keep] / dist[keep].sum() * observed[keep].sum()
    assert stats.chisquare(observed[keep], expected).pvalue > 1e-3


def test_bart_deletion_is_subsequence_rotation_is_rotation_permutation_keeps_tokens(seq):
    def subsequence(short, long):
        it = iter(long)
        return all(x in it for x in short)

    for s in range(50):
        d = bart_noise(seq, s, **BART_PRESETS["token_deletion"])
        assert subsequence(d.input_ids.tolist(), seq.ids.tolist())
        assert len(d.input_ids) == len(seq) - d.count(Fate.DELETED) > 0
        r = bart_noise(seq, s, **BART_PRESETS["document_rotation"])
        inner, orig = r.input_ids[1:-1].tolist(), seq.ids[1:-1].tolist()
        assert any(inner == orig[k:] + orig[:k] for k in range(len(orig)))
        p = bart_noise(seq, s, **BART_PRESETS["sentence_permutation"])
        assert sorted(p.input_ids.tolist()) == sorted(seq.ids.tolist())
        m = bart_noise(seq, s, **BART_PRESETS["token_masking"])
        assert len(m.input_ids) == len(seq) and not m.selected[seq.special].any()
    assert bart_noise(seq, 4, **BART_PRESETS["infilling_permutation"]).count(Fate.MOVED) > 0


# ------------------------------------------------------------------------------ GLM, ELECTRA, NSP, CLM
def test_glm_parts_and_positions(seq):
    c = glm_blank_infilling(seq, 2)
    part = c.extra["part"]
    a = c.input_ids[part == 0]
    assert int(np.sum(a == seq.mask_id)) == len(c.span_lengths)
    assert int(np.sum(c.input_ids == GLM_START)) == int(np.sum(c.labels == GLM_END)) == len(c.span_lengths)
    b_pos = c.extra["position_1"][part == 1]
    assert np.all(c.input_ids[part == 0][b_pos] == seq.mask_id), "part B points at its [MASK] in part A"
    assert sum(c.span_lengths) == math.ceil(0.15 * int((~seq.special).sum()))


def test_electra_replaced_only_if_sample_differs(seq):
    masked = electra_mask(seq, 0)
    pos = np.flatnonzero(masked.fates == Fate.MASKED)
    probs = np.zeros((len(pos), seq.vocab_size))
    probs[0, seq.ids[pos[0]]] = 1.0          # the generator gets the first one right
    probs[1:, 5] = 1.0                        # and proposes id 5 elsewhere
    out = electra_replace(masked, probs, 0)
    assert out.fates[pos[0]] == Fate.SAMPLED_SAME and out.labels[pos[0]] == 0
    assert np.all(out.labels == (out.input_ids != seq.ids))
    assert out.labels.sum() == int(np.sum(seq.ids[pos[1:]] != 5))


def test_nsp_pairs_half_is_next(seq):
    pairs = [p for s in range(300) for p in nsp_pairs(TEXT, s)]
    assert _binom_ok(sum(p.is_next for p in pairs), len(pairs), 0.5)
    assert all((p.b_index == p.a_index + 1) == p.is_next for p in pairs)
    with pytest.raises(errors.InputError):
        nsp_pairs("Only one sentence.", 0)


def test_causal_lm_shifted_targets(seq):
    c = causal_lm(seq)
    assert np.array_equal(c.labels[:-1], seq.ids[1:]) and c.labels[-1] == IGNORE


def test_every_recipe_is_reproducible(seq):
    recipes = [lambda s: bert_mlm(seq, s), lambda s: whole_word_mlm(seq, s), lambda s: spanbert(seq, s),
               lambda s: t5_span_corruption(seq, s), lambda s: glm_blank_infilling(seq, s)]
    recipes += [lambda s, k=k: bart_noise(seq, s, **v) for k, v in BART_PRESETS.items()]
    for make in recipes:
        a, b = make(11), make(11)
        assert np.array_equal(a.input_ids, b.input_ids) and np.array_equal(a.fates, b.fates)
        assert np.array_equal(a.target_ids, b.target_ids)


def test_no_mask_token_raises(tiny_gpt2_dir):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_gpt2_dir)
    tok.mask_token = None
    with pytest.raises(errors.NoMaskTokenError):
        bert_mlm(token_seq(tok, "a little girl"), 0)
    with pytest.raises(errors.EmptyTextError):
        token_seq(tok, "   ")
