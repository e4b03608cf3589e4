//! Tasks: `tokio::spawn`'s `JoinHandle` and `JoinError`, and `yield_now`.
//!
//! Sources: `tokio/src/runtime/task/{join.rs, error.rs, harness.rs}`, `tokio/src/task/yield_now.rs`.

use super::sched::{lock, Inner, WakeQueue};
use super::{coop, BoxFut, Rt};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// An interpreted panic. The interpreter has no unwinding (wasm is built with `panic=abort`): a
/// panicking future returns `Err(Panic)` after the evaluator printed Rust's panic message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panic {
    /// The panic's message, e.g. `boom` for `panic!("boom")`.
    pub message: String,
    /// Where it panicked in main.rs (1-based).
    pub line: u32,
    /// Column, 1-based, in chars.
    pub column: u32,
}

/// Why awaiting a [`JoinHandle`] failed: Tokio's `JoinError`, printed exactly as Tokio prints it.
///
/// ```
/// use async_playground::interp::rt::JoinError;
/// let e = JoinError::Panic { id: 3, message: "boom".into() };
/// assert_eq!(e.to_string(), r#"task 3 panicked with message "boom""#);
/// assert_eq!(format!("{e:?}"), r#"JoinError::Panic(Id(3), "boom", ...)"#);
/// let c = JoinError::Cancelled { id: 2 };
/// assert_eq!(c.to_string(), "task 2 was cancelled");
/// assert_eq!(format!("{c:?}"), "JoinError::Cancelled(Id(2))");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum JoinError {
    /// The task was aborted ([`JoinHandle::abort`]) before it finished.
    Cancelled {
        /// Tokio's task id.
        id: u64,
    },
    /// The task panicked.
    Panic {
        /// Tokio's task id.
        id: u64,
        /// The panic's message.
        message: String,
    },
}

impl JoinError {
    /// `is_cancelled()`.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, JoinError::Cancelled { .. })
    }

    /// `is_panic()`.
    pub fn is_panic(&self) -> bool {
        matches!(self, JoinError::Panic { .. })
    }

    /// The task's id (`JoinError::id`).
    pub fn id(&self) -> u64 {
        match self {
            JoinError::Cancelled { id } | JoinError::Panic { id, .. } => *id,
        }
    }
}

// `tokio/src/runtime/task/error.rs`: `impl fmt::Display for JoinError`. The message is a `&str` or
// `String` payload in every interpreted panic, so Tokio's "panicked" arm without a message never
// applies.
impl fmt::Display for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinError::Cancelled { id } => write!(f, "task {id} was cancelled"),
            JoinError::Panic { id, message } => {
                write!(f, "task {id} panicked with message {message:?}")
            }
        }
    }
}

// `impl fmt::Debug for JoinError`: the id prints as `Id(3)` (`task::Id`'s derived Debug).
impl fmt::Debug for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinError::Cancelled { id } => write!(f, "JoinError::Cancelled(Id({id}))"),
            JoinError::Panic { id, message } => {
                write!(f, "JoinError::Panic(Id({id}), {message:?}, ...)")
            }
        }
    }
}

impl std::error::Error for JoinError {}

/// The type-erased side of a task that the scheduler needs.
pub(super) trait Header {
    fn cancel_requested(&self) -> bool;
    /// Stores `Cancelled` and wakes the `JoinHandle`.
    fn finish_cancelled(&self);
}

/// What a task and its `JoinHandle` share (Tokio's task `Core` stage and `Trailer` waker).
struct JoinState<T> {
    id: u64,
    output: RefCell<Option<Result<T, JoinError>>>,
    finished: Cell<bool>,
    cancel: Cell<bool>,
    waker: RefCell<Option<Waker>>,
    rt: Weak<Inner>,
}

impl<T> JoinState<T> {
    fn complete(&self, output: Result<T, JoinError>) {
        *self.output.borrow_mut() = Some(output);
        self.finished.set(true);
        let waker = self.waker.borrow_mut().take();
        if let Some(w) = waker {
            super::sched::via("join", || w.wake());
        }
    }
}

impl<T> Header for JoinState<T> {
    fn cancel_requested(&self) -> bool {
        self.cancel.get()
    }

    fn finish_cancelled(&self) {
        self.complete(Err(JoinError::Cancelled { id: self.id }));
    }
}

/// The future a task runs: the program's future, then its output handed to the `JoinHandle`.
pub(super) struct TaskFut<T> {
    inner: Option<BoxFut<Result<T, Panic>>>,
    state: Rc<JoinState<T>>,
}

impl<T: 'static> TaskFut<T> {
    pub(super) fn new(
        id: u64,
        fut: BoxFut<Result<T, Panic>>,
        rt: Weak<Inner>,
    ) -> (TaskFut<T>, JoinHandle<T>) {
        let state = Rc::new(JoinState {
            id,
            output: RefCell::new(None),
            finished: Cell::new(false),
            cancel: Cell::new(false),
            waker: RefCell::new(None),
            rt,
        });
        (
            TaskFut {
                inner: Some(fut),
                state: state.clone(),
            },
            JoinHandle { state },
        )
    }
}

