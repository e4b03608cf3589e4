//! The scheduler: Tokio's `current_thread` `block_on` loop, cut into [`Rt::turn`]s.
//!
//! Source: `tokio/src/runtime/scheduler/current_thread/mod.rs` (tokio 1.54), `CoreGuard::block_on`,
//! `Context::park`, `Context::park_yield` and `Schedule::schedule`.

use super::task::{Header, Panic, TaskFut, TaskWaker};
use super::time::Timers;
use super::{BoxFut, JoinHandle, Rng};
use crate::clock::Clock;
use crate::trace::{Kind, Tracer};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Wake, Waker};

/// How many tasks Tokio's `current_thread` scheduler polls before it checks the timers again and
/// re-polls the `block_on` future (`Builder::event_interval`, default 61 in
/// `tokio/src/runtime/builder.rs`).
pub const EVENT_INTERVAL: u32 = 61;

/// Tokio's panic message when `tokio::spawn` (or a timer) is used outside a runtime, verbatim from
/// `tokio/src/util/error.rs` (`CONTEXT_MISSING_ERROR`).
pub const NO_RUNTIME: &str =
    "there is no reactor running, must be called from the context of a Tokio 1.x runtime";

/// What the interpreter needs from its surroundings.
pub trait Host {
    /// Program time now, µs (speed-scaled in the browser; a [`VirtualHost`] in tests).
    fn now_us(&self) -> u64;
    /// `std::thread::sleep`: really block (browser: busy-wait) or advance the virtual clock.
    fn block(&self, us: u64);
    /// Real (wall-clock) time now, µs, never speed-scaled. The guards that protect the page — a
    /// poll that never reaches an `.await`, a scheduler turn that hogs the event loop — must measure
    /// how long the tab is really frozen, whatever speed the program's clock runs at. The default,
    /// program time, is right for a virtual host, where the two clocks are the same thing.
    fn wall_us(&self) -> u64 {
        self.now_us()
    }
    /// Real µs that `program_us` of program time take (the speed); the same on a virtual host.
    /// Only for the runtime's events, whose deadlines are on the run's (real) clock.
    fn real_us(&self, program_us: u64) -> u64 {
        program_us
    }
}

/// Which Tokio runtime the program asked for (`#[tokio::main]` or
/// `#[tokio::main(flavor = "current_thread")]`).
///
/// Both run with the `current_thread` rules: the browser has one thread, and the order of a
/// multi-threaded runtime is not deterministic anyway, so the oracle compares `current_thread` runs.
/// The flavor only changes what the evaluator prints, e.g. the thread named in a spawned task's panic
/// (`tokio-runtime-worker` under the multi-thread flavor, `main` under `current_thread`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flavor {
    /// `#[tokio::main]`: Tokio's default, a multi-thread runtime.
    #[default]
    MultiThread,
    /// `#[tokio::main(flavor = "current_thread")]`.
    CurrentThread,
}

/// The runtime's limits: what keeps a learner's program from hurting the page. The evaluator owns
/// the final values (it builds them with its own limits); these defaults are sensible on their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most tasks alive at once. Spawning one more stops the run with a Note: each task is a boxed
    /// future plus its trace, and a runaway `loop { spawn(..) }` would otherwise eat the tab's memory.
    pub max_tasks: usize,
    /// How much real time (µs, [`Host::wall_us`]) one [`Rt::turn`] may use before it hands the event loop back to the
    /// page ([`Turn::Again`]), so that lines are drawn and Stop stays clickable.
    pub slice_us: u64,
    /// Most polls (of `main` or a task) in one [`Rt::turn`] before it returns [`Turn::Again`], even
    /// if the slice is not used up: on a virtual clock computation takes no time, so without this a
    /// program that never waits on a timer (`loop { yield_now().await }`) would never hand back.
    pub polls_per_turn: u32,
    /// Most polls in the whole run, if bounded: past it the run stops with a Note. `None` (the
    /// default) in the page, where Stop ends an endless program; a run on a virtual clock should
    /// set it, since there an endless `loop { yield_now().await }` never reaches a time limit.
    pub max_polls: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_tasks: 100_000,
            slice_us: 10_000,
            polls_per_turn: 10_000,
            max_polls: None,
        }
    }
}

