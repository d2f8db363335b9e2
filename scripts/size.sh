#!/usr/bin/env bash
# Prints the download size of the release build in dist/: raw and gzip, as GitHub Pages serves it,
# for the first screen (the page, its style, the main module and its loader) and for the pages
# that load later (their chunks, see scripts/split-build.mjs).
# Fails when the first screen's .wasm has grown more than 10 % over size-baseline.txt (kept in the
# repository): a change that makes it bigger on purpose updates that file in the same commit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -d dist ] || { echo "size: no dist/; build first (trunk build --release)" >&2; exit 1; }
main_wasm=$(ls dist/reachout-*_bg.wasm 2>/dev/null | head -n 1)
[ -n "$main_wasm" ] || { echo "size: no dist/reachout-*_bg.wasm; build first" >&2; exit 1; }
printf '%-40s %10s %10s\n' "file" "raw bytes" "gzip -9"
first=0
later=0
count=0
for file in dist/index.html dist/*.css dist/*.js "$main_wasm"; do
  [ -f "$file" ] || continue
  gz=$(gzip -9 -c "$file" | wc -c)
  first=$((first + gz))
  printf '%-40s %10d %10d\n' "${file#dist/}" "$(wc -c <"$file")" "$gz"
done
for file in dist/*.wasm; do
  [ "$file" = "$main_wasm" ] && continue
  later=$((later + $(gzip -9 -c "$file" | wc -c)))
  count=$((count + 1))
done
printf '%-40s %10s %10d\n' "first screen (gzip)" "" "$first"
printf '%-40s %10s %10d\n' "$count chunks of the later pages (gzip)" "" "$later"
printf '%-40s %10s %10d\n' "all (gzip)" "" "$((first + later))"
wasm=$(wc -c <"$main_wasm")
if [ "${1:-}" = "--write-baseline" ]; then
  printf 'first_screen_wasm_bytes %d\n' "$wasm" > size-baseline.txt
  echo "size: baseline written: the first screen's .wasm $wasm bytes"
  exit 0
fi
baseline=$(awk '$1 == "first_screen_wasm_bytes" { print $2 }' size-baseline.txt)
[ -n "$baseline" ] || { echo "size: size-baseline.txt has no first_screen_wasm_bytes; run scripts/size.sh --write-baseline" >&2; exit 1; }
limit=$((baseline + baseline / 10))
if [ "$wasm" -gt "$limit" ]; then
  echo "size: the first screen's .wasm is $wasm bytes, more than 10 % over the baseline of $baseline bytes" >&2
  echo "size: make it smaller, or if the growth is worth it run 'scripts/size.sh --write-baseline' and commit size-baseline.txt with the change" >&2
  exit 1
fi
echo "size: the first screen's .wasm $wasm bytes, baseline $baseline (fails above $limit)"
