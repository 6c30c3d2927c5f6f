#!/usr/bin/env bash
# Create .venv (if needed) and install PLM Studio with its test tools. Idempotent.
# TORCH_SPEC picks the torch build: the default pin is the CPU wheel this project is
# tested with; set TORCH_SPEC=torch for your platform's default (e.g. a CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet "${TORCH_SPEC:-torch==2.13.0}"
.venv/bin/python -m pip install --quiet -e ".[test]"
# d3, jquery and require.js for the offline bertviz views (npm registry, checksummed,
# never a CDN at run time). Without npm the app still runs; only the bertviz tab says
# what is missing.
if ! bash scripts/fetch_web_assets.sh; then
  echo "setup: could not fetch the bertviz web assets (needs npm); the bertviz tab will be unavailable" >&2
fi
