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

/// One Run button of the page: its id (`demo/variant`) and the lesson's `main` it runs.
///
/// [`VARIANTS`] is the Rust half of each demo's facts; the page's half (labels, predicted durations,
/// "What just happened?") is `web/demos.js`, and `tests/facts.spec.js` fails when the two disagree.
#[derive(Clone, Copy)]
pub struct Variant {
    /// `demo/variant`, e.g. `join/join`. The part before `/` is the demo's name in `?demo=`.
    pub id: &'static str,
    /// The top-level future of a run.
    pub main: fn(Plan) -> LocalBoxFuture<'static, ()>,
}

/// Every Run button, in page order. The demo names that `?demo=` accepts are derived from these ids
/// ([`crate::params::demo_names`]).
pub const VARIANTS: &[Variant] = &[
    Variant {
        id: "lazy/call",
        main: |_| Box::pin(lazy::main_without_await()),
    },
    Variant {
        id: "lazy/await",
        main: |_| Box::pin(lazy::main_with_await()),
    },
    Variant {
        id: "sleep/run",
        main: |p| Box::pin(sleep::main(p)),
    },
    Variant {
        id: "join/join",
        main: |p| Box::pin(join::main(p)),
    },
    Variant {
        id: "join/sequential",
        main: |p| Box::pin(join::main_sequential(p)),
    },
    Variant {
        id: "select/select",
        main: |p| Box::pin(select::main(p)),
    },
    Variant {
        id: "no-await/call",
        main: |p| Box::pin(no_await::main_without_await(p)),
    },
    Variant {
        id: "no-await/spawn",
        main: |p| Box::pin(no_await::main_with_spawn(p)),
    },
    Variant {
        id: "blocking/blocking",
        main: |p| Box::pin(blocking::main_blocking(p)),
    },
    Variant {
        id: "blocking/sleep",
        main: |p| Box::pin(blocking::main_sleeping(p)),
    },
    Variant {
        id: "many/1000",
        main: |p| Box::pin(many::main(p, 1000)),
    },
    Variant {
        id: "many/10000",
        main: |p| Box::pin(many::main(p, 10_000)),
    },
];

/// The top-level future of one variant, or `None` for an unknown id.
pub fn main_of(variant: &str, plan: Plan) -> Option<LocalBoxFuture<'static, ()>> {
    // Not a lesson, so not in VARIANTS: the test-only trigger proving that a crash stays inside
    // its own demo (the page shows its button only with `?test=panic`).
    if variant == "test/panic" {
        return Some(Box::pin(crash_for_tests(plan)));
    }
    let v = VARIANTS.iter().find(|v| v.id == variant)?;
    Some((v.main)(plan))
}

/// Panics on purpose inside a poll, after a short sleep so that it happens on the event loop (as a
/// real bug would), not inside the click handler. Only the page's `?test=panic` shows its button.
async fn crash_for_tests(plan: Plan) {
    crate::println!("About to panic on purpose.");
    gloo_timers::future::sleep(plan.wait(10).real).await;
    panic!("a deliberate panic, to test that one demo's crash leaves the others working");
}
