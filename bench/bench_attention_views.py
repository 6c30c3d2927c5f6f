"""Time the native attention views against each other and against bertviz's HTML.

Baseline ("grid redraw"): ``AttentionGridView.set_attentions`` on all 12 × 12 heads of a
BERT-base-shaped, softmax-normalised random array, plus ``processEvents`` so the paint is
counted — what the app does when a new text is inspected. Against it, in the same process
and on the same arrays:

* heatmap switch: ``HeatmapView.set_matrix`` of one cached [S, S] slice (a layer/head change);
* head-lines switch: ``HeadLinesView.set_data`` for all heads of a layer, painted in a
  600-px scroll viewport (the bertviz "head view" drawn natively);
* bertviz html (model / head): ``core.bertviz_html.build_html`` for the same tokens and
  attentions — page generation only, not the browser's rendering; skipped when that module
  or its vendored JavaScript is missing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_attention_views.py [--sizes 64 128 512] [--reps 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from gui.widgets.attention_grid import AttentionGridView  # noqa: E402
from gui.widgets.head_lines import HeadLinesView  # noqa: E402
from gui.widgets.heatmap import HeatmapView  # noqa: E402

LAYERS, HEADS = 12, 12


def bert_like_attentions(seq: int, seed: int = 0) -> np.ndarray:
    """float32 [12, 12, seq, seq]; each row a softmax of N(0, 2²) logits (peaky, like trained heads)."""
    rng = np.random.default_rng(seed)
    att = rng.standard_normal((LAYERS, HEADS, seq, seq), dtype=np.float32)
    att *= 2.0
    att -= att.max(axis=-1, keepdims=True)
    np.exp(att, out=att)
    att /= att.sum(axis=-1, keepdims=True)
    return att


def median_ms(fn: Callable[[int], object], reps: int, warmup: int = 2) -> float:
    for i in range(warmup):
        fn(i)
    times = []
    for i in range(reps):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def load_bertviz() -> Callable[..., str] | None:
    try:
        from core import bertviz_html
        bertviz_html.find_web_assets()  # raises when the vendored d3/jQuery/require.js are missing
    except Exception as exc:  # noqa: BLE001 (optional column: any failure means "skip it")
        print(f"bertviz html column skipped: {type(exc).__name__}: {exc}")
        return None
    return bertviz_html.build_html


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", type=int, nargs="+", default=[64, 128, 512])
    p.add_argument("--reps", type=int, default=15)
    args = p.parse_args()
    app = QApplication.instance() or QApplication([])
    grid, heatmap, lines = AttentionGridView(), HeatmapView(), HeadLinesView()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(lines)
    for widget, size in ((grid, (900, 900)), (heatmap, (800, 800)), (scroll, (700, 600))):
        widget.resize(*size)
        widget.show()
    app.processEvents()
    build_html = load_bertviz()

    print(f"{LAYERS} layers × {HEADS} heads, softmax-normalised float32, median of {args.reps} (ms), "
          f"platform {app.platformName()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    header = f"{'tokens':>6} {'grid redraw':>12} {'heatmap switch':>15} {'lines switch':>13}"
    if build_html is not None:
        header += f" {'bertviz model':>14} {'bertviz head':>13}"
    print(header)
    ratios: list[str] = []
    for seq in args.sizes:
        att = bert_like_attentions(seq)
        tokens = [f"tok{i}" for i in range(seq)]
        pairs = [(i % LAYERS, (5 * i) % HEADS) for i in range(64)]

        def redraw_grid(_: int) -> None:
            grid.set_attentions(att)
            app.processEvents()

        def switch_heatmap(i: int) -> None:
            layer, head = pairs[i % len(pairs)]
            heatmap.set_matrix(att[layer, head], tokens, tokens, title=f"layer {layer}, head {head}")
            app.processEvents()

        def switch_lines(i: int) -> None:
            lines.set_data(tokens, tokens, att[i % LAYERS], heads=range(HEADS))
            app.processEvents()

        base = median_ms(redraw_grid, args.reps)
        heat = median_ms(switch_heatmap, args.reps * 2)
        line = median_ms(switch_lines, args.reps)
        row = f"{seq:>6} {base:>12.1f} {heat:>15.1f} {line:>13.1f}"
        ratios.append(f"{seq:>4} tokens: heatmap switch / grid redraw = {heat / base:.2f}×, "
                      f"lines switch / grid redraw = {line / base:.2f}×")
        if build_html is not None:
            reps = max(3, args.reps // (4 if seq >= 512 else 1))
            model = median_ms(lambda _: build_html(tokens, att, view="model"), reps, warmup=1)
            head = median_ms(lambda _: build_html(tokens, att, view="head"), reps, warmup=1)
            row += f" {model:>14.1f} {head:>13.1f}"
            ratios[-1] += (f", bertviz model html / grid redraw = {model / base:.1f}×"
                           f", bertviz head html / grid redraw = {head / base:.1f}×")
        print(row, flush=True)
        del att
    print()
    print("\n".join(ratios))
    print(f"load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
