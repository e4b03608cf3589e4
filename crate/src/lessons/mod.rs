//! The lesson's examples, one file per section, written to read like the tutorial.
//!
//! What changed from the Tokio originals, and why:
//! - `tokio::time::sleep` → `gloo_timers::future::sleep`: a browser timer (`setTimeout`).
//! - `tokio::join!` / `tokio::select!` → `futures::join!` / `futures::select!`.
//! - `tokio::spawn` → [`spawn_local`] (on `wasm_bindgen_futures::spawn_local`).
//! - `#[tokio::main]` → the browser's event loop: a run's `main` is spawned when you press Run.
//! - `println!` writes to the run's log, stamped with the measured time.
//! - `named("…", f)` wraps a future so the timeline can show its life; it changes nothing else.

pub mod blocking;
pub mod join;
pub mod lazy;
pub mod many;
pub mod no_await;
pub mod select;
pub mod sleep;

use crate::clock::Speed;
use futures::future::LocalBoxFuture;
use std::fmt;
use std::time::Duration;

pub use crate::run::{named, spawn_local};

/// A wait in the lesson: how long the tutorial says (`ms`, printed as "3s"), and how long it really
/// lasts at the chosen speed (`real`, what the timer is set to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    /// Lesson time, in ms.
    pub ms: u32,
    /// Real time at the run's speed.
    pub real: Duration,
}

impl Wait {
    /// A wait of `ms` lesson milliseconds at `speed`.
    pub fn new(ms: u32, speed: Speed) -> Self {
        Wait {
            ms,
            real: speed.real(ms),
        }
    }
}

/// Prints as the tutorial does: `3s`, or `2.5s`, `0.25s`. Integer arithmetic only (no float
/// formatting in wasm).
impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (secs, mut frac) = (self.ms / 1000, self.ms % 1000);
        write!(f, "{secs}")?;
        if frac != 0 {
            let mut width = 3;
            while frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
            write!(f, ".{frac:0width$}")?;
        }
        f.write_str("s")
    }
}

/// What a run was asked to do: the button's variant and the editable durations.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// `fetch_user_data`'s wait (3 s in the tutorial).
    pub user: Wait,
    /// `fetch_product_data`'s wait (1 s in the tutorial).
    pub product: Wait,
    /// The speed, for the lessons' fixed waits.
    pub speed: Speed,
}

impl Plan {
    /// A plan with the given fetch durations (lesson ms) at `speed`.
    pub fn new(user_ms: u32, product_ms: u32, speed: Speed) -> Self {
        Plan {
            user: Wait::new(user_ms, speed),
            product: Wait::new(product_ms, speed),
            speed,
        }
    }

    /// One of the lesson's fixed waits, at this plan's speed.
    pub fn wait(&self, ms: u32) -> Wait {
        Wait::new(ms, self.speed)
    }
}

/// The Run buttons, by the ids the page and tests use (`demo/variant`).
pub const VARIANTS: [&str; 12] = [
    "lazy/call",
    "lazy/await",
    "sleep/run",
    "join/join",
    "join/sequential",
    "select/select",
    "no-await/call",
    "no-await/spawn",
    "blocking/blocking",
    "blocking/sleep",
    "many/1000",
    "many/10000",
];

/// The top-level future of one variant, or `None` for an unknown id.
pub fn main_of(variant: &str, plan: Plan) -> Option<LocalBoxFuture<'static, ()>> {
    Some(match variant {
        "lazy/call" => Box::pin(lazy::main_without_await()),
        "lazy/await" => Box::pin(lazy::main_with_await()),
        "sleep/run" => Box::pin(sleep::main(plan)),
        "join/join" => Box::pin(join::main(plan)),
        "join/sequential" => Box::pin(join::main_sequential(plan)),
        "select/select" => Box::pin(select::main(plan)),
        "no-await/call" => Box::pin(no_await::main_without_await(plan)),
        "no-await/spawn" => Box::pin(no_await::main_with_spawn(plan)),
        "blocking/blocking" => Box::pin(blocking::main_blocking(plan)),
        "blocking/sleep" => Box::pin(blocking::main_sleeping(plan)),
        "many/1000" => Box::pin(many::main(plan, 1000)),
        "many/10000" => Box::pin(many::main(plan, 10_000)),
        // Not a lesson: the test-only trigger proving that a crash stays inside its own demo.
        "test/panic" => Box::pin(crash_for_tests(plan)),
        _ => return None,
    })
}

/// Panics on purpose inside a poll, after a short sleep so that it happens on the event loop (as a
/// real bug would), not inside the click handler. Only the page's `?test=panic` shows its button.
async fn crash_for_tests(plan: Plan) {
    crate::println!("About to panic on purpose.");
    gloo_timers::future::sleep(plan.wait(10).real).await;
    panic!("a deliberate panic, to test that one demo's crash leaves the others working");
}
