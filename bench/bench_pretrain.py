"""Benchmark: from-scratch pre-training on the shared engine vs a plain PyTorch loop.

Same model (2 layers x 128 BERT, same initial weights), same data (the 2,000-story sample,
same WordPiece, same rows), same batches and the same dynamic 80/10/10 masking.

1. Throughput: tokens/s of ``core.pretrain`` (``iter_train`` + the masked-LM objective) vs
   a plain loop (AdamW, ``model(**batch).loss``) and a plain loop using the same
   masked-only head; run alternately, best of ``--repeats``.
2. Time to P(girl) > 0.5 on "Once upon a time, there was a little [MASK] named Lily."
   (probe every ``--probe-every`` steps; probing time is included, as a teacher sees it),
   for the product and, with ``--girl both``, for the plain loop too.

    OMP_NUM_THREADS=2 python bench/bench_pretrain.py --threads 2 --girl both
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from core.pretrain import PretrainConfig, prepare  # noqa: E402
from core.pretrain_objectives import fill_mask_probe  # noqa: E402
from core.training import TrainConfig, TrainControl, epoch_batches, iter_train, linear_schedule  # noqa: E402


def batches_for(setup, cfg: TrainConfig, steps: int):
    """The engine's batches (same order, same masking seeds) for a plain loop."""
    n = len(setup.data.train)
    out, epoch = [], 0
    while len(out) < steps:
        for idx in epoch_batches(n, cfg.batch_size, cfg.seed, epoch, setup.data.lengths, cfg.group_by_length):
            if len(out) == steps:
                break
            g = torch.Generator().manual_seed(cfg.seed * 7_919 + len(out))
            out.append(setup.data.collate([setup.data.train[i] for i in idx], g))
        epoch += 1
    return out


def tokens_in(batch) -> int:
    return int(batch["attention_mask"].sum())


def run_engine(setup, model, cfg: TrainConfig, steps: int) -> float:
    """tokens/s of iter_train over ``steps`` steps (first 5 steps excluded)."""
    gen = iter_train(model, setup.objective, setup.data, replace(cfg, max_steps=steps, output_dir="",
                                                                  log_every=10, eval_every=0))
    tokens, t0 = 0, None
    batches = batches_for(setup, cfg, steps)
    for rec in gen:
        if rec.phase == "train":
            if rec.step == 5:
                t0 = time.perf_counter()
            elif rec.step > 5:
                tokens += tokens_in(batches[rec.step - 1])
    return tokens / (time.perf_counter() - t0)


def plain_batches(setup, cfg: TrainConfig, steps: int):
    """The engine's batches, collated lazily (the plain loop pays for masking like the engine)."""
    n, step, epoch = len(setup.data.train), 0, 0
    while True:
        for idx in epoch_batches(n, cfg.batch_size, cfg.seed, epoch, setup.data.lengths, cfg.group_by_length):
            if step == steps:
                return
            g = torch.Generator().manual_seed(cfg.seed * 7_919 + step)
            yield setup.data.collate([setup.data.train[i] for i in idx], g)
            step += 1
        epoch += 1


def run_plain(setup, model, cfg: TrainConfig, steps: int, sliced: bool) -> float:
    """A plain PyTorch loop: AdamW, the same schedule, clipping, the same batches."""
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, linear_schedule(int(cfg.warmup_ratio * steps), steps))
    model.train()
    tokens, t0 = 0, None
    for i, batch in enumerate(plain_batches(setup, cfg, steps)):
        if i == 5:
            t0 = time.perf_counter()
        loss = setup.objective.loss(model, batch) if sliced else model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        if i % 10 == 0:
            loss.item()
        if i >= 5:
            tokens += tokens_in(batch)
    return tokens / (time.perf_counter() - t0)


def girl_engine(pre: PretrainConfig, cfg: TrainConfig, limit_s: float) -> tuple[float | None, int, float]:
    """Seconds (from the start of training) until P(girl) > 0.5 with the product."""
    setup = prepare(pre)
    control = TrainControl()
    t0 = time.perf_counter()
    best = 0.0
    for rec in iter_train(setup.model, setup.objective, setup.data, cfg, control=control, probe=setup.probe):
        if rec.probe is not None:
            best = max(best, rec.probe.target_prob)
            print(f"  product  {time.perf_counter() - t0:6.1f}s step {rec.step:5d} P(girl) = {rec.probe.target_prob:.3f}",
                  flush=True)
            if rec.probe.target_prob > 0.5:
                return time.perf_counter() - t0, rec.step, best
        if time.perf_counter() - t0 > limit_s:
            control.request_stop()
    return None, -1, best


