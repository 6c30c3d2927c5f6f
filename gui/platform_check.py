"""Can Qt open a window here, and can it draw Chinese and Russian? Checked before the app starts.

Run as ``python -m gui.platform_check [--install] [--platform xcb]`` (``scripts/run_app.sh``
does). Qt itself is only touched in a *subprocess*: a missing xcb library makes Qt abort
the process, and its message ("Could not load the Qt platform plugin xcb … Reinstalling
the application may fix this problem") does not say what to install. This module finds the
missing shared libraries (``ldd`` on the platform plugin, and Qt's own plugin debug output),
maps them to Debian/Ubuntu packages, installs them when it may (root with apt-get) and
otherwise prints the exact command. Fonts are checked with ``fc-list`` the same way.

No Qt import at module level, so this works where PySide6 itself cannot start.
Every probe (running a command, checking for root/apt) is injectable for tests.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Shared library (soname) → Debian/Ubuntu package that ships it.
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libXrender.so.1": "libxrender1",
    "libXext.so.6": "libxext6",
}
#: Installed when a library is missing that the table above does not know: everything Qt's
#: xcb plugin needs on a bare Debian 12 / Ubuntu 22.04+ desktop.
XCB_BASE_PACKAGES: tuple[str, ...] = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0",
    "libgl1", "libegl1", "libfontconfig1", "libdbus-1-3",
)
#: fontconfig language → (what the UI needs it for, Debian package with a font for it).
FONT_LANGS: dict[str, tuple[str, str]] = {
    "zh-cn": ("Chinese UI and CJK token labels", "fonts-noto-cjk"),
    "ru": ("Russian UI and Cyrillic token labels", "fonts-dejavu-core"),
}

_NOT_FOUND = re.compile(r"^\s*(\S+\.so[.\d]*)\s+=>\s+not found", re.M)
_CANNOT_OPEN = re.compile(r"(lib[\w.+-]+\.so[.\d]*): cannot open shared object file")
_XCB_CURSOR_HINT = re.compile(r"xcb-cursor0 or libxcb-cursor0 is needed")
_NO_DISPLAY = re.compile(r"could not connect to display|cannot open display|no display", re.I)


@dataclass(frozen=True)
class CommandResult:
    """What a probe command printed and returned."""

    returncode: int
    output: str


Runner = Callable[[Sequence[str], dict[str, str] | None], CommandResult]


def run_command(cmd: Sequence[str], env: dict[str, str] | None = None) -> CommandResult:
    """Run ``cmd`` (30 s at most), stdout and stderr together; a missing program gives 127."""
    try:
        proc = subprocess.run(list(cmd), env=env, capture_output=True, text=True, timeout=30)
    except FileNotFoundError as exc:
        return CommandResult(127, str(exc))
    except subprocess.TimeoutExpired:
        return CommandResult(124, f"{cmd[0]} timed out")
    return CommandResult(proc.returncode, (proc.stdout or "") + (proc.stderr or ""))


@dataclass(frozen=True)
class QtReport:
    """The outcome of opening a Qt window in a subprocess."""

    ok: bool
    missing_libraries: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    no_display: bool = False
    qt_output: str = ""


@dataclass(frozen=True)
class FontReport:
    """Languages without a font (fontconfig language codes) and the packages that add one."""

    missing: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.missing


@dataclass
class Environment:
    """The probes: injectable so tests can simulate a bare machine without uninstalling anything."""

    run: Runner = run_command
    is_root: Callable[[], bool] = field(default=lambda: hasattr(os, "geteuid") and os.geteuid() == 0)
    has_apt: Callable[[], bool] = field(default=lambda: shutil.which("apt-get") is not None)
    python: str = sys.executable


# ------------------------------------------------------------------------------ diagnosis
def packages_for(libraries: Sequence[str]) -> tuple[str, ...]:
    """Debian packages for the missing ``libraries``; an unknown one brings the whole xcb set."""
    pkgs: list[str] = []
    for lib in libraries:
        pkg = SONAME_PACKAGES.get(lib)
        candidates = (pkg,) if pkg else XCB_BASE_PACKAGES
        pkgs.extend(p for p in candidates if p not in pkgs)
    return tuple(pkgs)


def diagnose_qt(returncode: int, qt_output: str, ldd_output: str = "", platform: str = "xcb") -> QtReport:
    """Turn Qt's failure (and ``ldd`` of the platform plugin) into missing libraries and packages."""
    if returncode == 0:
        return QtReport(ok=True, qt_output=qt_output)
    # Plugin debug output also lists unrelated plugins (themes, image formats) that failed
    # to load: only the platform plugin's own line counts.
    plugin_lines = "\n".join(line for line in qt_output.splitlines() if f"libq{platform}" in line)
    libs: list[str] = []
    for lib in _NOT_FOUND.findall(ldd_output) + _CANNOT_OPEN.findall(plugin_lines):
        if lib not in libs:
            libs.append(lib)
    no_display = bool(_NO_DISPLAY.search(qt_output))
    # Qt prints its xcb-cursor hint after *any* xcb failure, a missing display included;
    # libxcb-cursor is dlopen()ed (ldd cannot see it), so the hint counts only when the
    # display itself was reachable.
    if _XCB_CURSOR_HINT.search(qt_output) and not no_display and "libxcb-cursor.so.0" not in libs:
        libs.append("libxcb-cursor.so.0")
    if libs:
        return QtReport(ok=False, missing_libraries=tuple(libs), packages=packages_for(libs), qt_output=qt_output)
    if no_display:
        return QtReport(ok=False, no_display=True, qt_output=qt_output)
    # Qt failed and named no library: the plugin's usual dependencies are the best guess.
    return QtReport(ok=False, packages=XCB_BASE_PACKAGES, qt_output=qt_output)


