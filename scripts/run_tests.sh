#!/usr/bin/env bash
# Set everything up and run the whole test suite (core, GUI offscreen, CLI screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# Qt's offscreen platform still wants a few X/GL client libraries on a bare Debian.
if ! .venv/bin/python -c "from PySide6.QtWidgets import QApplication" 2>/dev/null; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 >/dev/null
  fi
fi
# CJK and Cyrillic fonts, so Chinese/Russian screenshots show glyphs rather than boxes
# (installed as root with apt; otherwise the command is printed and the font test says so).
.venv/bin/python -m gui.platform_check --install --fonts-only || true
# Translations: compile assets/translations/*.ts to .qm (the app also does this at first run).
.venv/bin/python -m gui.i18n --compile || true
exec .venv/bin/python -m pytest "$@"
