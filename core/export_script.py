""""Export as script": a standalone ``accelerate`` training script + JSON config for a fine-tune.

The script needs only torch, transformers, accelerate (and peft for LoRA); it runs on one
CPU, one GPU, or many GPUs/nodes with ``accelerate launch train_finetune.py --config
train_config.json``. Tasks: classify, pair, tokens, causal_lm and spans. For span
classification a second file, ``span_model.py``, holds the span classifier (encoder + span
heads + linear layer) and its save format, written from this app's own source
(:mod:`core.span_heads`, :mod:`core.span_model`), so the exported run saves a folder the
spans panel reads as trained heads — without importing PLM Studio.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .datasets import ColumnMapping, Task
from .finetune import FineTuneConfig

SCRIPT_NAME = "train_finetune.py"
CONFIG_NAME = "train_config.json"
SPAN_MODULE_NAME = "span_model.py"

SCRIPT = r'''#!/usr/bin/env python
"""Fine-tuning script exported by PLM Studio.

    accelerate launch train_finetune.py --config train_config.json        # 1..N GPUs / nodes
    python train_finetune.py --config train_config.json --max-steps 3     # a quick CPU check

Needs torch, transformers, accelerate (and peft for LoRA); span classification also needs
span_model.py (written beside this script).
"""
import argparse
import csv
import json
import math
import random
from pathlib import Path

import torch
from accelerate import Accelerator
from transformers import (AutoModel, AutoModelForCausalLM, AutoModelForSequenceClassification,
                          AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup)


def compute_loss(model, batch, task):
    if task == "spans":  # softmax over the labels of every candidate span ("none" = 0)
        labels = batch.pop("span_labels")
        return torch.nn.functional.cross_entropy(model(**batch).float(), labels)
    return model(**batch).loss


def read_rows(path):
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".json"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix.lower() == ".txt":
        return [{"text": line.strip()} for line in text.splitlines() if line.strip()]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    return list(csv.DictReader(text.splitlines(), delimiter=delimiter))


def words(value):
    return value if isinstance(value, list) else str(value).split()


def encode(cfg, tok, rows):
    task, m, labels, max_len = cfg["task"], cfg["mapping"], cfg["labels"], cfg["max_length"]
    index = {lab: i for i, lab in enumerate(labels)}
    feats = []
    for row in rows:
        if task in ("classify", "pair"):
            enc = tok(row[m["text"]], row[m["text_b"]] if task == "pair" else None, truncation=True,
                      max_length=max_len)
            feats.append({**enc, "labels": index[row[m["label"]].strip()]})
        elif task == "tokens":
            ws, tags = words(row[m["tokens"]]), words(row[m["tags"]])
            enc = tok(ws, is_split_into_words=True, truncation=True, max_length=max_len)
            out, prev = [], None
            for w in enc.word_ids():
                if w is None:
                    out.append(-100)
                elif w != prev or cfg["every_subword"]:
                    out.append(index[tags[w]])
                else:
                    out.append(-100)
                prev = w
            feats.append({**enc, "labels": out})
        elif task == "spans":
            from span_model import span_candidates  # span_model.py, written beside this script
            ws = words(row[m["tokens"]])
            enc = tok(ws, is_split_into_words=True, truncation=True, max_length=max_len)
            gold = [(int(a), int(b), str(lab)) for a, b, lab in row[m["spans"]]]
            cand = span_candidates(enc.word_ids(), gold, index, cfg["max_span_words"])
            feats.append({"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"],
                          **({"token_type_ids": enc["token_type_ids"]} if "token_type_ids" in enc else {}),
                          "spans": cand["spans"], "span_labels": cand["span_labels"]})
        else:
            ids = tok(row[m["text"]], truncation=True, max_length=max_len - 1)["input_ids"] + [tok.eos_token_id]
            feats.append({"input_ids": ids, "attention_mask": [1] * len(ids), "labels": list(ids)})
    return feats


def collate(feats, pad_id, task):
    width = max(len(f["input_ids"]) for f in feats)
    batch = {}
    if task == "spans":  # every candidate span as (row in batch, first token, last token)
        rows = [(i, s, e) for i, f in enumerate(feats) for s, e in f["spans"]]
        batch["span_index"] = torch.tensor(rows, dtype=torch.long).reshape(-1, 3)
        batch["span_labels"] = torch.tensor([v for f in feats for v in f["span_labels"]], dtype=torch.long)
        feats = [{k: v for k, v in f.items() if k not in ("spans", "span_labels")} for f in feats]
    for key in feats[0]:
        if key == "labels" and task in ("classify", "pair"):
            batch[key] = torch.tensor([f[key] for f in feats])
            continue
        fill = -100 if key == "labels" else (pad_id if key == "input_ids" else 0)
        batch[key] = torch.tensor([list(f[key]) + [fill] * (width - len(f[key])) for f in feats])
    return batch


def build_model(cfg, pad_id):
    task, labels = cfg["task"], cfg["labels"]
    kw = {"attn_implementation": "sdpa", "dtype": torch.float32}
    if task == "spans":
        from span_model import SpanClassifier  # span_model.py, written beside this script
        encoder = AutoModel.from_pretrained(cfg["base_model"], **kw)
        model = SpanClassifier(encoder, tuple(labels), seed=cfg["seed"])
    elif task in ("classify", "pair", "tokens"):
        cls = AutoModelForTokenClassification if task == "tokens" else AutoModelForSequenceClassification
        model = cls.from_pretrained(cfg["base_model"], num_labels=len(labels), id2label=dict(enumerate(labels)),
                                    label2id={lab: i for i, lab in enumerate(labels)}, **kw)
    else:
        model = AutoModelForCausalLM.from_pretrained(cfg["base_model"], **kw)
    if model.config.pad_token_id is None:
        model.config.pad_token_id = pad_id
    strategy = cfg["strategy"]
    if task == "spans" and strategy == "features":
        for p in model.encoder_model.parameters():
            p.requires_grad_(False)
    elif strategy == "features":
        for p in model.base_model.parameters():
            p.requires_grad_(False)
    elif strategy == "freeze":
        import re
        for name, p in model.named_parameters():
            hit = re.search(r"(?:^|\.)(?:layer|layers|h|block)\.(\d+)\.", name)
            frozen = ("embed" in name and not hit) or (hit is not None and int(hit.group(1)) < cfg["freeze_layers"])
            p.requires_grad_(not frozen)
    elif strategy == "lora":
        from peft import LoraConfig, TaskType, get_peft_model
        task_type = {"classify": TaskType.SEQ_CLS, "pair": TaskType.SEQ_CLS, "tokens": TaskType.TOKEN_CLS,
                     "causal_lm": TaskType.CAUSAL_LM}.get(task)
        lora = cfg["lora"]
        extra = {"modules_to_save": ["span_heads", "classifier"]} if task == "spans" else {"task_type": task_type}
        model = get_peft_model(model, LoraConfig(r=lora["r"], lora_alpha=lora["alpha"], lora_dropout=lora["dropout"],
                                                 target_modules=lora["targets"] or None, **extra))
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="train_config.json")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: all epochs)")
    ap.add_argument("--output-dir", default=None)
    args = ap.parse_args()
    cfg = json.loads(Path(args.config).read_text(encoding="utf-8"))
    precision = cfg["precision"]
    if precision == "auto":
        precision = ("bf16" if torch.cuda.is_bf16_supported() else "fp16") if torch.cuda.is_available() else "no"
    acc = Accelerator(mixed_precision="no" if precision == "fp32" else precision)
    random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    tok = AutoTokenizer.from_pretrained(cfg["base_model"])
    if tok.pad_token is None:
        tok.pad_token = tok.unk_token or tok.eos_token
    rows = read_rows(cfg["data_path"])
    random.Random(cfg["seed"]).shuffle(rows)
    n_val = int(round(cfg["val_fraction"] * len(rows)))
    train_rows, val_rows = rows[n_val:], rows[:n_val]
    task = cfg["task"]
    train = encode(cfg, tok, train_rows)
    val = encode(cfg, tok, val_rows)
    fn = lambda feats: collate(feats, tok.pad_token_id, task)  # noqa: E731
    train_dl = torch.utils.data.DataLoader(train, batch_size=cfg["batch_size"], shuffle=True, collate_fn=fn)
    val_dl = torch.utils.data.DataLoader(val, batch_size=cfg["batch_size"], collate_fn=fn)
    model = build_model(cfg, tok.pad_token_id)
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim >= 2 and "norm" not in n.lower()]
    rest = [p for n, p in model.named_parameters() if p.requires_grad and not (p.ndim >= 2 and "norm" not in n.lower())]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg["weight_decay"]},
                             {"params": rest, "weight_decay": 0.0}], lr=cfg["lr"],
                            fused=torch.cuda.is_available())
    total = math.ceil(cfg["epochs"] * math.ceil(len(train) / cfg["batch_size"]))
    if args.max_steps:
        total = min(total, args.max_steps)
    sched = get_linear_schedule_with_warmup(opt, int(cfg["warmup_ratio"] * total), total)
    model, opt, train_dl, val_dl, sched = acc.prepare(model, opt, train_dl, val_dl, sched)
    step = 0
    while step < total:
        model.train()
        for batch in train_dl:
            loss = compute_loss(model, batch, task)
            acc.backward(loss)
            acc.clip_grad_norm_(model.parameters(), cfg["max_grad_norm"])
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if step % 10 == 0 or step == total:
                acc.print(f"step {step}/{total} loss {loss.item():.4f} lr {sched.get_last_lr()[0]:.2e}")
            if step >= total:
                break
        model.eval()
        losses = []
        with torch.no_grad():
            for batch in val_dl:
                losses.append(acc.gather_for_metrics(compute_loss(model, batch, task).detach().reshape(1)))
        if losses:
            acc.print(f"validation loss {torch.cat(losses).mean().item():.4f}")
    acc.wait_for_everyone()
    out = Path(args.output_dir or cfg["output_dir"])
    if acc.is_main_process:
        model = acc.unwrap_model(model)
        if hasattr(model, "merge_and_unload"):
            model = model.merge_and_unload()
        model.save_pretrained(out, safe_serialization=True)
        tok.save_pretrained(out)
        acc.print(f"saved {out}")


if __name__ == "__main__":
    main()
'''


def export_config(base: str, data_path: str, mapping: ColumnMapping, labels: tuple[str, ...],
                  cfg: FineTuneConfig, output_dir: str) -> dict[str, Any]:
    """The JSON config the exported script reads."""
    task = Task(cfg.task)
    t = cfg.train
    return {"base_model": str(base), "data_path": str(data_path), "task": task.value,
            "mapping": asdict(mapping), "labels": list(labels), "strategy": cfg.strategy.value,
            "freeze_layers": cfg.freeze_layers, "lora": {**asdict(cfg.lora), "targets": list(cfg.lora.targets)},
            "every_subword": cfg.every_subword, "max_length": cfg.max_length, "max_span_words": cfg.max_span_words,
            "val_fraction": cfg.val_fraction,
            "epochs": t.epochs, "batch_size": t.batch_size, "lr": t.lr, "warmup_ratio": t.warmup_ratio,
            "weight_decay": t.weight_decay, "max_grad_norm": t.max_grad_norm or 1e9, "seed": t.seed,
            "precision": t.precision, "output_dir": output_dir}


def write_training_script(folder: str | Path, base: str, data_path: str, mapping: ColumnMapping,
                          labels: tuple[str, ...], cfg: FineTuneConfig) -> Path:
    """Write ``train_finetune.py`` and ``train_config.json`` into ``folder``; returns the script path.

    Span classification also gets ``span_model.py`` (the span classifier, standalone).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = export_config(base, data_path, mapping, labels, cfg, str(folder / "output"))
    files = [(CONFIG_NAME, json.dumps(config, indent=2)), (SCRIPT_NAME, SCRIPT)]
    if Task(cfg.task) is Task.SPANS:
        files.append((SPAN_MODULE_NAME, span_module_source()))
    for name, text in files:
        tmp = folder / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / name)
    return folder / SCRIPT_NAME


