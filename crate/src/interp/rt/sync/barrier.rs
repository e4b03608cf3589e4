//! `tokio::sync::Barrier` (`tokio/src/sync/barrier.rs`): `n` tasks wait until all arrived; the
//! last to arrive is the leader and its arrival wakes the others. Then the barrier is reusable.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

struct Inner {
    n: usize,
    arrived: Cell<usize>,
    generation: Cell<u64>,
    wakers: RefCell<Vec<Waker>>,
}

/// `tokio::sync::Barrier`. Cheap to clone: clones are the same barrier.
#[derive(Clone)]
pub struct Barrier(Rc<Inner>);

impl Barrier {
    /// `Barrier::new(n)` (0 acts as 1, as in Tokio).
    pub fn new(n: usize) -> Barrier {
        Barrier(Rc::new(Inner {
            n: n.max(1),
            arrived: Cell::new(0),
            generation: Cell::new(0),
            wakers: RefCell::new(Vec::new()),
        }))
    }

    /// `wait().await`: resolves to `is_leader`.
    pub fn wait(&self) -> Wait {
        Wait {
            barrier: self.clone(),
            generation: None,
        }
    }
}

/// The future of [`Barrier::wait`]; its output is `BarrierWaitResult::is_leader`.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Wait {
    barrier: Barrier,
    generation: Option<u64>,
}

impl Future for Wait {
    type Output = bool;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let inner = self.barrier.0.clone();
        match self.generation {
            Some(g) if inner.generation.get() != g => Poll::Ready(false),
            Some(_) => {
                inner.wakers.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            }
            None => {
                let arrived = inner.arrived.get() + 1;
                if arrived == inner.n {
                    inner.arrived.set(0);
                    inner.generation.set(inner.generation.get() + 1);
                    let all = std::mem::take(&mut *inner.wakers.borrow_mut());
                    for w in all {
                        w.wake();
                    }
                    self.generation = Some(u64::MAX);
                    return Poll::Ready(true);
                }
                inner.arrived.set(arrived);
                self.generation = Some(inner.generation.get());
                inner.wakers.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll<F: Future + Unpin>(f: &mut F) -> Poll<F::Output> {
        Pin::new(f).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn last_arrival_leads() {
        let b = Barrier::new(2);
        let mut a = b.wait();
        assert!(poll(&mut a).is_pending());
        assert_eq!(poll(&mut b.wait()), Poll::Ready(true));
        assert_eq!(poll(&mut a), Poll::Ready(false));
    }
}
