//! Every lesson on the browser's event loop (`wasm-pack test --headless --chrome crate`).
#![cfg(target_arch = "wasm32")]

mod common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

all_lesson_tests!();

// "Your code": the lesson's Tokio programs, interpreted (`--features interp`).
#[cfg(feature = "interp")]
all_code_tests!();
