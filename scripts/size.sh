#!/usr/bin/env bash
# Prints the download size of the release build in dist/: raw and gzip, as GitHub Pages serves it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -d dist ] || { echo "size: no dist/; build first (trunk build --release)" >&2; exit 1; }
printf '%-34s %10s %10s\n' "file" "raw bytes" "gzip -9"
total=0
for file in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-34s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-34s %10s %10d\n' "total (gzip)" "" "$total"
