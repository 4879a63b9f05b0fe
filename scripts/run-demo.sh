#!/usr/bin/env bash
# Sets up .venv and runs SST Desktop on a demo profile (created on first run).
# The demo profile's passphrase is public on purpose: it holds synthetic data only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_venv "ui"

profile="${SST_DEMO_PROFILE:-$PWD/.demo-profile}"
export SST_PASSPHRASE="${SST_PASSPHRASE:-demo-only correct horse battery}"
if [ ! -f "$profile/key.sst" ]; then
  .venv/bin/sst --profile "$profile" demo --students "${SST_DEMO_STUDENTS:-60}" --seed 1
fi
.venv/bin/sst --profile "$profile" stats
echo
echo "Demo profile: $profile"
echo "Demo passphrase (synthetic data only): $SST_PASSPHRASE"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: the window cannot open here (try xvfb-run, or a desktop session)."
  exit 0
fi
# The window asks for the passphrase itself; it never reads it from the environment.
unset SST_PASSPHRASE
exec .venv/bin/sst-desktop --profile "$profile"
