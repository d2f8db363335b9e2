#!/usr/bin/env bash
# Command 1: set up what is missing, build the release app, and serve dist/ on 127.0.0.1 the way
# GitHub Pages would. PORT=9000 scripts/serve.sh picks another port; run it again after a change.
# (trunk's own `serve` is not used: its file watcher panics on some file events.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
PORT="${PORT:-8080}"
say "Building the release app"
trunk build --release
exec node scripts/static-server.mjs "$PORT"
