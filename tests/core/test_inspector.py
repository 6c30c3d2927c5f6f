"""Tests for :mod:`core.inspector`: forward-pass shapes and values, encodings, fill-mask, errors."""
from __future__ import annotations

import numpy as np
import pytest

from core import Capability, ModelInspector, ModelKind, load_checkpoint, mask_word
from core import errors

TEXT = "The playful kittens jumped over the old fence."
LONG_TEXT = " ".join(["Lily"] + ["played"] * 999)  # 1000 words


@pytest.fixture(scope="module")
def inspector(request):
    """``inspector("tiny_bert_mlm_dir")`` → a ModelInspector on CPU, built once per module."""
    made: dict[str, ModelInspector] = {}

    def _get(fixture: str) -> ModelInspector:
        if fixture not in made:
            made[fixture] = ModelInspector(load_checkpoint(request.getfixturevalue(fixture), device="cpu"))
        return made[fixture]

    return _get


@pytest.fixture(scope="module")
def fill_mask():
    """transformers' own fill-mask pipeline for an inspector's model, built once per model."""
    made = {}

    def _get(ins: ModelInspector):
        from transformers import pipeline

        key = id(ins.model)
        if key not in made:
            made[key] = pipeline("fill-mask", model=ins.model, tokenizer=ins.tokenizer, device="cpu")
        return made[key]

    return _get


def _direct(ins: ModelInspector, text: str, text_pair: str | None = None):
    """The model called straight with transformers on the tokenizer's own encoding."""
    import torch

    enc = ins.tokenizer(text, text_pair, return_tensors="pt")
    model = ins.model.get_encoder() if ins.loaded.kind is ModelKind.ENCODER_DECODER else ins.model
    if ins.loaded.kind is not ModelKind.ENCODER:
        enc.pop("token_type_ids", None)
    with torch.no_grad():
        out = model(**enc, output_attentions=True, output_hidden_states=True)
    return enc, out


# --------------------------------------------------------------------------- inspect()
@pytest.mark.parametrize("fixture, text", [
    ("tiny_bert_mlm_dir", TEXT),
    ("minilm_dir", TEXT),
    ("stories260k_dir", "Once upon a time, there was a little girl named Lily."),
    ("tiny_t5_dir", "Lily went to the park to play."),
])
def test_inspect_matches_the_model_called_directly(fixture, text, inspector):
    ins = inspector(fixture)
    m = ins.loaded
    result = ins.inspect(text)
    enc, out = _direct(ins, text)
    ids = enc["input_ids"][0].numpy()
    seq = len(ids)
    np.testing.assert_array_equal(result.encoding.input_ids, ids)
    assert len(result.encoding) == seq

    att = result.attentions
    assert att.dtype == np.float32
    assert att.shape == (m.n_layers, m.n_heads, seq, seq)
    expected_att = np.stack([a[0].numpy() for a in out.attentions])
    np.testing.assert_allclose(att, expected_att, rtol=0, atol=1e-6)
    np.testing.assert_allclose(att.sum(axis=-1), 1.0, atol=1e-5)
    assert (att >= 0).all()

    hid = result.hidden_states
    assert hid.dtype == np.float32
    assert hid.shape == (m.n_layers + 1, seq, m.d_model)
    expected_hid = np.stack([h[0].numpy() for h in out.hidden_states])
    np.testing.assert_allclose(hid, expected_hid, rtol=0, atol=1e-6)
    # The layers really differ: index 0 is the embedding output, not a copy of the last layer.
    assert not np.allclose(hid[0], hid[-1])

    emb = result.input_embeddings
    assert emb.dtype == np.float32 and emb.shape == (seq, m.d_model)
    table = ins.model.get_input_embeddings().weight.detach().numpy()
    np.testing.assert_array_equal(emb, table[ids])

    upper = np.triu(np.ones((seq, seq), dtype=bool), k=1)
    if m.kind is ModelKind.DECODER:
        assert np.abs(att[..., upper]).max() < 1e-7, "a decoder must not attend to later tokens"
    else:
        assert att[..., upper].max() > 1e-3, "an encoder attends in both directions"


def test_stories260k_reports_all_eight_query_heads(inspector):
    # Llama with GQA: 8 query heads share 4 key/value heads; attention maps exist per query head.
    ins = inspector("stories260k_dir")
    assert ins.model.config.num_key_value_heads == 4
    att = ins.inspect("Tom had a red ball.").attentions
    assert att.shape[:2] == (5, 8)
    assert not np.allclose(att[:, 0], att[:, 1])


