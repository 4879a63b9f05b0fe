#!/usr/bin/env bash
# A pilot central store on this machine in one command: SQLite in the user data directory,
# a generated token secret beside it, HTTP on loopback. Arguments go to `sst-server serve`
# (e.g. --port 9000). For production see the README (PostgreSQL, several processes, TLS).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_venv "server"
exec .venv/bin/sst-server serve "$@"
