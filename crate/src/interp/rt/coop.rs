//! Tokio's cooperative budget (`tokio/src/task/coop/mod.rs`): each poll of a task (and of `main`)
//! may complete at most [`BUDGET`] operations on Tokio's resources (a timer firing, a message
//! received, a permit acquired, a `JoinHandle` resolved). After that, every such resource answers
//! Pending and the task is *deferred*, like `yield_now`, so one busy task cannot starve the others.
//! It changes the interleaving of programs that receive many buffered messages in a row.

use super::Rt;
use std::cell::Cell;
use std::task::{Context, Poll};

/// Operations per poll (`Budget::initial()`).
pub(super) const BUDGET: u32 = 128;

thread_local! {
    /// `None` outside a task's poll: unconstrained, as in Tokio.
    static LEFT: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Runs `f` (one poll of a task or of `main`) with a fresh budget.
pub(super) fn budget<R>(f: impl FnOnce() -> R) -> R {
    let outer = LEFT.with(|b| b.replace(Some(BUDGET)));
    let r = f();
    LEFT.with(|b| b.set(outer));
    r
}

/// Runs `f` with no budget limit (`coop::with_unconstrained`, used by `Timeout`).
pub(super) fn unconstrained<R>(f: impl FnOnce() -> R) -> R {
    let outer = LEFT.with(|b| b.replace(None));
    let r = f();
    LEFT.with(|b| b.set(outer));
    r
}

/// True if the current poll may still complete an operation (`has_budget_remaining`).
pub(super) fn has_budget() -> bool {
    LEFT.with(|b| b.get() != Some(0))
}

/// `poll_proceed` before a resource operation: Pending (and the task deferred) when the budget is
/// spent. Call [`made_progress`] if the operation then completes: Tokio's `RestoreOnPending` gives
/// the unit back when it does not.
pub(super) fn poll_proceed(cx: &mut Context<'_>) -> Poll<()> {
    if has_budget() {
        Poll::Ready(())
    } else {
        defer(cx);
        Poll::Pending
    }
}

/// Spends one unit of the budget: the operation completed.
pub(super) fn made_progress() {
    let spent = LEFT.with(|b| match b.get() {
        Some(n) => {
            b.set(Some(n.saturating_sub(1)));
            n == 1
        }
        None => false,
    });
    if spent {
        if let Some(rt) = Rt::current() {
            rt.budget_spent();
        }
    }
}

/// Tokio's `context::defer`: inside a runtime the wake waits for the next park; outside it is
/// immediate.
pub(super) fn defer(cx: &mut Context<'_>) {
    match Rt::current() {
        Some(rt) => rt.defer(cx.waker()),
        None => cx.waker().wake_by_ref(),
    }
}

/// `tokio::task::consume_budget()`: spends one unit, yielding first if none is left.
#[must_use = "futures do nothing unless you `.await` or poll them"]
#[derive(Default)]
pub struct ConsumeBudget {
    done: bool,
}

/// `tokio::task::consume_budget()`.
pub fn consume_budget() -> ConsumeBudget {
    ConsumeBudget::default()
}

impl std::future::Future for ConsumeBudget {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.done {
            return Poll::Ready(());
        }
        std::task::ready!(poll_proceed(cx));
        made_progress();
        self.done = true;
        Poll::Ready(())
    }
}

/// `tokio::task::unconstrained(fut)`: `fut` is polled with no budget limit.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Unconstrained<F> {
    inner: std::pin::Pin<Box<F>>,
}

impl<F> Unconstrained<F> {
    /// Wraps `inner`.
    pub fn new(inner: F) -> Self {
        Unconstrained {
            inner: Box::pin(inner),
        }
    }
}

impl<F: std::future::Future> std::future::Future for Unconstrained<F> {
    type Output = F::Output;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let inner = self.inner.as_mut();
        unconstrained(|| inner.poll(cx))
    }
}
