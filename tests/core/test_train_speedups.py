"""The training engine's speed-ups change nothing but the time: [CLS]-only last layer, in-place embedding grads."""
from __future__ import annotations

import pytest
import torch

from core.cls_fast import cls_loss, supports_cls_fast
from core.datasets import Task
from core.ft_tasks import TaskObjective, make_collate
from core.train_utils import InPlaceEmbeddingGrads
from core.training import TrainConfig, TrainData, iter_train, run_to_end


def _tiny(kind: str, dropout: float = 0.1):
    import transformers as tf

    common = dict(vocab_size=120, hidden_size=32, num_hidden_layers=3, num_attention_heads=4, intermediate_size=64,
                  num_labels=3, hidden_dropout_prob=dropout, attention_probs_dropout_prob=dropout)
    if kind == "bert":
        cfg, cls = tf.BertConfig(**common), tf.BertForSequenceClassification
    elif kind == "roberta":
        cfg, cls = tf.RobertaConfig(**common, pad_token_id=1), tf.RobertaForSequenceClassification
    else:
        cfg, cls = tf.ElectraConfig(**common, embedding_size=16), tf.ElectraForSequenceClassification
    torch.manual_seed(0)
    return cls._from_config(cfg, attn_implementation="sdpa")


def _batch(pad_id: int, token_types: bool = False) -> dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(3, 120, (5, 11), generator=g)
    mask = torch.ones_like(ids)
    for row, n in ((1, 6), (3, 2), (4, 9)):
        mask[row, n:] = 0
    ids[mask == 0] = pad_id
    batch = {"input_ids": ids, "attention_mask": mask, "labels": torch.tensor([0, 1, 2, 1, 0])}
    if token_types:
        batch["token_type_ids"] = (torch.arange(11) >= 5).long().expand(5, -1).clone()
    return batch


@pytest.mark.parametrize("kind", ["bert", "roberta", "electra"])
def test_cls_only_last_layer_gives_transformers_loss_and_gradients(kind: str) -> None:
    model = _tiny(kind).eval()  # eval: no dropout, so both forwards are deterministic
    assert supports_cls_fast(model)
    batch = _batch(model.config.pad_token_id, token_types=kind == "bert")
    ref = model(**batch).loss
    ref.backward()
    ref_grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    model.zero_grad(set_to_none=True)
    fast = cls_loss(model, batch)
    fast.backward()
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    assert abs(fast.item() - ref.item()) < 1e-5
    assert grads.keys() == ref_grads.keys()
    for name, g in ref_grads.items():
        torch.testing.assert_close(grads[name], g, rtol=1e-4, atol=1e-6, msg=name)


def test_cls_only_path_with_lora_and_fallback_for_unknown_layouts(tiny_gpt2_dir) -> None:
    from transformers import AutoModelForSequenceClassification

    from core.finetune_types import Strategy
    from core.strategies import apply_strategy

    model = apply_strategy(_tiny("bert"), "classify", Strategy.LORA).eval()
    batch = _batch(0)
    assert supports_cls_fast(model)
    assert abs(float(cls_loss(model, batch)) - float(model(**batch).loss)) < 1e-5
    gpt2 = AutoModelForSequenceClassification.from_pretrained(tiny_gpt2_dir, num_labels=2)
    assert not supports_cls_fast(gpt2)  # a decoder classifier reads the LAST token: plain forward
    gpt2.config.pad_token_id = 0
    b = {"input_ids": torch.tensor([[5, 6, 7]]), "attention_mask": torch.ones(1, 3, dtype=torch.long),
         "labels": torch.tensor([1])}
    assert float(TaskObjective(Task.CLASSIFY, ("a", "b")).loss(gpt2, b)) == pytest.approx(float(gpt2(**b).loss))


def test_in_place_embedding_grads_are_bit_identical() -> None:
    torch.manual_seed(0)
    emb = torch.nn.Embedding(3000, 16, padding_idx=0)
    ids = torch.randint(0, 3000, (4, 9))
    ids[:, 6:] = 0                       # padding: no gradient for row 0
    ids[0, :3] = 17                      # repeated ids: rows accumulate
    up = torch.randn(4, 9, 16)

    def step() -> None:
        (emb(ids) * up).sum().backward()

    step()
    ref = emb.weight.grad.clone()
    helper = InPlaceEmbeddingGrads(emb, min_numel=1)
    helper.install()
    buffers = set()
    for _ in range(3):                   # each step starts from a zeroed buffer: no accumulation across steps
        emb.weight.grad = None           # what zero_grad(set_to_none=True) does
        helper.prepare()
        step()
        buffers.add(emb.weight.grad.data_ptr())
        assert torch.equal(emb.weight.grad, ref)
    assert len(buffers) == 1             # one buffer for the whole run
    assert float(emb.weight.grad[0].abs().sum()) == 0.0
    helper.remove()
    assert "forward" not in emb.__dict__


def test_engine_trains_the_same_with_and_without_the_cls_only_path() -> None:
    """Whole engine, dropout off: the [CLS]-only loss path follows the plain forward's trajectory."""
    g = torch.Generator().manual_seed(3)
    feats = [{"input_ids": [2, *torch.randint(5, 120, (int(n),), generator=g).tolist(), 3], "labels": i % 3}
             for i, n in enumerate(torch.randint(3, 12, (24,), generator=g))]
    data = TrainData(train=feats, collate=make_collate(Task.CLASSIFY, 0), lengths=[len(f["input_ids"]) for f in feats])
    cfg = TrainConfig(max_steps=6, batch_size=8, lr=1e-3, device="cpu", precision="fp32")
    losses = {}
    for fast in (True, False):
        model = _tiny("bert", dropout=0.0)
        result = run_to_end(iter_train(model, TaskObjective(Task.CLASSIFY, ("a", "b", "c"), cls_fast=fast), data, cfg))
        losses[fast] = [c["loss"] for c in result.curves if "loss" in c]
        assert not any("forward" in m.__dict__ for m in model.modules())   # the engine's hooks are gone
    assert len(losses[True]) == 6
    for a, b in zip(losses[True], losses[False]):
        assert a == pytest.approx(b, abs=1e-5)


@pytest.mark.parametrize("max_norm", [1e-3, 1e3])
def test_clip_gradients_is_bit_identical_to_torch(max_norm: float) -> None:
    from core.train_utils import clip_gradients

    def grads() -> list[torch.nn.Parameter]:
        torch.manual_seed(0)
        ps = [torch.nn.Parameter(torch.randn(*shape)) for shape in ((7, 5), (3,), (2,))]
        for p in ps[:2]:
            p.grad = torch.randn_like(p) * 0.1
        return ps                        # the last one has no grad: skipped, as in torch

    ref, ours = grads(), grads()
    n_ref = torch.nn.utils.clip_grad_norm_(ref, max_norm)
    n_ours = clip_gradients(ours, max_norm, sync_free=True)
    assert torch.equal(n_ref, n_ours)
    for a, b in zip(ref[:2], ours[:2]):
        assert torch.equal(a.grad, b.grad)
    assert (max_norm < 1) == (not torch.equal(ref[0].grad, grads()[0].grad))  # clipped only when over the limit
