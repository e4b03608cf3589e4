//! A run: one press of a Run button. Browser-free.
//!
//! A run owns its tasks (the lesson's `main` and anything it spawns). Stopping a run drops every one
//! of their futures *at once*, inside the click handler: a dropped gloo `TimeoutFuture` clears its
//! `setTimeout`, so cancellation is real rather than a flag checked later, and no line of an old run
//! can arrive after a new one started.

use crate::clock::Clock;
use crate::trace::{Kind, Traced, Tracer};
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// Hands a task's driver to the executor: `wasm_bindgen_futures::spawn_local` in the page, a
/// `LocalPool` in native tests.
pub type Spawner = Rc<dyn Fn(LocalBoxFuture<'static, ()>)>;

/// A handle on a run. Cheap to clone.
#[derive(Clone)]
pub struct Run(Rc<RunInner>);

struct RunInner {
    tracer: Tracer,
    spawner: Spawner,
    /// Weak: a finished task frees itself with its driver, so finishing costs nothing here (no O(n)
    /// removal, which would make a 10,000-task run quadratic). Stop upgrades what is still alive.
    tasks: RefCell<Vec<Weak<Task>>>,
    unfinished: Cell<usize>,
    stopped: Cell<bool>,
    /// The next task key (1 = `main`) for the runtime's events ([`Kind::Taken`]).
    next_key: Cell<u32>,
    /// Tasks in wasm-bindgen-futures' queue as far as the tracer sees it: spawned and not yet
    /// polled, or woken since their last poll. Shared with the wakers, which must be `Send`.
    queued: Arc<AtomicUsize>,
}

/// Watches the waker that wasm-bindgen-futures hands a task: its first wake since the last poll is
/// when the task was pushed on that queue (`Task::wake` queues a task once until it runs). Like the
/// tracer's own probe, it keeps the time and who woke it, reported at the task's next poll.
struct QueueProbe {
    clock: Clock,
    woken_at: AtomicU64,
    /// The key of the task whose poll was on the stack when it was woken, or [`NO_TASK`].
    by: AtomicU32,
    queued: Arc<AtomicUsize>,
    inner: Mutex<Option<Waker>>,
}

const NOT_WOKEN: u64 = u64::MAX;
const NO_TASK: u32 = 0;

thread_local! {
    /// The key of the lesson task being polled (0: none): who woke a task.
    static POLLING: Cell<u32> = const { Cell::new(NO_TASK) };
}

impl Wake for QueueProbe {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let now = self.clock.now_us();
        if self
            .woken_at
            .compare_exchange(NOT_WOKEN, now, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            self.by.store(POLLING.with(Cell::get), Ordering::SeqCst);
            self.queued.fetch_add(1, Ordering::SeqCst);
        }
        if let Some(w) = self.inner.lock().ok().and_then(|g| g.clone()) {
            w.wake();
        }
    }
}

/// One spawned future, held so that [`Run::stop`] can drop it from outside its executor.
struct Task {
    future: RefCell<Option<LocalBoxFuture<'static, ()>>>,
    waker: RefCell<Option<Waker>>,
    /// Its key in the runtime's events.
    key: u32,
    probe: Arc<QueueProbe>,
    /// True while its poll is on the stack. Still true later only if that poll never returned: a
    /// panic trapped the wasm mid-poll, and the executor's own task is left borrowed for good.
    in_poll: Cell<bool>,
}

thread_local! {
    /// The run whose task is being polled, so that `println!` and `spawn_local` inside a lesson reach
    /// it without threading a context through the tutorial's function signatures.
    static CURRENT: RefCell<Option<Run>> = const { RefCell::new(None) };
}

