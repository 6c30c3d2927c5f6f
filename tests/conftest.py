"""Shared fixtures: tiny random-weight models built from configs, and the real checkpoints."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")              # tests never reach the real hub
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED_MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
REAL_MODELS = {
    "minilm": SHARED_MODELS / "all-minilm-l6-v2",
    "stories260k": SHARED_MODELS / "stories260k",
    "bert": SHARED_MODELS / "stories-bert-mini",
    "electra-gen": SHARED_MODELS / "stories-electra-generator",
    "electra-disc": SHARED_MODELS / "stories-electra-discriminator",
}
CORPUS = SHARED_MODELS / "stories-corpus-sample.txt"


def real_model(name: str) -> Path:
    """Path of a real checkpoint in ../shared/models; skip if absent, but fail in CI."""
    path = REAL_MODELS[name]
    if not (path / "config.json").is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"real model {path} is missing: CI needs ../shared/models beside the checkout")
        pytest.skip(f"real model {path} not available")
    return path


@pytest.fixture(scope="session")
def bert_mini_dir() -> Path:
    return real_model("bert")


@pytest.fixture(scope="session")
def minilm_dir() -> Path:
    return real_model("minilm")


@pytest.fixture(scope="session")
def stories260k_dir() -> Path:
    return real_model("stories260k")


@pytest.fixture(scope="session")
def electra_gen_dir() -> Path:
    return real_model("electra-gen")


@pytest.fixture(scope="session")
def electra_disc_dir() -> Path:
    return real_model("electra-disc")


@pytest.fixture(scope="session")
def web_assets():
    """The local d3/jQuery/require.js for bertviz; skipped locally (failed in CI) when not fetched."""
    from core.bertviz_html import WebAssetsMissingError, find_web_assets

    try:
        return find_web_assets()
    except WebAssetsMissingError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{exc}: CI must run scripts/fetch_web_assets.sh")
        pytest.skip(str(exc))


def _training_text() -> list[str]:
    if CORPUS.is_file():
        return CORPUS.read_text(encoding="utf-8").splitlines()[:300]
    return ["Once upon a time, there was a little girl named Lily. She liked to play in the park."] * 50


@pytest.fixture(scope="session")
def bpe_tokenizer_dir(tmp_path_factory) -> Path:
    """A small byte-level BPE tokenizer (RoBERTa/GPT-2 style) trained on a few stories."""
    from tokenizers import ByteLevelBPETokenizer
    from transformers import PreTrainedTokenizerFast

    tok = ByteLevelBPETokenizer(add_prefix_space=False)
    tok.train_from_iterator(_training_text(), vocab_size=400, min_frequency=2,
                            special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    out = tmp_path_factory.mktemp("bpe")
    fast = PreTrainedTokenizerFast(tokenizer_object=tok._tokenizer, bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>", pad_token="<pad>", mask_token="<mask>")
    fast.save_pretrained(out)
    return out


def _save(model, tokenizer_src: Path | None, out: Path, tokenizer=None) -> Path:
    from transformers import AutoTokenizer

    model.save_pretrained(out)
    (tokenizer or AutoTokenizer.from_pretrained(tokenizer_src)).save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def tiny_bert_mlm_dir(tmp_path_factory, minilm_dir) -> Path:
    """Random 2-layer, 2-head, 32-dim BertForMaskedLM with MiniLM's real WordPiece vocab."""
    import torch
    from transformers import BertConfig, BertForMaskedLM

    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=37, max_position_embeddings=64)
    return _save(BertForMaskedLM(cfg), minilm_dir, tmp_path_factory.mktemp("tiny_bert"))


@pytest.fixture(scope="session")
def tiny_roberta_mlm_dir(tmp_path_factory, bpe_tokenizer_dir) -> Path:
    import torch
    from transformers import AutoTokenizer, RobertaConfig, RobertaForMaskedLM

    tok = AutoTokenizer.from_pretrained(bpe_tokenizer_dir)
    torch.manual_seed(1)
    cfg = RobertaConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=37, max_position_embeddings=66, pad_token_id=tok.pad_token_id,
                        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    return _save(RobertaForMaskedLM(cfg), bpe_tokenizer_dir, tmp_path_factory.mktemp("tiny_roberta"))


@pytest.fixture(scope="session")
def tiny_gpt2_dir(tmp_path_factory, bpe_tokenizer_dir) -> Path:
    import torch
    from transformers import AutoTokenizer, GPT2Config, GPT2LMHeadModel

    tok = AutoTokenizer.from_pretrained(bpe_tokenizer_dir)
    torch.manual_seed(2)
    cfg = GPT2Config(vocab_size=len(tok), n_embd=32, n_layer=2, n_head=2, n_positions=64,
                     bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    return _save(GPT2LMHeadModel(cfg), bpe_tokenizer_dir, tmp_path_factory.mktemp("tiny_gpt2"))


@pytest.fixture(scope="session")
def tiny_t5_dir(tmp_path_factory, bpe_tokenizer_dir) -> Path:
    import torch
    from transformers import AutoTokenizer, T5Config, T5ForConditionalGeneration

    tok = AutoTokenizer.from_pretrained(bpe_tokenizer_dir)
    torch.manual_seed(3)
    cfg = T5Config(vocab_size=len(tok), d_model=32, d_kv=16, d_ff=37, num_layers=2, num_decoder_layers=2,
                   num_heads=2, pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id,
                   decoder_start_token_id=tok.pad_token_id)
    return _save(T5ForConditionalGeneration(cfg), bpe_tokenizer_dir, tmp_path_factory.mktemp("tiny_t5"))


@pytest.fixture(scope="session")
def tiny_llama_dir(tmp_path_factory, stories260k_dir) -> Path:
    """Random 2-layer Llama (GQA, 32-dim) with the stories260k tokenizer (BOS-prepending BPE)."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    tok = AutoTokenizer.from_pretrained(stories260k_dir)
    torch.manual_seed(4)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=48, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=128,
                      bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    return _save(LlamaForCausalLM(cfg), stories260k_dir, tmp_path_factory.mktemp("tiny_llama"))
