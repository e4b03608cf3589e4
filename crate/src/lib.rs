//! # async-playground
//!
//! The examples of the lesson *Async and Await*, re-implemented on the browser's event loop, with
//! the life of every future traced so the page can draw it.
//!
//! - [`lessons`]: one file per section of the lesson, reading like the tutorial (`lazy`, `sleep`,
//!   `join`, `select`, `no_await`, `blocking`, and `many`).
//! - [`trace`]: a future wrapper recording created / polled (pending or ready) / woken / dropped.
//! - [`run`]: one press of Run: the tasks of a run, and Stop, which drops them all at once.
//! - [`clock`]: time in integer µs and the speed factor.
//! - [`params`]: every typed-in value checked in one place, with a sentence for each rejection.
//! - `web` (wasm only): the one module that talks to JavaScript.
//!
//! Everything but `web` and the lessons' timers is browser-free and tested with `cargo test`.

#![deny(missing_docs)]

pub mod clock;
#[cfg(feature = "interp")]
pub mod interp;
pub mod lessons;
pub mod params;
pub mod run;
pub mod trace;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
mod bench;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;
