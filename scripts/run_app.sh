#!/usr/bin/env bash
# Set everything up (first run only takes minutes) and launch PLM Studio.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() {
  cat <<'EOF'
Usage: bash scripts/run_app.sh [OPTIONS FOR main.py]
       bash scripts/run_app.sh --check [--install] [--platform xcb|wayland|offscreen] [--fonts-only]

Without --check: sets up .venv on the first run (minutes), checks that Qt can open a window and
that there are fonts for Chinese and Russian (installing what is missing when run as root with
apt-get, else printing the exact command), then starts PLM Studio with the given options
(`python main.py --help` lists them, e.g. --model, --panel, --lang, --present).

--check   only the desktop check, nothing is started: exit 0 = ready (a missing font is reported
          but does not stop the app), 1 = a system library is missing (the apt-get command to run is
          printed), 3 = no display at all. Add --install to install what is missing (root + apt-get).
          Uses $PYTHON when set, else .venv/bin/python (set up first when there is none).
EOF
}
case "${1:-}" in
  -h|--help)
    usage
    exit 0
    ;;
  --check)
    shift
    PY=${PYTHON:-.venv/bin/python}
    if [ ! -x "$PY" ]; then
      bash scripts/setup_env.sh
      PY=.venv/bin/python
    fi
    exec "$PY" -m gui.platform_check "$@"
    ;;
esac
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
