"""Tokens/s of PLM Studio's streamed generation (every step's stages and candidates recorded)
against ``model.generate`` on the same model, prompt and settings.

Baseline: ``model.generate(max_new_tokens=N, do_sample=False)`` (greedy; ``--decoding sample``
uses ``do_sample=True`` with the same top-k/temperature/top-p). Both stop at EOS, so rates are
tokens made / seconds of each run.
Ours: ``iter_generate`` consumed step by step like the GUI worker does. Runs interleaved in
one process after a warm-up, so machine noise hits both alike; the median run is reported.

    .venv/bin/python bench/bench_generation.py [--model PATH] [--tokens 200] [--reps 5] [--device cpu|cuda]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from core import load_checkpoint  # noqa: E402
from core.generation import iter_generate  # noqa: E402
from core.generation_types import DecodingConfig, Strategy  # noqa: E402

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "shared" / "models" / "stories260k"


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def run_hf(loaded, prompt: str, cfg: DecodingConfig) -> int:
    ids = torch.tensor([loaded.tokenizer(prompt)["input_ids"]], device=loaded.device)
    kwargs = dict(max_new_tokens=cfg.max_new_tokens, do_sample=cfg.strategy is Strategy.SAMPLE)
    if kwargs["do_sample"]:
        kwargs.update(top_k=cfg.top_k, temperature=cfg.temperature, top_p=cfg.top_p)
    with torch.inference_mode():
        out = loaded.model.generate(ids, attention_mask=torch.ones_like(ids), **kwargs)
    _sync(loaded.device)
    return out.shape[1] - ids.shape[1]


def run_ours(loaded, prompt: str, cfg: DecodingConfig) -> int:
    n = 0
    it = iter_generate(loaded, prompt, cfg)
    for item in it:
        n += hasattr(item, "token_id")
    _sync(loaded.device)
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--tokens", type=int, default=200)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--decoding", default="greedy", choices=["greedy", "sample"])
    ap.add_argument("--prompt", default="Once upon a time")
    args = ap.parse_args()
    loaded = load_checkpoint(args.model, device=args.device)
    cfg = DecodingConfig(strategy=Strategy(args.decoding), max_new_tokens=args.tokens, n_candidates=10)
    # warm-up (first calls allocate, build kernels)
    run_hf(loaded, args.prompt, cfg)
    run_ours(loaded, args.prompt, cfg)
    hf_rates, our_rates, counts = [], [], {"hf": [], "ours": []}
    for _ in range(args.reps):
        for key, fn, rates in (("hf", run_hf, hf_rates), ("ours", run_ours, our_rates)):
            t0 = time.perf_counter()
            n = fn(loaded, args.prompt, cfg)
            rates.append(n / (time.perf_counter() - t0))
            counts[key].append(n)
    hf, ours = statistics.median(hf_rates), statistics.median(our_rates)
    hf_best, ours_best = max(hf_rates), max(our_rates)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine load average {load:.1f} on {os.cpu_count()} cores (other work makes single runs noisy)")
    print(f"model {loaded.name} on {loaded.device}, {args.decoding}, up to {args.tokens} new tokens "
          f"(made: generate {statistics.median(counts['hf'])}, ours {statistics.median(counts['ours'])}), "
          f"median of {args.reps} interleaved runs, torch threads {torch.get_num_threads()}")
    print(f"  model.generate          : {hf:8.1f} tokens/s median, {hf_best:8.1f} best")
    print(f"  iter_generate (stages)  : {ours:8.1f} tokens/s median, {ours_best:8.1f} best")
    print(f"  ratio ours / generate   : {ours / hf:.3f}x median, {ours_best / hf_best:.3f}x best run "
          f"(goal >= 0.95x; best runs are least disturbed by other load on the machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
