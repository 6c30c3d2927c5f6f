"""Application start-up and the ``--screenshot`` mode used for slides, tests and reviews."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

TIMEOUT_MS = 300_000


def parse_args(argv: list[str]) -> argparse.Namespace:
    from .panels.registry import PANELS, panel_keys

    p = argparse.ArgumentParser(prog="plm-studio", description="A desktop lab for pretrained language models.")
    p.add_argument("--model", help="model for slot A: folder, bundled name (all-minilm-l6-v2) or hub id")
    p.add_argument("--model-b", help="optional second model (slot B), for side-by-side views")
    p.add_argument("--panel", choices=panel_keys(), help="panel to show in front")
    p.add_argument("--slot", choices=("A", "B"), help="pin the --panel to this model slot")
    p.add_argument("--text", help="input text for the panel (use [MASK] for the mask panel)")
    p.add_argument("--text-pair", help="second sentence (tokens and attention panels)")
    p.add_argument("--screenshot", type=Path, help="render offscreen, save this PNG after the result and exit")
    p.add_argument("--size", help="window size for --screenshot, WIDTHxHEIGHT (default 1600x950)")
    p.add_argument("--settings", type=Path, help="settings file (INI) instead of the user's settings")
    p.add_argument("--lang", choices=("en", "zh_CN", "ru"), help="user-interface language (default: saved or system)")
    p.add_argument("--present", help="presentation mode with these panels (comma-separated keys, at most 2)")
    p.add_argument("--lesson", type=Path, help="open this lesson file (JSON) and play it")
    p.add_argument("--lesson-step", type=int, default=1, help="lesson step to show first (1-based)")
    p.add_argument("--palette", choices=("viridis", "cividis"), help="heatmap colour map")
    p.add_argument("--high-contrast", action="store_true", help="high-contrast theme")
    for spec in PANELS:
        spec.panel_class().add_cli_arguments(p)
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
    from .gc_policy import install as install_gc_policy

    install_gc_policy(app)  # cyclic garbage is collected on this (the GUI) thread only
    from .classroom_cli import apply_look, lesson_screenshot, start_classroom

    settings = AppSettings()
    apply_look(app, settings, args)
    window = MainWindow(settings)
    install_excepthook(window)
    if args.screenshot and args.lesson:
        return lesson_screenshot(app, window, args)
    if args.screenshot:
        return _screenshot(app, window, args)
    start_classroom(window, args)
    if args.panel:
        panel = window.show_panel(args.panel)
        if args.slot:
            panel.set_slot(args.slot)
        panel.apply_cli(args)
    window.show()
    start_with(window, args.model, args.model_b)
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

    def save_when_drawn() -> None:
        # The bertviz tab draws in QtWebEngine after the result: wait for its page (under Xvfb the
        # grab shows it; offscreen grabs never show web content).
        view = getattr(panel, "_bertviz", None)
        if view is not None and view.isVisible() and view.state == "loading":
            view.page_loaded.connect(lambda _ok: QTimer.singleShot(500, save))
            return
        save()

    panel = window.show_panel(panel_key)
    if args.slot:
        panel.set_slot(args.slot)
    started = {"done": False}

    def on_model(_slot: str, _loaded) -> None:
        # Wait for slot A, and for B too when --model-b was given; then run the panel once.
        if started["done"] or window.state.model("A") is None:
            return
        if args.model_b and window.state.model("B") is None:
            return
        started["done"] = True
        panel.result_shown.connect(lambda: QTimer.singleShot(300, save_when_drawn))
        if args.present:
            window.classroom.presentation.full_screen = False  # the --size window is the "screen"
            window.classroom.presentation.enter(args.present.split(","))
        panel.apply_cli(args)
        panel.refresh()
        if not panel.supports(panel.loaded):
            QTimer.singleShot(300, save)  # the panel explains why it cannot run: show that

    window.state.slot_changed.connect(on_model)
    window.load_failed.connect(lambda failure: fail(f"{failure.title}: {failure.message}"))
    QTimer.singleShot(TIMEOUT_MS, lambda: fail("timed out waiting for the result"))
    width, height = _parse_size(args.size)
    window.resize(width, height)
    window.show()
    start_with(window, args.model, args.model_b or "")
    app.exec()
    window.close()
    window.state.pool.waitForDone(-1)  # no worker may outlive the window
    # A one-shot render: skip interpreter teardown, where PySide's and torch's objects
    # are destroyed in arbitrary order (a rare crash at exit would lose the exit code).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(outcome["code"])


def _parse_size(text: str | None) -> tuple[int, int]:
    if not text:
        return 1600, 950
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"plm-studio: --size must look like 1280x720, not {text!r}") from None
    return w, h