/// What a call to [`Rt::turn`] left behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// More work is ready: call `turn` again after yielding to the event loop (setTimeout 0).
    Again,
    /// Nothing is ready until host time `at_us` (the earliest timer): call `turn` then.
    WaitUntil(u64),
    /// The program ended: `main` returned (exit code 0, or 1 for an `Err`, see [`Rt::block_on_exit`])
    /// or panicked (101), or a limit stopped it
    /// ([`HALT_EXIT_CODE`]), or Stop was pressed ([`STOP_EXIT_CODE`]). [`Kind::Done`] has already
    /// been reported (or [`Kind::Stopped`]).
    Finished {
        /// The process exit code Tokio's program would have had.
        exit_code: i32,
    },
    /// Tasks remain but nothing can ever wake them: no task is ready and no timer is set. Tokio
    /// would hang forever (e.g. `recv()` on a channel whose sender is alive but idle).
    Stalled,
}

/// Counts of what a run did so far ([`Rt::stats`]): for the page's run statistics, and for a caller
/// that must bound a run on a virtual clock, where endless work takes no time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Polls of `main` and of tasks.
    pub polls: u64,
    /// Tasks spawned.
    pub spawned: u64,
    /// Most tasks alive at once.
    pub max_live: usize,
    /// Timers that fired.
    pub timers_fired: u64,
}

/// The exit code of a run that a limit stopped (there is no Tokio equivalent; 1 is "failure").
pub const HALT_EXIT_CODE: i32 = 1;
/// The exit code [`Rt::turn`] reports after [`Rt::stop`]: 130, a shell's code for Ctrl-C, which is
/// what Stop is.
pub const STOP_EXIT_CODE: i32 = 130;

/// The exit code of a Rust program whose `main` panicked.
const PANIC_EXIT_CODE: i32 = 101;

/// The runtime of one run. Cheap to clone (an `Rc`); every method takes `&self`.
#[derive(Clone)]
pub struct Rt(pub(super) Rc<Inner>);

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    Running,
    Finished(i32),
    Stopped,
}

pub(super) struct Inner {
    pub(super) tracer: Tracer,
    pub(super) host: Rc<dyn Host>,
    flavor: Flavor,
    limits: Limits,
    rng: Rng,
    origin_us: u64,
    pub(super) wake: Arc<Mutex<WakeQueue>>,
    main: RefCell<Option<BoxFut<Result<i32, Panic>>>>,
    main_waker: Waker,
    /// Live tasks by Tokio task id. A `BTreeMap` so that shutdown drops them in spawn order.
    tasks: RefCell<BTreeMap<u64, Task>>,
    pub(super) timers: RefCell<Timers>,
    /// Tokio's `Defer`: wakers of tasks that yielded, woken only after the next park.
    defer: RefCell<Vec<Waker>>,
    next_task_id: Cell<u64>,
    /// See [`Rt::next_owned_id`].
    next_owned_id: Cell<u64>,
    pub(super) state: Cell<State>,
    halt: RefCell<Option<String>>,
    /// True at the top of the `'outer` loop of `CoreGuard::block_on` (where `main` is polled if woken).
    at_top: Cell<bool>,
    /// Tasks left in the current `event_interval` round.
    left: Cell<u32>,
    stats: Cell<Stats>,
    /// The task key being polled ([`MAIN_KEY`] for `main`, else the Tokio id), or [`NO_TASK`]:
    /// who woke a task, and whose timer was armed, for the runtime's events.
    pub(super) polling: Cell<u32>,
    /// What the runtime is doing when a waker fires outside any poll (timers, deferred yields).
    pub(super) waking: Cell<Waking>,
    /// Whether the runtime reports its decisions ([`Rt::without_events`]).
    pub(super) events: Cell<bool>,
    /// Runs the user `Drop`s queued by futures the runtime dropped ([`Rt::on_dropped_futures`]).
    drop_hook: RefCell<Option<DropHook>>,
}