def test_inspect_can_skip_outputs(inspector):
    ins = inspector("tiny_bert_mlm_dir")
    full = ins.inspect(TEXT)
    bare = ins.inspect(TEXT, attentions=False, hidden_states=False)
    assert bare.attentions is None and bare.hidden_states is None
    np.testing.assert_array_equal(bare.input_embeddings, full.input_embeddings)


def test_inspect_sentence_pair_matches_direct_call(inspector):
    ins = inspector("minilm_dir")
    a, b = "The cat sat on the mat.", "It was very happy."
    result = ins.inspect(a, b)
    enc, out = _direct(ins, a, b)
    np.testing.assert_array_equal(result.encoding.segment_ids, enc["token_type_ids"][0].numpy())
    np.testing.assert_allclose(result.hidden_states[-1], out.hidden_states[-1][0].numpy(), rtol=0, atol=1e-6)


# --------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("fixture", ["minilm_dir", "bert_mini_dir"])
def test_tokens_offsets_and_specials_line_up(fixture, inspector):
    ins = inspector(fixture)
    text = "Unbelievably, the playful kittens jumped over Lily's fence!"
    e = ins.encode(text)
    assert e.text == text and e.text_pair is None
    n = len(e)
    assert e.input_ids.dtype == np.int64 and e.input_ids.shape == (n,)
    assert e.offsets.dtype == np.int32 and e.offsets.shape == (n, 2)
    assert e.special_mask.dtype == bool and e.word_ids.dtype == np.int32 and e.segment_ids.dtype == np.int32
    assert list(e.tokens) == ins.tokenizer.convert_ids_to_tokens(e.input_ids.tolist())
    assert e.tokens[0] == "[CLS]" and e.tokens[-1] == "[SEP]"
    np.testing.assert_array_equal(np.flatnonzero(e.special_mask), [0, n - 1])
    np.testing.assert_array_equal(e.word_ids[[0, -1]], [-1, -1])
    np.testing.assert_array_equal(e.offsets[[0, -1]], [[0, 0], [0, 0]])
    assert (e.segment_ids == 0).all()
    assert not e.truncated
    for tok, (start, end), special in zip(e.tokens, e.offsets, e.special_mask):
        if not special:
            assert text[start:end].lower() == tok.removeprefix("##"), (tok, text[start:end])
    # "unbelievably" is several pieces of one word; words are numbered in order.
    words = e.word_ids[~e.special_mask]
    assert words[0] == words[1] == 0
    assert (np.diff(words) >= 0).all()
    pieces = np.flatnonzero(e.word_ids == 0)
    assert "".join(e.tokens[i].removeprefix("##") for i in pieces) == "unbelievably"


def test_sentence_pair_encoding(inspector):
    ins = inspector("minilm_dir")
    a, b = "The cat sat on the mat.", "Kittens are playful."
    e = ins.encode(a, b)
    assert e.text_pair == b
    seps = [i for i, t in enumerate(e.tokens) if t == "[SEP]"]
    assert len(seps) == 2 and seps[1] == len(e) - 1
    first = seps[0]
    np.testing.assert_array_equal(e.segment_ids[: first + 1], 0)
    np.testing.assert_array_equal(e.segment_ids[first + 1:], 1)
    np.testing.assert_array_equal(np.flatnonzero(e.special_mask), [0, first, len(e) - 1])
    assert (e.word_ids[e.special_mask] == -1).all()
    words_a = set(e.word_ids[(e.segment_ids == 0) & ~e.special_mask].tolist())
    words_b = set(e.word_ids[(e.segment_ids == 1) & ~e.special_mask].tolist())
    assert words_a and words_b and not (words_a & words_b)
    assert max(words_a) < min(words_b)
    # Offsets of sentence B point into the second text.
    for i in np.flatnonzero((e.segment_ids == 1) & ~e.special_mask):
        start, end = e.offsets[i]
        assert b[start:end].lower() == e.tokens[i].removeprefix("##")
    # A blank second sentence is the same as none.
    single = ins.encode(a, "   ")
    assert single.text_pair is None and single.tokens == ins.encode(a).tokens


def test_sentence_pair_segments_without_token_type_ids(inspector):
    # The byte-level BPE tokenizer returns no token_type_ids: segments come from sequence ids.
    ins = inspector("tiny_roberta_mlm_dir")
    a, b = "Lily went to the park.", "She played."
    e = ins.encode(a, b)
    ea, eb = ins.encode(a), ins.encode(b)
    n_a = int((e.segment_ids == 0).sum())
    assert n_a >= len(ea.tokens) - 2 and (e.segment_ids[:n_a] == 0).all() and (e.segment_ids[n_a:] == 1).all()
    words_a = set(e.word_ids[e.segment_ids == 0].tolist()) - {-1}
    words_b = set(e.word_ids[e.segment_ids == 1].tolist()) - {-1}
    assert not (words_a & words_b)
    assert len(words_b) == len(set(eb.word_ids.tolist()) - {-1})


