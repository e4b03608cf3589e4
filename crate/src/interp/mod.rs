//! # The "Your code" interpreter. Browser-free.
//!
//! A learner's Tokio program, run on the page's event loop with Tokio's semantics and traced like the
//! lessons. Stages:
//! - parse with `syn`, lower to the small AST of the supported subset ([`ast`], [`lower`]);
//!   diagnostics ([`diag`]) point at the source through it;
//! - rustc's teaching warnings ([`warnings`]);
//! - evaluate with async Rust ([`eval`]): every interpreted `async fn` call or `async` block is a real
//!   future, traced by [`crate::trace::Tracer`];
//! - Tokio's behaviour (scheduler, timers, shutdown, `join!`/`select!`, `spawn`, channels) lives in
//!   [`rt`], next to the evaluator and out of it;
//! - limits live in one place ([`Limits`]).
//!
//! ## The contract with the rest of the crate (web glue, oracle tests)
//!
//! ```text
//! check(source) -> Vec<Diagnostic>                      // errors and warnings, rustc style
//! start(source, tracer, host, seed) -> Result<Session, Vec<Diagnostic>>
//! Session::turn() -> Turn                               // run everything ready now
//! Session::stop()                                       // drop every task at once
//! run_virtual(source, seed) -> Result<Transcript, Vec<Diagnostic>>  // the whole run on a virtual clock
//! ```

pub mod ast;
pub mod diag;
pub mod fmt;
pub mod limits;
pub mod lower;
pub mod rt;
pub mod value;
pub mod warnings;

pub use diag::{Diagnostic, Level, Span};
pub use limits::Limits;

pub use rt::{Host, Turn};

/// Errors and warnings for `source`, without running it (the editor's lint).
pub fn check(source: &str) -> Vec<Diagnostic> {
    match lower::lower(source, &Limits::default()) {
        Ok(program) => warnings::warnings(&program),
        Err(errors) => errors,
    }
}
