//! # The no-await pitfall
//!
//! A future that is created and dropped never runs. `spawn_local` (the browser's `tokio::spawn`)
//! hands it to the event loop instead, which polls it to the end.
//!
//! One honest difference: under Tokio, returning from `main` shuts the runtime down, so a spawned
//! task still needs its `JoinHandle` awaited. In a page the event loop outlives `main`, so the spawned
//! task finishes on its own.

use super::{named, spawn_local, Plan};
use crate::println;
use gloo_timers::future::sleep; // was: use tokio::time::sleep;

/// The tutorial's `my_task`.
pub async fn my_task(took: super::Wait) {
    sleep(took.real).await;
    println!("This line will never be printed.");
}

/// "Run without .await": the tutorial's `main`.
// Rust itself warns about this mistake ("unused implementer of `Future` that must be used:
// futures do nothing unless you `.await` or poll them"); we silence it to show what happens.
#[allow(unused_must_use)]
pub async fn main_without_await(plan: Plan) {
    println!("Starting program.");

    // We call the async function, but we don't await its Future.
    // The Future is created but immediately dropped.
    named("my_task", my_task(plan.wait(1000)));

    println!("Finished program.");
    // The program ends immediately, and 'my_task' never runs.
}

/// "Run with spawn_local": the fix. The event loop now owns the future and polls it.
pub async fn main_with_spawn(plan: Plan) {
    println!("Starting program.");

    // was: tokio::spawn(my_task());
    spawn_local(named("my_task", my_task(plan.wait(1000))));

    println!("Finished program.");
    // main is done, but the event loop keeps running my_task: its line appears after 1s.
}
