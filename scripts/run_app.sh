#!/usr/bin/env bash
# Set everything up (first run only takes minutes) and launch PLM Studio.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
# Models in ../shared/models (if present) appear in the picker next to the bundled MiniLM.
if [ -d ../shared/models ]; then
  export PLM_STUDIO_MODELS="${PLM_STUDIO_MODELS:+$PLM_STUDIO_MODELS:}$(cd ../shared/models && pwd)"
fi
# Can Qt open a window, and are there fonts for Chinese and Russian? Installs what is missing
# when run as root with apt-get; otherwise prints the exact command instead of Qt's message.
# Skipped for offscreen/minimal platforms (screenshots) except for the font check.
status=0
.venv/bin/python -m gui.platform_check --install || status=$?
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
exec .venv/bin/python main.py "$@"