def test_decoder_encoding_marks_bos(inspector):
    ins = inspector("stories260k_dir")
    e = ins.encode("Once upon a time")
    assert e.tokens[0] == "<s>" and e.input_ids[0] == 1
    assert e.special_mask[0] and not e.special_mask[1:].any()
    assert e.word_ids[0] == -1


# --------------------------------------------------------------------------- fill-mask
def _compare_with_pipeline(ins, fill_mask, text: str, top_k: int = 5) -> None:
    result = ins.predict_masks(text, top_k=top_k)
    expected = fill_mask(ins)(text, top_k=top_k)
    if expected and isinstance(expected[0], dict):
        expected = [expected]
    mask_id = ins.tokenizer.mask_token_id
    assert [p.position for p in result.predictions] == np.flatnonzero(result.encoding.input_ids == mask_id).tolist()
    assert len(result.predictions) == len(expected)
    for pred, exp in zip(result.predictions, expected):
        assert len(pred.candidates) == top_k
        assert [c.token_id for c in pred.candidates] == [e["token"] for e in exp]
        np.testing.assert_allclose([c.probability for c in pred.candidates], [e["score"] for e in exp],
                                   rtol=0, atol=1e-5)
        assert [c.token for c in pred.candidates] == ins.tokenizer.convert_ids_to_tokens(
            [c.token_id for c in pred.candidates])
        probs = [c.probability for c in pred.candidates]
        assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-6


@pytest.mark.parametrize("fixture, texts", [
    ("tiny_bert_mlm_dir", ["The cat sat on the [MASK].", "The [MASK] sat on the [MASK]."]),
    ("tiny_roberta_mlm_dir", ["Lily went to the <mask> to play.", "<mask> went to the <mask> to play."]),
    ("bert_mini_dir", ["She went to the [MASK] to play with her friends.",
                       "The [MASK] was very happy and [MASK] its tail."]),
])
def test_predict_masks_equals_the_fill_mask_pipeline(fixture, texts, inspector, fill_mask):
    ins = inspector(fixture)
    assert texts[0].count(ins.tokenizer.mask_token) == 1 and texts[1].count(ins.tokenizer.mask_token) == 2
    for text in texts:
        _compare_with_pipeline(ins, fill_mask, text)


def test_stories_bert_mini_knows_lily(inspector):
    # Verified outputs documented in ../shared/models/SOURCES.md.
    ins = inspector("bert_mini_dir")
    top = ins.predict_masks("Once upon a time, there was a little [MASK] named Lily.", top_k=3).predictions[0]
    assert top.candidates[0].token == "girl" and top.candidates[0].probability > 0.99
    park = ins.predict_masks("She went to the [MASK] to play with her friends.", top_k=3).predictions[0]
    assert [c.token for c in park.candidates] == ["park", "store", "garden"]
    assert park.candidates[0].probability == pytest.approx(0.924, abs=0.005)


def test_stories_electra_generator_predicts(inspector):
    ins = inspector("electra_gen_dir")
    pred = ins.predict_masks("Lily went to the [MASK] to play.", top_k=2).predictions[0]
    assert [c.token for c in pred.candidates] == ["park", "store"]             # SOURCES.md
    assert pred.candidates[0].probability == pytest.approx(0.782, abs=0.005)


def test_top_k_is_clamped(inspector):
    ins = inspector("tiny_roberta_mlm_dir")
    assert len(ins.predict_masks("Lily went to the <mask>.", top_k=0).predictions[0].candidates) == 1
    many = ins.predict_masks("Lily went to the <mask>.", top_k=10_000).predictions[0].candidates
    assert len(many) == len(ins.tokenizer)
    assert sum(c.probability for c in many) == pytest.approx(1.0, abs=1e-4)


# --------------------------------------------------------------------------- errors
def test_text_without_mask(inspector):
    ins = inspector("bert_mini_dir")
    with pytest.raises(errors.NoMaskTokenError) as info:
        ins.predict_masks("Lily went to the park.")
    assert "[MASK]" in str(info.value)
    assert isinstance(info.value, errors.InputError)


@pytest.mark.parametrize("text", ["", "   ", " \n\t "])
def test_empty_text(text, inspector):
    ins = inspector("bert_mini_dir")
    for call in (ins.encode, ins.inspect, ins.predict_masks):
        with pytest.raises(errors.EmptyTextError) as info:
            call(text)
        assert str(info.value).strip()


