"""Find user-visible strings in gui/ that bypass Qt translation, and check the .ts files.

Used by tests/gui/test_i18n.py and by ``scripts/update_translations.sh`` (run as
``python -m tests.i18n_scan``: lists untranslated or unmarked strings, exit 1 if any).

Rules (AST, no imports of the scanned code):
- a string literal, f-string or concatenation containing letters, passed to a text-setting
  call (``setText``, ``setToolTip``, ``addItem``, ``QLabel(...)``, ``show_error`` ...),
  is a violation unless it is wrapped in ``tr()`` / ``translate()``;
- so is a module-level string constant (or a dict/tuple of them) passed to such a call;
- ``self.tr(f"...")`` and ``tr("..." + x)`` are violations too (lupdate cannot extract them).
"""
from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "gui"
TRANSLATIONS = ROOT / "assets" / "translations"
LANGS = ("zh_CN", "ru")

TEXT_METHODS = {
    "setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "setStatusTip", "setWhatsThis",
    "show_error", "show_info", "addItem", "addItems", "insertItem", "setItemText", "addTab", "insertTab",
    "setTabText", "setTabToolTip", "addMenu", "addAction", "setPrefix", "setSuffix", "setSpecialValueText",
    "setFormat", "setTitle", "setLabel", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "addRow", "information", "warning", "critical", "question", "about",
    "getSaveFileName", "getOpenFileName", "getExistingDirectory", "setLabelText", "setDetailedText",
    "setInformativeText", "setText_", "addPermanentWidget_", "showMessage", "addLabel",
}
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QMenu",
    "QToolBar", "QDockWidget", "QMessageBox", "QTableWidgetItem", "QListWidgetItem", "QProgressDialog",
    "QLineEdit", "TaskFailure",
}
TR_NAMES = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
#: Strings shown as they are in every language (names, symbols, file patterns).
SKIP = re.compile(r"^[\W\d_]*$|^https?://|^\*\.\w+$|^(&\w+;)+$")
#: Only these arguments of these calls are texts (the others are item data).
TEXT_ARGS = {"addItem": (0,), "insertItem": (1,), "addTab": (1,), "insertTab": (2,), "setItemText": (1,),
             "setTabText": (1,), "setTabToolTip": (1,), "addRow": (0,), "getSaveFileName": (1, 3),
             "getOpenFileName": (1, 3), "getExistingDirectory": (1,)}
AXES = {"left", "right", "top", "bottom"}
#: Files that never show text to users.
SKIP_FILES = {"platform_check.py"}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r} is shown to users but not passed through tr()"


def _has_letters(s: str) -> bool:
    # HTML/CSS pieces around a translated text ("<b>", "<span style='font-size:", "pt'>") are not words.
    s = re.sub(r"<[^>]*>|<[^>]*$|^[^<>]*'>", "", s)
    return bool(s.strip()) and not SKIP.match(s) and not NUMBER.match(s)


#: Numbers written as text ("5e-5", "1e-3") are not words.
NUMBER = re.compile(r"^\s*[-+]?\d[\d.]*(e[-+]?\d+)?\s*$", re.I)
PRAGMA = "noqa: i18n"