_SPAN_MODULE_HEAD = '''"""Span classification for the exported training script: standalone (torch + safetensors).

Written by PLM Studio from its own source (core/span_heads.py, core/span_model.py,
core/ft_tasks.py), so a run saved here has the layout of the app's own span training:
the encoder's HF folder + span_heads.safetensors (marked trained) + span_classifier.safetensors
+ span_classifier.json. Open the saved folder in PLM Studio: the spans panel shows the
trained heads.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

'''


def span_module_source() -> str:
    """``span_model.py`` of an exported span run: the app's span classifier, copied from its source.

    Copying (``inspect.getsource``) rather than re-typing keeps the exported model and its
    save format identical to what the app trains and loads.
    """
    import inspect

    from . import ft_tasks, span_heads, span_model

    consts = (f"SPAN_HEADS_FILE = {span_heads.SPAN_HEADS_FILE!r}\n"
              f"CLASSIFIER_WEIGHTS = {span_model.CLASSIFIER_WEIGHTS!r}\n"
              f"CLASSIFIER_CONFIG = {span_model.CLASSIFIER_CONFIG!r}\n")
    parts = [_SPAN_MODULE_HEAD + consts]
    for obj in (span_heads.SpanHeads, span_heads.span_heads_path, span_heads.save_span_heads,
                span_model.SpanClassifier, ft_tasks.span_candidates):
        parts.append(inspect.getsource(obj))
    return "\n\n".join(parts)
