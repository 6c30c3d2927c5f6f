"""Where does the GUI event loop stall during a training run?  (A diagnosis tool, not a test.)

Runs the fine-tuning panel (tiny random BERT, like the pytest-qt test) or the pre-training
runner offscreen and records, all on one ``perf_counter`` clock:

* every tick of a short QTimer on the GUI thread (the gap since the last one) together with
  the CPU time the GUI thread and the training thread used in that gap (``pthread`` CPU
  clocks): a gap where the GUI thread burnt the CPU is GUI-side work; a gap where the
  training thread ran and the GUI did not is the GIL (or the OS scheduler);
* with ``--events``, every Qt event dispatch on the GUI thread that took > 2 ms (a
  ``QApplication.notify`` override: slow, so off by default);
* the training thread's phases (each yielded record) and the time spent in the functions a
  stall was blamed on (model building, probe, evaluation, weight changes, checkpoint writes).

Then, for every gap over ``--threshold`` ms, it prints what the two threads were doing.

    OMP_NUM_THREADS=1 QT_QPA_PLATFORM=offscreen python bench/event_loop_gaps.py --runs 3
    OMP_NUM_THREADS=1 QT_QPA_PLATFORM=offscreen python bench/event_loop_gaps.py --pretrain
"""
from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "models"
LOG: list[tuple[float, float, str, str]] = []      # (start, end, thread, what)
TRAIN_TID: dict[str, int] = {}


def _thread_name() -> str:
    return "gui" if threading.current_thread() is threading.main_thread() else "train"


def timed(owner: object, name: str, label: str | None = None) -> None:
    """Wrap ``owner.name`` so each call is logged with its thread and duration."""
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            LOG.append((t0, time.perf_counter(), _thread_name(), label or name))
    setattr(owner, name, wrapper)


def traced_generator(fn):
    """Log how long the training thread took to produce each record (and its phase)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        TRAIN_TID["tid"] = threading.get_ident()
        gen = fn(*args, **kwargs)
        t0 = time.perf_counter()
        try:
            while True:
                try:
                    rec = next(gen)
                except StopIteration as stop:
                    LOG.append((t0, time.perf_counter(), "train", "return"))
                    return stop.value
                LOG.append((t0, time.perf_counter(), "train", f"-> {rec.phase} {rec.step}"))
                yield rec
                t0 = time.perf_counter()
        finally:
            gen.close()
    return wrapper


def tiny_bert(out: Path) -> Path:
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForMaskedLM

    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=37, max_position_embeddings=64)
    BertForMaskedLM(cfg).save_pretrained(out)
    AutoTokenizer.from_pretrained(SHARED / "all-minilm-l6-v2").save_pretrained(out)
    return out


_GC_START: dict[str, float] = {}


def _gc_callback(phase: str, info: dict) -> None:
    """Log cyclic-GC passes over 5 ms (they hold the GIL, whichever thread runs them)."""
    who = _thread_name()
    if phase == "start":
        _GC_START[who] = time.perf_counter()
    elif who in _GC_START:
        t0 = _GC_START.pop(who)
        if time.perf_counter() - t0 > 0.005:
            LOG.append((t0, time.perf_counter(), who, f"gc generation {info['generation']}"))


def instrument() -> None:
    import core.finetune as ft
    import core.training as tr
    import core.train_io as tio
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

    import safetensors.torch as st
    from core import ft_tasks, strategies

    for owner, name in ((ft, "load_tokenizer"), (ft, "build_model"), (ft, "apply_strategy"), (ft, "encode"),
                        (ft, "snapshot_weights"), (ft, "weight_changes"), (ft, "run_probe"),
                        (ft, "trainable_summary"), (ft, "_copy_missing_heads"), (tr, "atomic_write_dir"),
                        (tr, "write_curves"), (tio, "default_save"), (tr, "restore_state"), (torch, "save"),
                        (st, "save_file"), (ft_tasks.TaskObjective, "evaluate"), (strategies, "weight_changes"),
                        (tr, "free_memory")):
        if hasattr(owner, name):
            timed(owner, name, f"{getattr(owner, '__name__', '')}.{name}")
    timed(PreTrainedModel, "save_pretrained", "model.save_pretrained")
    timed(PreTrainedTokenizerBase, "save_pretrained", "tokenizer.save_pretrained")


def gui_instrument(panel) -> None:
    """Time the slots that receive records (they run on the GUI thread)."""
    queue = getattr(panel, "draw_queue", None)
    if queue is not None:
        timed(queue, "_run_next", "DrawQueue job")
    for owner, name in ((panel, "_on_records"), (panel, "_on_snapshot"), (panel, "_render_tab"),
                        (panel.curves, "add_records"), (panel.curves, "_redraw"),
                        (panel.probe_view, "set_before"), (panel.probe_view, "set_now"),
                        (panel, "_on_run_finished"), (panel.compare, "add_run"), (panel, "_update_buttons")):
        if hasattr(owner, name):
            timed(owner, name, f"{type(owner).__name__}.{name}")


def paint_instrument() -> None:
    """Log pyqtgraph items' paint calls over 1 ms (GUI thread)."""
    import pyqtgraph as pg

    for cls in (pg.AxisItem, pg.PlotCurveItem, pg.ViewBox, pg.LegendItem, pg.ScatterPlotItem, pg.ImageItem,
                pg.BarGraphItem, pg.TextItem, pg.LabelItem, pg.ColorBarItem):
        if "paint" not in cls.__dict__:
            continue
        orig = cls.paint

        def paint(self, *a, _orig=orig, _name=cls.__name__, **k):
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return _orig(self, *a, **k)
            finally:
                t1 = time.perf_counter()
                if t1 - t0 > 0.001:
                    LOG.append((t0, t1, "gui", f"  paint {_name} (cpu {(time.thread_time() - c0) * 1e3:.1f} ms)"))
        cls.paint = paint


