#!/usr/bin/env bash
# Sets up .venv and runs SST Desktop on a demo profile (created on first run).
# The demo profile's passphrase is public on purpose: it holds synthetic data only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_venv ""

profile="${SST_DEMO_PROFILE:-$PWD/.demo-profile}"
export SST_PASSPHRASE="${SST_PASSPHRASE:-demo-only correct horse battery}"
if [ ! -f "$profile/key.sst" ]; then
  .venv/bin/sst --profile "$profile" demo --students "${SST_DEMO_STUDENTS:-60}" --seed 1
fi
.venv/bin/sst --profile "$profile" stats