_PROBE = ("import sys\n"
          "from PySide6.QtWidgets import QApplication, QWidget\n"
          "app = QApplication(['plm-studio-check'])\n"
          "w = QWidget(); w.resize(40, 30); w.show(); app.processEvents(); w.close()\n"
          "print('platform', app.platformName())\n")


def plugin_path(env: Environment, platform: str) -> str | None:
    """Path of Qt's ``libq<platform>.so`` in the PySide6 that ``env.python`` imports."""
    res = env.run([env.python, "-c",
                   "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)"], None)
    if res.returncode != 0:
        return None
    base = Path(res.output.strip().splitlines()[-1])
    plugin = base / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return str(plugin)


def check_qt(env: Environment | None = None, platform: str = "xcb") -> QtReport:
    """Open a tiny window on ``platform`` in a subprocess and explain a failure."""
    env = env or Environment()
    child_env = dict(os.environ, QT_QPA_PLATFORM=platform, QT_DEBUG_PLUGINS="1")
    res = env.run([env.python, "-c", _PROBE], child_env)
    if res.returncode == 0:
        return QtReport(ok=True, qt_output=res.output)
    ldd = ""
    plugin = plugin_path(env, platform)
    if plugin:
        ldd = env.run(["ldd", plugin], None).output
    return diagnose_qt(res.returncode, res.output, ldd, platform)


def check_fonts(env: Environment | None = None) -> FontReport:
    """Ask fontconfig for a font per language in ``FONT_LANGS``."""
    env = env or Environment()
    missing: list[str] = []
    for lang in FONT_LANGS:
        res = env.run(["fc-list", f":lang={lang}", "family"], None)
        if res.returncode == 127:
            return FontReport(missing=tuple(FONT_LANGS), packages=("fontconfig",)
                              + tuple(p for _, p in FONT_LANGS.values()))
        if res.returncode != 0 or not res.output.strip():
            missing.append(lang)
    return FontReport(missing=tuple(missing), packages=tuple(FONT_LANGS[m][1] for m in missing))


# ------------------------------------------------------------------------------ repair
def install_command(packages: Sequence[str], *, root: bool) -> list[str]:
    """The apt-get command line that installs ``packages`` (with sudo unless root)."""
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    return cmd if root else ["sudo", *cmd]


def try_install(packages: Sequence[str], env: Environment, out=sys.stderr) -> bool:
    """Install ``packages`` with apt-get when running as root on apt; else print the command."""
    if not packages:
        return True
    if env.is_root() and env.has_apt():
        print(f"plm-studio: installing {' '.join(packages)} …", file=out)
        apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        update = env.run(["apt-get", "update", "-qq"], apt_env)
        res = env.run(install_command(packages, root=True), apt_env)
        if res.returncode == 0:
            return True
        print(f"plm-studio: apt-get failed ({update.output.strip()[-200:]} {res.output.strip()[-400:]})", file=out)
    print("plm-studio: please run:\n    " + " ".join(install_command(packages, root=env.is_root())), file=out)
    return False


def main(argv: Sequence[str] | None = None, env: Environment | None = None, out=sys.stderr) -> int:
    """Exit 0 when a window opens (after installing what was missing), 1 when something is
    still missing (the command to run has been printed), 3 when there is no display at all."""
    p = argparse.ArgumentParser(prog="python -m gui.platform_check")
    p.add_argument("--install", action="store_true", help="install missing packages when root with apt-get")
    p.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM") or "xcb")
    p.add_argument("--fonts-only", action="store_true")
    args = p.parse_args(argv)
    env = env or Environment()
    code = 0

    fonts = check_fonts(env)
    if not fonts.ok:
        what = ", ".join(FONT_LANGS[m][0] for m in fonts.missing if m in FONT_LANGS)
        print(f"plm-studio: no font for {what or 'some languages'}: text would show as boxes.", file=out)
        if args.install:
            try_install(fonts.packages, env, out)
        else:
            print("plm-studio: to fix: " + " ".join(install_command(fonts.packages, root=env.is_root())), file=out)
        # Missing fonts do not stop the app: it still runs, only some glyphs are boxes.
    if args.fonts_only or args.platform in ("offscreen", "minimal"):
        return code

    qt = check_qt(env, args.platform)
    if qt.ok:
        return code
    if qt.no_display:
        print("plm-studio: Qt found no display to open a window on (DISPLAY is "
              f"{os.environ.get('DISPLAY') or 'not set'}). Start it from a desktop session, or "
              "run `xvfb-run -a bash scripts/run_app.sh` on a machine without a screen.", file=out)
        return 3
    missing = ", ".join(qt.missing_libraries) or "(Qt named none)"
    print(f"plm-studio: Qt cannot open a window: missing system libraries {missing}.", file=out)
    if args.install and try_install(qt.packages, env, out):
        again = check_qt(env, args.platform)
        if again.ok:
            print("plm-studio: installed; Qt opens windows now.", file=out)
            return 0
        print("plm-studio: still failing after the install:\n" + again.qt_output[-800:], file=out)
        return 1
    if not args.install:
        print("plm-studio: to fix: " + " ".join(install_command(qt.packages, root=env.is_root())), file=out)
    return 1


if __name__ == "__main__":
    sys.exit(main())
