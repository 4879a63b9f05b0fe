#!/usr/bin/env bash
# Every check and every test, from a fresh clone: creates .venv, installs what the tests need,
# starts PostgreSQL if a local cluster is installed but down, then lint, types, layers, pytest,
# and the Linux bundle's self-test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_venv "test,ui,server,build"

if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _port status _rest; do
    if [ "$status" != "online" ]; then
      pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    fi
  done
fi

export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
workers="${SST_TEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}"
.venv/bin/python -m pytest -n "$workers" -q "$@"
# The Linux bundle, built and run without the virtual environment (issue 8): about 2 minutes.
# SST_SKIP_BUNDLE=1 leaves it out of a quick local run; CI never sets it.
if [ "${SST_SKIP_BUNDLE:-0}" != 1 ] && [ "$#" = 0 ]; then
  echo "== bundle"; scripts/check-bundle.sh
fi
