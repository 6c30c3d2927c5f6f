"""Pre-train a tiny model from scratch on a text file, on the shared training engine.

:func:`iter_pretrain` trains (or reuses) a tokenizer, cuts the corpus into rows, builds a
tiny model from an architecture preset, and hands model, objective, data and probe to
:func:`core.training.iter_train` — there is no second training loop. The result is a
normal Hugging Face checkpoint that :func:`core.load_checkpoint` loads into every panel.
"""
from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import errors
from .pretrain_objectives import (CausalCollate, CausalObjective, ElectraObjective, MaskedLMCollate,
                                  MaskedLMObjective, ProbeResult, Row, Seq2SeqObjective, T5Collate, TokenSpec,
                                  continuation_probe, electra_pair, fill_mask_probe, span_filling_probe)
from .training import TrainConfig, TrainControl, TrainData, TrainProgress, TrainResult, iter_train, set_sdpa

OBJECTIVES = ("mlm", "wwm", "spanbert", "electra", "t5", "clm")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "models" / "stories-corpus-sample.txt"
N_SENTINELS = 32


@dataclass(frozen=True)
class ArchPreset:
    """A tiny transformer: layers × hidden size, heads, feed-forward size."""

    layers: int
    hidden: int
    heads: int
    ffn: int


PRESETS: dict[str, ArchPreset] = {
    "1x64": ArchPreset(1, 64, 2, 256),
    "2x128": ArchPreset(2, 128, 2, 512),
    "4x256": ArchPreset(4, 256, 4, 1024),
}


@dataclass(frozen=True)
class PretrainConfig:
    """What to pre-train: objective, architecture, tokenizer and corpus.

    ``tokenizer`` is ``"train"`` (a lower-cased WordPiece of ``vocab_size`` trained on the
    corpus with ``tokenizers``) or a model folder whose tokenizer is reused.
    """

    objective: str = "mlm"
    preset: str = "2x128"
    corpus: str = str(DEFAULT_CORPUS)
    tokenizer: str = "train"
    vocab_size: int = 2000
    max_length: int = 128
    max_docs: int = 0                  # 0 = every line of the corpus
    mask_rate: float = 0.15
    probe_every: int = 50
    probe_text: str = ""               # "" = the default probe of the objective
    dropout: float = 0.0               # tiny models trained for minutes underfit: dropout only slows them
    extra_card: dict[str, str] = field(default_factory=dict)


def read_corpus(path: str | Path, max_docs: int = 0) -> list[str]:
    """Non-empty lines of a UTF-8 text file (one document per line).

    Raises
    ------
    DatasetError : missing, unreadable or empty file.
    """
    p = Path(path)
    if not p.is_file():
        raise errors.DatasetError(f"The corpus file '{p}' does not exist.", hint="Pick a text file.")
    try:
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.DatasetError(f"'{p.name}' could not be read as UTF-8 text.") from exc
    if not lines:
        raise errors.DatasetError(f"'{p.name}' has no text.", hint="One document or paragraph per line.")
    return lines[:max_docs] if max_docs > 0 else lines


def train_tokenizer(texts: Sequence[str], vocab_size: int = 2000, *, objective: str = "mlm",
                    max_length: int = 128) -> Any:
    """Train a lower-cased WordPiece with ``tokenizers`` (BERT's specials; T5 also gets
    sentinels ``<extra_id_k>`` and ends inputs with [SEP] as its end-of-sequence token)."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    sentinels = [f"<extra_id_{k}>" for k in range(N_SENTINELS)] if objective == "t5" else []
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=specials,
                                                             show_progress=False))
    if sentinels:
        tok.add_special_tokens(sentinels)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    if objective == "t5":
        tok.post_processor = processors.TemplateProcessing(single="$A [SEP]", pair="$A [SEP] $B:1 [SEP]:1",
                                                           special_tokens=[("[SEP]", sep)])
    else:
        tok.post_processor = processors.TemplateProcessing(
            single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    kwargs: dict[str, Any] = {"unk_token": "[UNK]", "pad_token": "[PAD]", "cls_token": "[CLS]",
                              "sep_token": "[SEP]", "mask_token": "[MASK]", "model_max_length": max_length}
    if objective == "t5":
        kwargs.update(eos_token="[SEP]", additional_special_tokens=sentinels)
    if objective == "clm":
        kwargs.update(bos_token="[CLS]", eos_token="[SEP]")
    return PreTrainedTokenizerFast(tokenizer_object=tok, **kwargs)


def make_rows(tokenizer: Any, texts: Sequence[str], max_length: int = 128, *, objective: str = "mlm") -> list[Row]:
    """Cut each document into rows of at most ``max_length`` tokens with the family's specials."""
    enc = tokenizer(list(texts), add_special_tokens=False, verbose=False)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    prefix = [] if objective == "t5" or cls is None else [cls]
    suffix = [] if sep is None else [sep]
    room = max_length - len(prefix) - len(suffix)
    rows: list[Row] = []
    for i, ids in enumerate(enc["input_ids"]):
        words = np.array([-1 if w is None else w for w in enc.word_ids(i)], dtype=np.int32)
        for start in range(0, len(ids), room):
            chunk = ids[start:start + room]
            if len(chunk) < 8:
                continue
            w = words[start:start + room]
            full = np.array(prefix + chunk + suffix, dtype=np.int64)
            special = np.zeros(len(full), dtype=bool)
            special[:len(prefix)] = True
            special[len(full) - len(suffix):] = True
            rows.append(Row(full, special, np.concatenate([np.full(len(prefix), -1), w - w.min(),
                                                           np.full(len(suffix), -1)]).astype(np.int32)))
    if not rows:
        raise errors.DatasetError("The corpus gives no training rows (every document is under 8 tokens).")
    return rows


