#!/usr/bin/env bash
# Set everything up (first run only takes minutes) and launch PLM Studio.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
# Models in ../shared/models (if present) appear in the picker next to the bundled MiniLM.
if [ -d ../shared/models ]; then
  export PLM_STUDIO_MODELS="${PLM_STUDIO_MODELS:+$PLM_STUDIO_MODELS:}$(cd ../shared/models && pwd)"
fi
exec .venv/bin/python main.py "$@"