def translate_wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` → "Ctx"."""
    out: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        param = node.args.args[0].arg
        for ret in (n for n in ast.walk(node) if isinstance(n, ast.Return)):
            call = ret.value
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
                    and len(call.args) >= 2 and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
                out[node.name] = call.args[0].value
    return out


def wrapper_strings(path: Path) -> set[tuple[str, str]]:
    """``(context, text)`` of literal calls to this module's translate wrappers (lupdate misses them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrappers = translate_wrappers(tree)
    found: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.add((wrappers[node.func.id], node.args[0].value))
    return found


def _literal_texts(node: ast.AST, constants: dict[str, list[str]]) -> list[str]:
    """Untranslated texts inside ``node`` (an argument expression)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_letters(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str) and _has_letters(v.value)]
    if isinstance(node, ast.BinOp):
        return _literal_texts(node.left, constants) + _literal_texts(node.right, constants)
    if isinstance(node, ast.IfExp):
        return _literal_texts(node.body, constants) + _literal_texts(node.orelse, constants)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [t for e in node.elts for t in _literal_texts(e, constants)]
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in constants:
        return constants[node.value.id]
    if isinstance(node, ast.Call):
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in TR_NAMES:
            return []
        if name == "format" and isinstance(f, ast.Attribute):
            return _literal_texts(f.value, constants)
        if name == "join" and isinstance(f, ast.Attribute):
            return [t for a in node.args for t in _literal_texts(a, constants)]
    return []


def _module_constants(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level names bound to strings with letters (or containers of them)."""
    out: dict[str, list[str]] = {}
    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
        value = getattr(stmt, "value", None)
        if value is None:
            continue
        texts = [n.value for n in ast.walk(value)
                 if isinstance(n, ast.Constant) and isinstance(n.value, str) and _has_letters(n.value)
                 and " " in n.value.strip()]
        for t in targets:
            if isinstance(t, ast.Name) and texts:
                out[t.id] = texts
    return out


def scan_file(path: Path) -> list[Violation]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    lines = text.splitlines()
    constants = _module_constants(tree)
    wrapper_params = {(fn.name, fn.args.args[0].arg) for fn in tree.body
                      if isinstance(fn, ast.FunctionDef) and fn.name in translate_wrappers(tree)}
    wrapper_lines = {n.lineno for fn in tree.body if isinstance(fn, ast.FunctionDef)
                     and fn.name in {w for w, _ in wrapper_params} for n in ast.walk(fn) if hasattr(n, "lineno")}
    rel = str(path.relative_to(ROOT))
    found: list[Violation] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if PRAGMA in lines[node.lineno - 1] or node.lineno in wrapper_lines:
            continue  # explicitly not UI text, or the body of a translate wrapper
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name == "translate" and not (node.args and isinstance(node.args[0], ast.Constant)
                                        and isinstance(node.args[0].value, str)):
            continue  # QPainter.translate(x, y) and friends, not Qt's text translation
        if name in TR_NAMES:
            # The text must be a plain literal: lupdate cannot extract f-strings or sums.
            args = node.args[1:2] if name in ("translate", "QT_TRANSLATE_NOOP") else node.args[:1]
            for a in args:
                if ast.unparse(a) in ("self.title", "cls.title"):
                    continue  # panel titles: collected from the class attributes (panel_titles)
                if name == "translate" and node.args[0].value in {c for c, _, _ in DATA_STRINGS}:
                    continue  # names from a data file: collected by data_strings()
                if not (isinstance(a, ast.Constant) and isinstance(a.value, str)):
                    found.append(Violation(rel, node.lineno, f"tr() of a non-literal: {ast.unparse(a)}"))
            continue
        if name in TEXT_METHODS or name in TEXT_CLASSES:
            positions = TEXT_ARGS.get(name)
            if name == "setLabel" and node.args and isinstance(node.args[0], ast.Constant) \
                    and node.args[0].value in AXES:
                positions = (1,)   # pyqtgraph's setLabel(axis, text)
            args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
            args += [k.value for k in node.keywords if k.arg in ("text", "title", "toolTip")]
            for a in args:
                for text in _literal_texts(a, constants):
                    found.append(Violation(rel, node.lineno, text))
    return found


def scan_gui() -> list[Violation]:
    out: list[Violation] = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name not in SKIP_FILES:
            out.extend(scan_file(path))
    return out


def panel_titles() -> set[str]:
    """``title = "..."`` of the classes in gui/panels (shown via ``translate("Panels", title)``)."""
    titles: set[str] = set()
    for path in sorted((GUI / "panels").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                        and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "title"):
                    v = stmt.value
                    if isinstance(v, ast.Call) and len(v.args) == 2:
                        v = v.args[1]
                    if isinstance(v, ast.Constant) and isinstance(v.value, str) and node.name != "BasePanel":
                        titles.add(v.value)
    return titles


#: Texts translated from data files at run time: (context, JSON file, key of each entry's name).
DATA_STRINGS = (("EmbeddingPresets", "assets/embedding_presets.json", "name"),)


def data_strings() -> set[tuple[str, str]]:
    import json

    found: set[tuple[str, str]] = set()
    for ctx, rel, key in DATA_STRINGS:
        path = ROOT / rel
        if not path.exists():
            continue
        def walk(obj):
            if isinstance(obj, dict):
                if isinstance(obj.get(key), str):
                    found.add((ctx, obj[key]))
                for v in obj.values():
                    walk(v)
            elif isinstance(obj, list):
                for v in obj:
                    walk(v)
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def extra_strings() -> set[tuple[str, str]]:
    """What lupdate cannot see: panel titles, translate-wrapper calls, data-file names."""
    found = {("Panels", t) for t in panel_titles()} | data_strings()
    for path in sorted(GUI.rglob("*.py")):
        found |= wrapper_strings(path)
    return found


def write_title_stub(path: Path) -> None:
    """A Python file lupdate can read, marking the strings lupdate cannot find itself."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({c!r}, {t!r})" for c, t in sorted(extra_strings())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def marked_strings() -> set[tuple[str, str]]:
    """``(context, source)`` of every ``self.tr("...")`` / ``translate("Ctx", "...")`` in gui/."""
    found: set[tuple[str, str]] = set()
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls_or_mod in [tree] + [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            ctx_name = cls_or_mod.name if isinstance(cls_or_mod, ast.ClassDef) else None
            for node in ast.walk(cls_or_mod):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2 and all(
                        isinstance(a, ast.Constant) for a in node.args[:2]):
                    found.add((node.args[0].value, node.args[1].value))
                elif name == "tr" and ctx_name and node.args and isinstance(node.args[0], ast.Constant) \
                        and isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "self":
                    found.add((ctx_name, node.args[0].value))
    found |= extra_strings()
    return found


def ts_entries(lang: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """``{(context, source): (translation, type)}`` of ``plm_studio_<lang>.ts``."""
    path = TRANSLATIONS / f"plm_studio_{lang}.ts"
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    if not path.exists():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(cname, msg.findtext("source") or "")] = ((tr.text or "") if tr is not None else "",
                                                            tr.get("type") if tr is not None else "unfinished")
    return out


_SCRIPT = {"zh_CN": re.compile(r"[\u4e00-\u9fff]"), "ru": re.compile(r"[\u0400-\u04ff]")}
#: Sources that may stay as they are (names and notation, not English words).
KEEP = re.compile(r"^(PLM Studio|bertviz|[\[\]<>/A-Z_#\s\d.,:·\-–—+→×{}()%]+|[a-z]{0,3}\d*)$")


def _kept(src: str) -> bool:
    """Sources made only of names, notation and placeholders may stay as they are."""
    rest = re.sub(r"\{[^}]*\}", "", src).replace("PLM Studio", "").replace("bertviz", "")
    return bool(KEEP.match(rest)) or not re.search(r"[a-z]{2,}", rest)


def translation_problems(lang: str) -> list[str]:
    """Strings marked in gui/ that ``lang`` lacks, leaves unfinished, or leaves in English."""
    entries = ts_entries(lang)
    problems: list[str] = []
    script = _SCRIPT[lang]
    for ctx, src in sorted(marked_strings()):
        if (ctx, src) not in entries:
            problems.append(f"{lang}: missing [{ctx}] {src!r} (run scripts/update_translations.sh)")
            continue
        text, typ = entries[(ctx, src)]
        if typ in ("unfinished", "obsolete", "vanished") or not text:
            problems.append(f"{lang}: unfinished [{ctx}] {src!r}")
        elif not script.search(text) and not _kept(src):
            problems.append(f"{lang}: still English [{ctx}] {src!r} -> {text!r}")
        elif src.count("{") != text.count("{") or any(f"{{{i}}}" in src and f"{{{i}}}" not in text for i in range(9)):
            problems.append(f"{lang}: placeholders differ [{ctx}] {src!r} -> {text!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--title-stub"]:
        write_title_stub(Path(argv[1]))
        return 0
    issues = [str(v) for v in scan_gui()]
    for lang in LANGS:
        issues += translation_problems(lang)
    for line in issues:
        print(line)
    print(f"{len(issues)} problem(s)", file=sys.stderr)
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
