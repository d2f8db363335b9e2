#!/usr/bin/env bash
# Command 2: set up what is missing, then run every check and test layer:
# formatting, lints (host and wasm32), native tests, browser tests in headless Chromium,
# the release build with its size figures, and the end-to-end tests on that build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
# A CI run starts from a clean clone and builds once: incremental caches would only take disk.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

say "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

say "Lints for the host (clippy)"
cargo clippy --quiet --all-targets -- -D warnings
say "Lints for wasm32 (clippy)"
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings

say "Native tests: model and formats"
cargo test --quiet

say "Browser tests: storage and components in headless Chromium"
cargo test --target wasm32-unknown-unknown --test browser_storage --test browser_side_values --test browser_components --test browser_lock

say "Release build (trunk, wasm-opt -Oz)"
trunk build --release
scripts/size.sh
say "Release build for GitHub Pages (--public-url /reachout/)"
scripts/build-pages.sh /reachout/ target/dist-pages
say "Checking both builds carry the Content-Security-Policy, the manifest and the service worker"
node scripts/check-build.mjs dist target/dist-pages

say "End-to-end tests on the release build in Chromium"
npm run --silent e2e
