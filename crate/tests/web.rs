//! Every lesson on the browser's event loop (`wasm-pack test --headless --chrome crate --test web`).
#![cfg(target_arch = "wasm32")]

mod common;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn lazy_call_never_runs_the_body() {
    common::lazy_call_never_runs_the_body().await
}
#[wasm_bindgen_test]
async fn lazy_await_runs_it() {
    common::lazy_await_runs_it().await
}
#[wasm_bindgen_test]
async fn sleep_waits_without_blocking() {
    common::sleep_waits_without_blocking().await
}
#[wasm_bindgen_test]
async fn join_takes_the_longest_not_the_sum() {
    common::join_takes_the_longest_not_the_sum().await
}
#[wasm_bindgen_test]
async fn the_lessons_own_words_at_default_durations() {
    common::the_lessons_own_words_at_default_durations().await
}
#[wasm_bindgen_test]
async fn sequential_adds_up() {
    common::sequential_adds_up().await
}
#[wasm_bindgen_test]
async fn select_drops_the_loser_and_it_never_prints() {
    common::select_drops_the_loser_and_it_never_prints().await
}
#[wasm_bindgen_test]
async fn no_await_never_runs_my_task() {
    common::no_await_never_runs_my_task().await
}
#[wasm_bindgen_test]
async fn spawn_local_runs_my_task() {
    common::spawn_local_runs_my_task().await
}
#[wasm_bindgen_test]
async fn blocking_delays_the_timer_and_sleeping_does_not() {
    common::blocking_delays_the_timer_and_sleeping_does_not().await
}
#[wasm_bindgen_test]
async fn stop_cancels_every_timer_and_no_line_follows() {
    common::stop_cancels_every_timer_and_no_line_follows().await
}
#[wasm_bindgen_test]
async fn restarting_1000_times_leaves_no_timer() {
    common::restarting_1000_times_leaves_no_timer().await
}
#[wasm_bindgen_test]
async fn a_thousand_tasks_finish_in_about_one_sleep() {
    common::a_thousand_tasks_finish_in_about_one_sleep().await
}
