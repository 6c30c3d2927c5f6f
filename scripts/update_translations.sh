#!/usr/bin/env bash
# Re-extract every tr()/translate() string from gui/ into the .ts sources (keeping the
# translations already there), fill new entries from assets/translations/memory_<lang>.json,
# then list what still needs a translator and any UI text that bypasses tr(). Re-run after adding or changing UI strings; fill the new entries in
# Qt Linguist (pyside6-linguist assets/translations/plm_studio_ru.ts) or with
#   python scripts/ts_fill.py assets/translations/plm_studio_ru.ts my_memory.json
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
BIN=$("$PY" -c 'import os, sys; print(os.path.dirname(sys.executable))')
LUPDATE=${LUPDATE:-$BIN/pyside6-lupdate}
[ -x "$LUPDATE" ] || LUPDATE=pyside6-lupdate
mkdir -p assets/translations
# Panel titles are plain class attributes (title = "Embeddings"), shown through
# translate("Panels", title): list them in a stub that lupdate can read.
STUB=$(mktemp --suffix=.py)
trap 'rm -f "$STUB"' EXIT
"$PY" -m tests.i18n_scan --title-stub "$STUB"
for lang in zh_CN ru; do
  "$LUPDATE" $(find gui -name '*.py' | sort) "$STUB" -ts "assets/translations/plm_studio_${lang}.ts" \
      -no-obsolete -locations none
done
status=0
# Fill new entries from the translation memories (translations written ahead for strings of
# branches not merged yet, and every finished translation), then list what is still open.
for lang in zh_CN ru; do
  "$PY" scripts/ts_fill.py "assets/translations/plm_studio_${lang}.ts" "assets/translations/memory_${lang}.json" \
      >/dev/null 2>&1 || true
done
"$PY" scripts/ts_fill.py --report assets/translations/plm_studio_zh_CN.ts assets/translations/plm_studio_ru.ts || status=1
"$PY" -m tests.i18n_scan || status=1
# Recompile the cached .qm files at the next start (they are rebuilt when a .ts is newer).
exit $status
