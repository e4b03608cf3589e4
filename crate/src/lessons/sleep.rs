//! # Sleep without blocking
//!
//! `sleep(…).await` hands control back to the event loop until a timer fires, so the page stays
//! responsive for the whole wait (watch the ticking counter beside the demo).

use super::Plan;
use crate::println;
use gloo_timers::future::sleep; // was: use tokio::time::sleep;

/// The tutorial's `main` (`#[tokio::main]` → the browser's event loop runs it).
pub async fn main(plan: Plan) {
    println!("Start of program.");

    // The program pauses here for 2 seconds without blocking the thread.
    sleep(plan.wait(2000).real).await;

    println!("End of program after waiting.");
}