pub(super) use super::events::{via, Waking, MAIN_KEY, NO_TASK};

/// What runs (`true`) or, after Stop, forgets (`false`) the user `Drop`s queued by futures the
/// runtime dropped: see [`Rt::on_dropped_futures`].
pub type DropHook = Rc<dyn Fn(bool)>;

/// The run queue and the "woken" flags. Wakers must be `Send + Sync`, hence the `Mutex`; there is only
/// ever one thread, so it is never contended.
#[derive(Default)]
pub(super) struct WakeQueue {
    queue: VecDeque<u64>,
    /// Tasks in `queue` (Tokio's NOTIFIED bit): a task woken twice is queued once.
    notified: crate::interp::fx::FxSet<u64>,
    /// Tokio's `Shared::woken`: the `block_on` future was woken.
    main_woken: bool,
    /// The task being polled and whether it was woken during its own poll: Tokio queues such a task
    /// only when its poll returns (`TransitionToIdle::OkNotified` in `runtime/task/harness.rs`).
    running: Option<u64>,
    rerun: bool,
}

impl WakeQueue {
    /// Queues `id`; true if it was pushed now (not already queued, not running).
    pub(super) fn schedule(&mut self, id: u64) -> bool {
        if self.running == Some(id) {
            self.rerun = true;
            false
        } else if self.notified.insert(id) {
            self.queue.push_back(id);
            true
        } else {
            false
        }
    }
}

pub(super) fn lock(q: &Mutex<WakeQueue>) -> MutexGuard<'_, WakeQueue> {
    q.lock().unwrap_or_else(|e| e.into_inner())
}

struct MainWaker(Arc<Mutex<WakeQueue>>);

impl Wake for MainWaker {
    fn wake(self: Arc<Self>) {
        let was = std::mem::replace(&mut lock(&self.0).main_woken, true);
        if !was {
            if let Some(rt) = Rt::current() {
                rt.queued(MAIN_KEY);
            }
        }
    }
}

struct Task {
    fut: Option<BoxFut<()>>,
    header: Rc<dyn Header>,
    waker: Waker,
}

thread_local! {
    /// The runtime whose `turn` is on the stack: `tokio::spawn` deep inside evaluation finds it here,
    /// as Tokio's `CONTEXT` thread-local does.
    static CURRENT: RefCell<Option<Rt>> = const { RefCell::new(None) };
}

/// Restores the previous current runtime on drop, even if the poll unwinds.
struct Enter(Option<Rt>);

impl Drop for Enter {
    fn drop(&mut self) {
        let prev = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = prev);
    }
}

impl Rt {
    /// A runtime with nothing to run yet; [`Rt::block_on`] gives it `main`.
    pub fn new(
        tracer: Tracer,
        host: Rc<dyn Host>,
        flavor: Flavor,
        seed: u64,
        limits: Limits,
    ) -> Rt {
        let wake = Arc::new(Mutex::new(WakeQueue::default()));
        let origin_us = host.now_us();
        Rt(Rc::new(Inner {
            tracer,
            host,
            flavor,
            limits,
            rng: Rng::new(seed),
            origin_us,
            main_waker: Waker::from(Arc::new(MainWaker(wake.clone()))),
            wake,
            main: RefCell::new(None),
            tasks: RefCell::new(BTreeMap::new()),
            timers: RefCell::new(Timers::default()),
            defer: RefCell::new(Vec::new()),
            next_task_id: Cell::new(FIRST_TASK_ID),
            next_owned_id: Cell::new(2),
            state: Cell::new(State::Running),
            halt: RefCell::new(None),
            at_top: Cell::new(true),
            left: Cell::new(0),
            stats: Cell::new(Stats::default()),
            polling: Cell::new(NO_TASK),
            waking: Cell::new(Waking::Other),
            events: Cell::new(true),
            drop_hook: RefCell::new(None),
        }))
    }

