"""Command-line side of the classroom features: --lang, --palette, --high-contrast, --present,
--lesson/--lesson-step, and screenshots of a lesson step (``--lesson F --screenshot P``)."""
from __future__ import annotations

import argparse
import os
import sys

from .i18n import set_language, system_language
from .settings import AppSettings
from .view_style import view_style

TIMEOUT_MS = 300_000


def apply_look(app, settings: AppSettings, args: argparse.Namespace) -> None:
    """Language, palette and contrast from the command line, else the saved settings."""
    set_language(getattr(args, "lang", None) or settings.language or system_language())
    if getattr(args, "palette", None):
        settings.palette = args.palette
    if getattr(args, "high_contrast", False):
        settings.theme = "high_contrast"
    view_style().set_palette(settings.palette)
    view_style().set_theme(settings.theme)


def start_classroom(window, args: argparse.Namespace) -> None:
    """Interactive start: open ``--lesson`` at ``--lesson-step``, enter ``--present``."""
    from PySide6.QtCore import QTimer

    if getattr(args, "lesson", None):
        def open_it() -> None:
            if window.classroom.open_lesson(args.lesson, play=False):
                window.classroom.player.go(max(0, args.lesson_step - 1))
        # After start_with's default load (queued at 0 ms): the lesson's models replace it.
        QTimer.singleShot(50, open_it)
    if getattr(args, "present", None):
        QTimer.singleShot(0, lambda: window.classroom.presentation.enter(args.present.split(",")))


def lesson_screenshot(app, window, args: argparse.Namespace) -> int:
    """Play ``--lesson`` step ``--lesson-step`` (optionally presented) and save the window as a PNG."""
    from PySide6.QtCore import QTimer

    from .app import _parse_size

    outcome = {"code": 1}

    def finish(code: int, message: str) -> None:
        print(message, file=sys.stderr if code else sys.stdout)
        outcome["code"] = code
        app.exit(code)

    def save(_index: int) -> None:
        QTimer.singleShot(300, _grab)

    def _grab() -> None:
        window.repaint()
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.screenshot.with_name(args.screenshot.name + ".part.png")
        if not window.grab().save(str(tmp), "PNG"):
            finish(2, f"plm-studio: could not write {args.screenshot}")
            return
        os.replace(tmp, args.screenshot)
        finish(0, f"saved {args.screenshot}")

    def start() -> None:
        classroom = window.classroom
        if not classroom.open_lesson(args.lesson, play=False):
            finish(2, f"plm-studio: {window.load_message.text()}")
            return
        player = classroom.player
        player.step_ready.connect(save)
        if args.present:
            classroom.presentation.full_screen = False
            classroom.presentation.enter(args.present.split(","))
        player.go(max(0, args.lesson_step - 1))

    QTimer.singleShot(TIMEOUT_MS, lambda: finish(2, "plm-studio: timed out waiting for the lesson step"))
    width, height = _parse_size(args.size)
    window.resize(width, height)
    window.show()
    QTimer.singleShot(0, start)
    app.exec()
    window.close()
    window.state.pool.waitForDone(-1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(outcome["code"])
