"""``core`` is the compute layer: it must never import Qt, plotting or the GUI package."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "core"
FORBIDDEN = frozenset({"PySide6", "pyqtgraph", "shiboken6", "gui"})
CORE_FILES = sorted(CORE.rglob("*.py"))


def _imported_modules(source: str, package: str) -> list[tuple[str, int]]:
    """Absolute names of the modules ``source`` imports (``package``: the file's package, e.g. ``core``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = []
            if node.level:  # relative import: climb from this file's package
                parts = package.split(".")
                base = parts[: max(0, len(parts) - (node.level - 1))]
            if node.module:
                found.append((".".join(base + [node.module]), node.lineno))
            else:  # "from . import x": each name may be a module
                found += [(".".join(base + [alias.name]), node.lineno) for alias in node.names]
    return found


def _forbidden(source: str, package: str = "core") -> list[str]:
    return [f"{name} (line {line})" for name, line in _imported_modules(source, package)
            if name.split(".")[0] in FORBIDDEN]


def test_core_files_are_found():
    assert CORE / "__init__.py" in CORE_FILES
    assert {"loader.py", "inspector.py", "discovery.py"} <= {p.name for p in CORE_FILES}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_gui_packages(path):
    package = ".".join(path.relative_to(ROOT).parent.parts)
    assert _forbidden(path.read_text(encoding="utf-8"), package) == []


@pytest.mark.parametrize("source, expected", [
    ("import PySide6", ["PySide6"]),
    ("import os, pyqtgraph as pg", ["pyqtgraph"]),
    ("from PySide6.QtCore import QObject", ["PySide6.QtCore"]),
    ("from shiboken6 import isValid", ["shiboken6"]),
    ("import gui.app", ["gui.app"]),
    ("from gui import panels", ["gui"]),
    ("from ..gui import app", ["gui"]),
    ("from .. import gui", ["gui"]),
    ("def f():\n    import PySide6.QtWidgets\n", ["PySide6.QtWidgets"]),
    ("try:\n    import pyqtgraph\nexcept ImportError:\n    pass\n", ["pyqtgraph"]),
    ("from . import errors\nfrom .types import Capability\nimport numpy", []),
    ("import guidance\nfrom .gui_helpers import x\nfrom . import gui", []),  # core.gui is not the gui package
])
def test_the_checker_itself(source, expected):
    assert [f.split(" ")[0] for f in _forbidden(source, "core")] == expected


@pytest.mark.parametrize("imports", ["import core", "import core, " + ", ".join(
    f"core.{p.stem}" for p in CORE_FILES if p.parent == CORE and p.stem != "__init__")])
def test_importing_core_does_not_load_qt(imports):
    code = (f"import sys; {imports}; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', 'gui')); "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "[]"
