"""Live training curves, sized for the back row: loss (raw + smoothed), validation, LR, grad norm."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem, QWidget

from .draw_queue import DrawQueue

SMOOTHING = 0.9        # weight of the exponential moving average of the loss
OVERLAY_COLOURS = ("#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#c0392b")
METRIC_COLOURS = {"loss": "#c0392b", "accuracy": "#1f9d55", "f1": "#2d6cdf", "perplexity": "#8e44ad"}


def smooth(values: Sequence[float], weight: float = SMOOTHING) -> np.ndarray:
    """TensorBoard-style exponential moving average, de-biased at the start."""
    out = np.empty(len(values), dtype=float)
    avg = 0.0
    for i, v in enumerate(values):
        avg = weight * avg + (1 - weight) * v
        out[i] = avg / (1 - weight ** (i + 1))
    return out


def grow_range(current: tuple[float, float] | None, *arrays: Sequence[float], nonneg: bool = False
               ) -> tuple[float, float] | None:
    """A y range holding the finite values of ``arrays``, or None if ``current`` already does.

    Ranges only grow, by half the data's span beyond what is needed (clamped at 0 for losses,
    rates and norms): a curve drifting down re-ranges, and so re-renders its axis, a few times
    per run instead of at almost every redraw (each re-render is a few ms of the GUI thread).
    """
    values = np.concatenate([np.asarray(a, dtype=float) for a in arrays]) if arrays else np.zeros(0)
    values = values[np.isfinite(values)]
    if not values.size:
        return None
    lo, hi = float(values.min()), float(values.max())
    if current is None:
        pad = max((hi - lo) * 0.15, max(abs(hi), abs(lo)) * 0.05) or 1.0
        new_lo, new_hi = lo - pad, hi + pad
    else:
        if lo >= current[0] and hi <= current[1]:
            return None
        # Only the side the data left grows, by half of the data's span.
        pad = 0.5 * (max(hi, current[1]) - min(lo, current[0]))
        new_lo = lo - pad if lo < current[0] else current[0]
        new_hi = hi + pad if hi > current[1] else current[1]
    if nonneg and lo >= 0:
        new_lo = max(0.0, new_lo)
    return new_lo, new_hi


def fast_axes(plot: pg.PlotItem, font: QFont, sample: Sequence[str] = ("0.00088", "8.8e-05")) -> None:
    """Axes that cost the GUI thread little while a curve grows point by point.

    With a grid the axes cover the whole plot, so every new point made Qt replay their drawings
    (2-3 ms each); cached as pixmaps they are re-rendered only when their range changes. The
    value axis gets a fixed width: left to itself it widens with its tick labels ("0.5" ->
    "0.45"), which re-lays out the plot (and every plot of a grid) and re-renders all axes.
    """
    for name in ("left", "bottom"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    metrics = QFontMetrics(font)
    plot.getAxis("left").setWidth(max(metrics.horizontalAdvance(t) for t in sample) + 16)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainCurvesView", text)


class TrainCurvesView(pg.GraphicsLayoutWidget):
    """Four plots fed by :meth:`add_records`; saved runs can be overlaid (dashed)."""

    def __init__(self, parent: QWidget | None = None, font_pt: int = 14, queue: DrawQueue | None = None) -> None:
        super().__init__(parent)
        #: Redraws run one plot per pass of the event loop (a panel may share its queue).
        self.queue = queue if queue is not None else DrawQueue(self)
        self.setBackground("w")
        self.setMinimumSize(240, 160)
        self._font = QFont()
        self._font.setPointSize(font_pt)
        self._pt = font_pt
        self.loss_plot = self._plot(0, 0, _tr("Training loss"), _tr("step"))
        self.val_plot = self._plot(0, 1, _tr("Validation"), _tr("step"))
        self.lr_plot = self._plot(1, 0, _tr("Learning rate"), _tr("step"))
        self.grad_plot = self._plot(1, 1, _tr("Gradient norm"), _tr("step"))
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.loss_plot, self.val_plot):
            plot.addLegend(offset=(-5, 5), labelTextSize=f"{font_pt - 2}pt", labelTextColor="#222",
                           brush=pg.mkBrush(255, 255, 255, 150), pen=pg.mkPen("#bbb"))
        self.raw_curve = self.loss_plot.plot(pen=pg.mkPen("#9db7e0", width=1.5), name=_tr("raw"))
        self.smooth_curve = self.loss_plot.plot(pen=pg.mkPen("#1f4fa8", width=4), name=_tr("smoothed"))
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen("#d35400", width=3))
        self.grad_curve = self.grad_plot.plot(pen=pg.mkPen("#16a085", width=2))
        self.val_curves: dict[str, pg.PlotDataItem] = {}
        self._overlays: list[pg.PlotDataItem] = []
        self.clear_run()

    def _plot(self, row: int, col: int, title: str, xlabel: str) -> pg.PlotItem:
        plot = self.addPlot(row=row, col=col)
        plot.setTitle(title, color="#222", size=f"{self._pt + 2}pt")
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=self._font)
            axis.setTextPen("#222")
            axis.setPen("#444")
        plot.getAxis("bottom").setLabel(xlabel, **{"font-size": f"{self._pt}pt", "color": "#333"})
        fast_axes(plot, self._font)
        # Ranges are set by hand and only grow: re-laying out four axes on every update
        # (auto-range) costs the event loop far more than drawing the curves.
        plot.disableAutoRange()
        return plot

    # ---------------------------------------------------------------- data
    def clear_run(self) -> None:
        self.steps: list[int] = []
        self.losses: list[float] = []
        self.smoothed: list[float] = []
        self.lrs: list[float] = []
        self.grads: list[float] = []
        self.val_steps: list[int] = []
        self.val: dict[str, list[float]] = {}
        self._ema = 0.0
        for curve in (self.raw_curve, self.smooth_curve, self.lr_curve, self.grad_curve):
            curve.setData([], [])
        for curve in self.val_curves.values():
            self.val_plot.removeItem(curve)
        self.val_curves.clear()
        self._yrange: dict[str, tuple[float, float]] = {}
        self._xmax = 0
        self._x_drawn: dict[str, int] = {}
        self.queue.discard("curves:")

    def add_records(self, records: Sequence[object]) -> None:
        """Append ``TrainProgress`` records (those without a loss or metrics are skipped).

        The data lists grow at once; the plots are redrawn afterwards, one plot per pass of
        the event loop (see :meth:`_draw_next`).
        """
        for r in records:
            total = getattr(r, "total_steps", 0)
            if total and total != self._xmax:
                self._xmax = total
                self._mark("loss", "lr", "grad", "val")
            if getattr(r, "phase", "") == "train" and r.loss is not None:
                self._append_loss(r.step, r.loss, r.lr, r.grad_norm if r.grad_norm is not None else np.nan)
                self._mark("loss", "lr", "grad")
            if getattr(r, "eval_metrics", None):
                self._append_val(r.step, r.eval_metrics)
                self._mark("val")

    def _append_loss(self, step: int, loss: float, lr: float, grad: float) -> None:
        weight = SMOOTHING
        self._ema = weight * self._ema + (1 - weight) * loss
        self.steps.append(step)
        self.losses.append(loss)
        self.smoothed.append(self._ema / (1 - weight ** len(self.losses)))
        self.lrs.append(lr)
        self.grads.append(grad)

    def _append_val(self, step: int, metrics: Mapping[str, float]) -> None:
        self.val_steps.append(step)
        for k, v in metrics.items():
            self.val.setdefault(k, [np.nan] * (len(self.val_steps) - 1)).append(float(v))
        for k in self.val:
            if len(self.val[k]) < len(self.val_steps):
                self.val[k].append(np.nan)

    def set_history(self, rows: Sequence[Mapping[str, float | str]]) -> None:
        """Show the curves of a saved run (``read_curves`` rows), e.g. before resuming it."""
        self.clear_run()
        for row in rows:
            if "loss" in row:
                self._append_loss(int(row["step"]), float(row["loss"]), float(row.get("lr", np.nan)),
                                  float(row.get("grad_norm", np.nan)))
            metrics = {k[5:]: float(v) for k, v in row.items() if k.startswith("eval_")}
            if metrics:
                self._append_val(int(row["step"]), metrics)
        self._mark("loss", "lr", "grad", "val")

    # ---------------------------------------------------------------- drawing
    def _mark(self, *plots: str) -> None:
        for name in plots:
            self.queue.add(f"curves:{name}", lambda name=name: self._draw(name))

    def draw_now(self) -> None:
        """Draw every pending change at once (tests, screenshots)."""
        self.queue.run_all()

    def _draw(self, name: str) -> None:
        """Redraw ONE plot whose data changed (a job of the draw queue).

        A training flush changes all four plots; redrawing them in one go made one event of
        10-40 ms (axes re-rendered when a range grows, four curve repaints). One plot per pass
        of the event loop keeps every event short, so the loop never stalls while training.
        """
        plot = {"loss": self.loss_plot, "lr": self.lr_plot, "grad": self.grad_plot, "val": self.val_plot}[name]
        xmax = max(self._xmax, self.steps[-1] if self.steps else 0, self.val_steps[-1] if self.val_steps else 0)
        if xmax and self._x_drawn.get(name, 0) < xmax:
            # Only grows, and then by doubling when a resumed run outgrows its planned steps.
            self._x_drawn[name] = xmax if self._x_drawn.get(name, 0) == 0 or xmax == self._xmax else max(
                xmax, 2 * self._x_drawn[name])
            plot.setXRange(0, self._x_drawn[name], padding=0.02)
        x = np.asarray(self.steps, dtype=float)
        if name == "loss":
            self._fit_y("loss", plot, self.losses, nonneg=True)
            self.raw_curve.setData(x, np.asarray(self.losses, dtype=float))
            self.smooth_curve.setData(x, np.asarray(self.smoothed, dtype=float))
        elif name == "lr":
            self._fit_y("lr", plot, self.lrs, nonneg=True)
            self.lr_curve.setData(x, np.asarray(self.lrs, dtype=float))
        elif name == "grad":
            self._fit_y("grad", plot, self.grads, nonneg=True)
            self.grad_curve.setData(x, np.asarray(self.grads, dtype=float), connect="finite")
        else:
            self._draw_val()

    def _draw_val(self) -> None:
        self._fit_y("val", self.val_plot, *[v for k, v in self.val.items() if k != "perplexity"])
        vx = np.asarray(self.val_steps, dtype=float)
        created = False
        for k, values in self.val.items():
            if k == "perplexity":
                continue
            curve = self.val_curves.get(k)
            if curve is None:
                if created:
                    # A new curve (and its legend entry) costs ~5 ms: one per pass of the loop.
                    self._mark("val")
                    continue
                colour = METRIC_COLOURS.get(k, "#555")
                curve = self.val_plot.plot(pen=pg.mkPen(colour, width=3), symbol="o", symbolSize=11,
                                           symbolBrush=colour, name=_metric_name(k))
                self.val_curves[k] = curve
                created = True
            curve.setData(vx, np.asarray(values[:len(vx)], dtype=float))

    def _fit_y(self, key: str, plot: pg.PlotItem, *arrays: Sequence[float], nonneg: bool = False) -> None:
        rng = grow_range(self._yrange.get(key), *arrays, nonneg=nonneg)
        if rng is not None:
            self._yrange[key] = rng
            plot.setYRange(*rng, padding=0)

    # ---------------------------------------------------------------- overlays (compare runs)
    def set_overlays(self, runs: Sequence[tuple[str, Sequence[Mapping[str, float | str]]]]) -> None:
        """Dashed loss / validation-accuracy curves of saved runs, one colour each."""
        for item in self._overlays:
            for plot in (self.loss_plot, self.val_plot):
                if item in plot.listDataItems():
                    plot.removeItem(item)
        self._overlays.clear()
        for n, (_name, rows) in enumerate(runs):
            colour = OVERLAY_COLOURS[n % len(OVERLAY_COLOURS)]
            name = f"#{n + 1}"  # short: the Compare runs tab shows which run has which number and colour
            pen = pg.mkPen(colour, width=3, style=pg.QtCore.Qt.PenStyle.DashLine)
            loss = [(float(r["step"]), float(r["loss"])) for r in rows if "loss" in r]
            if loss:
                xs, ys = zip(*loss)
                self._fit_y("loss", self.loss_plot, ys)
                if xs[-1] > max(self._x_drawn.values(), default=0):
                    for key, plot in (("loss", self.loss_plot), ("val", self.val_plot), ("lr", self.lr_plot),
                                      ("grad", self.grad_plot)):
                        self._x_drawn[key] = int(xs[-1])
                        plot.setXRange(0, int(xs[-1]), padding=0.02)
                self._overlays.append(self.loss_plot.plot(xs, smooth(ys), pen=pen, name=name))
            key = "eval_accuracy" if any("eval_accuracy" in r for r in rows) else "eval_loss"
            val = [(float(r["step"]), float(r[key])) for r in rows if key in r]
            if val:
                xs, ys = zip(*val)
                self._fit_y("val", self.val_plot, ys)
                self._overlays.append(self.val_plot.plot(xs, ys, pen=pen, symbol="t", symbolBrush=colour,
                                                         name=f"{name} {_metric_name(key[5:])}"))

    @property
    def overlay_count(self) -> int:
        return len(self._overlays)


def _metric_name(key: str) -> str:
    return {"loss": _tr("val. loss"), "accuracy": _tr("accuracy"), "f1": _tr("F1"),
            "perplexity": _tr("perplexity")}.get(key, key)
