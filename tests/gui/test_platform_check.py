"""The fresh-desktop check: missing xcb libraries and fonts are found, installed or explained.

The probes are injected: nothing is uninstalled; the fake runner answers like a bare Debian.
"""
from __future__ import annotations

import io
import sys

from gui import platform_check as pc

# What Qt 6.11 prints on a desktop without libxcb-cursor0 (QT_DEBUG_PLUGINS=1, trimmed).
QT_NO_CURSOR = (
    "qt.core.library: \"/venv/PySide6/Qt/plugins/platforms/libqxcb.so\" cannot load: Cannot load library "
    "/venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-cursor.so.0: cannot open shared object file: "
    "No such file or directory)\n"
    "qt.core.library: \"/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so\" cannot load: Cannot load library "
    "/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so: (libgtk-3.so.0: cannot open shared object file: "
    "No such file or directory)\n"
    "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.\n"
    "qt.qpa.plugin: Could not load the Qt platform plugin \"xcb\" in \"\" even though it was found.\n"
    "This application failed to start because no Qt platform plugin could be initialized.\n")
LDD_MISSING = ("\tlibxcb-icccm.so.4 => not found\n\tlibxkbcommon-x11.so.0 => not found\n"
               "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n")
QT_NO_DISPLAY = ("qt.qpa.xcb: could not connect to display \n"
                 "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.\n"
                 "qt.qpa.plugin: Could not load the Qt platform plugin \"xcb\" in \"\" even though it was found.\n")


class FakeMachine:
    """Answers the probes like a Debian desktop missing some libraries and fonts; apt 'installs' them."""

    def __init__(self, *, missing_libs: bool, missing_fonts: set[str], root: bool, apt_works: bool = True,
                 display: bool = True) -> None:
        self.missing_libs = missing_libs
        self.missing_fonts = set(missing_fonts)
        self.root = root
        self.apt_works = apt_works
        self.display = display
        self.calls: list[list[str]] = []

    def run(self, cmd, env=None) -> pc.CommandResult:
        cmd = list(cmd)
        self.calls.append(cmd)
        if cmd[0] == "fc-list":
            lang = cmd[1].split("=")[1]
            return pc.CommandResult(0, "" if lang in self.missing_fonts else "Noto Sans\n")
        if cmd[0] == "ldd":
            return pc.CommandResult(0, LDD_MISSING if self.missing_libs else "\tlibc.so.6 => /lib/libc.so.6\n")
        if cmd[0] == "apt-get":
            if cmd[1] == "install" and self.apt_works:
                if "libxcb-cursor0" in cmd:
                    self.missing_libs = False
                self.missing_fonts -= {lang for lang, (_, pkg) in pc.FONT_LANGS.items() if pkg in cmd}
            return pc.CommandResult(0 if self.apt_works else 100, "" if self.apt_works else "E: Unable to locate")
        if cmd[0] == sys.executable and "PySide6.__file__" in cmd[-1]:
            return pc.CommandResult(0, "/venv/PySide6\n")
        if cmd[0] == sys.executable:
            if self.missing_libs:
                return pc.CommandResult(-6, QT_NO_CURSOR)
            if not self.display:
                return pc.CommandResult(-6, QT_NO_DISPLAY)
            return pc.CommandResult(0, "platform xcb\n")
        raise AssertionError(f"unexpected command {cmd}")

    def env(self) -> pc.Environment:
        return pc.Environment(run=self.run, is_root=lambda: self.root, has_apt=lambda: True, python=sys.executable)


