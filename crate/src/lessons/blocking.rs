//! # Blocking the event loop
//!
//! An `async fn` that waits by spinning (the mistake of calling a blocking sleep such as
//! `std::thread::sleep` inside async code) never returns to the event loop: no timer can fire, no
//! click is handled, the page freezes. The same wait done with `sleep(…).await` yields instead.
//!
//! Both variants start a 1 s timer beside a 2 s wait and report how late the timer fired.

use super::{named, Plan, Wait};
use crate::println;
use crate::run::elapsed_ms;
use futures::join;
use gloo_timers::future::sleep;

/// A 1 s timer that reports how late it fired compared with its plan.
async fn timer(took: Wait) {
    let planned = elapsed_ms() + took.real.as_millis() as u64;
    sleep(took.real).await;
    let late = elapsed_ms().saturating_sub(planned);
    println!("Timer fired {late} ms late.");
}

/// The mistake: waits by spinning on the clock, holding the thread the whole time.
async fn blocking_wait(took: Wait) {
    let until = elapsed_ms() + took.real.as_millis() as u64;
    while elapsed_ms() < until {} // busy loop: nothing else on the page can run
    println!("Blocking wait of {took} over.");
}

/// The fix: the same wait as a timer; control goes back to the event loop.
async fn sleeping_wait(took: Wait) {
    sleep(took.real).await;
    println!("Sleeping wait of {took} over.");
}

/// "Run blocking wait": a 1 s timer next to a 2 s busy loop.
pub async fn main_blocking(plan: Plan) {
    println!("Starting a 1s timer and a 2s blocking wait...");
    join!(
        named("timer", timer(plan.wait(1000))),
        named("blocking_wait", blocking_wait(plan.wait(2000))),
    );
}

/// "Run with sleep().await": the same, without blocking.
pub async fn main_sleeping(plan: Plan) {
    println!("Starting a 1s timer and a 2s sleep...");
    join!(
        named("timer", timer(plan.wait(1000))),
        named("sleeping_wait", sleeping_wait(plan.wait(2000))),
    );
}
