"""Pre-training from scratch on the shared engine: loss falls, the probe changes, the result loads."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from core import Capability, ModelKind, errors, load_checkpoint
from core.corruption import IGNORE
from core.pretrain import PretrainConfig, iter_pretrain, make_rows, prepare, read_corpus, train_tokenizer
from core.pretrain_objectives import MaskedLMObjective
from core.training import TrainConfig, TrainControl, run_to_end

STORIES = [
    "Once upon a time, there was a little girl named Lily. She loved to play in the park with her ball.",
    "One day, a little boy named Tim saw a big red ball. He was very happy and played with his dog.",
    "Lily and her mom went to the park. They saw a little bird in a tree and smiled.",
    "There was a little girl named Sue. She had a cat and a dog and loved them very much.",
] * 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "stories.txt"
    path.write_text("\n".join(STORIES), encoding="utf-8")
    return path


def _cfg(corpus: Path, objective: str, **kw) -> PretrainConfig:
    return PretrainConfig(objective=objective, preset="1x64", corpus=str(corpus), vocab_size=200, max_length=48,
                          **kw)


def test_tiny_mlm_learns_and_probe_changes(corpus, tmp_path):
    records = []
    gen = iter_pretrain(_cfg(corpus, "mlm", probe_every=70),
                        TrainConfig(max_steps=210, batch_size=16, lr=3e-3, warmup_ratio=0.05,
                                    output_dir=str(tmp_path / "out")))
    result = run_to_end(gen, records.append)
    losses = [r.loss for r in records if r.phase == "train" and r.loss is not None]
    assert len(losses) == 210 and all(math.isfinite(x) for x in losses)
    first, last = np.mean(losses[:30]), np.mean(losses[-30:])
    assert last < 0.6 * first, (first, last)
    probes = [r.probe for r in records if r.probe is not None]
    assert len(probes) == 4  # before training and every 70 steps
    assert probes[0].kind == "fill-mask"
    assert probes[-1].top != probes[0].top
    assert probes[-1].target_prob > probes[0].target_prob
    loaded = load_checkpoint(result.saved_to, device="cpu")
    assert Capability.MASK in loaded.capabilities and loaded.n_layers == 1 and loaded.d_model == 64


@pytest.mark.parametrize("objective,kind", [("t5", ModelKind.ENCODER_DECODER), ("clm", ModelKind.DECODER),
                                            ("electra", ModelKind.ENCODER), ("spanbert", ModelKind.ENCODER),
                                            ("wwm", ModelKind.ENCODER)])
def test_each_objective_trains_and_saves_a_loadable_checkpoint(corpus, tmp_path, objective, kind):
    records = []
    result = run_to_end(iter_pretrain(_cfg(corpus, objective, probe_every=5),
                                      TrainConfig(max_steps=10, batch_size=8, lr=3e-3,
                                                  output_dir=str(tmp_path / objective))), records.append)
    assert all(math.isfinite(r.loss) for r in records if r.loss is not None)
    assert any(r.probe is not None for r in records)
    loaded = load_checkpoint(result.saved_to, device="cpu")
    assert loaded.kind is kind
    if objective == "electra":
        assert load_checkpoint(Path(result.saved_to) / "generator", device="cpu").capabilities >= {Capability.MASK}


def test_masked_objective_equals_labels_loss(corpus):
    import torch

    setup = prepare(_cfg(corpus, "mlm"))
    batch = setup.data.collate(list(setup.data.train[:4]), torch.Generator().manual_seed(0))
    model = setup.model.eval()
    with torch.inference_mode():
        ours = MaskedLMObjective().loss(model, batch)
        ref = model(**batch).loss
    assert float(ours) == pytest.approx(float(ref), abs=1e-5)
    assert (batch["labels"] != IGNORE).any()


def test_tokenizer_rows_and_bad_corpus(corpus, tmp_path):
    texts = read_corpus(corpus)
    tok = train_tokenizer(texts, 150, objective="t5")
    assert tok.convert_tokens_to_ids("<extra_id_0>") != tok.unk_token_id
    rows = make_rows(tok, texts[:3], 16, objective="t5")
    assert all(len(r.ids) <= 16 and r.ids[-1] == tok.sep_token_id for r in rows)
    with pytest.raises(errors.DatasetError):
        read_corpus(tmp_path / "missing.txt")
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(errors.DatasetError):
        read_corpus(tmp_path / "empty.txt")


def test_stop_without_save_leaves_no_folder(corpus, tmp_path):
    control = TrainControl()
    gen = iter_pretrain(_cfg(corpus, "mlm"), TrainConfig(max_steps=50, batch_size=8, output_dir=str(tmp_path / "o")),
                        control=control)
    for rec in gen:
        if rec.phase == "train" and rec.step == 3:
            control.request_stop()
    assert not (tmp_path / "o").exists()


def test_reused_tokenizer_must_fit_the_objective(corpus, bert_mini_dir, stories260k_dir):
    with pytest.raises(errors.InputError):
        prepare(_cfg(corpus, "t5", tokenizer=str(bert_mini_dir)))
    with pytest.raises(errors.NoMaskTokenError):
        prepare(_cfg(corpus, "mlm", tokenizer=str(stories260k_dir)))
    setup = prepare(_cfg(corpus, "mlm", tokenizer=str(bert_mini_dir)))
    assert len(setup.tokenizer) == 4096 and setup.model.config.vocab_size == 4096
