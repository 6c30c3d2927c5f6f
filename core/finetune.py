"""Fine-tuning: the lecture's five tasks × four strategies, on the shared training engine.

``iter_finetune(base, dataset, cfg)`` builds the run's OWN copy of the model from the
checkpoint folder (SDPA attention, float32), applies the strategy, encodes and checks
the data, then drives :func:`core.training.iter_train`. Each evaluation's probe record
carries a :class:`Snapshot` (probe result, confusion matrix, per-layer weight change).
"""
from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import errors
from .datasets import ColumnMapping, Task, TaskDataset, load_dataset, align_word_labels, check_label_mask, split_dataset
from .finetune_types import FineTuneResult, Snapshot, Strategy, TrainableSummary
from .ft_tasks import TaskObjective, encode, make_collate, run_probe
from .strategies import LoraSettings, apply_strategy, is_peft, snapshot_weights, trainable_summary, weight_changes
from .training import TrainConfig, TrainControl, TrainData, TrainProgress, iter_train, load_for_training


@dataclass(frozen=True)
class FineTuneConfig:
    """Everything that defines a fine-tuning run (besides the base model and the data)."""

    task: Task = Task.CLASSIFY
    strategy: Strategy = Strategy.FULL
    freeze_layers: int = 0                    # FREEZE_BOTTOM: embeddings + this many bottom layers
    lora: LoraSettings = field(default_factory=LoraSettings)
    every_subword: bool = False               # token labelling: label every sub-word, not only the first
    max_length: int = 128
    max_span_words: int = 6                   # spans: score all spans up to L words
    val_fraction: float = 0.15
    probe_text: str = ""
    probe_text_b: str = ""
    train: TrainConfig = field(default_factory=TrainConfig)


def _auto_class(task: Task) -> Any:
    import transformers as tf

    return {Task.CLASSIFY: tf.AutoModelForSequenceClassification, Task.PAIR: tf.AutoModelForSequenceClassification,
            Task.TOKENS: tf.AutoModelForTokenClassification, Task.CAUSAL_LM: tf.AutoModelForCausalLM,
            Task.SPANS: tf.AutoModel}[Task(task)]


