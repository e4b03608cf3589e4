//! Watching a future live. Browser-free.
//!
//! [`Traced`] wraps a future and reports its life to a [`Tracer`]: created, each poll and what it
//! returned, each wake, and how it was dropped. This is what the timeline draws. The wrapper changes
//! nothing about how the future runs: it polls the inner future with a waker that notes the time it
//! fired and then wakes the real one.

use crate::clock::Clock;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// What happened to a future (or to the run), in the order a run reports them.
///
/// The numbers are the wire format to JavaScript. In wasm builds the enum is exported through
/// wasm-bindgen, so the page imports `Kind` from the generated glue (`web/model.js`) instead of
/// copying the numbers.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// The future was created: its `async fn` was called. `text` is its name.
    Created = 0,
    /// The executor started polling it.
    Poll = 1,
    /// The poll returned `Poll::Pending`: it is waiting and has handed its waker on.
    Pending = 2,
    /// The poll returned `Poll::Ready`: it finished.
    Ready = 3,
    /// Its waker was called: what it waited for happened, so it asks to be polled again.
    Woken = 4,
    /// Dropped without ever being polled: its body never ran.
    DroppedNeverPolled = 5,
    /// Dropped while still pending: cancelled mid-way (its timers are cleared by their own `Drop`).
    DroppedPending = 6,
    /// Dropped after it finished: the normal end.
    Dropped = 7,
    /// The lesson printed a line. `future` is the future whose poll printed it.
    Line = 8,
    /// Every task of the run has finished.
    Done = 9,
    /// The run was stopped (Stop, or Run pressed again): all its futures were dropped.
    Stopped = 10,
    /// Rust panicked while polling this run. `text` is the panic message. Nothing more will come.
    Crashed = 11,
    /// The program printed a line to stderr (`eprintln!`, a panic message). `future` as for `Line`.
    Stderr = 12,
    /// A sentence from the playground itself, not from the program: the runtime shutting down and
    /// dropping tasks, a limit that stopped the run, a difference from Tokio. `text` is the sentence.
    Note = 13,
    // The runtime's own decisions (the executor lane and the queue panel). For these `future` is a
    // *task key*, not a future: the interpreter's Tokio task id (0 = `main`, the `block_on`
    // future), or for the lessons the id of the task's traced top future. The `Poll` that follows a
    // `Taken` is the task's top future, which names the task. Times and texts are integers in
    // decimal (µs since the run started), so a run file stays plain JSON.
    /// The runtime took task `future` to poll it. `text`: where from: empty for the run queue (Tokio's
    /// local queue, or wasm-bindgen-futures' queue for the lessons), `block_on` for `main`'s own
    /// "woken" flag (Tokio polls the `block_on` future outside the queue).
    Taken = 14,
    /// Task `future` was woken and pushed on the run queue (or, for `main`, its flag set). `text`
    /// says by whom: `spawn K` (spawned while task K was polled), `start` (a lesson's `main`,
    /// spawned when Run is pressed), `timer`, `yield` (it yielded, and
    /// the runtime wakes it after the next park), `self`, `task K` (woken during task K's poll),
    /// optionally followed by what carried the wake: `task 3 channel`, `task 0 lock`, `task 2 join`;
    /// `outside` when woken outside every poll and timer. Never empty: the page's sink sends a
    /// repeated text once (`web.rs`).
    Queued = 15,
    /// A timer was registered during task `future`'s poll. `text`: `DEADLINE N WAIT`: its deadline
    /// (µs on the run's clock, as event times), its number, and the program time it waits from
    /// when `sleep` was called (µs; what was asked, rounded up to Tokio's millisecond tick).
    Armed = 16,
    /// A timer of task `future` was dropped before it fired (a `select!` loser, a `timeout` that
    /// finished in time). `text`: `DEADLINE N`, as for [`Kind::Armed`].
    Disarmed = 17,
    /// The timer driver fired the timers due now. `text`: how many (earliest deadline first).
    Fired = 18,
    /// Nothing is ready: the runtime parks (sleeps) until the next timer. `text`: that deadline (µs
    /// on the run's clock), or empty when no timer is armed (it waits for something outside:
    /// forever, if nothing comes).
    Parked = 19,
    /// Task `future` used up its cooperative budget in this poll: Tokio's resources now answer
    /// Pending, so it yields at its next `.await` on one of them.
    Budget = 20,
    /// The runtime shuts down and drops every task still alive. `text`: why (`main returned`,
    /// `main panicked`, `limit`).
    Shutdown = 21,
    /// A value's `Drop::drop` ran (a user `impl Drop`): `future` is the future whose poll dropped
    /// it, `text` the type's name. (22: after the runtime's kinds, 14..=21.)
    UserDrop = 22,
}

impl Kind {
    /// True for the runtime's own decisions ([`Kind::Taken`] to [`Kind::Shutdown`]), whose `future` is a task key.
    pub fn is_runtime(self) -> bool {
        (Kind::Taken as u8..=Kind::Shutdown as u8).contains(&(self as u8))
    }
}

