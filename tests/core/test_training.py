"""The shared training engine on tiny random models: learning, determinism, stop/save/resume."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from core import errors
from core.training import (TrainConfig, TrainControl, TrainData, epoch_batches, iter_train, linear_schedule,
                           read_curves, run_to_end, training_copy)

VOCAB = 40


def _tiny_classifier(seed: int = 0):
    from transformers import BertConfig, BertForSequenceClassification

    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=VOCAB, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=24, max_position_embeddings=32, num_labels=2)
    return training_copy(BertForSequenceClassification(cfg))


def _examples(n: int = 96, seed: int = 0) -> list[dict]:
    """Label 1 iff most tokens are 7s (else 9s): learnable in a few dozen steps."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        length = int(rng.integers(4, 12))
        ids = rng.integers(10, VOCAB, size=length).tolist()
        label = i % 2
        for j in range(0, length, 2):
            ids[j] = 7 if label else 9
        out.append({"input_ids": [1, *ids, 2], "label": label})
    return out


def _collate(examples: list[dict], rng: torch.Generator) -> dict[str, torch.Tensor]:
    width = max(len(e["input_ids"]) for e in examples)
    ids = torch.zeros(len(examples), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for i, e in enumerate(examples):
        ids[i, :len(e["input_ids"])] = torch.tensor(e["input_ids"])
        mask[i, :len(e["input_ids"])] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": torch.tensor([e["label"] for e in examples])}


class ClsObjective:
    def loss(self, model, batch):
        return model(**batch).loss

    def evaluate(self, model, batches):
        correct = total = 0
        for b in batches:
            pred = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits.argmax(-1)
            correct += int((pred == b["labels"]).sum())
            total += len(pred)
        return {"accuracy": correct / total}


def _data(n: int = 96) -> TrainData:
    train = _examples(n)
    return TrainData(train=train, eval=_examples(32, seed=1), collate=_collate,
                     lengths=[len(e["input_ids"]) for e in train])


def _cfg(**kw) -> TrainConfig:
    base = dict(epochs=2, batch_size=8, lr=3e-3, warmup_ratio=0.1, seed=3, device="cpu", eval_every=0)
    base.update(kw)
    return TrainConfig(**base)


def _params(model) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def test_loss_falls_and_records_are_complete() -> None:
    model = _tiny_classifier()
    records = []
    result = run_to_end(iter_train(model, ClsObjective(), _data(), _cfg(epochs=4), probe=lambda m: "p"),
                        records.append)
    steps = [r for r in records if r.phase == "train"]
    assert len(steps) == result.total_steps == 4 * 12
    assert [r.step for r in steps] == list(range(1, 49))
    losses = [r.loss for r in steps]
    assert all(np.isfinite(losses)) and np.mean(losses[-8:]) < np.mean(losses[:8]) * 0.9
    assert all(r.grad_norm is not None and r.grad_norm >= 0 for r in steps)
    assert max(r.lr for r in steps) <= 3e-3 + 1e-12 and steps[-1].lr == pytest.approx(0.0, abs=1e-12)
    evals = [r for r in records if r.eval_metrics is not None]
    assert len(evals) == 4 and all("accuracy" in r.eval_metrics for r in evals)
    assert records[1].phase == "probe" and records[1].step == 0 and records[1].probe == "p"
    assert all(r.probe == "p" for r in evals)
    assert steps[-1].eta_s == pytest.approx(0.0) and records[-1].phase == "done"


def test_deterministic_for_a_seed_on_cpu() -> None:
    a, b = _tiny_classifier(), _tiny_classifier()
    run_to_end(iter_train(a, ClsObjective(), _data(), _cfg()))
    run_to_end(iter_train(b, ClsObjective(), _data(), _cfg()))
    for (k, va), vb in zip(_params(a).items(), _params(b).values()):
        assert torch.equal(va, vb), k


def test_frozen_parameters_stay_bit_identical() -> None:
    model = _tiny_classifier()
    for name, p in model.named_parameters():
        if name.startswith(("bert.embeddings", "bert.encoder.layer.0.")):
            p.requires_grad_(False)
    before = _params(model)
    run_to_end(iter_train(model, ClsObjective(), _data(32), _cfg(epochs=1)))
    after = _params(model)
    frozen = [k for k in before if k.startswith(("bert.embeddings", "bert.encoder.layer.0."))
              and "position_ids" not in k and "token_type_ids" not in k]
    assert frozen and all(torch.equal(before[k], after[k]) for k in frozen)
    assert not torch.equal(before["classifier.weight"], after["classifier.weight"])


def test_stop_discards_and_leaves_no_folder(tmp_path: Path) -> None:
    control = TrainControl()
    out = tmp_path / "run"
    gen = iter_train(_tiny_classifier(), ClsObjective(), _data(), _cfg(output_dir=str(out)), control=control)
    for rec in gen:
        if rec.phase == "train" and rec.step == 5:
            control.request_stop(save=False)
    assert rec.phase == "stopped" and rec.step == 5
    assert not out.exists() and list(tmp_path.iterdir()) == []
    # Closing the generator mid-run (the worker's cancel) discards as well.
    gen = iter_train(_tiny_classifier(), ClsObjective(), _data(), _cfg(output_dir=str(out)))
    for rec in gen:
        if rec.step == 3:
            gen.close()
            break
    assert list(tmp_path.iterdir()) == []


def test_stop_and_save_then_resume_equals_uninterrupted(tmp_path: Path) -> None:
    cfg = _cfg(epochs=2, output_dir=str(tmp_path / "full"))
    full = _tiny_classifier()
    run_to_end(iter_train(full, ClsObjective(), _data(), cfg))

    control = TrainControl()
    part = _tiny_classifier()
    saved = tmp_path / "part"
    gen = iter_train(part, ClsObjective(), _data(), _cfg(epochs=2, output_dir=str(saved)), control=control)
    for rec in gen:
        if rec.phase == "train" and rec.step == 7:   # mid-epoch (12 steps per epoch)
            control.request_stop(save=True)
    assert rec.phase == "stopped"
    assert (saved / "config.json").is_file() and (saved / "README.md").is_file()
    assert (saved / "training_state" / "state.pt").is_file()
    assert [r["step"] for r in read_curves(saved) if "loss" in r] == list(range(1, 8))

    resumed = _tiny_classifier()  # built exactly as for the first run
    result = run_to_end(iter_train(resumed, ClsObjective(), _data(), _cfg(epochs=2, output_dir=str(saved)),
                                   resume_from=saved))
    assert result.steps == 24 and not result.stopped
    for (k, va), vb in zip(_params(full).items(), _params(resumed).values()):
        assert torch.equal(va, vb), k
    steps = [r["step"] for r in read_curves(saved) if "loss" in r]
    assert steps == list(range(1, 25))


def test_save_is_a_loadable_hf_folder_with_card_and_curves(tmp_path: Path) -> None:
    from transformers import AutoModelForSequenceClassification

    out = tmp_path / "run"
    model = _tiny_classifier()
    result = run_to_end(iter_train(model, ClsObjective(), _data(32), _cfg(epochs=1, output_dir=str(out)),
                                   card={"task": "toy classification", "data": "synthetic"}))
    assert result.saved_to == str(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]  # no temp folder left
    card = (out / "README.md").read_text()
    assert "toy classification" in card and "curves.csv" in card
    rows = read_curves(out)
    assert any("eval_accuracy" in r for r in rows) and any("loss" in r for r in rows)
    back = AutoModelForSequenceClassification.from_pretrained(out).eval()
    model.eval()
    batch = _collate(_examples(4), torch.Generator())
    with torch.no_grad():
        a = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
        b = back(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    assert torch.allclose(a, b, atol=1e-6)


def test_simulated_oom_is_a_typed_error_and_keeps_saved_runs(tmp_path: Path) -> None:
    keep = tmp_path / "earlier"
    keep.mkdir()
    (keep / "config.json").write_text("{}")

    class Boom(ClsObjective):
        calls = 0

        def loss(self, model, batch):
            Boom.calls += 1
            if Boom.calls == 3:
                raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
            return super().loss(model, batch)

    with pytest.raises(errors.TrainingOutOfMemoryError) as info:
        run_to_end(iter_train(_tiny_classifier(), Boom(), _data(), _cfg(output_dir=str(tmp_path / "new"))))
    assert "batch size 8" in info.value.message and "LoRA" in info.value.hint
    assert (keep / "config.json").is_file() and not (tmp_path / "new").exists()


def test_everything_frozen_is_refused() -> None:
    model = _tiny_classifier()
    for p in model.parameters():
        p.requires_grad_(False)
    with pytest.raises(errors.TrainingError):
        run_to_end(iter_train(model, ClsObjective(), _data(16), _cfg()))


def test_length_grouped_batches_cover_every_example_once() -> None:
    lengths = [int(x) for x in np.random.default_rng(0).integers(3, 200, size=1000)]
    batches = epoch_batches(1000, 16, seed=1, epoch=0, lengths=lengths)
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(1000))
    padded = sum(len(b) * max(lengths[i] for i in b) for b in batches)
    plain = epoch_batches(1000, 16, seed=1, epoch=0)
    padded_plain = sum(len(b) * max(lengths[i] for i in b) for b in plain)
    assert padded < 0.7 * padded_plain  # grouping removes most padding
    assert epoch_batches(1000, 16, 1, 0, lengths) == batches
    assert epoch_batches(1000, 16, 1, 1, lengths) != batches


def test_warmup_then_linear_decay() -> None:
    fn = linear_schedule(warmup=4, total=20)
    values = [fn(s) for s in range(20)]
    assert values[:4] == [0.25, 0.5, 0.75, 1.0]
    assert values[4] == 1.0 and values[-1] == pytest.approx(1 / 16)
    assert all(a >= b for a, b in zip(values[3:], values[4:]))


def test_training_copy_uses_sdpa_and_leaves_the_original_eager() -> None:
    from transformers import BertConfig, BertForSequenceClassification

    cfg = BertConfig(vocab_size=VOCAB, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=24, attn_implementation="eager")
    original = BertForSequenceClassification(cfg)
    copy_ = training_copy(original)
    assert copy_.config._attn_implementation == "sdpa"
    assert original.config._attn_implementation == "eager"
    assert copy_.bert.embeddings.word_embeddings.weight.data_ptr() != \
        original.bert.embeddings.word_embeddings.weight.data_ptr()
