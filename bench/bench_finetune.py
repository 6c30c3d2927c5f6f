"""Training throughput: PLM Studio's engine vs transformers' ``Trainer``, same model, data, batch, length, precision.

    python bench/bench_finetune.py                 # CPU, MiniLM on the sentiment sample (always)
    python bench/bench_finetune.py --gpu           # + GPU: BERT-base-sized random init at seq 128, with MFU

Each trainer runs on a fresh copy of the model (alternating, ``--repeats`` times, the order
rotated between repeats, median reported). The clock runs from the end of the first (warm-up)
optimisation step to the end of the last one, in both: no evaluation, console logging or saving
in either, and the same number of steps (samples = timed steps x batch). Same model class and
attention (SDPA), fused AdamW, warm-up 10%, weight decay 0.01, clipping at 1.0, fp32.

Two baselines: ``Trainer`` with its defaults (random batches), and ``Trainer`` with
``train_sampling_strategy="group_by_length"`` (the padding saving our engine makes by default),
so the gain that is left is the engine's own. Samples/s and both ratios are printed.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MINILM = ROOT.parent / "shared" / "models" / "all-minilm-l6-v2"
H100_BF16_DENSE_FLOPS = 989e12


def _features(base: str, max_length: int, n: int | None = None):
    from core.datasets import Task, load_dataset, sample_path
    from core.finetune import load_tokenizer
    from core.ft_tasks import encode

    ds = load_dataset(sample_path(Task.CLASSIFY), Task.CLASSIFY)
    tok = load_tokenizer(base)
    feats = encode(Task.CLASSIFY, ds.examples if n is None else ds.examples[:n], tok, ds.labels, max_length)
    return tok, feats, ds.labels


def _now() -> tuple[float, float]:
    """(wall clock, this process's CPU time): CPU time does not run while other jobs hold the cores."""
    return time.perf_counter(), time.process_time()


def _rates(steps: int, batch: int, start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    """Samples per wall-clock second and per CPU second of this process."""
    if not steps:
        return 0.0, 0.0
    return steps * batch / (end[0] - start[0]), steps * batch / max(end[1] - start[1], 1e-9)


def run_ours(model, feats, tok, batch: int, epochs: float, precision: str, device: str,
             seed: int = 0) -> tuple[float, float]:
    """Samples/s (wall, CPU time) of :func:`core.training.iter_train` over ``epochs`` (warm-up step untimed)."""
    from core.datasets import Task
    from core.ft_tasks import TaskObjective, make_collate
    from core.training import TrainConfig, TrainData, iter_train

    data = TrainData(train=feats, collate=make_collate(Task.CLASSIFY, tok.pad_token_id),
                     lengths=[len(f["input_ids"]) for f in feats])
    cfg = TrainConfig(epochs=epochs, batch_size=batch, lr=5e-5, seed=seed, device=device, precision=precision,
                      log_every=10 if device.startswith("cuda") else 1)
    start = end = None
    steps = 0
    gen = iter_train(model, TaskObjective(Task.CLASSIFY, ("a", "b")), data, cfg)
    for rec in gen:
        if rec.phase != "train":
            continue
        _sync(device)
        if rec.step == 1:
            start = _now()  # after the warm-up step
        else:
            end = _now()
            steps += 1
    return _rates(steps, batch, start, end)


def run_trainer(model, feats, tok, batch: int, epochs: float, precision: str, device: str, seed: int = 0,
                grouped: bool = False) -> tuple[float, float]:
    """Samples/s (wall, CPU time) of transformers' ``Trainer`` on the same model/data/batch/length/precision.

    ``grouped``: ``train_sampling_strategy="group_by_length"`` (else the default, random batches).
    """
    from transformers import DataCollatorWithPadding, Trainer, TrainerCallback, TrainingArguments

    class Clock(TrainerCallback):
        start: float | None = None
        end: float | None = None
        steps = 0

        def on_step_end(self, args, state, control, **kw):
            _sync(device)
            if state.global_step == 1:
                Clock.start = _now()
            else:
                Clock.end = _now()
                Clock.steps += 1

    out = tempfile.mkdtemp(prefix="bench-trainer-")
    args = TrainingArguments(output_dir=out, per_device_train_batch_size=batch, num_train_epochs=epochs,
                             learning_rate=5e-5, warmup_steps=int(0.1 * epochs * -(-len(feats) // batch)),
                             weight_decay=0.01, seed=seed,
                             logging_strategy="no", save_strategy="no", eval_strategy="no", report_to=[],
                             use_cpu=not device.startswith("cuda"), bf16=precision == "bf16",
                             fp16=precision == "fp16", dataloader_num_workers=0, disable_tqdm=True,
                             train_sampling_strategy="group_by_length" if grouped else "random")
    rows = [{"input_ids": f["input_ids"], "attention_mask": [1] * len(f["input_ids"]), "labels": f["labels"],
             **({"token_type_ids": f["token_type_ids"]} if "token_type_ids" in f else {})} for f in feats]
    trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=DataCollatorWithPadding(tok),
                      callbacks=[Clock()])
    trainer.train()
    return _rates(Clock.steps, batch, Clock.start, Clock.end)


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()


def cpu_bench(batch: int, epochs: float, max_length: int, repeats: int) -> None:
    import statistics

    import torch

    from core.datasets import Task
    from core.finetune import build_model

    tok, feats, labels = _features(str(MINILM), max_length)
    print(f"CPU ({torch.get_num_threads()} threads), MiniLM-L6 (22.7M), sentiment sample: {len(feats)} rows, "
          f"batch {batch}, max length {max_length}, fp32, {epochs} epoch(s), {repeats} alternating run(s) each")
    runners = {
        "ours": lambda: run_ours(build_model(MINILM, Task.CLASSIFY, labels), feats, tok, batch, epochs, "fp32", "cpu"),
        "trainer": lambda: run_trainer(build_model(MINILM, Task.CLASSIFY, labels), feats, tok, batch, epochs, "fp32",
                                       "cpu"),
        "grouped": lambda: run_trainer(build_model(MINILM, Task.CLASSIFY, labels), feats, tok, batch, epochs, "fp32",
                                       "cpu", grouped=True),
    }
    print("  load average before: %.2f %.2f %.2f (1/5/15 min, %d cores)" % (*os.getloadavg(), os.cpu_count() or 0))
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in runners}
    order = list(runners)
    for r in range(repeats):  # alternate (order rotated), so a load spike on a shared machine hits every side
        for name in order[r % 3:] + order[:r % 3]:
            runs[name].append(runners[name]())
        print(f"  repeat {r + 1} (samples/s, wall | per CPU second): "
              + "; ".join(f"{k} {v[-1][0]:.1f} | {v[-1][1]:.1f}" for k, v in runs.items()), flush=True)
    print("  load average after : %.2f %.2f %.2f" % os.getloadavg())
    names = {"ours": "PLM Studio engine", "trainer": "transformers Trainer", "grouped": "Trainer, group_by_length"}
    for i, clock in enumerate(("wall clock", "CPU time (robust to other jobs on the cores)")):
        med = {k: statistics.median(x[i] for x in v) for k, v in runs.items()}
        print(f"  {clock}:")
        for k, v in runs.items():
            print(f"    {names[k]:25s}: {med[k]:8.1f} samples/s (median; runs {', '.join(f'{x[i]:.1f}' for x in v)})")
        for base, what in (("trainer", "Trainer"), ("grouped", "Trainer with group_by_length")):
            per = ", ".join(f"{o[i] / t[i]:.2f}" for o, t in zip(runs["ours"], runs[base]))
            goal = "   (goal >= 1.3x)" if base == "trainer" else ""
            print(f"    ratio (ours / {what}): {med['ours'] / med[base]:.2f}x{goal}; per repeat: {per}")


def gpu_bench(batch: int, seq: int, steps: int) -> None:
    """BERT-base-sized random init at ``seq`` tokens, bf16/fp16 autocast, with MFU (H100 peak)."""
    import torch

    if not torch.cuda.is_available():
        print("GPU: not measured (no CUDA device here).")
        return
    from transformers import BertConfig, BertForSequenceClassification


    cfg = BertConfig(num_labels=2, attn_implementation="sdpa")  # 12 x 768, 110M parameters

    def model():
        torch.manual_seed(0)
        return BertForSequenceClassification(cfg)

    g = torch.Generator().manual_seed(0)
    feats = [{"input_ids": torch.randint(1000, 30000, (seq,), generator=g).tolist(), "labels": i % 2,
              "token_type_ids": [0] * seq} for i in range(batch * steps)]

    class Tok:
        pad_token_id = 0

    precision = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    ours = run_ours(model(), feats, Tok, batch, 1, precision, "cuda")[0]
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(MINILM))  # only pads; the ids are random anyway
    base = run_trainer(model(), feats, tok, batch, 1, precision, "cuda")[0]
    n_params = sum(p.numel() for p in model().parameters())
    flops_per_sample = 6 * n_params * seq + 12 * cfg.num_hidden_layers * cfg.hidden_size * seq * seq
    name = torch.cuda.get_device_name()
    print(f"GPU {name}: BERT-base random init, seq {seq}, batch {batch}, {precision}")
    for label, sps in (("PLM Studio engine", ours), ("transformers Trainer", base)):
        mfu = sps * flops_per_sample / H100_BF16_DENSE_FLOPS
        print(f"  {label:22s}: {sps:8.1f} samples/s, MFU {mfu:.1%} (vs H100 dense bf16 peak)")
    print(f"  ratio (ours / Trainer): {ours / base:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--max-length", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=3, help="alternating runs of each trainer (median reported)")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    ap.add_argument("--gpu", action="store_true", help="also run the GPU benchmark (BERT-base, seq 128)")
    ap.add_argument("--gpu-batch", type=int, default=64)
    ap.add_argument("--gpu-steps", type=int, default=60)
    args = ap.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    cpu_bench(args.batch, args.epochs, args.max_length, args.repeats)
    if args.gpu:
        gpu_bench(args.gpu_batch, 128, args.gpu_steps)
    else:
        print("GPU: not measured (run with --gpu on a machine with CUDA).")


if __name__ == "__main__":
    main()
