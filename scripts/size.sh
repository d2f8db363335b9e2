#!/usr/bin/env bash
# Prints the download size of the release build in dist/: raw and gzip, as GitHub Pages serves it.
# Fails when the .wasm has grown more than 10 % over size-baseline.txt (kept in the repository):
# a change that makes the download bigger on purpose updates that file in the same commit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -d dist ] || { echo "size: no dist/; build first (trunk build --release)" >&2; exit 1; }
printf '%-34s %10s %10s\n' "file" "raw bytes" "gzip -9"
total=0
wasm=0
for file in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  case "$file" in *.wasm) wasm=$raw ;; esac
  printf '%-34s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-34s %10s %10d\n' "total (gzip)" "" "$total"
if [ "${1:-}" = "--write-baseline" ]; then
  printf 'wasm_bytes %d\n' "$wasm" > size-baseline.txt
  echo "size: baseline written: .wasm $wasm bytes"
  exit 0
fi
baseline=$(awk '$1 == "wasm_bytes" { print $2 }' size-baseline.txt)
limit=$((baseline + baseline / 10))
if [ "$wasm" -gt "$limit" ]; then
  echo "size: the .wasm is $wasm bytes, more than 10 % over the baseline of $baseline bytes" >&2
  echo "size: make it smaller, or if the growth is worth it run 'scripts/size.sh --write-baseline' and commit size-baseline.txt with the change" >&2
  exit 1
fi
echo "size: .wasm $wasm bytes, baseline $baseline (fails above $limit)"