def make_app(events: bool):
    from PySide6.QtWidgets import QApplication

    if not events:
        return QApplication.instance() or QApplication(sys.argv)

    class TimingApp(QApplication):
        def notify(self, receiver, event):  # noqa: N802 (Qt override)
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return super().notify(receiver, event)
            finally:
                t1 = time.perf_counter()
                if t1 - t0 > 0.002 and threading.current_thread() is threading.main_thread():
                    parent = receiver.parent() if hasattr(receiver, "parent") else None
                    owner = f"{type(receiver).__name__}<{type(parent).__name__}>"
                    LOG.append((t0, t1, "gui", f"event {event.type().name} -> {owner} "
                                               f"(cpu {(time.thread_time() - c0) * 1e3:.1f} ms)"))
    return TimingApp(sys.argv)


class GapMeter:
    """A short QTimer on the GUI thread; per tick: wall gap, GUI-thread and training-thread CPU."""

    def __init__(self, interval_ms: int) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[tuple[float, float, float, float]] = []   # (t, gap, gui_cpu, train_cpu)
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self._last = (time.perf_counter(), time.thread_time(), 0.0)

    def _train_cpu(self) -> float:
        tid = TRAIN_TID.get("tid")
        if tid is None:
            return 0.0
        try:
            return time.clock_gettime(time.pthread_getcpuclockid(tid))
        except (OSError, ProcessLookupError):
            return 0.0

    def start(self) -> None:
        self._last = (time.perf_counter(), time.thread_time(), self._train_cpu())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now, cpu, tcpu = time.perf_counter(), time.thread_time(), self._train_cpu()
        lt, lc, ltc = self._last
        self.ticks.append((now, (now - lt) * 1e3, (cpu - lc) * 1e3, max(0.0, tcpu - ltc) * 1e3 if ltc else 0.0))
        self._last = (now, cpu, tcpu)


