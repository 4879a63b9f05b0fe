# Sourced by the run scripts: find Python 3.11+, create .venv, install the project with extras.
# Usage: bootstrap_venv "test" (extras, comma-separated; empty for none)
set -euo pipefail

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "SST Desktop needs Python 3.11 or newer on PATH." >&2
  return 1
}

bootstrap_venv() {
  local extras="$1" root stamp wanted
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
  fi
  # Reinstall only when pyproject.toml or the extras changed: a warm run starts in seconds.
  stamp=".venv/.sst-installed"
  wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) [$extras]"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extras:+[$extras]}"
    echo "$wanted" >"$stamp"
  fi
  # The window's Swedish catalogue (.qm) is built from resources/i18n/*.ts; cheap, so always.
  .venv/bin/python scripts/build_translations.py >/dev/null
}
