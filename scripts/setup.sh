# Installs what Reachout needs to build, serve and test it, and only what is missing.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run again and fast when all is there.
#
# Pinned versions, and why:
# - wasm-bindgen CLI: exactly the version in Cargo.lock (trunk refuses any other and would try to
#   download one, which fails offline).
# - trunk 0.21.14: the newest that builds on stable Rust 1.95 (0.22 needs rustc >= 1.96.1, and a
#   nightly toolchain may not exist on a fresh machine). Its JS minifier skips wasm-bindgen's output,
#   which costs about 1.6 KB gzip; acceptable.
# - wasm-split-cli 0.2.4 (crate wasm_split_cli_support): cuts the pages that load later into chunks
#   of their own after each build (scripts/split-build.mjs); its split points come from the
#   wasm_split_helpers version in Cargo.lock, which this version reads.
# - wasm-opt from npm `binaryen@132`: Debian's binaryen 108 silently produces a wasm that crashes.
# - Chromium and ChromeDriver from Debian, for the browser and end-to-end tests.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"
BINARYEN_VERSION="132"
CARGO_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
# Never let trunk reach for the network: every tool it needs is installed here.
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
  printf '\nsetup failed: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '  %s\n' "$line" >&2; done
  exit 1
}

# Runs a command as root, through sudo when we are not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_install() {
  say "Installing $* from Debian's packages"
  command -v apt-get >/dev/null 2>&1 ||
    die "apt-get is not available to install $*." "Install them with your system's package manager, then run this again."
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" ||
    die "could not install $* with apt-get." "Run as root (or with sudo): apt-get update && apt-get install -y chromium chromium-driver"
}

ensure_rust() {
  command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 ||
    die "Rust (cargo and rustup) is not installed." "Install it from https://rustup.rs, open a new shell, and run this again."
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown ||
      die "could not add the wasm32 target." "Try: rustup target add wasm32-unknown-unknown"
  fi
}

ensure_wasm_bindgen() {
  local wanted
  wanted="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
  [ -n "$wanted" ] || die "Cargo.lock names no wasm-bindgen version." "Restore Cargo.lock from git."
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    say "Installing wasm-bindgen-cli $wanted (about 2 minutes, once)"
    # Not --locked: one of its pinned dependencies is missing from the registry mirror.
    cargo install --quiet wasm-bindgen-cli --version "$wanted" ||
      die "could not install wasm-bindgen-cli $wanted." "Try: cargo install wasm-bindgen-cli --version $wanted"
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about 9 minutes, once)"
    cargo install --quiet --locked "trunk@$TRUNK_VERSION" ||
      die "could not install trunk $TRUNK_VERSION." "Try: cargo install trunk@$TRUNK_VERSION --locked"
  fi
}

ensure_wasm_split() {
  # The CLI prints no version of its own; cargo's list of installed crates has it.
  if ! command -v wasm-split-cli >/dev/null 2>&1 ||
     ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes, once)"
    cargo install --quiet --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary ||
      die "could not install wasm-split-cli $WASM_SPLIT_VERSION." \
          "Try: cargo install wasm_split_cli_support@$WASM_SPLIT_VERSION --locked --features build-binary"
  fi
}

ensure_node_packages() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  # npm ci only when package-lock.json changed since the last install.
  local stamp="$ROOT/node_modules/.reachout-lock"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    say "Installing npm packages (binaryen $BINARYEN_VERSION for wasm-opt, Playwright, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) ||
      die "npm ci failed." "Check that the npm registry is reachable, then run this again."
    cp "$ROOT/package-lock.json" "$stamp"
  fi
  wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" ||
    die "wasm-opt on PATH is not binaryen $BINARYEN_VERSION ($(command -v wasm-opt || echo none))." \
        "Delete node_modules and run this again."
}

ensure_chromium() {
  # A browser and driver given by CHROMIUM and CHROMEDRIVER (as on GitHub's runners) are used as
  # they are.
  if [ -x "${CHROMIUM:-}" ] && [ -x "${CHROMEDRIVER:-}" ]; then return; fi
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

ensure_rust
ensure_wasm_bindgen
ensure_trunk
ensure_wasm_split
ensure_node_packages
ensure_chromium
