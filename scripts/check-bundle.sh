#!/usr/bin/env bash
# Build the Linux bundle and check it runs without the project's virtual environment:
#   scripts/check-bundle.sh [--dist DIR] [--keep] [--only-if-changed GIT_REF]
# 1. installer/build.py into DIR (default: a temporary directory, removed unless --keep);
# 2. <bundle>/sst-desktop --self-test (offscreen), <bundle>/sst --version and <bundle>/sst
#    self-test, each under `env -i` with PATH=/usr/bin:/bin: no .venv, no PYTHONPATH, no SST_*;
# 3. fails on a non-zero exit or a Python traceback in any output (a slot that raises in the
#    window prints one and the window goes on).
# --only-if-changed REF: do nothing (exit 0) unless installer/ changed since REF (for CI).
# Slow (a PyInstaller build: about 2 minutes on 2 cores): scripts/run-tests.sh runs it last.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="" keep=0 since=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --only-if-changed) since="$2"; shift 2 ;;
    *) echo "check-bundle: unknown argument $1" >&2; exit 2 ;;
  esac
done
cd "$root"
if [ -n "$since" ] && git diff --quiet "$since" -- installer/; then
  echo "check-bundle: nothing under installer/ changed since $since; skipped"
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  source scripts/bootstrap.sh
  bootstrap_venv "ui"
fi
home="$(mktemp -d /tmp/sst-bundle-home-XXXXXX)"  # settings and logs of the runs go here
temporary=""
if [ -z "$dist" ]; then
  dist="$(mktemp -d /tmp/sst-bundle-XXXXXX)"
  [ "$keep" = 1 ] || temporary="$dist"
fi
trap 'rm -rf "$home" ${temporary:+"$temporary"}' EXIT
.venv/bin/python installer/build.py --dist "$dist/dist" --work "$dist/work"
bundle="$dist/dist/sst-desktop"

run_clean() {  # NAME COMMAND...: run without the venv; fail on exit status or a traceback
  local name="$1" out status=0
  shift
  out="$(env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@" 2>&1)" \
    || status=$?
  printf '%s\n' "$out" | sed "s/^/  [$name] /"
  if [ "$status" != 0 ]; then
    echo "check-bundle: FAIL $name (exit $status)" >&2
    exit 1
  fi
  if printf '%s\n' "$out" | grep -q "Traceback (most recent call last)"; then
    echo "check-bundle: FAIL $name (a Python traceback in its output)" >&2
    exit 1
  fi
}

run_clean "sst-desktop --self-test" "$bundle/sst-desktop" --self-test
run_clean "sst --version" "$bundle/sst" --version
run_clean "sst self-test" "$bundle/sst" self-test
echo "check-bundle: ok ($(du -sh "$bundle" | cut -f1) in $bundle)"
