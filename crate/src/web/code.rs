//! "Your code" in the browser: the interpreter's wasm glue (feature `interp`, so only the second,
//! lazily loaded wasm carries it).
//!
//! [`check_code`] lints the editor's text; [`run_code`] starts a program and drives
//! [`interp::Session::turn`] from the browser's event loop:
//! - [`Turn::Again`]: more work is ready, but the page must get a chance to draw and handle clicks
//!   first, so the next turn is a new macrotask. A `MessageChannel` message rather than
//!   `setTimeout(0)`: browsers clamp nested zero timeouts to 4 ms (HTML's timer nesting rule), which
//!   would slow a busy program by a third.
//! - [`Turn::WaitUntil`]: nothing is ready before a timer; one `setTimeout` for that deadline, in real
//!   ms at the run's speed.
//! - [`Turn::Finished`] / [`Turn::Stalled`]: the run is over.
//!
//! Stop (or dropping the handle) drops the session, clears the pending timer and closes the channel:
//! cancellation is real, as for the lessons.

use super::{browser_clock, performance_now, runtime_events_wanted, EventCallback, JsSink};
use crate::interp::{self, Diagnostic, Host, Level, Session, Turn};
use crate::trace::Tracer;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `MessageChannel`: present in browsers and in Node, so the wasm tests run the same driver.
    type MessageChannel;
    #[wasm_bindgen(constructor)]
    fn new() -> MessageChannel;
    #[wasm_bindgen(method, getter)]
    fn port1(this: &MessageChannel) -> MessagePort;
    #[wasm_bindgen(method, getter)]
    fn port2(this: &MessageChannel) -> MessagePort;

    type MessagePort;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &MessagePort, handler: Option<&js_sys::Function>);
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &MessagePort, message: &JsValue);
    #[wasm_bindgen(method)]
    fn close(this: &MessagePort);
}

thread_local! {
    /// The tracer of the run whose turn is on the stack, for the panic hook: a bug in the interpreter
    /// traps the wasm, and this is the run that should say so.
    static CURRENT: RefCell<Option<Tracer>> = const { RefCell::new(None) };
}

/// The tracer of the interpreted run being driven right now, if any (read by the panic hook).
pub(super) fn current_tracer() -> Option<Tracer> {
    CURRENT.with(|c| c.borrow().clone())
}

/// The interpreter's surroundings in a browser: program time is `performance.now()` since the program
/// started, scaled by the speed; `std::thread::sleep` really blocks.
pub struct BrowserHost {
    /// Set by the first reading (the runtime's start, after the source was parsed), so that parsing
    /// a long program does not count as time the program ran.
    origin_ms: Cell<Option<f64>>,
    speed_milli: u32,
}

impl BrowserHost {
    /// Program time runs `speed_milli / 1000` times as fast as real time, from the first reading.
    pub fn new(speed_milli: u32) -> Self {
        BrowserHost {
            origin_ms: Cell::new(None),
            speed_milli,
        }
    }

    /// Real milliseconds until program time `at_us`, rounded up so a timer never fires early.
    fn real_ms_until(&self, at_us: u64) -> u32 {
        let program_us = at_us.saturating_sub(self.now_us()) as f64;
        // program µs → real ms: × 1000 / speed_milli (µs) then / 1000 (ms).
        (program_us / self.speed_milli as f64)
            .ceil()
            .min(i32::MAX as f64) as u32
    }
}

impl Host for BrowserHost {
    fn now_us(&self) -> u64 {
        let now = performance_now();
        let origin = self.origin_ms.get().unwrap_or(now);
        self.origin_ms.set(Some(origin));
        // real ms × speed_milli = real µs × speed.
        ((now - origin).max(0.0) * self.speed_milli as f64) as u64
    }

    fn block(&self, us: u64) {
        // A busy-wait, on purpose: `std::thread::sleep` in async code blocks the only thread, and
        // the frozen page (no clicks, no timers, no drawing) is exactly what the lesson shows.
        let end = self.now_us().saturating_add(us);
        while self.now_us() < end {}
    }

    fn wall_us(&self) -> u64 {
        // Unscaled: the interpreter's guards measure how long the page is really frozen.
        (performance_now() * 1000.0) as u64
    }

    fn real_us(&self, program_us: u64) -> u64 {
        program_us.saturating_mul(1000) / u64::from(self.speed_milli.max(1))
    }
}

/// One interpreted run being driven by the event loop.
struct Driver {
    session: Session,
    tracer: Tracer,
    host: Rc<BrowserHost>,
    /// The next turn after a [`Turn::WaitUntil`]; dropping it clears the `setTimeout`.
    timer: RefCell<Option<Timeout>>,
    /// The next turn after a [`Turn::Again`]: a message posted on `channel.port2`.
    channel: MessageChannel,
    on_message: RefCell<Option<Closure<dyn FnMut()>>>,
    over: Cell<bool>,
    /// A turn is on the stack: a Stop requested from inside it (an event callback) waits until the
    /// turn returns, so the interpreter is never re-entered.
    turning: Cell<bool>,
    stop_requested: Cell<bool>,
}

impl Driver {
    fn pump(self: &Rc<Self>) {
        if self.over.get() {
            return;
        }
        self.turning.set(true);
        let outer = CURRENT.with(|c| c.replace(Some(self.tracer.clone())));
        let turn = self.session.turn();
        CURRENT.with(|c| *c.borrow_mut() = outer);
        self.turning.set(false);
        if self.stop_requested.get() {
            self.stop();
            return;
        }
        match turn {
            Turn::Again => self.channel.port2().post_message(&JsValue::UNDEFINED),
            Turn::WaitUntil(at_us) => {
                let weak = Rc::downgrade(self);
                let ms = self.host.real_ms_until(at_us);
                *self.timer.borrow_mut() = Some(Timeout::new(ms, move || wake(&weak)));
            }
            Turn::Finished { .. } => self.release(),
            Turn::Stalled => {
                self.tracer.note(STALLED);
                self.release();
                // Nothing can ever wake the remaining tasks: drop them, as Stop would, so their
                // timeline rows end and the run is over.
                self.session.stop();
            }
        }
    }