impl<T> Future for TaskFut<T> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(());
        };
        let Poll::Ready(result) = inner.as_mut().poll(cx) else {
            return Poll::Pending;
        };
        // Tokio drops the future when it stores the output (`Core::set_stage`), before it wakes the
        // `JoinHandle` (`Harness::complete`).
        self.inner = None;
        let id = self.state.id;
        self.state.complete(result.map_err(|p| JoinError::Panic {
            id,
            message: p.message,
        }));
        Poll::Ready(())
    }
}

/// Wakes one task: queues it at the back of the run queue unless it is already queued.
pub(super) struct TaskWaker {
    pub(super) id: u64,
    pub(super) queue: Arc<Mutex<WakeQueue>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if lock(&self.queue).schedule(self.id) {
            if let Some(rt) = Rt::current() {
                rt.queued(self.id as u32);
            }
        }
    }
}

/// `tokio::task::JoinHandle`: awaiting it gives the task's output, or a [`JoinError`] if it panicked
/// or was aborted. Dropping it detaches the task, which keeps running.
pub struct JoinHandle<T> {
    state: Rc<JoinState<T>>,
}

impl<T: 'static> JoinHandle<T> {
    pub(super) fn header(&self) -> Rc<dyn Header> {
        self.state.clone()
    }
}

impl<T> JoinHandle<T> {
    /// Tokio's task id.
    pub fn id(&self) -> u64 {
        self.state.id
    }

    /// Tokio's `set_join_waker` (what `JoinSet` uses): `waker` is woken when the task finishes,
    /// without polling the handle (no coop budget). True if it already finished.
    pub fn set_join_waker(&self, waker: &Waker) -> bool {
        if self.state.finished.get() {
            return true;
        }
        *self.state.waker.borrow_mut() = Some(waker.clone());
        false
    }

    /// `JoinHandle::is_finished`: the task completed, panicked or was cancelled.
    pub fn is_finished(&self) -> bool {
        self.state.finished.get()
    }

    /// `JoinHandle::abort`: the task is cancelled the next time the scheduler reaches it (it is
    /// queued now; `State::transition_to_notified_and_cancel`), or at the end of its own poll if it
    /// aborts itself. Its future is dropped then, and the handle resolves to
    /// [`JoinError::Cancelled`]. Does nothing to a finished task.
    pub fn abort(&self) {
        self.state.abort();
    }
}

impl<T: 'static> JoinHandle<T> {
    /// `JoinHandle::abort_handle`.
    pub fn abort_handle(&self) -> AbortHandle {
        AbortHandle(self.state.clone())
    }
}

impl<T> JoinState<T> {
    fn abort(&self) {
        if self.finished.get() || self.cancel.get() {
            return;
        }
        self.cancel.set(true);
        match self.rt.upgrade() {
            Some(rt) => Rt(rt).schedule(self.id),
            // Not queued anywhere: the runtime is gone, and its tasks with it.
            None => self.finish_cancelled(),
        }
    }
}

/// What an [`AbortHandle`] needs of a task, whatever its output type.
trait Abortable {
    fn abort(&self);
    fn is_finished(&self) -> bool;
    fn id(&self) -> u64;
}

impl<T> Abortable for JoinState<T> {
    fn abort(&self) {
        JoinState::abort(self);
    }
    fn is_finished(&self) -> bool {
        self.finished.get()
    }
    fn id(&self) -> u64 {
        self.id
    }
}

/// `tokio::task::AbortHandle`: aborts a task without owning its output.
#[derive(Clone)]
pub struct AbortHandle(Rc<dyn Abortable>);

impl AbortHandle {
    /// `abort()`.
    pub fn abort(&self) {
        self.0.abort();
    }

    /// `is_finished()`.
    pub fn is_finished(&self) -> bool {
        self.0.is_finished()
    }

    /// `id()`.
    pub fn id(&self) -> u64 {
        self.0.id()
    }
}

// Tokio unsets the join waker when the handle is dropped (`drop_join_handle_slow`): the task's end
// must not wake whoever last awaited the handle.
impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        self.state.waker.borrow_mut().take();
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, JoinError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `JoinHandle::poll` spends coop budget (`tokio/src/runtime/task/join.rs`).
        std::task::ready!(coop::poll_proceed(cx));
        let output = self.state.output.borrow_mut().take();
        match output {
            Some(out) => {
                coop::made_progress();
                Poll::Ready(out)
            }
            None => {
                *self.state.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JoinHandle {{ id: Id({}) }}", self.state.id)
    }
}

/// `tokio::task::yield_now()`: Pending once, with the wake deferred until after the runtime's next
/// park (`context::defer`), so timers due now and tasks already queued run first.
#[must_use = "futures do nothing unless you `.await` or poll them"]
#[derive(Debug, Default)]
pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        coop::defer(cx);
        Poll::Pending
    }
}

impl Rt {
    /// `tokio::task::yield_now()`.
    pub fn yield_now(&self) -> YieldNow {
        YieldNow::default()
    }
}