def build_model(objective: str, preset: ArchPreset, tokenizer: Any, max_length: int = 128, seed: int = 0,
                dropout: float = 0.0) -> Any:
    """A freshly initialised tiny model for ``objective`` (SDPA attention, float32)."""
    import torch
    from transformers import (BertConfig, BertForMaskedLM, ElectraConfig, ElectraForMaskedLM,
                              ElectraForPreTraining, GPT2Config, GPT2LMHeadModel, T5Config,
                              T5ForConditionalGeneration)

    if objective not in OBJECTIVES:
        raise errors.TrainingError(f"Unknown objective '{objective}'.", hint=f"Use one of {', '.join(OBJECTIVES)}.")
    torch.manual_seed(seed)
    v, p = len(tokenizer), preset
    bert_drop = {"hidden_dropout_prob": dropout, "attention_probs_dropout_prob": dropout}
    if objective in ("mlm", "wwm", "spanbert"):
        model = BertForMaskedLM(BertConfig(vocab_size=v, hidden_size=p.hidden, num_hidden_layers=p.layers,
                                           num_attention_heads=p.heads, intermediate_size=p.ffn,
                                           max_position_embeddings=max_length, pad_token_id=tokenizer.pad_token_id,
                                           **bert_drop))
    elif objective == "electra":
        common = {"vocab_size": v, "embedding_size": p.hidden, "num_hidden_layers": p.layers,
                  "max_position_embeddings": max_length, "pad_token_id": tokenizer.pad_token_id, **bert_drop}
        gen = ElectraForMaskedLM(ElectraConfig(hidden_size=max(32, p.hidden // 2), num_attention_heads=max(1, p.heads // 2),
                                               intermediate_size=p.ffn // 2, **common))
        disc = ElectraForPreTraining(ElectraConfig(hidden_size=p.hidden, num_attention_heads=p.heads,
                                                   intermediate_size=p.ffn, **common))
        set_sdpa(gen)
        set_sdpa(disc)
        return electra_pair(gen, disc)
    elif objective == "t5":
        model = T5ForConditionalGeneration(T5Config(
            vocab_size=v, d_model=p.hidden, d_kv=p.hidden // p.heads, d_ff=p.ffn, num_layers=p.layers,
            num_decoder_layers=p.layers, num_heads=p.heads, pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.sep_token_id, decoder_start_token_id=tokenizer.pad_token_id,
            dropout_rate=dropout))
    else:
        model = GPT2LMHeadModel(GPT2Config(vocab_size=v, n_embd=p.hidden, n_layer=p.layers, n_head=p.heads,
                                           n_inner=p.ffn, n_positions=max_length, bos_token_id=tokenizer.cls_token_id,
                                           eos_token_id=tokenizer.sep_token_id, pad_token_id=tokenizer.pad_token_id,
                                           resid_pdrop=dropout, embd_pdrop=dropout, attn_pdrop=dropout))
    set_sdpa(model)
    return model


@dataclass
class PretrainSetup:
    """Everything :func:`core.training.iter_train` needs for one from-scratch run."""

    model: Any
    objective: Any
    data: TrainData
    tokenizer: Any
    probe: Callable[[Any], ProbeResult]
    save_model: Callable[[Any, Path], None] | None
    card: dict[str, str]
    n_tokens: int


def prepare(cfg: PretrainConfig, *, seed: int = 0) -> PretrainSetup:
    """Tokenizer, rows, model, objective, collate and probe for ``cfg``."""
    from transformers import AutoTokenizer

    if cfg.preset not in PRESETS:
        raise errors.TrainingError(f"Unknown architecture preset '{cfg.preset}'.")
    texts = read_corpus(cfg.corpus, cfg.max_docs)
    if cfg.tokenizer == "train":
        tokenizer = train_tokenizer(texts, cfg.vocab_size, objective=cfg.objective, max_length=cfg.max_length)
    else:
        tokenizer = AutoTokenizer.from_pretrained(cfg.tokenizer)
        if cfg.objective not in ("clm", "t5") and tokenizer.mask_token_id is None:
            raise errors.NoMaskTokenError("That tokenizer has no mask token.", hint="Train a new tokenizer instead.")
        if cfg.objective == "t5" and "<extra_id_0>" not in tokenizer.get_vocab():
            raise errors.InputError("That tokenizer has no T5 sentinels (<extra_id_0>, …).",
                                    hint="Train a new tokenizer for T5 span corruption.")
    rows = make_rows(tokenizer, texts, cfg.max_length, objective=cfg.objective)
    model = build_model(cfg.objective, PRESETS[cfg.preset], tokenizer, cfg.max_length, seed, cfg.dropout)
    spec = TokenSpec(tokenizer)
    save_model = None
    probe_text = cfg.probe_text or None
    if cfg.objective in ("mlm", "wwm", "spanbert"):
        objective, collate = MaskedLMObjective(), MaskedLMCollate(spec, cfg.objective, cfg.mask_rate)
        probe = _bind(fill_mask_probe, tokenizer, probe_text)
    elif cfg.objective == "electra":
        objective, collate = ElectraObjective(), MaskedLMCollate(spec, "electra", cfg.mask_rate)
        base = _bind(fill_mask_probe, tokenizer, probe_text)
        probe = lambda m: base(m["generator"])  # noqa: E731 (the generator fills the probe's mask)
        save_model = _save_electra
    elif cfg.objective == "t5":
        objective, collate = Seq2SeqObjective(), T5Collate(spec, cfg.mask_rate)
        probe = _bind(span_filling_probe, tokenizer, probe_text)
    else:
        objective, collate = CausalObjective(), CausalCollate(spec)
        probe = _bind(continuation_probe, tokenizer, probe_text)
    data = TrainData(train=rows, collate=collate, lengths=[len(r.ids) for r in rows])
    card = {"title": f"From-scratch {cfg.objective} ({cfg.preset})", "task": "pre-training",
            "objective": cfg.objective, "data": Path(cfg.corpus).name, "base_model": "none (random init)",
            "strategy": f"{PRESETS[cfg.preset]}", **cfg.extra_card}
    return PretrainSetup(model, objective, data, tokenizer, probe, save_model, card,
                         int(sum(len(r.ids) for r in rows)))


def _bind(fn: Callable[..., ProbeResult], tokenizer: Any, text: str | None) -> Callable[[Any], ProbeResult]:
    def probe(model: Any) -> ProbeResult:
        return fn(model, tokenizer, text) if text else fn(model, tokenizer)
    return probe


def _save_electra(model: Any, folder: Path) -> None:
    # The discriminator is the model ELECTRA keeps; the generator goes beside it.
    model["discriminator"].save_pretrained(str(folder))
    model["generator"].save_pretrained(str(Path(folder) / "generator"))


def iter_pretrain(cfg: PretrainConfig, train: TrainConfig, *, control: TrainControl | None = None,
                  seed: int = 0) -> Generator[TrainProgress, None, TrainResult]:
    """Prepare (tokenizer, rows, model) then train with :func:`core.training.iter_train`;
    yields the engine's progress records, whose ``probe`` holds :class:`ProbeResult` values."""
    yield TrainProgress(step=0, total_steps=0, epoch=0.0, phase="setup", message="Preparing tokenizer and data…")
    setup = prepare(cfg, seed=seed)
    if train.eval_every <= 0:
        from dataclasses import replace

        train = replace(train, eval_every=cfg.probe_every)
    return (yield from iter_train(setup.model, setup.objective, setup.data, train, control=control,
                                  probe=setup.probe, tokenizer=setup.tokenizer, card=setup.card,
                                  save_model=setup.save_model))
