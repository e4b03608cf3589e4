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
//! The other rules live with what they govern, each citing Tokio's source: the coop budget of 128
//! operations per poll (`coop`), millisecond timer ticks and registration at the first poll
//! (`time`), `join!`'s rotating start ([`join`]), `select!`'s random start, disabled branches and
//! dropped losers ([`select`]), `JoinHandle`, `abort` and `yield_now` (`task`), and the channels
//! ([`mpsc`], [`oneshot`]).
//!
//! Everything here is plain Rust futures, so it is tested with ordinary `async` blocks
//! (`crate/tests/interp_rt.rs`); each Tokio scenario there was first run on real Tokio.
//!
//! ```
//! use async_playground::interp::rt::{Flavor, Limits, Rt, Turn, VirtualHost};
//! use async_playground::trace::{Event, Sink, Tracer};
//! use std::{cell::RefCell, rc::Rc};
//!
//! struct Discard;
//! impl Sink for Discard {
//!     fn event(&self, _: &Event<'_>) {}
//! }
//!
//! let host = VirtualHost::new();
//! let tracer = Tracer::new(host.clock(), Discard);
//! let rt = Rt::new(tracer, Rc::new(host.clone()), Flavor::CurrentThread, 1, Limits::default());
//! let log = Rc::new(RefCell::new(Vec::new()));
//! let (rt2, log2) = (rt.clone(), log.clone());
//! rt.block_on(Box::pin(async move {
//!     let (rt3, log3) = (rt2.clone(), log2.clone());
//!     // `tokio::spawn`: the task first runs when main awaits.
//!     let task = rt2.spawn(Box::pin(async move {
//!         rt3.sleep(1_000_000).await;
//!         log3.borrow_mut().push(format!("task at {} ms", rt3.now_us() / 1000));
//!         Ok(7)
//!     }));
//!     log2.borrow_mut().push("main keeps going".to_string());
//!     let seven = task.await.unwrap();
//!     log2.borrow_mut().push(format!("main got {seven}"));
//!     Ok(())
//! }));
//! // One turn runs until the timer; the driver jumps the clock to it, as Tokio's paused clock does.
//! assert_eq!(rt.turn(), Turn::WaitUntil(1_000_000));
//! assert_eq!(host.drive(&rt), Turn::Finished { exit_code: 0 });
//! assert_eq!(*log.borrow(), ["main keeps going", "task at 1000 ms", "main got 7"]);
//! ```

mod coop;
mod events;
mod join;
mod joinset;
pub mod mpsc;
pub mod oneshot;
mod sched;
mod select;
pub mod sync;
mod task;
mod time;

pub use coop::{consume_budget, ConsumeBudget, Unconstrained};
pub use join::{join, try_join, Join, TryJoin};
pub use joinset::{JoinNext, JoinSet, LocalSet, LocalTask};
pub use sched::{
    Flavor, Host, Limits, Rt, Stats, Turn, VirtualHost, EVENT_INTERVAL, HALT_EXIT_CODE, NO_RUNTIME,
    STOP_EXIT_CODE,
};
pub use select::{select, Branch, Rng, Select};
pub use task::{AbortHandle, JoinError, JoinHandle, Panic, YieldNow};
pub use time::{Elapsed, Interval, MissedTickBehavior, Sleep, Tick, Timeout};

use std::future::Future;
use std::pin::Pin;

/// A boxed, single-threaded future: what the evaluator hands the runtime.
pub type BoxFut<T> = Pin<Box<dyn Future<Output = T>>>;