def load_tokenizer(base: str | Path) -> Any:
    """The base's fast tokenizer with a padding token (decoders often have none)."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(base))
    if tok.pad_token is None:
        tok.pad_token = tok.unk_token if tok.unk_token is not None else tok.eos_token
    return tok


def build_model(base: str | Path, task: Task, labels: Sequence[str], *, meta: bool = False, seed: int = 0,
                pad_token_id: int | None = None) -> Any:
    """The task model on top of ``base``: HF heads for classify/pair/tokens/LM, the span classifier for spans.

    ``meta=True`` builds it without weights (instant), to count parameters for a strategy.
    """
    import torch
    from transformers import AutoConfig

    task = Task(task)
    cls = _auto_class(task)
    kw: dict[str, Any] = {}
    if task in (Task.CLASSIFY, Task.PAIR, Task.TOKENS):
        kw = {"num_labels": len(labels), "id2label": dict(enumerate(labels)),
              "label2id": {lab: i for i, lab in enumerate(labels)}}
    config = AutoConfig.from_pretrained(str(base), **kw)
    if pad_token_id is not None and getattr(config, "pad_token_id", None) is None:
        config.pad_token_id = pad_token_id
    torch.manual_seed(seed)  # the new head's initialisation is part of the run's seed
    if meta:
        with torch.device("meta"):
            # An explicit float32: from_config otherwise switches torch's process-wide default
            # dtype to the checkpoint's (fp16 for stories-bert-mini) while it builds, which a
            # training thread building a model at the same moment would inherit.
            model = cls.from_config(config, attn_implementation="sdpa", dtype=torch.float32)
    else:
        from .loader import _quiet_transformers

        try:
            with _quiet_transformers():  # "newly initialised head" is expected here
                model = load_for_training(base, cls, config=config)
        except OSError as exc:
            raise errors.CheckpointError(f"Cannot read the base model '{base}': {exc}") from exc
    if task is Task.SPANS:
        from .span_model import SpanClassifier

        with torch.device("meta") if meta else torch.device("cpu"):
            model = SpanClassifier(model, tuple(labels), seed=seed)
    if not meta:
        model.to(torch.float32)  # whatever another thread did to torch's default dtype meanwhile
    return model


def _head_modules(task: Task) -> tuple[str, ...]:
    return ("span_heads", "classifier") if task is Task.SPANS else ()


def plan_trainable(base: str | Path, task: Task, labels: Sequence[str], strategy: Strategy, *,
                   freeze_layers: int = 0, lora: LoraSettings | None = None) -> TrainableSummary:
    """Trainable parameters (count, %, per-layer map) of a strategy, without loading weights."""
    model = build_model(base, task, labels, meta=True, pad_token_id=0)
    model = apply_strategy(model, Task(task).value, strategy, freeze_layers=freeze_layers, lora=lora,
                           head_modules=_head_modules(Task(task)))
    return trainable_summary(model)


def alignment_preview(tokenizer: Any, words: Sequence[str], tags: Sequence[str], every_subword: bool
                      ) -> list[tuple[str, str]]:
    """(sub-word, training label) pairs for one sentence; "−100" where no label is trained."""
    enc = tokenizer(list(words), is_split_into_words=True, truncation=True)
    names = list(dict.fromkeys(tags))
    ids = align_word_labels(enc.word_ids(), [names.index(t) for t in tags], every_subword)
    toks = tokenizer.convert_ids_to_tokens(enc["input_ids"])
    return [(t, names[i] if i != -100 else "−100") for t, i in zip(toks, ids)]


def _save_with_extra_heads(base: str | Path, peft_model: bool):
    """A ``save_model`` that writes a plain HF folder: LoRA merged, the base's other heads kept.

    The base's pre-training heads (e.g. BERT's MLM head) are copied into the weights file so
    the fine-tuned checkpoint still works in the mask panel (classification heads are ignored there).
    """
    def save(model: Any, folder: Path) -> None:
        import copy

        target = copy.deepcopy(model).merge_and_unload() if peft_model else model
        target.save_pretrained(str(folder), safe_serialization=True)
        _copy_missing_heads(Path(base), folder, getattr(target, "base_model_prefix", ""))
    return save


def _copy_missing_heads(base: Path, folder: Path, prefix: str) -> None:
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    src, dst = base / "model.safetensors", folder / "model.safetensors"
    if not prefix or not src.is_file() or not dst.is_file():
        return
    saved = load_file(str(dst))
    extra = {}
    with safe_open(str(src), framework="pt") as f:
        for k in f.keys():
            if not k.startswith(prefix + ".") and k not in saved and k.split(".")[0] in ("cls", "lm_head", "generator_lm_head",
                                                                                          "generator_predictions"):
                extra[k] = f.get_tensor(k)
    if extra:
        saved.update(extra)
        save_file(saved, str(dst), metadata={"format": "pt"})


def iter_finetune(base: str | Path, dataset: TaskDataset, cfg: FineTuneConfig, *,
                  control: TrainControl | None = None, resume_from: str | Path | None = None,
                  mapping: ColumnMapping | None = None, tokenizer: Any = None,
                  ) -> Generator[TrainProgress, None, FineTuneResult]:
    """Fine-tune ``base`` (a checkpoint folder) on ``dataset``; yields the engine's records.

    Records with a probe carry a :class:`Snapshot` in ``probe``. Returns a :class:`FineTuneResult`.
    ``mapping`` (the dataset's column mapping) is written to the run's card so it can be resumed.
    ``tokenizer``: ``load_tokenizer(base)`` made beforehand (parsing a tokenizer holds the GIL
    for tens of ms, which a GUI would feel); the run must be its only user meanwhile.

    Raises
    ------
    DatasetError / NothingToTrainError (bad data, nothing to learn), TrainingError and
    TrainingOutOfMemoryError (from the engine), CheckpointError (base unreadable).
    """
    task = Task(cfg.task)
    if dataset.task is not task:
        raise errors.TrainingError(f"The dataset is for '{dataset.task.value}', the run for '{task.value}'.")
    tokenizer = tokenizer if tokenizer is not None else load_tokenizer(base)
    labels = dataset.labels
    train_ex, val_ex = split_dataset(dataset, cfg.val_fraction, cfg.train.seed)
    train_feats = encode(task, train_ex, tokenizer, labels, cfg.max_length, cfg.every_subword, cfg.max_span_words)
    val_feats = encode(task, val_ex, tokenizer, labels, cfg.max_length, cfg.every_subword, cfg.max_span_words)
    if task is Task.TOKENS:
        check_label_mask([f["labels"] for f in train_feats], n_classes=None)
    elif task is Task.SPANS:
        check_label_mask([[v for v in f["span_labels"] if v != 0] or [-100] for f in train_feats])
    elif task is not Task.CAUSAL_LM:
        check_label_mask([f["labels"] for f in train_feats], n_classes=len(labels))
    model = build_model(base, task, labels, seed=cfg.train.seed, pad_token_id=tokenizer.pad_token_id)
    model = apply_strategy(model, task.value, cfg.strategy, freeze_layers=cfg.freeze_layers, lora=cfg.lora,
                           head_modules=_head_modules(task))
    summary = trainable_summary(model)
    before = snapshot_weights(model)
    objective = TaskObjective(task, labels)
    data = TrainData(train=train_feats, eval=val_feats, collate=make_collate(task, tokenizer.pad_token_id),
                     lengths=[len(f["input_ids"]) for f in train_feats])
    snaps: list[Snapshot] = []

    def probe(m: Any) -> Snapshot:
        result = run_probe(task, m, tokenizer, labels, cfg.probe_text, cfg.probe_text_b, cfg.max_length,
                           max_span_words=cfg.max_span_words)
        snap = Snapshot(probe=result, labels=tuple(labels), confusion=objective.last_confusion,
                        changes=weight_changes(before, m))
        snaps.append(snap)
        return snap

    card = {"title": f"{Path(str(base)).name} fine-tuned: {task.value}", "task": task.value,
            "base_model": str(base), "strategy": cfg.strategy.value if isinstance(cfg.strategy, Strategy)
            else str(cfg.strategy), "data": f"{Path(dataset.source).name} ({len(train_ex)} train, {len(val_ex)} validation)",
            "labels": list(labels), "finetune": _plain(asdict(cfg)), "data_path": str(dataset.source),
            "mapping": asdict(mapping) if mapping is not None else None}
    save = _save_with_extra_heads(base, is_peft(model)) if task is not Task.SPANS else None
    if task is Task.SPANS and is_peft(model):
        save = _merged_span_save
    result = yield from iter_train(model, objective, data, cfg.train, control=control, probe=probe,
                                   tokenizer=tokenizer, card=card, save_model=save, resume_from=resume_from)
    return FineTuneResult(train=result, saved_to=result.saved_to, before=snaps[0] if snaps else None,
                          after=snaps[-1] if snaps else None, trainable=summary)


def _merged_span_save(model: Any, folder: Path) -> None:
    import copy

    copy.deepcopy(model).merge_and_unload().save_pretrained(str(folder), safe_serialization=True)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "value"):
        return v.value
    return v


def config_from_dict(d: dict[str, Any]) -> FineTuneConfig:
    """Rebuild a :class:`FineTuneConfig` from ``asdict`` output (a saved run's ``run.json``)."""
    d = dict(d)
    d["task"] = Task(d["task"])
    d["strategy"] = Strategy(d["strategy"])
    lora = dict(d.get("lora") or {})
    lora["targets"] = tuple(lora.get("targets") or ())
    d["lora"] = LoraSettings(**lora)
    d["train"] = TrainConfig(**d["train"])
    return FineTuneConfig(**d)


def iter_resume(folder: str | Path, *, control: TrainControl | None = None, epochs: float | None = None,
                ) -> Generator[TrainProgress, None, FineTuneResult]:
    """Resume a run saved by :func:`iter_finetune` (same base, data and settings; optionally more epochs)."""
    from dataclasses import replace

    from .training import read_run

    info = read_run(folder)
    card = info.get("card") or {}
    if "finetune" not in card or "base_model" not in card or "data_path" not in card:
        raise errors.ResumeError(f"'{folder}' is not a saved fine-tuning run.",
                                 hint="Pick a folder saved by the fine-tuning panel.")
    cfg = config_from_dict(card["finetune"])
    train = replace(cfg.train, output_dir=str(folder), epochs=epochs if epochs else cfg.train.epochs)
    cfg = replace(cfg, train=train)
    mapping = ColumnMapping(**card["mapping"]) if card.get("mapping") else None
    dataset = load_dataset(card["data_path"], cfg.task, mapping, labels=card.get("labels") or None)
    result = yield from iter_finetune(card["base_model"], dataset, cfg, control=control, resume_from=folder,
                                      mapping=mapping)
    return result
