//! The only module that touches wasm-bindgen: the page calls [`start`], gets a [`RunHandle`], and
//! receives each event of the run through a callback `(kind, future, t_us, text)` the moment it
//! happens. The JavaScript side renders; it never decides timing.

use crate::clock::{Clock, Speed};
use crate::lessons::{main_of, Plan};
use crate::params;
use crate::run::{Run, Spawner};
use crate::trace::{Event, Sink, Tracer};
use futures::future::LocalBoxFuture;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

// The interpreter's wasm exports only "Your code" (below): the lessons' exports are left out of it
// (`cfg_attr` on their `wasm_bindgen`), so the linker drops the lessons from that second download. The
// lessons stay plain Rust there, for the wasm tests.
#[cfg(feature = "interp")]
mod code;
#[cfg(feature = "interp")]
pub use code::{check_code, run_code, run_code_on_event_loop, BrowserHost, CodeRunHandle};

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: present in every browser and in Node, so the same build serves both.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;

    /// The page's event callback. Typed arguments avoid a JS object per event.
    #[wasm_bindgen(
        typescript_type = "(kind: Kind, future: number, tUs: number, text: string | undefined) => void"
    )]
    pub type EventCallback;

    /// `catch`: an exception thrown by a view must not unwind through a half-polled future.
    /// `console.error`, for the panic hook.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);

    #[wasm_bindgen(method, catch, js_name = call)]
    fn emit(
        this: &EventCallback,
        this_arg: &JsValue,
        kind: u8,
        future: u32,
        t_us: f64,
        text: Option<&str>,
    ) -> Result<(), JsValue>;
}

/// The page's clock: `performance.now()` in integer µs (browser and Node alike).
pub fn browser_clock() -> Clock {
    // µs as an integer: exact enough, and no float formatting in wasm.
    Clock::new(|| (performance_now() * 1000.0) as u64)
}

struct JsSink {
    callback: EventCallback,
    /// Whether the runtime's events ([`crate::trace::Kind::is_runtime`]) are passed on: see
    /// [`start`] (the bench's switch).
    runtime: bool,
    /// The name sent with the last `Created`: a repeated name (10,000 `sleep_task`s) is sent once,
    /// and JS reuses it, saving a string decode per future.
    last_name: std::cell::RefCell<String>,
    /// The text sent with the last `Queued` (never empty): repeated (10,000 tasks woken by their
    /// timers), it is sent once, and JS reuses it, as for names.
    last_queued: std::cell::RefCell<String>,
}

/// False when the page set `globalThis.__asyncPlaygroundNoRuntimeEvents`: only `npm run bench`
/// does, to measure what the runtime's events cost a 10,000-task run (they are otherwise always on).
/// The interpreter reads it here; the lessons' [`start`] is told by its caller (web/wasm.js), which
/// keeps `js_sys::global` and `Reflect` out of the lessons' wasm (about 0.25 KB gz of the first load).
#[cfg(feature = "interp")]
fn runtime_events_wanted() -> bool {
    let key = JsValue::from_str("__asyncPlaygroundNoRuntimeEvents");
    js_sys::Reflect::get(&js_sys::global(), &key).map_or(true, |v| !v.is_truthy())
}

impl Sink for JsSink {
    fn event(&self, e: &Event<'_>) {
        if !self.runtime && e.kind.is_runtime() {
            return;
        }
        if e.kind == crate::trace::Kind::Created {
            let mut last = self.last_name.borrow_mut();
            if *last == e.text {
                let _ =
                    self.callback
                        .emit(&JsValue::NULL, e.kind as u8, e.future, e.t_us as f64, None);
                return;
            }
            last.clear();
            last.push_str(e.text);
        } else if e.kind == crate::trace::Kind::Queued {
            let mut last = self.last_queued.borrow_mut();
            if *last == e.text {
                let _ =
                    self.callback
                        .emit(&JsValue::NULL, e.kind as u8, e.future, e.t_us as f64, None);
                return;
            }
            last.clear();
            last.push_str(e.text);
        }
        // A view that throws has already reported its own error (web/ catches and logs); the run
        // must go on for the other views. Most events carry no text: pass `undefined` rather than
        // decoding an empty string each time.
        let text = (!e.text.is_empty()).then_some(e.text);
        let _ = self
            .callback
            .emit(&JsValue::NULL, e.kind as u8, e.future, e.t_us as f64, text);
    }
}

/// A run in flight. Dropping the handle does not stop the run; call [`RunHandle::stop`].
#[cfg_attr(not(feature = "interp"), wasm_bindgen)]
pub struct RunHandle(Run);

#[cfg_attr(not(feature = "interp"), wasm_bindgen)]
impl RunHandle {
    /// Drops every future of the run now (clearing their timers) and reports `Stopped`.
    pub fn stop(&self) {
        self.0.stop();
    }

    /// True once the run finished or was stopped.
    #[cfg_attr(not(feature = "interp"), wasm_bindgen(getter))]
    pub fn over(&self) -> bool {
        self.0.is_over()
    }
}