def test_missing_xcb_libraries_are_named_with_their_packages():
    report = pc.diagnose_qt(-6, QT_NO_CURSOR, LDD_MISSING)
    assert not report.ok and not report.no_display
    assert set(report.missing_libraries) == {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"}
    assert set(report.packages) == {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"}
    # The GTK theme plugin's failure is not the platform's problem.
    assert "libgtk-3.so.0" not in report.missing_libraries


def test_no_display_is_not_mistaken_for_a_missing_library():
    report = pc.diagnose_qt(-6, QT_NO_DISPLAY, "\tlibc.so.6 => /lib/libc.so.6\n")
    assert report.no_display and report.missing_libraries == ()


def test_unknown_library_brings_the_whole_xcb_set():
    assert set(pc.packages_for(["libxcb-weird.so.7"])) == set(pc.XCB_BASE_PACKAGES)


def test_non_root_gets_the_exact_command_instead_of_qts_message():
    machine = FakeMachine(missing_libs=True, missing_fonts={"zh-cn"}, root=False)
    out = io.StringIO()
    code = pc.main(["--install", "--platform", "xcb"], machine.env(), out)
    text = out.getvalue()
    assert code == 1
    assert "sudo apt-get install -y --no-install-recommends" in text
    assert "libxcb-cursor0" in text and "fonts-noto-cjk" in text
    assert "Reinstalling the application" not in text
    assert not any(c[0] == "apt-get" for c in machine.calls)  # never tries apt without root


def test_root_installs_the_missing_packages_and_checks_again():
    machine = FakeMachine(missing_libs=True, missing_fonts={"zh-cn", "ru"}, root=True)
    out = io.StringIO()
    code = pc.main(["--install", "--platform", "xcb"], machine.env(), out)
    assert code == 0, out.getvalue()
    installs = [c for c in machine.calls if c[:2] == ["apt-get", "install"]]
    assert any("libxcb-cursor0" in c for c in installs)
    assert any("fonts-noto-cjk" in c and "fonts-dejavu-core" in c for c in installs)
    assert not machine.missing_fonts and not machine.missing_libs


def test_failed_apt_prints_the_command():
    machine = FakeMachine(missing_libs=True, missing_fonts=set(), root=True, apt_works=False)
    out = io.StringIO()
    assert pc.main(["--install", "--platform", "xcb"], machine.env(), out) == 1
    lines = [line for line in out.getvalue().splitlines() if "apt-get install -y" in line]
    assert lines and "libxcb-cursor0" in lines[-1] and "sudo" not in lines[-1]


def test_no_display_exit_code_and_advice():
    machine = FakeMachine(missing_libs=False, missing_fonts=set(), root=True, display=False)
    out = io.StringIO()
    assert pc.main(["--platform", "xcb"], machine.env(), out) == 3
    assert "xvfb-run" in out.getvalue()


def test_offscreen_checks_only_fonts():
    machine = FakeMachine(missing_libs=True, missing_fonts={"ru"}, root=False)
    out = io.StringIO()
    assert pc.main(["--platform", "offscreen"], machine.env(), out) == 0
    assert "fonts-dejavu-core" in out.getvalue()
    assert not any(c[0] == sys.executable for c in machine.calls)


def test_this_machine_has_the_fonts_the_ui_needs():
    """Real probe: run_tests.sh installs CJK and Cyrillic fonts, so screenshots show no boxes."""
    report = pc.check_fonts()
    assert report.ok, f"missing fonts for {report.missing}: apt-get install {' '.join(report.packages)}"


def _run_app_sh(*args: str, **env: str):
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # PYTHON is this interpreter: --check never runs scripts/setup_env.sh here.
    return subprocess.run(["bash", str(root / "scripts" / "run_app.sh"), *args], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHON=sys.executable, **env))


def test_run_app_help_explains_the_check_without_setting_anything_up():
    res = _run_app_sh("--help")
    assert res.returncode == 0
    assert "--check" in res.stdout and "--install" in res.stdout and "main.py --help" in res.stdout


def test_run_app_check_mode_runs_the_desktop_check_only(tmp_path):
    res = _run_app_sh("--check", "--platform", "offscreen", QT_QPA_PLATFORM="offscreen")
    assert res.returncode == 0, res.stderr               # fonts only; missing fonts never stop the app
    # with no display at all: exit 3 and the advice, not Qt's own message
    res = _run_app_sh("--check", "--platform", "xcb", DISPLAY="", WAYLAND_DISPLAY="", QT_QPA_PLATFORM="xcb")
    assert res.returncode in (1, 3), res.stderr           # 1: xcb libraries missing (the command is printed)
    if res.returncode == 3:
        assert "no display" in res.stderr and "xvfb-run" in res.stderr
        assert "Reinstalling the application" not in res.stderr