def girl_plain(pre: PretrainConfig, cfg: TrainConfig, limit_s: float) -> tuple[float | None, int, float]:
    setup = prepare(pre)
    model, tok = setup.model, setup.tokenizer
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, linear_schedule(int(cfg.warmup_ratio * cfg.max_steps),
                                                                   cfg.max_steps))
    t0 = time.perf_counter()
    best = 0.0
    n = len(setup.data.train)
    step, epoch = 0, 0
    while step < cfg.max_steps and time.perf_counter() - t0 < limit_s:
        for idx in epoch_batches(n, cfg.batch_size, cfg.seed, epoch, setup.data.lengths):
            g = torch.Generator().manual_seed(cfg.seed * 7_919 + step)
            batch = setup.data.collate([setup.data.train[i] for i in idx], g)
            model.train()
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if step % cfg.eval_every == 0:
                model.eval()
                with torch.inference_mode():
                    p = fill_mask_probe(model, tok).target_prob
                best = max(best, p)
                print(f"  plain    {time.perf_counter() - t0:6.1f}s step {step:5d} P(girl) = {p:.3f}", flush=True)
                if p > 0.5:
                    return time.perf_counter() - t0, step, best
            if step >= cfg.max_steps or time.perf_counter() - t0 > limit_s:
                break
        epoch += 1
    return None, -1, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=60, help="steps per throughput run")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--girl", choices=("none", "product", "both"), default="product")
    ap.add_argument("--girl-steps", type=int, default=1500, help="length of the lr schedule")
    ap.add_argument("--probe-every", type=int, default=50)
    ap.add_argument("--max-minutes", type=float, default=15.0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    pre = PretrainConfig(objective="mlm", preset="2x128", probe_every=args.probe_every)
    cfg = TrainConfig(batch_size=args.batch, lr=args.lr, warmup_ratio=0.03, device="cpu")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; model 2x128 BERT, batch {args.batch}")

    setup = prepare(pre)
    init = copy.deepcopy(setup.model.state_dict())
    results: dict[str, list[float]] = {"product": [], "plain (labels=)": [], "plain (same loss)": []}
    names = list(results)
    for r in range(args.repeats):
        for name in names[r % 3:] + names[:r % 3]:  # rotate the order: load changes hit all three
            setup.model.load_state_dict(init)
            model = copy.deepcopy(setup.model)
            if name == "product":
                tps = run_engine(setup, model, cfg, args.steps)
            else:
                tps = run_plain(setup, model, cfg, args.steps, sliced=name == "plain (same loss)")
            results[name].append(tps)
            print(f"  {name:18s} {tps:9.0f} tokens/s", flush=True)
    best = {k: max(v) for k, v in results.items()}
    base = best["plain (labels=)"]
    print("\nThroughput (best of runs):")
    for k, v in best.items():
        print(f"  {k:18s} {v:9.0f} tokens/s   ratio vs plain (labels=): {v / base:.2f}")

    if args.girl != "none":
        limit = args.max_minutes * 60
        gcfg = replace(cfg, max_steps=args.girl_steps, eval_every=args.probe_every)
        print(f"\nTime to P(girl) > 0.5 (probe every {args.probe_every} steps, at most {args.max_minutes} min):")
        t, step, top = girl_engine(pre, gcfg, limit)
        print(f"  product: {'%.0f s at step %d' % (t, step) if t else 'not reached (best %.3f)' % top}")
        if args.girl == "both":
            t2, step2, top2 = girl_plain(pre, gcfg, limit)
            print(f"  plain:   {'%.0f s at step %d' % (t2, step2) if t2 else 'not reached (best %.3f)' % top2}")
            if t and t2:
                print(f"  ratio plain/product: {t2 / t:.2f}")


if __name__ == "__main__":
    main()