/// Installs the panic hook once. In release builds a panic aborts (a wasm trap), so the hook is the
/// last chance to say what happened: it logs the panic to the console and tells the run being polled,
/// whose demo then shows "this demo crashed — reload". Other runs and embeds keep working.
fn install_panic_hook() {
    thread_local! {
        // A plain flag rather than std::sync::Once: the page has one thread, and Once brings its
        // poisoning machinery into the wasm.
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !INSTALLED.with(|i| i.replace(true)) {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            console_error(&["async-playground: Rust panicked: ", &message].concat());
            if let Some(run) = Run::current() {
                run.tracer().crashed(&message);
            }
            #[cfg(feature = "interp")]
            if let Some(tracer) = code::current_tracer() {
                tracer.crashed(&message);
            }
        }));
    }
}

/// Starts `variant` (e.g. `"join/join"`, see [`variants`]). Durations are lesson ms and
/// `speed` is in thousandths, both already checked with [`check`]. Time 0 is this call.
/// `no_runtime_events` drops the runtime's own events ([`crate::trace::Kind::is_runtime`]) before
/// they reach `on_event`: only the benchmark sets it (left out from JS, it is false).
#[cfg_attr(not(feature = "interp"), wasm_bindgen)]
pub fn start(
    variant: &str,
    user_ms: u32,
    product_ms: u32,
    speed_milli: u32,
    on_event: EventCallback,
    no_runtime_events: bool,
) -> Result<RunHandle, String> {
    let plan = Plan::new(
        user_ms.min(params::MAX_DURATION_MS),
        product_ms.min(params::MAX_DURATION_MS),
        Speed(speed_milli.clamp(params::MIN_SPEED, params::MAX_SPEED)),
    );
    let sink = JsSink {
        callback: on_event,
        runtime: !no_runtime_events,
        last_name: Default::default(),
        last_queued: Default::default(),
    };
    run_on_event_loop(variant, plan, sink)
        .map(RunHandle)
        .ok_or_else(|| ["unknown demo variant: ", variant].concat())
}

/// Starts `variant` on the browser's (or Node's) event loop, reporting to `sink`; `None` for an
/// unknown variant. This is [`start`] without the JavaScript callback, for the wasm tests.
pub fn run_on_event_loop(variant: &str, plan: Plan, sink: impl Sink + 'static) -> Option<Run> {
    install_panic_hook();
    let main = main_of(variant, plan)?;
    let tracer = Tracer::new(browser_clock(), sink);
    let spawner: Spawner = Rc::new(spawn_budgeted);
    Some(Run::start(tracer, spawner, "main", main))
}

/// Tasks first polled in one turn of the event loop, at most. A turn is one JavaScript task: while
/// it runs, the page cannot paint or answer a click.
const SPAWN_BUDGET: usize = 1000;

thread_local! {
    /// Spawned tasks waiting for their turn, in spawn order.
    static WAITING: std::cell::RefCell<std::collections::VecDeque<LocalBoxFuture<'static, ()>>> =
        Default::default();
    /// True while [`feed`] is running (or waiting for the next turn).
    static FEEDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The page's spawner: `spawn_local`, but a turn of the event loop first-polls at most
/// [`SPAWN_BUDGET`] new tasks, and the rest wait for the next turns. The 10,000 tasks of "Tasks are
/// cheap" are then started over about ten short tasks (each well under the 50 ms a person feels as
/// a stutter), instead of one that froze the page for 60–120 ms. Tokio does the same in spirit: its
/// cooperative budget makes a task yield after 128 operations so that one busy task cannot starve
/// the others (`tokio::task::coop`). Nothing else changes: each task is still spawned when `main`
/// spawns it (its `Created` is reported then), and Stop still drops the waiting ones (reported as
/// never polled; their drivers then finish at once).
fn spawn_budgeted(task: LocalBoxFuture<'static, ()>) {
    WAITING.with(|w| w.borrow_mut().push_back(task));
    if !FEEDING.with(|f| f.replace(true)) {
        wasm_bindgen_futures::spawn_local(feed());
    }
}

/// Hands waiting tasks to `spawn_local`, [`SPAWN_BUDGET`] per turn of the event loop.
async fn feed() {
    loop {
        for _ in 0..SPAWN_BUDGET {
            match WAITING.with(|w| w.borrow_mut().pop_front()) {
                Some(task) => wasm_bindgen_futures::spawn_local(task),
                None => {
                    FEEDING.with(|f| f.set(false));
                    return;
                }
            }
        }
        // A zero-delay timer ends this turn: the page paints and handles input before the next batch.
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

/// The ids of every Run button, space-separated, in page order (`lessons::VARIANTS`). The page's
/// own list (`web/demos.js`) is checked against it by `tests/facts.spec.js`. Not exported by the
/// interpreter's wasm: its function pointers would carry every lesson into that download.
#[cfg_attr(not(feature = "interp"), wasm_bindgen)]
pub fn variants() -> String {
    let mut ids = String::new();
    for v in crate::lessons::VARIANTS {
        if !ids.is_empty() {
            ids.push(' ');
        }
        ids.push_str(v.id);
    }
    ids
}

/// Checks one typed-in value: `name` is `user`, `product`, `speed` or `demo`. Returns the value
/// (ms; speed in thousandths; demo as its index) or throws the sentence to show the person.
#[cfg_attr(not(feature = "interp"), wasm_bindgen)]
pub fn check(name: &str, value: &str) -> Result<u32, String> {
    let result = match name {
        "speed" => params::parse_speed(value).map(|s| s.0),
        "demo" => params::parse_demo(value).map(|i| i as u32),
        _ => params::parse_duration(name, value),
    };
    result.map_err(|e| e.message())
}