impl Run {
    /// Starts a run whose top-level future is `main`, traced under `name`.
    pub fn start<F>(tracer: Tracer, spawner: Spawner, name: &str, main: F) -> Run
    where
        F: Future<Output = ()> + 'static,
    {
        let run = Run(Rc::new(RunInner {
            tracer,
            spawner,
            tasks: RefCell::new(Vec::new()),
            unfinished: Cell::new(0),
            stopped: Cell::new(false),
            next_key: Cell::new(1),
            queued: Arc::new(AtomicUsize::new(0)),
        }));
        run.spawn(name, main);
        run
    }

    /// The run whose task is being polled right now, if any.
    pub fn current() -> Option<Run> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// This run's tracer.
    pub fn tracer(&self) -> &Tracer {
        &self.0.tracer
    }

    /// Spawns `future` as a new task of this run, traced under `name`.
    pub fn spawn<F>(&self, name: &str, future: F)
    where
        F: Future<Output = ()> + 'static,
    {
        self.spawn_traced(self.0.tracer.trace(name, future));
    }

    /// Spawns an already traced future as a new task of this run.
    pub fn spawn_traced<F>(&self, future: Traced<F>)
    where
        F: Future<Output = ()> + 'static,
    {
        if self.0.stopped.get() {
            return; // Dropping `future` here reports it "never polled", which is the truth.
        }
        let inner = &self.0;
        let key = inner.next_key.get();
        inner.next_key.set(key + 1);
        let probe = Arc::new(QueueProbe {
            clock: inner.tracer.clock().clone(),
            woken_at: AtomicU64::new(NOT_WOKEN),
            by: AtomicU32::new(NO_TASK),
            queued: inner.queued.clone(),
            inner: Mutex::new(None),
        });
        let task = Rc::new(Task {
            future: RefCell::new(Some(Box::pin(future))),
            waker: RefCell::new(None),
            key,
            probe,
            in_poll: Cell::new(false),
        });
        // spawn_local pushes it on wasm-bindgen-futures' queue now.
        inner.queued.fetch_add(1, Ordering::SeqCst);
        let by = match POLLING.with(Cell::get) {
            NO_TASK => "start".to_owned(),
            k => format!("spawn {k}"),
        };
        inner.tracer.runtime(Kind::Queued, key, &by);
        self.0.tasks.borrow_mut().push(Rc::downgrade(&task));
        self.0.unfinished.set(self.0.unfinished.get() + 1);
        (self.0.spawner)(Box::pin(Driver {
            run: self.clone(),
            task,
        }));
    }

    /// True once every task finished or the run was stopped.
    pub fn is_over(&self) -> bool {
        self.0.stopped.get() || self.0.unfinished.get() == 0
    }

    /// Drops every unfinished future of this run now, then reports [`Kind::Stopped`].
    /// Does nothing if the run is already over.
    pub fn stop(&self) {
        if self.is_over() {
            return;
        }
        self.0.stopped.set(true);
        let tasks = self.0.tasks.take();
        for task in tasks.iter().filter_map(Weak::upgrade) {
            // Take the future out before dropping it: its Drop reports events, and nothing may be
            // borrowed while it does.
            let future = task.future.borrow_mut().take();
            drop(future);
            // Let the executor finish the now-empty driver, so it frees its own allocation; but never
            // wake a task that crashed mid-poll: polling it again would only panic again.
            let waker = task.waker.borrow_mut().take();
            if let Some(w) = waker.filter(|_| !task.in_poll.get()) {
                w.wake();
            }
        }
        self.0.unfinished.set(0);
        // After a panic the crashed task never got to restore CURRENT; don't leave it pointing here.
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.as_ref().is_some_and(|r| Rc::ptr_eq(&r.0, &self.0)) {
                *c = None;
            }
        });
        self.0.tracer.emit(Kind::Stopped);
    }
}

/// Polls one task of a run with the run set as [`Run::current`].
struct Driver {
    run: Run,
    task: Rc<Task>,
}

