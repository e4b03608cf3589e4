//! Every lesson on Node's event loop (`wasm-pack test --node crate`): gloo-timers calls the global
//! `setTimeout`, so the same lessons run unchanged.
#![cfg(target_arch = "wasm32")]

mod common;

all_lesson_tests!();

// "Your code": the lesson's Tokio programs, interpreted (`--features interp`).
#[cfg(feature = "interp")]
all_code_tests!();
