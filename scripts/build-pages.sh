#!/usr/bin/env bash
# The release build for a site served under a sub-path, as GitHub Pages serves a project site:
#   scripts/build-pages.sh /REPO/ [DIST]   (DIST defaults to dist/)
# trunk writes the base path into index.html's <base>, the app's links and the manifest follow it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
BASE="${1:?usage: scripts/build-pages.sh /REPO/ [DIST]}"
DIST="${2:-dist}"
case "$BASE" in /*/ | /) ;; *) die "the base path must start and end with /, like /reachout/ (got $BASE)." ;; esac
trunk build --release --public-url "$BASE" --dist "$DIST"
