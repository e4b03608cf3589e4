#!/usr/bin/env bash
# `npm test`: sets up what is missing, then runs every layer of tests, fastest first.
# One layer alone:  cargo test | npm run test:unit | npm run test:wasm | npm run test:e2e  (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

bash scripts/setup.sh test

step "format and lints"
cargo fmt --all --check
cargo clippy --target wasm32-unknown-unknown --all-targets -q -- -D warnings
cargo clippy --all-targets -q -- -D warnings

step "layer 1: the browser-free core (cargo test)"
cargo test -q

step "layer 2: every lesson on a real event loop (wasm-pack test: Chrome, then Node)"
wasm-pack test --headless --chrome crate
wasm-pack test --node crate

step "release build (wasm-opt from npm's binaryen)"
node scripts/build.mjs
node scripts/size.mjs --check

# After the build: web/ takes the event kinds from the wasm-bindgen glue it wrote (target/pkg).
step "unit tests (node --test): the browser-free JavaScript (stats, lints, export, run files, replay)"
node --import ./tests/unit/setup.mjs --test tests/unit/

step "layer 3: end to end in Chromium (Playwright)"
playwright test
