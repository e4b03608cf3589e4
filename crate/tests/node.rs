//! Every lesson on Node's event loop (`wasm-pack test --node crate --test node`): gloo-timers calls
//! the global `setTimeout`, so the same lessons run unchanged.
#![cfg(target_arch = "wasm32")]

mod common;

lesson_tests!(
    lazy_call_never_runs_the_body,
    lazy_await_runs_it,
    sleep_waits_without_blocking,
    join_takes_the_longest_not_the_sum,
    the_lessons_own_words_at_default_durations,
    sequential_adds_up,
    select_drops_the_loser_and_it_never_prints,
    no_await_never_runs_my_task,
    spawn_local_runs_my_task,
    blocking_delays_the_timer_and_sleeping_does_not,
    stop_cancels_every_timer_and_no_line_follows,
    restarting_1000_times_leaves_no_timer,
    a_thousand_tasks_finish_in_about_one_sleep,
);
