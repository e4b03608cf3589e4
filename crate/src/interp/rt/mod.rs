//! Tokio's behaviour on one thread, generic over the value type: see the module docs of
//! [`crate::interp`].
//!
//! [`Rt`] mimics Tokio's `current_thread` scheduler (`tokio/src/runtime/scheduler/current_thread/mod.rs`
//! in tokio 1.54), one step at a time so that the page's event loop stays free between steps:
//!
//! 1. the `block_on` future (`main`) is polled first whenever it was woken;
//! 2. then up to [`EVENT_INTERVAL`] tasks are taken from the FIFO run queue and polled;
//! 3. when the queue is empty (or after [`EVENT_INTERVAL`] tasks) the runtime "parks": it fires every
//!    due timer, in deadline order then registration order, and only *then* wakes the tasks that
//!    called `yield_now` (Tokio's `defer` list, last in first out); then back to 1.
//!
//! Where Tokio would block in step 3 (nothing ready, the next timer in the future), [`Rt::turn`]
//! returns [`Turn::WaitUntil`] instead, and the caller comes back at that time: the browser with a
//! `setTimeout`, [`VirtualHost::drive`] by moving its clock there, exactly like Tokio's paused clock
//! (`start_paused = true`) auto-advances.
//!
//! Tokio's default multi-thread flavor is emulated with the same single-threaded rules: the browser
//! has one thread, and the oracle compares against programs run on `current_thread`, whose order is
//! deterministic. [`Flavor`] is kept so that the evaluator can name the panicking thread as Tokio does.
//!
//! Everything here is plain Rust futures, so it is tested with ordinary `async` blocks
//! (`crate/tests/interp_rt.rs`), each scenario checked first against real Tokio.

mod coop;
mod join;
pub mod mpsc;
pub mod oneshot;
mod sched;
mod select;
mod task;
mod time;

pub use join::{join, try_join, Join, TryJoin};
pub use sched::{
    Flavor, Host, Limits, Rt, Turn, VirtualHost, EVENT_INTERVAL, HALT_EXIT_CODE, NO_RUNTIME,
    STOP_EXIT_CODE,
};
pub use select::{select, Branch, Rng, Select};
pub use task::{JoinError, JoinHandle, Panic, YieldNow};
pub use time::{Elapsed, Interval, Sleep, Tick, Timeout};

use std::future::Future;
use std::pin::Pin;

/// A boxed, single-threaded future: what the evaluator hands the runtime.
pub type BoxFut<T> = Pin<Box<dyn Future<Output = T>>>;
