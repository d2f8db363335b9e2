#!/usr/bin/env bash
# Command 1: set up what is missing, then build the release app and serve it on 127.0.0.1.
# PORT=9000 scripts/serve.sh picks another port. Trunk rebuilds when a source file changes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
PORT="${PORT:-8080}"
say "Serving Reachout at http://127.0.0.1:$PORT/ (Ctrl+C stops)"
exec trunk serve --release --address 127.0.0.1 --port "$PORT"
