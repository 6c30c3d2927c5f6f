"""Run-time translations: English, Simplified Chinese and Russian, switchable without a restart.

The sources are Qt Linguist files, ``assets/translations/plm_studio_<lang>.ts`` (kept in the
repository, refreshed by ``scripts/update_translations.sh``). At first use they are compiled
with ``pyside6-lrelease`` into a cache folder (``$XDG_CACHE_HOME/plm-studio/translations``),
one ``.qm`` per content hash of its ``.ts`` (a changed ``.ts`` is compiled again). Where lrelease is missing the
``.ts`` is read directly by :class:`TsTranslator`, so a checkout always has its languages.

Switching language installs a new ``QTranslator``; Qt then sends ``QEvent.LanguageChange``
to every widget, and each panel and widget re-labels itself in ``retranslate_ui()``
(see :class:`Retranslatable`). The choice is saved in the settings (``ui/language``).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from .resources import asset

#: Language codes the UI ships, in menu order. "en" is the source language (no file).
LANGUAGES: tuple[str, ...] = ("en", "zh_CN", "ru")
#: Each language's own name (never translated: a reader must find their language in any UI).
AUTONYMS: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "ru": "Русский"}
TS_PREFIX = "plm_studio_"


def ts_path(lang: str) -> Path:
    return asset("translations", f"{TS_PREFIX}{lang}.ts")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plm-studio" / "translations"


def find_lrelease() -> str | None:
    """``pyside6-lrelease`` next to this Python, on PATH, or Qt's ``lrelease``."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return str(here)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def qm_path(lang: str) -> Path:
    """The cached ``.qm`` of ``lang``, named by a hash of its ``.ts``: a changed source (a newer
    version, another branch) never reuses a stale compiled file."""
    digest = hashlib.sha1(ts_path(lang).read_bytes()).hexdigest()[:12]
    return cache_dir() / f"{TS_PREFIX}{lang}-{digest}.qm"


def compile_ts(ts: Path, qm: Path, lrelease: str | None = None) -> bool:
    """Compile ``ts`` to ``qm`` (atomically) unless ``qm`` exists; False when it cannot."""
    if qm.exists():
        return True
    lrelease = lrelease or find_lrelease()
    if lrelease is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(qm.name + ".part")
    try:
        proc = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if proc.returncode != 0 or not tmp.exists():
        tmp.unlink(missing_ok=True)
        return False
    os.replace(tmp, qm)
    return True


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of the finished entries of a ``.ts`` file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                table[(name, source)] = tr.text
    return table


class TsTranslator(QTranslator):
    """Translates straight from a ``.ts`` file (used when lrelease is not available)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: N802
        return self._table.get((context, source), "")

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._table


def make_translator(lang: str) -> QTranslator | None:
    """A loaded translator for ``lang`` (None for English or a language without a file)."""
    if lang == "en":
        return None
    ts = ts_path(lang)
    if not ts.exists():
        return None
    qm = qm_path(lang)
    try:
        if compile_ts(ts, qm):
            translator = QTranslator()
            if translator.load(str(qm)):
                return translator
    except OSError:
        pass  # read-only cache: fall back to reading the .ts
    return TsTranslator(read_ts(ts))


def system_language() -> str:
    """The best UI language for the system locale ("en" when none of ours fits)."""
    name = QLocale.system().name()  # e.g. zh_CN, ru_RU, en_GB
    if name.startswith("zh"):
        return "zh_CN"
    if name.startswith("ru"):
        return "ru"
    return "en"


class Translations:
    """Owns the installed translators; ``set_language`` switches the whole UI at run time."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str) -> str:
        """Install ``lang`` (unknown codes fall back to English) and return the code in use."""
        app = QCoreApplication.instance()
        if lang not in LANGUAGES:
            lang = "en"
        if app is None:
            return self.language
        for t in self._installed:
            app.removeTranslator(t)
        self._installed = []
        ours = make_translator(lang)
        if ours is not None:
            # Qt's own strings (standard dialog buttons, context menus) when Qt ships them.
            qt_base = QTranslator()
            if qt_base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt_base)
                self._installed.append(qt_base)
            app.installTranslator(ours)
            self._installed.append(ours)
        self.language = lang
        if not self._installed:
            # Removing the last translator posts no event by itself in every Qt version.
            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
        return lang


_translations = Translations()


def translations() -> Translations:
    """The application's one ``Translations`` object."""
    return _translations


def set_language(lang: str) -> str:
    """Switch the UI language now; every open widget re-labels itself."""
    return _translations.set_language(lang)


def current_language() -> str:
    return _translations.language


class Retranslatable:
    """Mixin for widgets: calls ``retranslate_ui()`` on ``QEvent.LanguageChange``.

    Put it first in the bases (``class MyPanel(Retranslatable, BasePanel)``); build the
    widgets in ``__init__`` and set every text in ``retranslate_ui()``, called once at the end
    of ``__init__`` and again after each language switch.
    """

    def retranslate_ui(self) -> None:
        """Set every user-visible text again (through ``self.tr``)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    """``python -m gui.i18n --compile``: compile every ``.ts`` into the cache (setup scripts)."""
    p = argparse.ArgumentParser(prog="python -m gui.i18n")
    p.add_argument("--compile", action="store_true", help="compile assets/translations/*.ts to .qm")
    args = p.parse_args(argv)
    if not args.compile:
        p.print_help()
        return 0
    ok = True
    for lang in LANGUAGES[1:]:
        if not ts_path(lang).exists():
            print(f"{lang}: no {ts_path(lang)}")
            ok = False
            continue
        qm = qm_path(lang)
        done = compile_ts(ts_path(lang), qm)
        print(f"{lang}: {'compiled ' + str(qm) if done else 'not compiled (read from .ts at run time)'}")
        ok &= done
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
