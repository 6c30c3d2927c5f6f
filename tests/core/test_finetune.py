"""Fine-tuning on the sample datasets: every task learns, strategies freeze what they say, saves load back."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

from core import errors
from core.datasets import Task, TaskDataset, load_dataset, sample_path
from core.finetune import FineTuneConfig, alignment_preview, build_model, iter_finetune, plan_trainable
from core.finetune_types import Strategy
from core.strategies import LoraSettings, apply_strategy, trainable_summary
from core.training import TrainConfig, TrainControl, read_curves, run_to_end

PROBES = {Task.CLASSIFY: ("Lily found a shiny ball and felt happy.", ""),
          Task.PAIR: ("Tom played with a red fox at Oak Town.", "Tom was outside."),
          Task.TOKENS: ("Lily went to Blue Lake with a tiny bird .", ""),
          Task.SPANS: ("the king of Oak Town met Lily .", ""),
          Task.CAUSAL_LM: ("Arr, gather round", "")}


def _subset(task: Task, n: int) -> TaskDataset:
    ds = load_dataset(sample_path(task), task)
    return TaskDataset(ds.task, ds.source, ds.examples[:n], ds.labels)


def _cfg(task: Task, **kw) -> FineTuneConfig:
    train = TrainConfig(**{"epochs": 3, "batch_size": 8, "lr": 2e-3, "seed": 0, "device": "cpu",
                           "warmup_ratio": 0.0, **kw.pop("train", {})})
    text, text_b = PROBES[task]
    return FineTuneConfig(task=task, max_length=32, val_fraction=0.2, probe_text=text, probe_text_b=text_b,
                          train=train, **kw)


def _losses(records) -> list[float]:
    return [r.loss for r in records if r.phase == "train" and r.loss is not None]


# A random 32-wide BERT must find sentence-level signal from scratch: more passes over fewer rows.
LEARN = {Task.CLASSIFY: (24, 10, 1e-2), Task.PAIR: (24, 10, 1e-2), Task.TOKENS: (48, 3, 5e-3),
         Task.SPANS: (48, 3, 2e-3)}


@pytest.mark.parametrize("task", [Task.CLASSIFY, Task.PAIR, Task.TOKENS, Task.SPANS])
def test_each_encoder_task_lowers_its_loss(task: Task, tiny_bert_mlm_dir: Path) -> None:
    n, epochs, lr = LEARN[task]
    records = []
    result = run_to_end(iter_finetune(tiny_bert_mlm_dir, _subset(task, n), _cfg(task, train={"epochs": epochs, "lr": lr})),
                        records.append)
    losses = _losses(records)
    assert len(losses) == result.train.total_steps == epochs * -(-round(n * 0.8) // 8)
    assert np.mean(losses[-3:]) < 0.85 * np.mean(losses[:3]), losses
    assert result.before is not None and result.before.probe is not None
    assert result.after.probe.kind == {Task.CLASSIFY: "classes", Task.PAIR: "classes", Task.TOKENS: "tags",
                                       Task.SPANS: "spans"}[task]
    assert result.after.probe.attentions.shape[:2] == (2, 2)  # tiny BERT: layers x heads, eager only for the probe


def test_causal_lm_lowers_its_loss_and_the_probe_continues_text(tiny_gpt2_dir: Path) -> None:
    records = []
    result = run_to_end(iter_finetune(tiny_gpt2_dir, _subset(Task.CAUSAL_LM, 48),
                                      _cfg(Task.CAUSAL_LM, train={"lr": 1e-2})),
                        records.append)
    losses = _losses(records)
    assert np.mean(losses[-3:]) < 0.85 * np.mean(losses[:3])
    assert result.after.probe.kind == "text" and result.after.probe.continuation
    assert "perplexity" in result.train.final_metrics


def test_minilm_beats_chance_on_the_sentiment_sample(minilm_dir: Path) -> None:
    cfg = _cfg(Task.CLASSIFY, train={"max_steps": 12, "batch_size": 16, "lr": 1e-4, "warmup_ratio": 0.1})
    result = run_to_end(iter_finetune(minilm_dir, load_dataset(sample_path(Task.CLASSIFY), Task.CLASSIFY), cfg))
    assert result.train.final_metrics["accuracy"] > 0.75  # 2 balanced classes: chance is 0.5
    assert result.after.confusion.sum() == 64 and result.after.confusion.shape == (2, 2)


@pytest.mark.parametrize("strategy,frozen_groups", [(Strategy.FEATURES, ["embeddings", "layer 0", "layer 1"]),
                                                    (Strategy.FREEZE_BOTTOM, ["embeddings", "layer 0"])])
def test_frozen_weights_stay_bit_identical(strategy, frozen_groups, tiny_bert_mlm_dir: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    from core.strategies import group_of

    cfg = _cfg(Task.CLASSIFY, strategy=strategy, freeze_layers=1,
               train={"epochs": 1, "output_dir": str(tmp_path / "run")})
    result = run_to_end(iter_finetune(tiny_bert_mlm_dir, _subset(Task.CLASSIFY, 32), cfg))
    base = load_file(str(tiny_bert_mlm_dir / "model.safetensors"))
    tuned = load_file(str(tmp_path / "run" / "model.safetensors"))
    checked = 0
    for k, v in tuned.items():
        if k in base and group_of(k) in frozen_groups and "pooler" not in k:
            assert torch.equal(base[k], v), k
            checked += 1
    assert checked > 5
    changes = {c.name: c for c in result.after.changes}
    assert all(changes[g].relative_change == 0.0 and not changes[g].trainable for g in frozen_groups)
    assert changes["head"].relative_change > 0 and changes["head"].trainable


def test_lora_trainable_count_equals_peft_report(tiny_bert_mlm_dir: Path) -> None:
    lora = LoraSettings(r=4, alpha=8, dropout=0.0)
    model = apply_strategy(build_model(tiny_bert_mlm_dir, Task.CLASSIFY, ("a", "b")), "classify", Strategy.LORA,
                           lora=lora)
    peft_trainable, peft_total = model.get_nb_trainable_parameters()
    summary = trainable_summary(model)
    assert summary.trainable == peft_trainable and summary.total == peft_total
    planned = plan_trainable(tiny_bert_mlm_dir, Task.CLASSIFY, ("a", "b"), Strategy.LORA, lora=lora)
    assert planned.trainable == peft_trainable
    # The per-layer map: adapters in both layers, the embeddings frozen.
    layers = {s.name: s for s in summary.layers}
    assert layers["embeddings"].trainable == 0 and layers["layer 0"].trainable == layers["layer 1"].trainable > 0


def test_trainable_counts_for_each_strategy(tiny_bert_mlm_dir: Path) -> None:
    full = plan_trainable(tiny_bert_mlm_dir, Task.CLASSIFY, ("a", "b"), Strategy.FULL)
    feats = plan_trainable(tiny_bert_mlm_dir, Task.CLASSIFY, ("a", "b"), Strategy.FEATURES)
    frozen = plan_trainable(tiny_bert_mlm_dir, Task.CLASSIFY, ("a", "b"), Strategy.FREEZE_BOTTOM, freeze_layers=1)
    assert full.trainable == full.total and full.percent == 100.0
    assert feats.trainable == 32 * 2 + 2  # the classifier only: W [2, 32] + b
    by = {s.name: s for s in frozen.layers}
    assert by["embeddings"].trainable == 0 and by["layer 0"].trainable == 0 and by["layer 1"].trainable == by["layer 1"].total


def test_save_load_gives_identical_predictions_and_works_in_the_mask_panel(tiny_bert_mlm_dir: Path,
                                                                           tmp_path: Path) -> None:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from core.loader import load_checkpoint
    from core.types import Capability

    out = tmp_path / "run"
    for strategy in (Strategy.FULL, Strategy.LORA):
        cfg = _cfg(Task.CLASSIFY, strategy=strategy, train={"epochs": 1, "output_dir": str(out)})
        result = run_to_end(iter_finetune(tiny_bert_mlm_dir, _subset(Task.CLASSIFY, 32), cfg))
        back = AutoModelForSequenceClassification.from_pretrained(out).eval()
        tok = AutoTokenizer.from_pretrained(out)
        with torch.no_grad():
            probs = torch.softmax(back(**tok(PROBES[Task.CLASSIFY][0], return_tensors="pt")).logits[0], -1)
        assert np.allclose(probs.numpy(), result.after.probe.probs, atol=1e-5), strategy
        assert back.config.id2label == {0: "negative", 1: "positive"}
        loaded = load_checkpoint(out, device="cpu")
        assert Capability.MASK in loaded.capabilities  # the base's MLM head travels with the checkpoint
        assert "negative" in (out / "README.md").read_text() or "classify" in (out / "README.md").read_text()
        assert read_curves(out)


def test_span_task_saves_trained_span_heads_for_the_spans_panel(tiny_bert_mlm_dir: Path, tmp_path: Path) -> None:
    from core.span_heads import find_span_heads

    cfg = _cfg(Task.SPANS, train={"epochs": 1, "output_dir": str(tmp_path / "run")})
    run_to_end(iter_finetune(tiny_bert_mlm_dir, _subset(Task.SPANS, 24), cfg))
    heads = find_span_heads(tmp_path / "run", d_model=32)
    assert heads.trained and "LOC" in heads.info["labels"]


def test_stop_mid_epoch_leaves_no_folder_and_stop_save_resume_matches(tiny_bert_mlm_dir: Path,
                                                                      tmp_path: Path) -> None:
    from safetensors.torch import load_file

    ds = _subset(Task.TOKENS, 40)
    full_dir, part_dir = tmp_path / "full", tmp_path / "part"
    run_to_end(iter_finetune(tiny_bert_mlm_dir, ds, _cfg(Task.TOKENS, train={"epochs": 2, "output_dir": str(full_dir)})))

    control = TrainControl()
    cfg = _cfg(Task.TOKENS, train={"epochs": 2, "output_dir": str(part_dir)})
    for rec in iter_finetune(tiny_bert_mlm_dir, ds, cfg, control=control):
        if rec.phase == "train" and rec.step == 2:
            control.request_stop(save=False)
    assert not part_dir.exists()

    control = TrainControl()
    for rec in iter_finetune(tiny_bert_mlm_dir, ds, cfg, control=control):
        if rec.phase == "train" and rec.step == 3:   # mid-epoch: 4 steps per epoch
            control.request_stop(save=True)
    assert (part_dir / "training_state").is_dir()
    run_to_end(iter_finetune(tiny_bert_mlm_dir, ds, cfg, resume_from=part_dir))
    a, b = load_file(str(full_dir / "model.safetensors")), load_file(str(part_dir / "model.safetensors"))
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_feature_based_causal_lm_is_refused(tiny_gpt2_dir: Path) -> None:
    with pytest.raises(errors.TrainingError, match="task head"):
        run_to_end(iter_finetune(tiny_gpt2_dir, _subset(Task.CAUSAL_LM, 8),
                                 _cfg(Task.CAUSAL_LM, strategy=Strategy.FEATURES)))


def test_truncation_that_drops_every_label_is_refused(tiny_bert_mlm_dir: Path) -> None:
    cfg = replace(_cfg(Task.TOKENS), max_length=2)  # [CLS] [SEP]: no word survives
    with pytest.raises(errors.NothingToTrainError):
        run_to_end(iter_finetune(tiny_bert_mlm_dir, _subset(Task.TOKENS, 8), cfg))


def test_alignment_preview_shows_the_training_label_of_each_subword(minilm_dir: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(minilm_dir)
    first = alignment_preview(tok, ["Lily", "visited", "Grandmotherland"], ["B-PER", "O", "B-LOC"], False)
    every = alignment_preview(tok, ["Lily", "visited", "Grandmotherland"], ["B-PER", "O", "B-LOC"], True)
    assert first[1] == ("lily", "B-PER") and first[3] == ("grandmother", "B-LOC")
    assert first[4][1] == "−100" and every[4][1] == "B-LOC"
    assert first[0] == ("[CLS]", "−100") and every[-1] == ("[SEP]", "−100")


def test_task_models_are_float32_even_if_another_thread_changed_the_default_dtype(bert_mini_dir: Path) -> None:
    # stories-bert-mini's config says float16; counting parameters on another thread used to flip
    # torch's process-wide default dtype while a training thread built its span heads.
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float16)
    try:
        model = build_model(bert_mini_dir, Task.SPANS, ("none", "PER"))
    finally:
        torch.set_default_dtype(previous)
    assert {p.dtype for p in model.parameters()} == {torch.float32}
    planned = plan_trainable(bert_mini_dir, Task.SPANS, ("none", "PER"), Strategy.FULL)
    assert torch.get_default_dtype() == previous and planned.trainable == sum(p.numel() for p in model.parameters())
