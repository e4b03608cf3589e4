//! # The "Your code" interpreter. Browser-free.
//!
//! A learner's Tokio program, run on the page's event loop with Tokio's semantics and traced like the
//! lessons. Stages:
//! - parse with `syn`, lower to the small AST of the supported subset ([`ast`], [`lower`]);
//!   diagnostics ([`diag`]) point at the source through it;
//! - rustc's teaching warnings ([`warnings`]);
//! - evaluate with async Rust ([`eval`]): every interpreted `async fn` call or `async` block is a real
//!   future, traced by [`crate::trace::Tracer`];
//! - values live in places ([`mem`]): references, moves and drops as in Rust;
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

//! ## What the subset leaves out
//!
//! Named with its place when used, never silently ignored:
//! - of your own types ([`types`]): `macro_rules!`, `ref mut` patterns, calls through a type
//!   parameter of an `impl` (`T::default()` in `impl<T> W<T>`), a generic alias's associated
//!   functions (`Map::new()` for `type Map<V> = HashMap<String, V>`), and traits of std beyond
//!   the common ones (`STD_TRAITS` in `lower/impls.rs`);
//! - of std ([`stdlib`]): `Weak`, `std::cmp::Reverse`, the methods missing from the tables
//!   (`chunks_exact`, `rposition`, `BTreeMap::range`, …), `&mut v[a..b]` (a method on `v[a..b]`
//!   is fine), `f32` (it prints with its own digits), `std::fs`/`std::net`/`std::process`, and
//!   `u128` values stop at `i128::MAX`;
//! - of Tokio ([`tokio`]): `tokio_stream`, the value inside `TrySendError::Full(v)` in a
//!   pattern, `watch::Ref::has_changed`, `TaskLocalFuture::take_value`, the owned guards'
//!   `mutex()`/`rwlock()`, `tokio::runtime::{Runtime, Builder, Handle}` and
//!   `std::panic::catch_unwind`;
//! - of futures written by hand (`stdlib::task`, `eval/user_future.rs`): `std::thread::spawn`
//!   outside a `Future::poll` or with its `JoinHandle` used, `self: Box<Self>`/`Rc<Self>`,
//!   `FutureExt` beyond `boxed`/`map`/`then`/`fuse`/`now_or_never`/`poll_unpin`,
//!   `Poll<Result<..>>` with `?`, and `futures::task::Poll` by that path.
//!
//! Iterators are lazy ([`stdlib::lazy`]): `(1..).take(3)` runs, and a `map`'s closure runs when
//! its item is consumed.

pub mod ast;
pub mod check;
pub mod diag;
pub mod eval;
pub mod fmt;
mod fmt_pad;
pub mod fx;
pub mod limits;
pub mod lower;
pub mod mem;
pub mod rt;
pub mod tokio;
pub mod types;
// `std/` on disk (the name the house gives it); `stdlib` in paths, so it never shadows the real `std`.
mod sort;
mod span;
#[path = "std/mod.rs"]
pub mod stdlib;
pub mod value;
mod visit;
pub mod warnings;

pub use diag::{Diagnostic, Level, Span};
pub use limits::Limits;

pub use rt::{Host, Turn};

use crate::trace::{Event, Kind, Sink, Tracer};
use std::cell::RefCell;
use std::rc::Rc;

/// Errors and warnings for `source`, without running it (the editor's lint).
pub fn check(source: &str) -> Vec<Diagnostic> {
    // rustc's errors first: a program rustc rejects is never run, whatever else it uses.
    let judged = check::check(source, &Limits::default());
    if !judged.is_empty() {
        return judged;
    }
    match lower::lower(source, &Limits::default()) {
        Ok(program) => warnings::warnings(&program),
        Err(errors) => errors,
    }
}

/// A run in progress: the runtime and the interpreter. Cheap to clone.
#[derive(Clone)]
pub struct Session {
    rt: rt::Rt,
}

impl Session {
    /// Runs everything that is ready now (Tokio's scheduler loop: tasks, then due timers, then
    /// tasks...), until nothing is ready or a time slice (~10 ms of host time) is used up.
    pub fn turn(&self) -> Turn {
        self.rt.turn()
    }

    /// Drops every task's future now (Stop button); reports [`crate::trace::Kind::Stopped`].
    pub fn stop(&self) {
        self.rt.stop();
    }
}

/// Parses, checks and starts `source`. Errors (and the warnings with them) if it can't run; the
/// warnings of a program that runs come from [`check()`].
pub fn start(
    source: &str,
    tracer: Tracer,
    host: Rc<dyn Host>,
    seed: u64,
) -> Result<Session, Vec<Diagnostic>> {
    start_with(source, tracer, host, seed, Limits::default())
}

