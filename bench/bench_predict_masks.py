"""Time ``ModelInspector.predict_masks`` against a raw forward pass of the same model.

Baseline ("raw"): tokenise + ``model(**inputs)`` under ``torch.inference_mode`` + the
softmax/top-k a caller needs anyway — the minimum work of any fill-mask. Both run in
this process on the same input, interleaved, so machine noise hits both alike.

    .venv/bin/python bench/bench_predict_masks.py [--model PATH] [--reps 200]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from core import ModelInspector, load_checkpoint  # noqa: E402

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "shared" / "models" / "stories-bert-mini"
TEXTS = {
    "short": "Once upon a time, there was a little [MASK] named Lily.",
    "long": " ".join(["Lily went to the park and played with her friends on the swings."] * 6)
    + " She was very [MASK] and went home.",
}


def raw_forward(loaded, text: str, top_k: int) -> None:
    tok, model = loaded.tokenizer, loaded.model
    inputs = tok(text, return_tensors="pt", truncation=True, max_length=loaded.max_length).to(loaded.device)
    with torch.inference_mode():
        logits = model(**inputs).logits[0]
        pos = (inputs["input_ids"][0] == tok.mask_token_id).nonzero()[:, 0]
        logits[pos].softmax(-1).topk(top_k)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=str(DEFAULT_MODEL))
    p.add_argument("--reps", type=int, default=200)
    p.add_argument("--top-k", type=int, default=10)
    args = p.parse_args()
    torch.set_num_threads(1)  # steadier timings on a shared 2-core machine
    loaded = load_checkpoint(args.model)
    inspector = ModelInspector(loaded)
    print(f"model {loaded.name} on {loaded.device}, {args.reps} reps, top-{args.top_k}, median ms")
    print(f"{'input':8} {'tokens':>6} {'raw ms':>8} {'predict ms':>11} {'ratio':>6}")
    for name, text in TEXTS.items():
        for _ in range(10):  # warm-up
            raw_forward(loaded, text, args.top_k)
            inspector.predict_masks(text, args.top_k)
        raw, ours = [], []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            raw_forward(loaded, text, args.top_k)
            t1 = time.perf_counter()
            inspector.predict_masks(text, args.top_k)
            t2 = time.perf_counter()
            raw.append(t1 - t0)
            ours.append(t2 - t1)
        r, o = statistics.median(raw) * 1e3, statistics.median(ours) * 1e3
        n = len(inspector.encode(text))
        print(f"{name:8} {n:6d} {r:8.3f} {o:11.3f} {o / r:6.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