    fn stop(&self) {
        if self.turning.get() {
            self.stop_requested.set(true);
            return;
        }
        if self.over.get() {
            return;
        }
        self.release();
        self.session.stop();
    }

    /// Marks the run over and lets go of the event loop: no timer, no channel handler.
    fn release(&self) {
        self.over.set(true);
        self.timer.borrow_mut().take();
        self.channel.port1().set_onmessage(None);
        // Closed ports let Node exit (an open port with a handler keeps its event loop alive).
        self.channel.port1().close();
        self.channel.port2().close();
    }
}

/// Said when a program waits for something that can never happen.
const STALLED: &str =
    "Every task is waiting for something that can never happen (no timer is set and \
nothing can wake them): under Tokio this program would hang forever. The playground stops it here.";

fn wake(weak: &Weak<Driver>) {
    if let Some(driver) = weak.upgrade() {
        driver.pump();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.over.get() {
            self.release();
            self.session.stop();
        }
    }
}

/// An interpreted run in flight. Stop it with [`CodeRunHandle::stop`]; freeing the handle also stops
/// it (the run lives exactly as long as its handle).
#[wasm_bindgen]
pub struct CodeRunHandle(Rc<Driver>);

#[wasm_bindgen]
impl CodeRunHandle {
    /// Drops every task of the run now (clearing its timers) and reports `Stopped`.
    pub fn stop(&self) {
        self.0.stop();
    }

    /// True once the program ended or was stopped.
    #[wasm_bindgen(getter)]
    pub fn over(&self) -> bool {
        self.0.over.get()
    }
}

/// Starts `source` on the browser's (or Node's) event loop, reporting to `tracer`: what
/// [`run_code`] does, without JavaScript values, for the wasm tests.
pub fn run_code_on_event_loop(
    source: &str,
    speed_milli: u32,
    seed: u64,
    tracer: Tracer,
) -> Result<CodeRunHandle, Vec<Diagnostic>> {
    super::install_panic_hook();
    let host = Rc::new(BrowserHost::new(
        speed_milli.clamp(crate::params::MIN_SPEED, crate::params::MAX_SPEED),
    ));
    let outer = CURRENT.with(|c| c.replace(Some(tracer.clone())));
    let started = interp::start(source, tracer.clone(), host.clone(), seed);
    CURRENT.with(|c| *c.borrow_mut() = outer);
    let session = started?;
    let driver = Rc::new(Driver {
        session,
        tracer,
        host,
        timer: RefCell::new(None),
        channel: MessageChannel::new(),
        on_message: RefCell::new(None),
        over: Cell::new(false),
        turning: Cell::new(false),
        stop_requested: Cell::new(false),
    });
    let weak = Rc::downgrade(&driver);
    let handler = Closure::<dyn FnMut()>::new(move || wake(&weak));
    driver
        .channel
        .port1()
        .set_onmessage(Some(handler.as_ref().unchecked_ref()));
    *driver.on_message.borrow_mut() = Some(handler);
    // The first turn runs in this call (the click that pressed Run), like a lesson's first poll.
    driver.pump();
    Ok(CodeRunHandle(driver))
}

/// Interprets `source`, a Tokio program. `speed_milli` scales program time (1000 = real time);
/// `seed` picks `select!`'s random branches. Each event goes to `on_event` as
/// `(kind, future, tUs, text)`, as for the lessons. If the program cannot run, throws its
/// diagnostics (the same objects as [`check_code`]).
#[wasm_bindgen]
pub fn run_code(
    source: &str,
    speed_milli: u32,
    seed: u32,
    on_event: EventCallback,
) -> Result<CodeRunHandle, JsValue> {
    let sink = JsSink {
        callback: on_event,
        runtime: runtime_events_wanted(),
        last_name: Default::default(),
        last_queued: Default::default(),
    };
    let tracer = Tracer::new(browser_clock(), sink);
    run_code_on_event_loop(source, speed_milli, u64::from(seed), tracer)
        .map_err(|diagnostics| to_js(source, &diagnostics).into())
}

/// The errors and warnings of `source`, without running it: an array of
/// `{ level: "error" | "warning", message, line, column, endLine, endColumn, rendered }`. Lines and
/// columns are 1-based, columns count characters (as rustc does), the end is exclusive, and
/// `rendered` is rustc's text (`error: …`, ` --> main.rs:L:C`, the line, a caret, the notes).
#[wasm_bindgen(
    unchecked_return_type = "{ level: 'error' | 'warning', code: string | undefined, message: string, line: number, column: number, endLine: number, endColumn: number, rendered: string }[]"
)]
pub fn check_code(source: &str) -> js_sys::Array {
    to_js(source, &interp::check(source))
}

fn to_js(source: &str, diagnostics: &[Diagnostic]) -> js_sys::Array {
    diagnostics
        .iter()
        .map(|d| {
            let o = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
            };
            let level = match d.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            set("level", level.into());
            // rustc's code ("E0382") for the errors the checker shares with rustc.
            if let Some(code) = d.code() {
                set("code", code.into());
            }
            set("message", d.message.as_str().into());
            set("line", d.line.into());
            set("column", d.column.into());
            set("endLine", d.end_line.into());
            set("endColumn", d.end_column.into());
            set("rendered", d.render(source).into());
            JsValue::from(o)
        })
        .collect()
}