@pytest.mark.parametrize("fixture", ["minilm_dir", "electra_disc_dir", "stories260k_dir"])
def test_no_mlm_head_is_a_capability_error(fixture, inspector):
    ins = inspector(fixture)
    assert Capability.MASK not in ins.loaded.capabilities
    with pytest.raises(errors.CapabilityError) as info:
        ins.predict_masks("The cat sat on the [MASK].")
    assert ins.loaded.name in str(info.value)
    with pytest.raises(errors.CapabilityError):
        ins.require_mask_head()


@pytest.mark.parametrize("fixture", ["bert_mini_dir", "tiny_roberta_mlm_dir", "tiny_gpt2_dir"])
def test_over_long_text_is_truncated(fixture, inspector):
    ins = inspector(fixture)
    m = ins.loaded
    e = ins.encode(LONG_TEXT)
    assert e.truncated is True
    assert len(e) == m.max_length == len(e.input_ids) == len(e.offsets)
    assert not ins.encode("Lily played.").truncated
    result = ins.inspect(LONG_TEXT)
    assert result.encoding.truncated
    assert result.attentions.shape == (m.n_layers, m.n_heads, m.max_length, m.max_length)
    assert result.hidden_states.shape == (m.n_layers + 1, m.max_length, m.d_model)
    assert np.isfinite(result.hidden_states).all()


def test_over_long_text_with_mask_still_predicts(inspector):
    ins = inspector("bert_mini_dir")
    result = ins.predict_masks("Lily went to the [MASK]. " + LONG_TEXT, top_k=3)
    assert result.encoding.truncated and len(result.encoding) == 128
    assert result.encoding.tokens[-1] == "[SEP]"
    assert len(result.predictions) == 1 and result.predictions[0].position == 5


def test_mask_cut_off_by_truncation_says_so(inspector):
    ins = inspector("bert_mini_dir")
    with pytest.raises(errors.TextTooLongError, match="128"):
        ins.predict_masks(LONG_TEXT + " She was [MASK].")
    with pytest.raises(errors.NoMaskTokenError):  # short text without a mask: the ordinary message
        ins.predict_masks("Lily went to the park.")


# --------------------------------------------------------------------------- mask_word
def test_mask_word_masks_every_piece(inspector):
    minilm = inspector("minilm_dir")
    word = "unbelievably"
    pieces = minilm.tokenizer.tokenize(word)
    assert len(pieces) >= 2, pieces
    text = f"The story was {word} long."
    e = minilm.encode(text)
    idx = e.tokens.index(pieces[1])             # a middle piece selects the whole word
    mask = minilm.tokenizer.mask_token
    new_text, start, end, replacement = mask_word(e, idx, mask)
    assert text[start:end] == word
    assert replacement == " ".join([mask] * len(pieces))
    assert new_text == f"The story was {replacement} long."
    assert mask_word(e, e.tokens.index(pieces[0]), mask) == (new_text, start, end, replacement)

    # The tiny BERT shares MiniLM's vocabulary and has an MLM head.
    tiny = inspector("tiny_bert_mlm_dir")
    result = tiny.predict_masks(new_text, top_k=3)
    assert len(result.predictions) == len(pieces)
    first = e.tokens.index(pieces[0])
    assert [p.position for p in result.predictions] == list(range(first, first + len(pieces)))
    # The masked text keeps the same number of tokens as the original.
    assert len(result.encoding) == len(e)


def test_mask_word_single_piece_and_case(inspector):
    ins = inspector("bert_mini_dir")
    text = "Lily saw a Big dog."
    e = ins.encode(text)
    idx = e.tokens.index("big")
    new_text, start, end, replacement = mask_word(e, idx, "[MASK]")
    assert (text[start:end], replacement, new_text) == ("Big", "[MASK]", "Lily saw a [MASK] dog.")
    assert ins.predict_masks(new_text).predictions[0].position == idx


def test_mask_word_refuses_special_tokens_and_sentence_b(inspector):
    ins = inspector("minilm_dir")
    e = ins.encode("The cat sat.", "It slept.")
    sep = e.tokens.index("[SEP]")
    for idx in (0, sep, len(e) - 1):
        with pytest.raises(errors.InputError) as info:
            mask_word(e, idx, "[MASK]")
        assert e.tokens[idx] in str(info.value)
    with pytest.raises(errors.InputError):
        mask_word(e, sep + 1, "[MASK]")        # first word of sentence B
    for idx in (-1, len(e)):
        with pytest.raises(errors.InputError):
            mask_word(e, idx, "[MASK]")
