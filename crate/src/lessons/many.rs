//! # Tasks are cheap
//!
//! A future is a small state machine, not a thread: thousands can wait at once, and the run takes
//! about one sleep's time, not thousands. Each `sleep_task` below is traced like every other future,
//! so the timeline (aggregated by name) shows all of them pending together.

use super::{named, Plan, Wait};
use crate::println;
use futures::future::join_all;
use gloo_timers::future::sleep;

/// One of many small tasks: wait, then finish.
async fn sleep_task(took: Wait) {
    sleep(took.real).await;
}

/// "Run N tasks": starts `count` concurrent 1 s sleeps and waits for all of them.
pub async fn main(plan: Plan, count: u32) {
    println!("Starting {count} tasks, each sleeping 1s, all at once...");

    let tasks = (0..count).map(|_| named("sleep_task", sleep_task(plan.wait(1000))));
    join_all(tasks).await;

    println!("All {count} tasks finished: about one sleep's time, not {count} sleeps.");
}