class GilWatcher(threading.Thread):
    """A Python thread that sleeps 1 ms at a time: when it wakes late, some thread held the GIL
    (or the OS gave it no core); it logs how much CPU the GUI and training threads used meanwhile."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop_flag = threading.Event()
        self.gui = threading.main_thread().ident

    @staticmethod
    def _cpu(tid: int | None) -> float:
        if tid is None:
            return 0.0
        try:
            return time.clock_gettime(time.pthread_getcpuclockid(tid))
        except (OSError, ProcessLookupError):
            return 0.0

    def run(self) -> None:
        while not self.stop_flag.is_set():
            t0, g0, w0 = time.perf_counter(), self._cpu(self.gui), self._cpu(TRAIN_TID.get("tid"))
            time.sleep(0.001)
            t1 = time.perf_counter()
            if t1 - t0 > 0.006:
                g1, w1 = self._cpu(self.gui), self._cpu(TRAIN_TID.get("tid"))
                LOG.append((t0, t1, "gil", f"watcher woke {(t1 - t0) * 1e3:.1f} ms late: GUI cpu "
                                          f"{(g1 - g0) * 1e3:.1f}, training cpu {max(0.0, w1 - w0) * 1e3:.1f}"))


def report(meter: GapMeter, threshold: float, t_origin: float) -> float:
    gaps = np.array([g for _, g, _, _ in meter.ticks])
    print(f"  ticks {len(gaps)}  median {np.median(gaps):.1f} ms  p99 {np.percentile(gaps, 99):.1f} ms  "
          f"max {gaps.max():.1f} ms  >20 ms: {(gaps > 20).sum()}  >50 ms: {(gaps > 50).sum()}")
    for t, gap, gcpu, tcpu in meter.ticks:
        if gap <= threshold:
            continue
        start = t - gap / 1e3
        print(f"  gap {gap:6.1f} ms at {(start - t_origin) * 1e3:8.1f} ms: GUI cpu {gcpu:5.1f} ms, "
              f"training cpu {tcpu:5.1f} ms")
        for s, e, who, what in sorted(LOG):
            if e >= start and s <= t:
                print(f"      {who:5s} {(s - t_origin) * 1e3:8.1f} .. {(e - t_origin) * 1e3:8.1f} "
                      f"({(e - s) * 1e3:6.1f} ms)  {what}")
    return float(gaps.max())


def run_finetune(args, app, tmp: Path) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from core import load_checkpoint
    from gui.panels import finetune_panel as fp
    from gui.panels.finetune_panel import FineTunePanel
    from gui.state import ModelState

    fp.iter_finetune = traced_generator(fp.iter_finetune)
    state = ModelState()
    model_dir = tiny_bert(tmp / "tiny") if not (tmp / "tiny" / "config.json").is_file() else tmp / "tiny"
    state.set_loaded(load_checkpoint(model_dir, device="cpu"))
    panel = FineTunePanel(state)
    panel.runs_dir = tmp / "runs"
    panel.form.epochs.setValue(args.epochs)
    panel.form.batch.setValue(32)
    panel.form.max_length.setValue(32)
    panel.form.lr.setText("1e-3")
    panel.resize(1400, 900)
    panel.show()
    if args.tab:
        panel.tabs.setCurrentIndex(args.tab)
    gui_instrument(panel)
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)  # let the trainable count, the runs' tokenizer and first paints settle
    loop.exec()
    meter = GapMeter(args.interval)
    LOG.clear()
    done = QEventLoop()
    panel.runner.running_changed.connect(lambda running: None if running else done.quit())
    t_origin = time.perf_counter()
    meter.start()
    panel.start()
    done.exec()
    meter.stop()
    print(f"fine-tune: {panel.last_result.train.total_steps if panel.last_result else '?'} steps, "
          f"{(time.perf_counter() - t_origin):.1f} s")
    worst = report(meter, args.threshold, t_origin)
    panel.shutdown()
    panel.close()
    panel.deleteLater()
    return worst


def run_pretrain(args, app, tmp: Path) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from gui.panels import pretrain_runner as pr
    from gui.panels.pretrain_runner import PretrainRunner

    pr.iter_pretrain = traced_generator(pr.iter_pretrain)
    runner = PretrainRunner()
    corpus = tmp / "c.txt"
    lines = (SHARED / "stories-corpus-sample.txt").read_text(encoding="utf-8").splitlines()[:200]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    runner.corpus.setText(str(corpus))
    runner.preset.setCurrentIndex(runner.preset.findData("1x64"))
    runner.steps.setValue(args.steps)
    runner.batch.setValue(8)
    runner.probe_every.setValue(10)
    runner.output.setText(str(tmp / "out"))
    runner.resize(1200, 800)
    runner.show()
    for owner, name in ((runner, "_on_progress"), (runner, "_add_probe"), (runner, "_on_result")):
        timed(owner, name, f"PretrainRunner.{name}")
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    meter = GapMeter(args.interval)
    LOG.clear()
    done = QEventLoop()
    runner.running_changed.connect(lambda running: None if running else done.quit())
    t_origin = time.perf_counter()
    meter.start()
    runner.start()
    done.exec()
    meter.stop()
    print(f"pre-train: {args.steps} steps, {(time.perf_counter() - t_origin):.1f} s")
    worst = report(meter, args.threshold, t_origin)
    runner.shutdown()
    runner.close()
    return worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--interval", type=int, default=2, help="QTimer interval (ms)")
    ap.add_argument("--threshold", type=float, default=20.0, help="explain gaps over this (ms)")
    ap.add_argument("--events", action="store_true", help="log slow Qt event dispatches (notify override)")
    ap.add_argument("--tab", type=int, default=0, help="fine-tuning tab shown during the run")
    ap.add_argument("--switch", type=float, default=0.0, help="override the runner's switch interval (ms)")
    ap.add_argument("--nice", type=int, default=None, help="override the runner's training-thread nice value")
    ap.add_argument("--gil", action="store_true", help="run a GIL watcher thread")
    ap.add_argument("--pretrain", action="store_true", help="the pre-training runner instead")
    ap.add_argument("--no-instrument", action="store_true", help="no wrappers on core functions")
    args = ap.parse_args()
    app = make_app(args.events)
    import gc

    gc.callbacks.append(_gc_callback)
    import gui.training_runner as runner_module

    if args.switch:
        runner_module.SWITCH_INTERVAL_S = args.switch / 1e3
    if args.nice is not None:
        runner_module.TRAINING_NICE = args.nice
    if args.events:
        paint_instrument()
    if not args.no_instrument:
        instrument()
    worst = []
    if args.gil:
        GilWatcher().start()
    with tempfile.TemporaryDirectory() as d:
        for i in range(args.runs):
            print(f"--- run {i + 1}  (load {os.getloadavg()[0]:.2f})")
            worst.append((run_pretrain if args.pretrain else run_finetune)(args, app, Path(d)))
    print("max gaps per run (ms):", ", ".join(f"{w:.1f}" for w in worst))


if __name__ == "__main__":
    main()