/// One record of a run's log.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    /// µs since the run started, measured by the run's [`Clock`].
    pub t_us: u64,
    /// What happened.
    pub kind: Kind,
    /// Which future (ids start at 1; 0 is the run itself).
    pub future: u32,
    /// The name for [`Kind::Created`], the printed text for [`Kind::Line`], else empty.
    pub text: &'a str,
}

/// Where a run's events go: the page's views, or a `Vec` in tests.
pub trait Sink {
    /// Receives each event the moment it happens.
    fn event(&self, event: &Event<'_>);
}

/// Collects a run's events for one run and hands out ids. Cheap to clone (an `Rc`).
///
/// ```
/// use async_playground::clock::VirtualClock;
/// use async_playground::trace::{Event, Kind, Sink, Tracer};
/// use std::{cell::RefCell, rc::Rc};
///
/// #[derive(Clone, Default)]
/// struct Kinds(Rc<RefCell<Vec<Kind>>>);
/// impl Sink for Kinds {
///     fn event(&self, e: &Event<'_>) {
///         self.0.borrow_mut().push(e.kind);
///     }
/// }
///
/// let kinds = Kinds::default();
/// let tracer = Tracer::new(VirtualClock::default().clock(), kinds.clone());
/// let future = tracer.trace("my_async_task", async { "Task finished" });
/// drop(future); // never polled: its body never ran
/// assert_eq!(*kinds.0.borrow(), [Kind::Created, Kind::DroppedNeverPolled]);
///
/// let answer = futures::executor::block_on(tracer.trace("my_async_task", async { 42 }));
/// assert_eq!(answer, 42);
/// assert_eq!(
///     kinds.0.borrow()[2..],
///     [Kind::Created, Kind::Poll, Kind::Ready, Kind::Dropped]
/// );
/// ```
#[derive(Clone)]
pub struct Tracer(Rc<Inner>);

struct Inner {
    clock: Clock,
    origin_us: u64,
    sink: Box<dyn Sink>,
    next_id: Cell<u32>,
    /// The future whose poll is on the stack, so a printed line can say who printed it.
    polling: Cell<u32>,
}

impl Tracer {
    /// A tracer whose time 0 is now.
    pub fn new(clock: Clock, sink: impl Sink + 'static) -> Self {
        let origin_us = clock.now_us();
        Tracer(Rc::new(Inner {
            clock,
            origin_us,
            sink: Box::new(sink),
            next_id: Cell::new(1),
            polling: Cell::new(0),
        }))
    }

    /// µs since this tracer was made.
    pub fn elapsed_us(&self) -> u64 {
        self.since_origin(self.0.clock.now_us())
    }

    fn since_origin(&self, t_us: u64) -> u64 {
        t_us.saturating_sub(self.0.origin_us)
    }

    fn emit_at(&self, t_us: u64, kind: Kind, future: u32, text: &str) {
        self.0.sink.event(&Event {
            t_us,
            kind,
            future,
            text,
        });
    }

    /// Reports a run-level event ([`Kind::Done`], [`Kind::Stopped`]) now.
    pub fn emit(&self, kind: Kind) {
        self.emit_at(self.elapsed_us(), kind, 0, "");
    }

    /// Reports that the run crashed with `message` (from the panic hook).
    pub fn crashed(&self, message: &str) {
        self.emit_at(
            self.elapsed_us(),
            Kind::Crashed,
            self.0.polling.get(),
            message,
        );
    }

    /// Records a printed line, attributed to the future being polled.
    pub fn line(&self, text: &str) {
        self.emit_at(self.elapsed_us(), Kind::Line, self.0.polling.get(), text);
    }

    /// Records a line printed to stderr, attributed to the future being polled.
    pub fn stderr(&self, text: &str) {
        self.emit_at(self.elapsed_us(), Kind::Stderr, self.0.polling.get(), text);
    }

    /// Records that a value of type `ty` was dropped by its `Drop` impl (see [`Kind::UserDrop`]),
    /// attributed to the future being polled.
    pub fn user_drop(&self, ty: &str) {
        self.emit_at(self.elapsed_us(), Kind::UserDrop, self.0.polling.get(), ty);
    }

    /// Records a sentence from the playground itself (see [`Kind::Note`]).
    pub fn note(&self, text: &str) {
        self.emit_at(self.elapsed_us(), Kind::Note, 0, text);
    }

    /// Reports a decision of the runtime now (one of the kinds from [`Kind::Taken`] on; `task` is a
    /// task key, see there).
    pub fn runtime(&self, kind: Kind, task: u32, text: &str) {
        self.emit_at(self.elapsed_us(), kind, task, text);
    }

    /// [`Tracer::runtime`] stamped at `at_us`, a reading of this tracer's clock taken earlier (a
    /// wake seen by a waker, which cannot hold the tracer, reported at the next poll).
    pub fn runtime_at(&self, at_us: u64, kind: Kind, task: u32, text: &str) {
        self.emit_at(self.since_origin(at_us), kind, task, text);
    }