/// [`start`] with other limits (tests use small ones).
pub fn start_with(
    source: &str,
    tracer: Tracer,
    host: Rc<dyn Host>,
    seed: u64,
    limits: Limits,
) -> Result<Session, Vec<Diagnostic>> {
    start_inner(source, tracer, host, seed, limits, None)
}

fn start_inner(
    source: &str,
    tracer: Tracer,
    host: Rc<dyn Host>,
    seed: u64,
    limits: Limits,
    max_polls: Option<u64>,
) -> Result<Session, Vec<Diagnostic>> {
    let judged = check::check(source, &limits);
    if !judged.is_empty() {
        return Err(judged);
    }
    let program = lower::lower(source, &limits)?;
    let flavor = match program.main {
        ast::MainKind::Tokio {
            current_thread: false,
        } => rt::Flavor::MultiThread,
        _ => rt::Flavor::CurrentThread,
    };
    let rt_limits = rt::Limits {
        max_tasks: limits.max_tasks,
        max_polls,
        ..rt::Limits::default()
    };
    let rt = rt::Rt::new(tracer.clone(), host, flavor, seed, rt_limits);
    if program.main == ast::MainKind::Plain {
        rt.without_events();
    }
    let interp = eval::Interp::new(program, rt.clone(), tracer, limits);
    rt.block_on_exit(interp.main_future());
    Ok(Session { rt })
}

/// Which stream a printed line went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// `println!`, `print!`.
    Stdout,
    /// `eprintln!`, panic messages.
    Stderr,
}

/// One printed line of a [`Transcript`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranscriptLine {
    /// Program time it was printed, µs.
    pub t_us: u64,
    /// Where it went.
    pub stream: Stream,
    /// The line, without its newline.
    pub text: String,
}

/// Everything a run printed, on a virtual clock: what the oracle compares with real Tokio.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    /// stdout and stderr interleaved in the order printed.
    pub lines: Vec<TranscriptLine>,
    /// 0, or 101 if `main` panicked (1 if a limit stopped the run).
    pub exit_code: i32,
    /// rustc's warnings for the program.
    pub warnings: Vec<Diagnostic>,
    /// The playground's Note sentences.
    pub notes: Vec<String>,
    /// The program would hang forever: tasks remain that nothing can wake.
    pub stalled: bool,
}

/// The whole run on a virtual clock, instantly.
pub fn run_virtual(source: &str, seed: u64) -> Result<Transcript, Vec<Diagnostic>> {
    run_virtual_with(source, seed, Limits::default())
}

/// [`run_virtual`] with other limits.
pub fn run_virtual_with(
    source: &str,
    seed: u64,
    limits: Limits,
) -> Result<Transcript, Vec<Diagnostic>> {
    let host = rt::VirtualHost::new();
    let sink = Collect::default();
    let tracer = Tracer::new(host.clone().clock(), sink.clone());
    let max_us = limits.max_virtual_us;
    let warnings = check(source);
    let max_polls = Some(limits.max_virtual_polls);
    let session = start_inner(
        source,
        tracer.clone(),
        Rc::new(host.clone()),
        seed,
        limits.clone(),
        max_polls,
    )?;
    let (exit_code, stalled) = loop {
        match session.turn() {
            Turn::Again => {}
            Turn::WaitUntil(at) if at > max_us => {
                tracer.note(&limits.virtual_too_long());
                session.stop();
                // What `Rt::turn` reports after `stop` (a shell's code for Ctrl-C).
                break (130, false);
            }
            Turn::WaitUntil(at) => host.advance_to(at),
            Turn::Finished { exit_code } => break (exit_code, false),
            Turn::Stalled => {
                // Tokio would hang here. Dropping what is left breaks the runtime's reference
                // cycle (its tasks hold the interpreter, which holds the runtime).
                session.stop();
                break (0, true);
            }
        }
    };
    let mut t = sink.0.take();
    t.exit_code = exit_code;
    t.stalled = stalled;
    t.warnings = warnings
        .into_iter()
        .filter(|d| d.level == Level::Warning)
        .collect();
    Ok(t)
}

/// Collects a virtual run's events into a [`Transcript`].
#[derive(Clone, Default)]
struct Collect(Rc<RefCell<Transcript>>);

impl Sink for Collect {
    fn event(&self, e: &Event<'_>) {
        let mut t = self.0.borrow_mut();
        let stream = match e.kind {
            Kind::Line => Stream::Stdout,
            Kind::Stderr => Stream::Stderr,
            Kind::Note => {
                t.notes.push(e.text.to_string());
                return;
            }
            _ => return,
        };
        t.lines.push(TranscriptLine {
            t_us: e.t_us,
            stream,
            text: e.text.to_string(),
        });
    }
}
