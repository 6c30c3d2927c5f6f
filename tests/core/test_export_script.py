"""The exported accelerate script runs standalone on CPU for a few steps and saves a loadable model."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import errors
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


def test_span_export_is_refused(tmp_path: Path) -> None:
    with pytest.raises(errors.CapabilityError):
        write_training_script(tmp_path, "m", "d.jsonl", ColumnMapping(tokens="tokens", spans="spans"), ("none", "X"),
                              FineTuneConfig(task=Task.SPANS))