    /// The clock this tracer reads: for a waker that stamps the time it fired, to be reported with
    /// [`Tracer::runtime_at`].
    pub fn clock(&self) -> &Clock {
        &self.0.clock
    }

    /// Wraps `future` so that its life is reported under `name`. Reports [`Kind::Created`] now.
    pub fn trace<F: Future>(&self, name: &str, future: F) -> Traced<F> {
        self.trace_pinned(name, Box::pin(future))
    }

    /// [`Tracer::trace`] for a future already boxed, such as a `Pin<Box<dyn Future>>`: every
    /// future of one output type then shares one `Traced<dyn Future<..>>`, compiled once (the
    /// interpreter traces many kinds of future, each of which would otherwise be a copy).
    pub fn trace_pinned<F: Future + ?Sized>(&self, name: &str, future: Pin<Box<F>>) -> Traced<F> {
        Traced {
            core: self.watch(name),
            future,
        }
    }

    /// The non-generic part of [`Tracer::trace`], kept out of line so that each traced future type
    /// adds only a few bytes of wasm.
    fn watch(&self, name: &str) -> Watch {
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        self.emit_at(self.elapsed_us(), Kind::Created, id, name);
        Watch {
            id,
            tracer: self.clone(),
            probe: Arc::new(Probe {
                clock: self.0.clock.clone(),
                woken_at: AtomicU64::new(NOT_WOKEN),
                inner: Mutex::new(None),
            }),
            polled: false,
            done: false,
        }
    }
}

const NOT_WOKEN: u64 = u64::MAX;

/// A future whose life is being reported. Made by [`Tracer::trace`].
///
/// The inner future is boxed so the wrapper is `Unpin` and needs no unsafe pin projection; one
/// allocation per traced future is nothing next to what a future in a lesson does.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Traced<F: Future + ?Sized> {
    // Declared first so it drops first: a future's own drop is reported before its children's.
    core: Watch,
    future: Pin<Box<F>>,
}

/// Everything about a traced future except the future itself: not generic, so it is compiled once.
struct Watch {
    id: u32,
    tracer: Tracer,
    probe: Arc<Probe>,
    polled: bool,
    done: bool,
}

/// The waker handed to the inner future. Wakers must be `Send + Sync`, so it cannot hold the `Rc`
/// tracer: it stores the time it fired, and the wrapper reports it at its next poll or drop, which
/// on a single-threaded executor is the next microtask, still stamped with the real wake time.
struct Probe {
    clock: Clock,
    woken_at: AtomicU64,
    inner: Mutex<Option<Waker>>,
}

impl Wake for Probe {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Keep the first wake time if woken twice before the next poll: that is when it became ready.
        let _ = self.woken_at.compare_exchange(
            NOT_WOKEN,
            self.clock.now_us(),
            Ordering::SeqCst,
            Ordering::SeqCst,
        );
        if let Some(w) = self.inner.lock().ok().and_then(|g| g.clone()) {
            w.wake();
        }
    }
}

impl Watch {
    fn report_wake(&self) {
        let at = self.probe.woken_at.swap(NOT_WOKEN, Ordering::SeqCst);
        if at != NOT_WOKEN {
            let t = self.tracer.since_origin(at);
            self.tracer.emit_at(t, Kind::Woken, self.id, "");
        }
    }

    /// Before polling: reports a pending wake and the poll, and returns the waker to poll with.
    /// Also returns the id of the future whose poll this one is nested in, for [`Watch::end`].
    fn begin(&mut self, cx: &Context<'_>) -> (Waker, u32) {
        self.report_wake();
        if let Ok(mut slot) = self.probe.inner.lock() {
            if !slot.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *slot = Some(cx.waker().clone());
            }
        }
        let tracer = &self.tracer;
        tracer.emit_at(tracer.elapsed_us(), Kind::Poll, self.id, "");
        self.polled = true;
        let outer = tracer.0.polling.replace(self.id);
        (Waker::from(self.probe.clone()), outer)
    }

    /// After polling: reports what the poll returned.
    fn end(&mut self, ready: bool, outer: u32) {
        let tracer = &self.tracer;
        tracer.0.polling.set(outer);
        self.done = ready;
        let kind = if ready { Kind::Ready } else { Kind::Pending };
        tracer.emit_at(tracer.elapsed_us(), kind, self.id, "");
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.report_wake();
        let kind = match (self.polled, self.done) {
            (false, _) => Kind::DroppedNeverPolled,
            (true, false) => Kind::DroppedPending,
            (true, true) => Kind::Dropped,
        };
        self.tracer
            .emit_at(self.tracer.elapsed_us(), kind, self.id, "");
    }
}

impl<F: Future + ?Sized> Traced<F> {
    /// The id this future's events carry.
    pub fn id(&self) -> u32 {
        self.core.id
    }
}

impl<F: Future + ?Sized> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let (waker, outer) = this.core.begin(cx);
        let result = this.future.as_mut().poll(&mut Context::from_waker(&waker));
        this.core.end(result.is_ready(), outer);
        result
    }
}
