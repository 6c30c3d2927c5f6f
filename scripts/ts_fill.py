"""Fill unfinished entries of Qt .ts files from a translation memory, and list what is left.

    python scripts/ts_fill.py assets/translations/plm_studio_ru.ts memory_ru.json [...]
    python scripts/ts_fill.py --report assets/translations/*.ts

The memory is a JSON object {English source: translation}. Finished translations already
in the .ts files (any context) are reused for the same source text elsewhere, so a string
that moved to another class keeps its translation. Writes atomically.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _messages(root: ET.Element):
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name") or "", msg


def fill(ts: Path, memory: dict[str, str]) -> list[str]:
    """Fill ``ts`` from ``memory``; return the sources still unfinished."""
    tree = ET.parse(ts)
    root = tree.getroot()
    known = dict(memory)
    for _, msg in _messages(root):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") is None and tr.text:
            known.setdefault(msg.findtext("source") or "", tr.text)
    left: list[str] = []
    for ctx, msg in _messages(root):
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if tr.get("type") in ("obsolete", "vanished"):
            continue
        src = msg.findtext("source") or ""
        if tr.get("type") == "unfinished" or not tr.text:
            if src in known:
                tr.text = known[src]
                tr.attrib.pop("type", None)
            else:
                left.append(f"[{ctx}] {src}")
    tmp = ts.with_name(ts.name + ".part")
    tree.write(tmp, encoding="utf-8", xml_declaration=True)
    os.replace(tmp, ts)
    return left


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--report", action="store_true", help="only list unfinished entries")
    p.add_argument("files", nargs="+")
    args = p.parse_args(argv)
    left_total = 0
    if args.report:
        for f in args.files:
            left = fill(Path(f), {})
            left_total += len(left)
            for line in left:
                print(f"{Path(f).name}: unfinished {line}")
    else:
        ts, *memories = args.files
        memory: dict[str, str] = {}
        for m in memories:
            memory.update(json.loads(Path(m).read_text(encoding="utf-8")))
        left = fill(Path(ts), memory)
        left_total = len(left)
        for line in left:
            print(f"{Path(ts).name}: unfinished {line}")
    print(f"{left_total} unfinished", file=sys.stderr)
    return 1 if left_total else 0


if __name__ == "__main__":
    sys.exit(main())
