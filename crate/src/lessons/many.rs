//! # Tasks are cheap
//!
//! A task is a future handed to the runtime, a small state machine, not a thread: thousands can wait
//! at once, and they all finish in about one sleep's time, not thousands. Each `sleep_task` below is
//! traced like every other future, so the timeline (grouped by name) shows all of them pending together.

use super::{named, spawn_local, Plan, Wait};
use crate::println;
use gloo_timers::future::sleep;
use std::cell::Cell;
use std::rc::Rc;

/// One of many small tasks: wait, then count itself done. The last one to finish says so.
async fn sleep_task(took: Wait, left: Rc<Cell<u32>>, count: u32) {
    sleep(took.real).await;
    left.set(left.get() - 1);
    if left.get() == 0 {
        println!("All {count} tasks finished: about one sleep's time, not {count} sleeps.");
    }
}

/// "Run N tasks": spawns `count` tasks that each sleep 1 s, all at once.
pub async fn main(plan: Plan, count: u32) {
    println!("Spawning {count} tasks, each sleeping 1s, all at once...");

    let left = Rc::new(Cell::new(count));
    for _ in 0..count {
        // was: tokio::spawn(sleep_task(...));
        spawn_local(named(
            "sleep_task",
            sleep_task(plan.wait(1000), left.clone(), count),
        ));
    }

    // main ends here; the runtime keeps running the tasks it was handed.
}
