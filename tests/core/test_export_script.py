"""The exported accelerate script runs standalone on CPU for a few steps and saves a loadable model."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.datasets import ColumnMapping, Task, load_dataset, sample_path
from core.export_script import CONFIG_NAME, write_training_script
from core.finetune import FineTuneConfig
from core.finetune_types import Strategy
from core.training import TrainConfig


# One run covers the most: token labelling (word alignment) with LoRA (peft, merged on save).
@pytest.mark.parametrize("task,strategy", [(Task.TOKENS, Strategy.LORA)])
def test_exported_script_trains_a_few_steps_on_cpu(task, strategy, tiny_bert_mlm_dir: Path, tmp_path: Path) -> None:
    from transformers import AutoConfig

    ds = load_dataset(sample_path(task), task)
    mapping = (ColumnMapping(text="text", label="label") if task is Task.CLASSIFY
               else ColumnMapping(tokens="tokens", tags="tags"))
    cfg = FineTuneConfig(task=task, strategy=strategy, max_length=32,
                         train=TrainConfig(epochs=1, batch_size=8, lr=1e-3, precision="fp32"))
    script = write_training_script(tmp_path / "export", str(tiny_bert_mlm_dir), str(sample_path(task)), mapping,
                                   ds.labels, cfg)
    config = json.loads((script.parent / CONFIG_NAME).read_text())
    assert config["task"] == task.value and config["strategy"] == strategy.value and config["labels"] == list(ds.labels)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "ACCELERATE_USE_CPU": "true"}
    out = subprocess.run([sys.executable, str(script), "--config", str(script.parent / CONFIG_NAME), "--max-steps",
                          "3", "--output-dir", str(tmp_path / "out")], capture_output=True, text=True, env=env,
                         timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "step 3/3" in out.stdout
    saved = AutoConfig.from_pretrained(tmp_path / "out")
    assert saved.id2label[0] == ds.labels[0] and len(saved.id2label) == len(ds.labels)


@pytest.mark.parametrize("strategy", [Strategy.LORA])
def test_exported_span_script_trains_standalone_and_saves_what_the_app_loads(strategy, tiny_bert_mlm_dir: Path,
                                                                             tmp_path: Path) -> None:
    """Span classification exports too: the script + span_model.py run without this repo's ``core``
    (a poisoned ``core`` package shadows it), and the saved folder loads as the app's span classifier."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from core.export_script import SPAN_MODULE_NAME
    from core.ft_tasks import run_probe
    from core.span_heads import find_span_heads
    from core.span_model import load_span_classifier

    task = Task.SPANS
    ds = load_dataset(sample_path(task), task)
    cfg = FineTuneConfig(task=task, strategy=strategy, max_length=32, max_span_words=4,
                         train=TrainConfig(epochs=1, batch_size=8, lr=1e-3, precision="fp32"))
    script = write_training_script(tmp_path / "export", str(tiny_bert_mlm_dir), str(sample_path(task)),
                                   ColumnMapping(tokens="tokens", spans="spans"), ds.labels, cfg)
    assert (script.parent / SPAN_MODULE_NAME).is_file()
    config = json.loads((script.parent / CONFIG_NAME).read_text())
    assert config["task"] == "spans" and config["max_span_words"] == 4 and config["labels"][0] == "none"
    poison = tmp_path / "poison" / "core"
    poison.mkdir(parents=True)
    (poison / "__init__.py").write_text("raise ImportError('the exported script must not import core')\n")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "ACCELERATE_USE_CPU": "true", "PYTHONPATH": str(poison.parent)}
    out = subprocess.run([sys.executable, str(script), "--config", str(script.parent / CONFIG_NAME), "--max-steps",
                          "3", "--output-dir", str(tmp_path / "out")], capture_output=True, text=True, env=env,
                         timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "step 3/3" in out.stdout
    saved = tmp_path / "out"
    encoder = AutoModel.from_pretrained(saved)
    heads = find_span_heads(saved, encoder.config.hidden_size)
    assert heads.trained and "load_error" not in heads.info       # the spans panel shows them as trained
    assert heads.info.get("labels") == ",".join(ds.labels)
    model = load_span_classifier(saved, encoder)
    assert model.labels == tuple(ds.labels)
    # The trained heads differ from the seeded initial ones, and the classifier runs in the app's probe.
    from core.span_heads import SpanHeads

    init = SpanHeads(encoder.config.hidden_size, seed=cfg.train.seed)
    assert not torch.equal(init.attn_score.weight, heads.attn_score.weight)
    with torch.inference_mode():  # as the engine calls it
        probe = run_probe(task, model, AutoTokenizer.from_pretrained(saved), ds.labels,
                          "Mia visited the school of Blue Lake .", max_span_words=4)
    assert probe is not None and probe.kind == "spans" and probe.words[0] == "Mia"
