#!/usr/bin/env bash
# The storage benchmark: stored sizes and native encode/decode times, then opening and saving
# the same data in the release build in Chromium. Prints figures; asserts nothing about speed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo run --release --quiet --example storage_bench
cargo run --release --quiet --example import_bench
trunk build --release
node scripts/bench.mjs
node scripts/bench-lock.mjs
