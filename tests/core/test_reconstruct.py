"""The loaded model on corrupted input: its loss equals the model's own ``labels=`` loss."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core import errors, load_checkpoint
from core.corruption import Fate, bert_mlm, spanbert, token_seq, whole_word_mlm
from core.corruption_seq import (BART_PRESETS, NspPair, bart_noise, causal_lm, electra_mask, electra_replace,
                                 t5_span_corruption)
from core.reconstruct import can_reconstruct, electra_corrupt, nsp_probability, reconstruct

TEXT = "Once upon a time, there was a little girl named Lily. She loved to play outside in the park."


def _t(x) -> torch.Tensor:
    return torch.as_tensor(x).unsqueeze(0)


@pytest.fixture(scope="module")
def tiny_bart_dir(tmp_path_factory, bpe_tokenizer_dir):
    from transformers import AutoTokenizer, BartConfig, BartForConditionalGeneration

    tok = AutoTokenizer.from_pretrained(bpe_tokenizer_dir)
    torch.manual_seed(4)
    cfg = BartConfig(vocab_size=len(tok), d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=2,
                     decoder_attention_heads=2, encoder_ffn_dim=37, decoder_ffn_dim=37, max_position_embeddings=128,
                     pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                     decoder_start_token_id=tok.eos_token_id, forced_eos_token_id=tok.eos_token_id)
    out = tmp_path_factory.mktemp("tiny_bart")
    BartForConditionalGeneration(cfg).save_pretrained(out)
    tok.save_pretrained(out)
    return out


@pytest.fixture(scope="module")
def tiny_electra_disc_dir(tmp_path_factory, bpe_tokenizer_dir):
    from transformers import AutoTokenizer, ElectraConfig, ElectraForPreTraining

    tok = AutoTokenizer.from_pretrained(bpe_tokenizer_dir)
    torch.manual_seed(5)
    cfg = ElectraConfig(vocab_size=len(tok), embedding_size=16, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=37, max_position_embeddings=128,
                        pad_token_id=tok.pad_token_id)
    out = tmp_path_factory.mktemp("tiny_electra")
    ElectraForPreTraining(cfg).save_pretrained(out)
    tok.save_pretrained(out)
    return out


@pytest.mark.parametrize("recipe", [bert_mlm, whole_word_mlm, spanbert])
def test_mlm_loss_equals_labels_loss_tiny_bert(tiny_bert_mlm_dir, recipe):
    loaded = load_checkpoint(tiny_bert_mlm_dir)
    c = recipe(token_seq(loaded.tokenizer, TEXT), 3)
    rec = reconstruct(loaded, c)
    with torch.inference_mode():
        ref = loaded.model(input_ids=_t(c.input_ids), labels=_t(c.labels)).loss
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)
    assert np.isnan(rec.token_loss[c.labels == -100]).all()
    assert np.nanmean(rec.token_loss) == pytest.approx(rec.loss, abs=1e-5)


def test_mlm_loss_real_bert_mini_and_reconstruction(bert_mini_dir):
    loaded = load_checkpoint(bert_mini_dir)
    c = bert_mlm(token_seq(loaded.tokenizer, TEXT), 0, rate=0.3)
    rec = reconstruct(loaded, c)
    with torch.inference_mode():
        ref = loaded.model(input_ids=_t(c.input_ids), labels=_t(c.labels)).loss
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)
    sel = c.labels != -100
    # A trained model restores most of the corrupted story words.
    assert np.mean(rec.predicted_ids[sel] == c.labels[sel]) > 0.5


def test_t5_loss_equals_labels_loss(tiny_t5_dir):
    loaded = load_checkpoint(tiny_t5_dir)
    c = t5_span_corruption(token_seq(loaded.tokenizer, TEXT), 1)
    rec = reconstruct(loaded, c)
    with torch.inference_mode():
        ref = loaded.model(input_ids=_t(c.input_ids), labels=_t(c.target_ids)).loss
    assert rec.on_target and len(rec.token_loss) == len(c.target_ids)
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)


@pytest.mark.parametrize("preset", ["text_infilling", "token_deletion", "infilling_permutation"])
def test_bart_loss_equals_labels_loss(tiny_bart_dir, preset):
    loaded = load_checkpoint(tiny_bart_dir)
    c = bart_noise(token_seq(loaded.tokenizer, TEXT), 2, **BART_PRESETS[preset])
    rec = reconstruct(loaded, c)
    with torch.inference_mode():
        ref = loaded.model(input_ids=_t(c.input_ids), labels=_t(c.target_ids)).loss
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)


def test_causal_loss_equals_labels_loss(tiny_gpt2_dir):
    loaded = load_checkpoint(tiny_gpt2_dir)
    c = causal_lm(token_seq(loaded.tokenizer, TEXT))
    rec = reconstruct(loaded, c)
    with torch.inference_mode():
        ref = loaded.model(input_ids=_t(c.input_ids), labels=_t(c.input_ids)).loss
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)


def test_electra_discriminator_loss_equals_labels_loss(tiny_electra_disc_dir):
    from transformers import ElectraForPreTraining

    loaded = load_checkpoint(tiny_electra_disc_dir)
    assert can_reconstruct(loaded, "electra")
    seq = token_seq(loaded.tokenizer, TEXT)
    masked = electra_mask(seq, 0, rate=0.3)
    n = int((masked.fates == Fate.MASKED).sum())
    probs = np.random.default_rng(0).dirichlet(np.ones(seq.vocab_size), size=n)
    c = electra_replace(masked, probs, 0)
    rec = reconstruct(loaded, c)
    ref_model = ElectraForPreTraining.from_pretrained(tiny_electra_disc_dir).eval()
    with torch.inference_mode():
        ref = ref_model(input_ids=_t(c.input_ids), labels=_t(c.labels)).loss
    assert rec.loss == pytest.approx(float(ref), abs=1e-5)
    assert rec.replaced_prob.shape == (len(seq),)


def test_electra_real_pair_ranks_replaced_tokens_high(electra_gen_dir, electra_disc_dir):
    gen, disc = load_checkpoint(electra_gen_dir), load_checkpoint(electra_disc_dir)
    seq = token_seq(gen.tokenizer, TEXT)
    ranks, n_replaced = [], 0
    for seed in range(12):
        c = electra_corrupt(gen, electra_mask(seq, seed, rate=0.2), seed)
        replaced = np.flatnonzero(c.labels == 1)
        if not len(replaced):
            continue
        p = reconstruct(disc, c).replaced_prob
        content = np.flatnonzero(~seq.special)
        order = content[np.argsort(-p[content])]
        # percentile rank of each replaced token within its sentence (0 = the most suspicious)
        ranks += [float(np.flatnonzero(order == r)[0]) / len(content) for r in replaced]
        n_replaced += len(replaced)
    assert n_replaced >= 5
    # The discriminator is weak in absolute terms, but replaced tokens rank near the top.
    assert np.median(ranks) < 0.25


def test_nsp_probability_equals_bert_for_pretraining(bert_mini_dir):
    from transformers import AutoTokenizer, BertForPreTraining

    loaded = load_checkpoint(bert_mini_dir)
    a, b = "Lily went to the park.", "She played on the swings with her friend."
    model = BertForPreTraining.from_pretrained(bert_mini_dir, dtype=torch.float32).eval()
    enc = AutoTokenizer.from_pretrained(bert_mini_dir)(a, b, return_tensors="pt")
    with torch.inference_mode():
        ref = torch.softmax(model(**enc).seq_relationship_logits[0], -1)[0]
    p = nsp_probability(loaded, NspPair(a, b, True, 0, 1))
    assert p == pytest.approx(float(ref), abs=1e-5)
    far = nsp_probability(loaded, NspPair(a, "The big truck was red and had four wheels and a horn.", False, 0, 5))
    assert p > far


def test_missing_head_raises(minilm_dir, tiny_gpt2_dir):
    minilm = load_checkpoint(minilm_dir)
    with pytest.raises(errors.CapabilityError):
        reconstruct(minilm, bert_mlm(token_seq(minilm.tokenizer, TEXT), 0))
    gpt2 = load_checkpoint(tiny_gpt2_dir)
    assert not can_reconstruct(gpt2, "t5")