impl Future for Driver {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(mut future) = self.task.future.borrow_mut().take() else {
            return Poll::Ready(()); // stopped
        };
        let outer = CURRENT.with(|c| c.replace(Some(self.run.clone())));
        let (tracer, task) = (&self.run.0.tracer, &self.task);
        let probe = &task.probe;
        let woken_at = probe.woken_at.swap(NOT_WOKEN, Ordering::SeqCst);
        if woken_at != NOT_WOKEN {
            // Outside any poll, only a browser callback can wake a lesson's task: its timer's.
            let by = match probe.by.load(Ordering::SeqCst) {
                NO_TASK => "timer".to_owned(),
                k if k == task.key => "self".to_owned(),
                k => format!("task {k}"),
            };
            tracer.runtime_at(woken_at, Kind::Queued, task.key, &by);
        }
        if let Ok(mut slot) = probe.inner.lock() {
            if !slot.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *slot = Some(cx.waker().clone());
            }
        }
        self.run.0.queued.fetch_sub(1, Ordering::SeqCst);
        tracer.runtime(Kind::Taken, task.key, "");
        let waker = Waker::from(probe.clone());
        let outer_key = POLLING.with(|p| p.replace(task.key));
        self.task.in_poll.set(true);
        let result = future.as_mut().poll(&mut Context::from_waker(&waker));
        self.task.in_poll.set(false);
        POLLING.with(|p| p.set(outer_key));
        CURRENT.with(|c| *c.borrow_mut() = outer);
        // Nothing left in the queue: wasm-bindgen-futures hands the thread back to the browser,
        // which sleeps until a timer (or another event) fires. The tracer cannot see when.
        let idle = self.run.0.queued.load(Ordering::SeqCst) == 0;
        if result.is_pending() {
            *self.task.future.borrow_mut() = Some(future);
            *self.task.waker.borrow_mut() = Some(cx.waker().clone());
            if idle {
                self.run.0.tracer.runtime(Kind::Parked, 0, "");
            }
            return Poll::Pending;
        }
        // Finished: drop it now (reporting "dropped"), as wasm-bindgen-futures does with a finished task.
        drop(future);
        let inner = &self.run.0;
        let left = inner.unfinished.get().saturating_sub(1);
        inner.unfinished.set(left);
        if left == 0 && !inner.stopped.get() {
            inner.tracer.emit(Kind::Done);
        } else if idle && !inner.stopped.get() {
            inner.tracer.runtime(Kind::Parked, 0, "");
        }
        Poll::Ready(())
    }
}

/// Prints a line to the current run's log. Used by the lessons' `println!`; outside a run it does
/// nothing, so lesson code can be called from anywhere without panicking.
pub fn say(text: &str) {
    if let Some(run) = Run::current() {
        run.tracer().line(text);
    }
}

/// Wraps `future` so that its life shows on the current run's timeline under `name`.
/// Outside a run there is nothing to report to; the future is returned in a tracer-less run.
pub fn named<F: Future>(name: &str, future: F) -> Traced<F> {
    match Run::current() {
        Some(run) => run.tracer().trace(name, future),
        None => {
            crate::trace::Tracer::new(crate::clock::Clock::new(|| 0), Discard).trace(name, future)
        }
    }
}

struct Discard;
impl crate::trace::Sink for Discard {
    fn event(&self, _: &crate::trace::Event<'_>) {}
}

/// The lessons' `tokio::spawn`: hands `future` to the event loop as a task of the current run, so
/// Stop cancels it too. In the page the task runs on `wasm_bindgen_futures::spawn_local`.
pub fn spawn_local<F>(future: Traced<F>)
where
    F: Future<Output = ()> + 'static,
{
    if let Some(run) = Run::current() {
        run.spawn_traced(future);
    }
}

/// The lessons' `println!`: formats like `std::println!` and writes the line to the run's log,
/// stamped with the measured time, instead of to stdout.
#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::run::say(&::std::format!($($arg)*))
    };
}

/// Milliseconds since the current run started (0 outside a run). The blocking lesson spins on it.
pub fn elapsed_ms() -> u64 {
    Run::current().map_or(0, |run| run.tracer().elapsed_us() / 1000)
}
