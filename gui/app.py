"""Application start-up and the ``--screenshot`` mode used for slides, tests and reviews."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PANELS = ("mask", "tokens", "attention")
VIEWS = ("heatmap", "grid", "lines", "stats", "bertviz")
TIMEOUT_MS = 300_000


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="plm-studio", description="A desktop lab for pretrained language models.")
    p.add_argument("--model", help="model folder, bundled name (all-minilm-l6-v2) or hub id")
    p.add_argument("--panel", choices=PANELS, help="panel to show in front")
    p.add_argument("--text", help="input text for the panel (use [MASK] for the mask panel)")
    p.add_argument("--text-pair", help="second sentence (tokens panel)")
    p.add_argument("--top-k", type=int, help="candidates per mask (mask panel)")
    p.add_argument("--layer", type=int, help="layer to show (attention panel)")
    p.add_argument("--head", type=int, help="head to show (attention panel)")
    p.add_argument("--view", choices=VIEWS, help="attention view: heatmap, grid, lines, stats or bertviz")
    p.add_argument("--mode", help="attention aggregation: head, mean, max, layer_mean or rollout")
    p.add_argument("--screenshot", type=Path, help="render offscreen, save this PNG after the result and exit")
    p.add_argument("--settings", type=Path, help="settings file (INI) instead of the user's settings")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.settings:
        os.environ["PLM_STUDIO_SETTINGS"] = str(args.settings)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    from PySide6.QtWidgets import QApplication

    from .errors import install_excepthook
    from .main_window import MainWindow, start_with
    from .settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PLM Studio")
    app.setOrganizationName("PLM Studio")
    window = MainWindow(AppSettings())
    install_excepthook(window)
    if args.screenshot:
        return _screenshot(app, window, args)
    if args.panel:
        window.show_panel(args.panel)
    if args.top_k:
        window.panels["mask"].top_k.setValue(args.top_k)
    window.show()
    start_with(window, args.model)
    return app.exec()


def _screenshot(app, window, args: argparse.Namespace) -> int:
    """Load the model, run the panel on ``--text``, wait for the result, save a PNG."""
    from PySide6.QtCore import QTimer

    from .main_window import start_with

    panel_key = args.panel or "mask"
    outcome = {"code": 1}

    def fail(message: str) -> None:
        print(f"plm-studio: {message}", file=sys.stderr)
        outcome["code"] = 2
        app.exit(2)

    def save() -> None:
        if outcome.get("saving"):
            return  # a panel may report more than once (e.g. bertviz after its page loads)
        outcome["saving"] = True
        window.repaint()
        pixmap = window.grab()
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.screenshot.with_name(args.screenshot.name + ".part.png")
        if not pixmap.save(str(tmp), "PNG"):
            fail(f"could not write {args.screenshot}")
            return
        os.replace(tmp, args.screenshot)  # atomic: never a half-written PNG
        print(f"saved {args.screenshot}")
        outcome["code"] = 0
        app.exit(0)

    def on_model(loaded) -> None:
        if loaded is None:
            return
        panel = window.show_panel(panel_key)
        panel.result_shown.connect(lambda: QTimer.singleShot(300, save))
        if args.top_k and hasattr(panel, "top_k"):
            panel.top_k.setValue(args.top_k)
        if panel_key == "attention":
            _configure_attention(panel, args)
        if args.text is not None:
            if panel_key == "tokens":
                panel.set_texts(args.text, args.text_pair or "")
                return
            panel.text.setText(args.text)
            if args.text_pair is not None and hasattr(panel, "text_pair"):
                panel.text_pair.setText(args.text_pair)
        panel.refresh()
        if not panel.supports(loaded):
            QTimer.singleShot(300, save)  # the panel explains why it cannot run: show that

    window.state.model_changed.connect(on_model)
    window.load_failed.connect(lambda failure: fail(f"{failure.title}: {failure.message}"))
    QTimer.singleShot(TIMEOUT_MS, lambda: fail("timed out waiting for the result"))
    window.resize(1600, 950)
    window.show()
    start_with(window, args.model)
    app.exec()
    window.close()
    window.state.pool.waitForDone(-1)  # no worker may outlive the window
    # A one-shot render: skip interpreter teardown, where PySide's and torch's objects
    # are destroyed in arbitrary order (a rare crash at exit would lose the exit code).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(outcome["code"])


def _configure_attention(panel, args: argparse.Namespace) -> None:
    """Apply --layer/--head/--view/--mode before the result arrives (no extra forward pass)."""
    if args.layer is not None:
        panel.layer.setValue(args.layer)
    if args.head is not None:
        panel.head.setValue(args.head)
    if args.mode:
        idx = panel.mode.findData(args.mode)
        if idx < 0:
            raise SystemExit(f"plm-studio: unknown --mode {args.mode!r}")
        panel.mode.setCurrentIndex(idx)
    if args.view:
        panel.set_tab(args.view)
