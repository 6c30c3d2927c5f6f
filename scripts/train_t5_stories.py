"""Train a small T5-style encoder-decoder on the children's stories (T5 span corruption).

The recipe behind ``stories-t5-mini``: a lower-cased WordPiece (4,096 entries with the
sentinels ``<extra_id_0..31>``) trained on the corpus, a T5 with 2 encoder + 2 decoder
layers x 128 hidden (4 heads, FFN 512), T5's span corruption (15% noise, mean span 3)
on rows of up to 128 tokens, AdamW, linear warm-up/decay — all through the app's own
training engine (``core.pretrain`` -> ``core.training.iter_train``), on CUDA (bf16) when
present, else CPU. The run is time-boxed: when ``--minutes`` are up it stops and saves.

    OMP_NUM_THREADS=2 python scripts/train_t5_stories.py --out build/stories-t5-mini --minutes 20

Then it writes a span-filling check and the numbers for the model card to ``<out>/eval.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.pretrain import DEFAULT_CORPUS, PretrainConfig, iter_pretrain  # noqa: E402
from core.training import TrainConfig, TrainControl  # noqa: E402

CHECKS = [
    "Once upon a time, there was a little <extra_id_0> named Lily.",
    "She went to the <extra_id_0> to play with her friends.",
    "Tom had a big red <extra_id_0>. He liked to <extra_id_1> with it every day.",
    "The dog was very <extra_id_0> and wagged its tail.",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--out", default="build/stories-t5-mini")
    ap.add_argument("--preset", default="2x128")
    ap.add_argument("--vocab", type=int, default=4096)
    ap.add_argument("--steps", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--minutes", type=float, default=20.0, help="stop and save after this long")
    ap.add_argument("--probe-every", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    pre = PretrainConfig(objective="t5", preset=args.preset, corpus=args.corpus, vocab_size=args.vocab,
                         probe_every=args.probe_every,
                         extra_card={"title": "stories-t5-mini: a tiny T5 trained on children's stories",
                                     "licence": "MIT (data sampled from the MIT-licensed stories260k)"})
    train = TrainConfig(max_steps=args.steps, batch_size=args.batch, lr=args.lr, warmup_ratio=0.03,
                        output_dir=str(Path(args.out).resolve()), seed=args.seed, log_every=10,
                        eval_every=args.probe_every)
    control = TrainControl()
    t0 = time.perf_counter()
    gen = iter_pretrain(pre, train, control=control, seed=args.seed)
    probes = []
    result = None
    t_train = None  # the time box starts with the first optimisation step (after tokenizer and rows)
    try:
        while True:
            rec = next(gen)
            if rec.probe is not None:
                probes.append({"step": rec.step, "output": rec.probe.output, "p_girl": rec.probe.target_prob,
                               "top": rec.probe.top})
                print(f"{time.perf_counter() - t0:7.1f}s step {rec.step}: {rec.probe.output!r} "
                      f"P(girl)={rec.probe.target_prob:.3f}", flush=True)
            elif rec.phase == "train" and rec.loss is not None and rec.step % 100 == 0:
                print(f"{time.perf_counter() - t0:7.1f}s step {rec.step}/{rec.total_steps} loss {rec.loss:.3f} "
                      f"({rec.samples_per_s:.0f} rows/s on {rec.device}, {rec.precision})", flush=True)
            if rec.phase == "train" and t_train is None:
                t_train = time.perf_counter()
            if t_train is not None and time.perf_counter() - t_train > args.minutes * 60 and not control.stop_requested:
                print("time is up: stopping and saving", flush=True)
                control.request_stop(save=True)
    except StopIteration as stop:
        result = stop.value
    print(f"saved to {result.saved_to} after {result.steps} steps in {result.elapsed_s:.0f} s")
    evaluate(Path(result.saved_to), result, probes, time.perf_counter() - t0)


def evaluate(folder: Path, result, probes: list[dict], seconds: float) -> None:
    """Greedy span filling on a few sentences, and the numbers for the card."""
    import torch

    from core import load_checkpoint

    loaded = load_checkpoint(folder, device="cpu")
    fills = {}
    for text in CHECKS:
        enc = loaded.tokenizer(text, return_tensors="pt")
        with torch.inference_mode():
            out = loaded.model.generate(**enc, max_new_tokens=12, do_sample=False)
        fills[text] = loaded.tokenizer.decode(out[0], skip_special_tokens=False).replace("[PAD]", "").strip()
        print(f"{text}\n   -> {fills[text]}")
    losses = [row["loss"] for row in result.curves if "loss" in row]
    info = {"steps": result.steps, "seconds": round(seconds), "stopped_early": result.stopped,
            "first_loss": losses[0] if losses else None, "last_loss_mean_of_10": sum(losses[-10:]) / max(1, len(losses[-10:])),
            "n_params": loaded.n_params, "size_bytes": sum(f.stat().st_size for f in folder.glob("*.safetensors")),
            "span_filling": fills, "probes": probes}
    (folder / "eval.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in info.items() if k not in ("probes",)}, indent=2))


if __name__ == "__main__":
    main()