    /// What runs the user `Drop`s that a future the runtime drops queues (a finished or cancelled
    /// task, the tasks dropped at shutdown): the evaluator's, so that they print when Tokio drops
    /// the future, not at the next statement of whichever code runs next.
    /// The hook is told `false` after Stop: a stopped program is killed (like Ctrl-C), its
    /// destructors never run, so their queue is only emptied.
    pub fn on_dropped_futures(&self, hook: DropHook) {
        *self.0.drop_hook.borrow_mut() = Some(hook);
    }

    fn dropped_futures(&self) {
        let hook = self.0.drop_hook.borrow().clone();
        if let Some(hook) = hook {
            hook(self.0.state.get() != State::Stopped);
        }
    }

    /// The runtime whose [`Rt::turn`] is running, if any: what `tokio::spawn` needs.
    pub fn current() -> Option<Rt> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// [`Rt::current`], or Tokio's panic message ([`NO_RUNTIME`]) when there is none.
    pub fn try_current() -> Result<Rt, &'static str> {
        Rt::current().ok_or(NO_RUNTIME)
    }

    fn enter(&self) -> Enter {
        Enter(CURRENT.with(|c| c.replace(Some(self.clone()))))
    }

    /// The tracer this runtime reports to.
    pub fn tracer(&self) -> &Tracer {
        &self.0.tracer
    }

    /// The flavor the program asked for.
    pub fn flavor(&self) -> Flavor {
        self.0.flavor
    }

    /// The limits this runtime enforces.
    pub fn limits(&self) -> &Limits {
        &self.0.limits
    }

    /// The runtime's seeded random numbers (`select!`'s start branch).
    pub fn rng(&self) -> Rng {
        self.0.rng.clone()
    }

    /// Installs `main`, the future Tokio's `block_on` runs. It is polled at the first [`Rt::turn`]
    /// (Tokio sets `woken` when it enters `block_on`). `Ok` is exit code 0; `Err` means main
    /// panicked: exit code 101.
    pub fn block_on(&self, main: BoxFut<Result<(), Panic>>) {
        self.block_on_exit(Box::pin(async move { main.await.map(|()| 0) }));
    }

    /// [`Rt::block_on`] for a `main` that decides its exit code: `Ok(1)` for a `main` returning
    /// `Err` (Rust prints `Error: ...` and exits with 1), `Ok(0)` otherwise. Its tasks are dropped
    /// with the "main returns" Note either way; `Err(Panic)` still means 101.
    pub fn block_on_exit(&self, main: BoxFut<Result<i32, Panic>>) {
        *self.0.main.borrow_mut() = Some(main);
        lock(&self.0.wake).main_woken = true;
        self.0.at_top.set(true);
    }

    /// Program time now, µs since the runtime was made.
    pub fn now_us(&self) -> u64 {
        self.0.host.now_us().saturating_sub(self.0.origin_us)
    }

    /// Real time now, µs (see [`Host::wall_us`]): for limits on how long the page is frozen, which
    /// must not stretch or shrink with the playback speed.
    pub fn wall_us(&self) -> u64 {
        self.0.host.wall_us()
    }

    /// `std::thread::sleep`: blocks the whole runtime (nothing else runs meanwhile), as in Tokio.
    pub fn block(&self, us: u64) {
        self.0.host.block(us);
    }

    /// Stops the run from inside (a limit was hit): after the poll on the stack returns, every task
    /// is dropped, `note` is reported, then [`Kind::Done`], and [`Turn::Finished`] with
    /// [`HALT_EXIT_CODE`]. The first reason wins.
    pub fn halt(&self, note: &str) {
        let mut halt = self.0.halt.borrow_mut();
        if halt.is_none() {
            *halt = Some(note.to_owned());
        }
    }

    /// True once [`Rt::halt`] was called: the evaluator can stop working early.
    pub fn is_halted(&self) -> bool {
        self.0.halt.borrow().is_some()
    }

    /// What the run did so far.
    pub fn stats(&self) -> Stats {
        self.0.stats.get()
    }

    fn count(&self, f: impl FnOnce(&mut Stats)) {
        let mut stats = self.0.stats.get();
        f(&mut stats);
        self.0.stats.set(stats);
    }

    /// Number of tasks alive (spawned and not finished).
    pub fn live_tasks(&self) -> usize {
        self.0.tasks.borrow().len()
    }

    /// The id of a new `LocalSet`: Tokio's `OwnedTasks` ids, a process-wide counter from 1 whose
    /// first id the runtime's own task list took (`runtime/task/list.rs`).
    pub fn next_owned_id(&self) -> u64 {
        let id = self.0.next_owned_id.get();
        self.0.next_owned_id.set(id + 1);
        id
    }

    /// `tokio::spawn`: a new task, queued at the back of the run queue; it first runs when the
    /// current task (or `main`) yields, never before its next `.await` returns Pending. `Err` from
    /// the future is a panic, reported to the awaiting `JoinHandle` as [`super::JoinError`].
    pub fn spawn<T: 'static>(&self, fut: BoxFut<Result<T, Panic>>) -> JoinHandle<T> {
        let inner = &self.0;
        let id = inner.next_task_id.get();
        inner.next_task_id.set(id + 1);
        let (task_fut, handle) = TaskFut::new(id, fut, Rc::downgrade(&self.0));
        if inner.state.get() != State::Running || inner.halt.borrow().is_some() {
            drop(task_fut); // the runtime is gone: the task never runs, as after Tokio's shutdown
            return handle;
        }
        if inner.tasks.borrow().len() >= inner.limits.max_tasks {
            drop(task_fut);
            self.halt(&format!(
                "The program had more than {} tasks alive at once, so the playground stopped it \
                 (a limit that keeps the page responsive; Tokio itself has none).",
                inner.limits.max_tasks
            ));
            return handle;
        }
        let header = handle.header();
        let waker = Waker::from(Arc::new(TaskWaker {
            id,
            queue: inner.wake.clone(),
        }));
        inner.tasks.borrow_mut().insert(
            id,
            Task {
                fut: Some(Box::pin(task_fut)),
                header,
                waker,
            },
        );
        lock(&inner.wake).schedule(id);
        if self.0.events.get() {
            self.emit_queued(id as u32, &self.spawn_text("spawn "));
        }
        let live = inner.tasks.borrow().len();
        self.count(|s| {
            s.spawned += 1;
            s.max_live = s.max_live.max(live);
        });
        handle
    }

    /// Queues task `id` (Tokio's `Schedule::schedule`), e.g. after `abort`.
    pub(super) fn schedule(&self, id: u64) {
        if lock(&self.0.wake).schedule(id) {
            self.queued(id as u32);
        }
    }

    /// Tokio's `context::defer`: `waker` is woken after the next park, not now.
    pub(super) fn defer(&self, waker: &Waker) {
        let mut defer = self.0.defer.borrow_mut();
        // Tokio (`runtime/scheduler/defer.rs`): "If the same task adds itself a bunch of times, then
        // only add it once."
        if defer.last().is_some_and(|w| w.will_wake(waker)) {
            return;
        }
        defer.push(waker.clone());
    }

    /// The timer tick (whole ms since the runtime started) that is now.
    pub(super) fn now_tick(&self) -> u64 {
        self.now_us() / 1000
    }

    /// Runs everything that is ready now, following Tokio's scheduler loop, until nothing is ready,
    /// the program ends, or [`Limits::slice_us`] of real time is used up (wall time: the slice exists
    /// to hand the page back to the browser often enough, whatever the playback speed).
    pub fn turn(&self) -> Turn {
        let inner = &self.0;
        match inner.state.get() {
            State::Running => {}
            State::Finished(exit_code) => return Turn::Finished { exit_code },
            State::Stopped => {
                return Turn::Finished {
                    exit_code: STOP_EXIT_CODE,
                }
            }
        }
        if inner.main.borrow().is_none() {
            return Turn::Stalled; // block_on was never called: nothing will ever run
        }
        let _enter = self.enter();
        let started = inner.host.wall_us();
        let mut polls = 0u32;
        loop {
            if inner.at_top.get() {
                inner.at_top.set(false);
                inner.left.set(EVENT_INTERVAL);
                let woken = std::mem::take(&mut lock(&inner.wake).main_woken);
                if woken {
                    self.event(Kind::Taken, MAIN_KEY, "block_on");
                    polls += 1;
                    self.count(|s| s.polls += 1);
                    if let Some(exit_code) = self.poll_main() {
                        return self.shut_down(exit_code, None);
                    }
                }
            } else if inner.left.get() == 0 {
                // `event_interval` tasks ran: "Yield to the driver, this drives the timer".
                self.park_yield();
                inner.at_top.set(true);
            } else {
                inner.left.set(inner.left.get() - 1);
                let next = self.next_task();
                match next {
                    Some(id) => {
                        polls += 1;
                        self.count(|s| s.polls += 1);
                        self.run_task(id);
                    }
                    None => {
                        inner.at_top.set(true);
                        if self.has_pending_work() {
                            self.park_yield();
                        } else if let Some(turn) = self.park() {
                            return turn;
                        }
                    }
                }
            }
            if inner
                .limits
                .max_polls
                .is_some_and(|max| self.stats().polls > max)
            {
                self.halt(&format!(
                    "The program was still running after {} polls of its tasks, so the playground \
                     stopped it (Tokio would have run on forever).",
                    self.stats().polls - 1
                ));
            }
            if let Some(note) = inner.halt.borrow_mut().take() {
                return self.shut_down(HALT_EXIT_CODE, Some(note));
            }
            if polls >= inner.limits.polls_per_turn
                || inner.host.wall_us().saturating_sub(started) >= inner.limits.slice_us
            {
                return Turn::Again;
            }
        }
    }

    /// The next live task of the run queue. A waker may outlive its task (a finished task's timer
    /// or channel waker); Tokio ignores its wake (the task is COMPLETE), so its id is skipped here
    /// without counting against `event_interval`.
    fn next_task(&self) -> Option<u64> {
        loop {
            let id = lock(&self.0.wake).pop()?;
            if self.0.tasks.borrow().contains_key(&id) {
                return Some(id);
            }
        }
    }

    /// Polls `main`; `Some(exit code)` when it finished.
    fn poll_main(&self) -> Option<i32> {
        let inner = &self.0;
        let mut main = inner.main.borrow_mut().take()?;
        inner.polling.set(MAIN_KEY);
        let poll = super::coop::budget(|| {
            main.as_mut()
                .poll(&mut Context::from_waker(&inner.main_waker))
        });
        inner.polling.set(NO_TASK);
        match poll {
            Poll::Pending => {
                *inner.main.borrow_mut() = Some(main);
                None
            }
            Poll::Ready(result) => {
                drop(main);
                Some(result.unwrap_or(PANIC_EXIT_CODE))
            }
        }
    }

    fn run_task(&self, id: u64) {
        let inner = &self.0;
        let taken = inner
            .tasks
            .borrow_mut()
            .get_mut(&id)
            .map(|t| (t.fut.take(), t.header.clone(), t.waker.clone()));
        let Some((Some(mut fut), header, waker)) = taken else {
            return; // finished or dropped since it was woken
        };
        self.event(Kind::Taken, id as u32, "");
        if header.cancel_requested() {
            // `abort()` of an idle task schedules it; running it means cancelling it
            // (`Harness::poll_inner`, `TransitionToRunning::Cancelled`).
            self.cancel(id, fut, &*header);
            return;
        }
        {
            let mut q = lock(&inner.wake);
            q.running = Some(id);
            q.rerun = false;
        }
        inner.polling.set(id as u32);
        let poll = super::coop::budget(|| fut.as_mut().poll(&mut Context::from_waker(&waker)));
        let rerun = {
            let mut q = lock(&inner.wake);
            q.running = None;
            std::mem::take(&mut q.rerun)
        };
        match poll {
            Poll::Ready(()) => {
                let task = inner.tasks.borrow_mut().remove(&id);
                drop(task);
                drop(fut);
                self.dropped_futures();
            }
            Poll::Pending if header.cancel_requested() => self.cancel(id, fut, &*header),
            Poll::Pending => {
                if let Some(t) = inner.tasks.borrow_mut().get_mut(&id) {
                    t.fut = Some(fut);
                }
                if rerun {
                    // Woken during its own poll: queued now that the poll returned.
                    lock(&inner.wake).schedule(id);
                    self.emit_queued(id as u32, "self");
                }
            }
        }
        inner.polling.set(NO_TASK);
    }

    /// Drops a cancelled task's future, then completes its `JoinHandle` with `Cancelled`, in Tokio's
    /// order (`cancel_task` in `runtime/task/harness.rs`: drop the future, store the error, notify).
    fn cancel(&self, id: u64, fut: BoxFut<()>, header: &dyn Header) {
        let task = self.0.tasks.borrow_mut().remove(&id);
        drop(fut);
        drop(task);
        self.dropped_futures();
        header.finish_cancelled();
    }

    /// `Context::has_pending_work`: if so, the park must not wait.
    fn has_pending_work(&self) -> bool {
        let q = lock(&self.0.wake);
        !q.queue.is_empty() || q.main_woken || !self.0.defer.borrow().is_empty()
    }

    /// `park_yield`: fire the timers that are due now, then wake the deferred (yielded) tasks.
    fn park_yield(&self) {
        self.fire_due_timers();
        self.wake_deferred();
    }

    /// `park` with nothing to do: fire due timers if there are any; else this is where Tokio blocks.
    fn park(&self) -> Option<Turn> {
        let now = self.now_tick();
        let next = self.0.timers.borrow().next_tick();
        match next {
            Some(tick) if tick <= now => {
                self.park_yield();
                None
            }
            Some(tick) => {
                let deadline_us = tick.saturating_mul(1000);
                if self.0.events.get() {
                    let at = self.on_tracer_clock(deadline_us);
                    self.event(Kind::Parked, 0, &at.to_string());
                }
                Some(Turn::WaitUntil(
                    self.0.origin_us.saturating_add(deadline_us),
                ))
            }
            None => {
                self.event(Kind::Parked, 0, "");
                Some(Turn::Stalled)
            }
        }
    }

    /// Tokio's time driver `process_at_time`: every timer whose tick is due fires, earliest deadline
    /// first, and among equal deadlines in the order they were registered (each wheel slot is a
    /// FIFO list: `Level::add_entry` pushes front, `Wheel::process_expiration` pops back).
    fn fire_due_timers(&self) {
        let now = self.now_tick();
        let wakers = self.0.timers.borrow_mut().take_due(now);
        self.count(|s| s.timers_fired += wakers.len() as u64);
        if wakers.is_empty() {
            return;
        }
        self.event(Kind::Fired, 0, &wakers.len().to_string());
        self.0.waking.set(Waking::Timer);
        for w in wakers {
            w.wake();
        }
        self.0.waking.set(Waking::Other);
    }

    /// `Defer::wake` (`runtime/scheduler/defer.rs`) pops from the end: the task that yielded *last*
    /// is queued first. (Checked against Tokio 1.54: two tasks that yield in turn resume in reverse.)
    fn wake_deferred(&self) {
        self.0.waking.set(Waking::Yield);
        loop {
            let last = self.0.defer.borrow_mut().pop();
            let Some(w) = last else { break };
            w.wake();
        }
        self.0.waking.set(Waking::Other);
    }

    /// The end of `main`: Tokio's runtime is dropped, and with it every task still alive
    /// (`Runtime` docs, "Shutdown"). Then the one Note and Done.
    fn shut_down(&self, exit_code: i32, halt_note: Option<String>) -> Turn {
        let inner = &self.0;
        inner.state.set(State::Finished(exit_code));
        let why = match (&halt_note, exit_code) {
            (Some(_), _) => "limit",
            (None, PANIC_EXIT_CODE) => "main panicked",
            (None, _) => "main returned",
        };
        self.event(Kind::Shutdown, 0, why);
        let main = inner.main.borrow_mut().take();
        drop(main);
        let dropped = self.drop_tasks();
        match halt_note {
            Some(note) => inner.tracer.note(&note),
            None if dropped > 0 => {
                let tasks = if dropped == 1 { "task" } else { "tasks" };
                // A `main` that returns `Err` (exit code 1) still returns.
                let why = if exit_code == PANIC_EXIT_CODE {
                    "When main panics, Tokio's runtime shuts down and drops every task still running"
                } else {
                    "When main returns, Tokio's runtime shuts down and drops every task still running"
                };
                inner
                    .tracer
                    .note(&format!("{why}: {dropped} {tasks} dropped."));
            }
            None => {}
        }
        inner.tracer.emit(Kind::Done);
        Turn::Finished { exit_code }
    }

    /// Drops every task (in spawn order), every timer and every deferred wake. Returns how many tasks
    /// were alive. Nothing is borrowed while a future drops: its `Drop` may reach back into the
    /// runtime (a `Sleep` removes its timer, a channel wakes its peer).
    fn drop_tasks(&self) -> usize {
        let inner = &self.0;
        let mut count = 0;
        loop {
            let next = inner.tasks.borrow_mut().pop_first();
            let Some((_, task)) = next else { break };
            count += 1;
            drop(task);
            self.dropped_futures();
        }
        lock(&inner.wake).queue.clear();
        lock(&inner.wake).notified.clear();
        let defer = std::mem::take(&mut *inner.defer.borrow_mut());
        drop(defer);
        inner.timers.borrow_mut().clear();
        // The last futures are gone: the evaluator's hook (which holds it) goes too.
        let hook = inner.drop_hook.borrow_mut().take();
        drop(hook);
        count
    }

    /// Drops every task's future now, `main` first (the Stop button); reports [`Kind::Stopped`].
    /// Does nothing if the program already ended.
    pub fn stop(&self) {
        let inner = &self.0;
        if inner.state.get() != State::Running {
            return;
        }
        inner.state.set(State::Stopped);
        let _enter = self.enter();
        let main = inner.main.borrow_mut().take();
        drop(main);
        self.dropped_futures();
        self.drop_tasks();
        inner.tracer.emit(Kind::Stopped);
    }
}

