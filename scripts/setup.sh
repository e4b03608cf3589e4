#!/usr/bin/env bash
# Installs whatever the build (and, with `test`, the tests) need and is missing. Idempotent: once
# everything is there it only checks versions, in about a second.
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }
need() { printf '\nsetup: %s\n\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || need "Rust is missing. Install it with rustup (https://rustup.rs), then run this command again."
command -v node >/dev/null || need "Node.js 20 or newer is missing. Install it, then run this command again."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack uses the wasm-bindgen on PATH only if it is exactly the version Cargo.toml pins; otherwise
# it would try to download one. Installed without --locked: with it, one locked crate is missing from
# the registry.
wb=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' crate/Cargo.toml)
[ -n "$wb" ] || need "crate/Cargo.toml must pin wasm-bindgen with \"=X.Y.Z\"."
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb" ]; then
  say "installing wasm-bindgen-cli $wb (about 5 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (about 2 minutes, once)"
  cargo install wasm-pack --locked
fi

# `test` (npm test, npm run bench) also needs a browser and the lint components.
if [ "${1:-}" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Chromium and ChromeDriver from Debian's packages"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      need "The tests need Chromium and a matching ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver. On Debian or Ubuntu: sudo apt-get install chromium chromium-driver"
    fi
  fi
  # mdBook, for the README's mdBook recipe tested with a real book (tests/mdbook.spec.js). Without
  # --locked if the locked build fails, as for wasm-bindgen-cli.
  if ! command -v mdbook >/dev/null; then
    say "installing mdBook (about 2 minutes, once)"
    cargo install mdbook --locked || cargo install mdbook
  fi
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

# npm packages, including binaryen's wasm-opt (never Debian's wasm-opt 108: Chromium rejects its output).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
