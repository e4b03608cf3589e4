#!/usr/bin/env bash
# `npm test`: sets up what is missing, then runs every layer of tests, fastest first.
# One layer alone:  cargo test | npm run test:unit | npm run test:wasm | npm run test:e2e  (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }
# The wasm layer's compiled-lessons-vs-Tokio check runs the lessons at 1× (about 11 s of real time);
# wasm-bindgen's headless runner gives a whole suite 20 s by default.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"

bash scripts/setup.sh test

step "format and lints"
cargo fmt --all --check
# The lessons' wasm (no interp), and everything with the interpreter (its wasm glue, crate/src/web/code.rs,
# only exists with `interp`).
cargo clippy --target wasm32-unknown-unknown --all-targets -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features interp --all-targets -q -- -D warnings
cargo clippy --features interp --all-targets -q -- -D warnings

step "layer 1: the browser-free core and the interpreter (cargo test)"
cargo test -q --features interp

# (crate/tests/rejected.rs, in layer 1, holds the checker to rustc's recorded verdicts on
# tests/programs/rejected/: rustc is the judge too.)
step "layer 1b: Tokio and rustc are the judges (tests/oracle: generated programs, real Tokio vs the interpreter; their slips, rustc vs the checker)"
cargo fmt --manifest-path tests/oracle/Cargo.toml --check
cargo clippy --manifest-path tests/oracle/Cargo.toml --features interp --all-targets -q -- -D warnings
cargo test --manifest-path tests/oracle/Cargo.toml --features interp -q
cargo run --manifest-path tests/oracle/Cargo.toml --features interp -q -- differential --count 200 --mutants 40

step "layer 2: every lesson, and the lesson's Tokio programs interpreted, on a real event loop (wasm-pack test: Chrome, then Node)"
# `--features interp` adds the "Your code" checks (crate/tests/common/code.rs) to the lessons'.
wasm-pack test --headless --chrome crate --features interp
wasm-pack test --node crate --features interp

step "release build (wasm-opt from npm's binaryen)"
node scripts/build.mjs
node scripts/size.mjs --check

# After the build: web/ takes the event kinds from the wasm-bindgen glue it wrote (target/pkg).
step "unit tests (node --test): the browser-free JavaScript (stats, lints, export, run files, replay)"
node --import ./tests/unit/setup.mjs --test tests/unit/

step "layer 3: end to end in Chromium (Playwright)"
playwright test
