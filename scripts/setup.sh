#!/usr/bin/env bash
# Install everything the site's build and tests need, idempotently, on a fresh machine:
# a Python >= 3.12 virtual environment with the pinned tools, the pinned npm packages
# (Pyodide), and Debian's Chromium for the browser tests. Safe to run repeatedly: each
# step is skipped when its inputs have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  # pyodide-build needs Python 3.12+; .python-version names the one we use.
  local want candidates=()
  want=$(cat .python-version 2>/dev/null || echo 3.12)
  candidates+=("${PYENV_ROOT:-$HOME/.pyenv}/versions/$want/bin/python3")
  for v in 3.13 3.12; do
    candidates+=("python$v")
    for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/$v*/bin/python3; do candidates+=("$p"); done
  done
  for c in "${candidates[@]}"; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  echo "setup: Python 3.12 or newer is required (pyodide-build needs it)" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$(find_python)" -m venv .venv
fi
req_hash=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ "$(cat .venv/.requirements 2>/dev/null)" != "$req_hash" ]; then
  echo "setup: installing Python tools" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  echo "$req_hash" > .venv/.requirements
fi

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: installing npm packages (pinned Pyodide and axe-core)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.lock-hash
fi

if [ "${SKIP_CHROMIUM:-0}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