impl WakeQueue {
    fn pop(&mut self) -> Option<u64> {
        let id = self.queue.pop_front()?;
        self.notified.remove(&id);
        Some(id)
    }
}

/// First Tokio task id a program sees (`runtime/task/id.rs`: a process-wide counter from 1).
const FIRST_TASK_ID: u64 = 1;

/// A [`Host`] on a virtual clock: time moves only by [`Host::block`] or when [`VirtualHost::drive`]
/// jumps to the next timer, exactly like Tokio's paused clock with auto-advance.
#[derive(Clone, Default)]
pub struct VirtualHost(Arc<AtomicU64>);

impl VirtualHost {
    /// A virtual host at time 0.
    pub fn new() -> Self {
        VirtualHost::default()
    }

    /// A [`Clock`] reading this host's time, for the [`Tracer`].
    pub fn clock(&self) -> Clock {
        let t = self.0.clone();
        Clock::new(move || t.load(Ordering::SeqCst))
    }

    /// Moves time to `at_us` (never backwards).
    pub fn advance_to(&self, at_us: u64) {
        self.0.fetch_max(at_us, Ordering::SeqCst);
    }

    /// Runs `rt` to its end instantly: turns until it finishes or stalls, jumping the clock straight
    /// to each next timer. Returns [`Turn::Finished`] or [`Turn::Stalled`].
    pub fn drive(&self, rt: &Rt) -> Turn {
        loop {
            match rt.turn() {
                Turn::Again => {}
                Turn::WaitUntil(at) => self.advance_to(at),
                end => return end,
            }
        }
    }
}

impl Host for VirtualHost {
    fn now_us(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    fn block(&self, us: u64) {
        self.0.fetch_add(us, Ordering::SeqCst);
    }
}
