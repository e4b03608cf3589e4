//! `tokio::sync::Semaphore`, and the batch semaphore under `Mutex`, `RwLock` and the bounded
//! `mpsc` channel (`tokio/src/sync/batch_semaphore.rs`, tokio 1.54).
//!
//! Tokio's rules, kept here:
//! - the queue is FIFO and *fair*: a waiter at the head is handed permits as they come back, even a
//!   part of what it needs, and nobody behind it (or arriving later) overtakes it;
//! - `acquire` first takes what is free: all it needs (ready at once), or a part, and then queues;
//! - only once the permits are held is the coop budget spent: with none left the acquire is Pending
//!   *keeping its permits*, and completes at its next poll;
//! - `close` fails every waiter and every later `acquire`; permits held stay valid;
//! - dropping a waiting `Acquire` gives back the part it was handed, to the next waiters.

use super::super::coop;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll, Waker};

/// `Semaphore::MAX_PERMITS` (`usize::MAX >> 3`).
pub const MAX_PERMITS: usize = usize::MAX >> 3;

/// `AcquireError`: the semaphore was closed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AcquireError;

impl fmt::Debug for AcquireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AcquireError(())")
    }
}

impl fmt::Display for AcquireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("semaphore closed")
    }
}

/// `TryAcquireError`, printed as Tokio prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TryAcquireError {
    /// The semaphore was closed.
    Closed,
    /// Not enough permits now.
    NoPermits,
}

impl fmt::Display for TryAcquireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TryAcquireError::Closed => "semaphore closed",
            TryAcquireError::NoPermits => "no permits available",
        })
    }
}

/// A queued acquirer: how many permits it still needs, and its waker.
struct Waiter {
    needed: Cell<usize>,
    waker: RefCell<Option<Waker>>,
}

struct Inner {
    permits: Cell<usize>,
    closed: Cell<bool>,
    /// Front = first come.
    queue: RefCell<VecDeque<Rc<Waiter>>>,
}

/// A fair counting semaphore. Cheap to clone: clones share the permits (like an `Arc<Semaphore>`).
#[derive(Clone)]
pub struct Semaphore(Rc<Inner>);

impl Semaphore {
    /// A semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Semaphore {
        Semaphore(Rc::new(Inner {
            permits: Cell::new(permits),
            closed: Cell::new(false),
            queue: RefCell::new(VecDeque::new()),
        }))
    }

    /// True if both handles share one semaphore.
    pub fn same(&self, other: &Semaphore) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `available_permits()`.
    pub fn available_permits(&self) -> usize {
        self.0.permits.get()
    }

    /// `is_closed()`.
    pub fn is_closed(&self) -> bool {
        self.0.closed.get()
    }

    /// Waiters in the queue (for the runtime panel and tests).
    pub fn waiting(&self) -> usize {
        self.0.queue.borrow().len()
    }

    /// `try_acquire_many(n)`: all `n` now, or nothing. Like Tokio it looks only at the free count,
    /// which is 0 whenever somebody waits, so it never overtakes a waiter.
    pub fn try_acquire(&self, n: usize) -> Result<(), TryAcquireError> {
        if self.0.closed.get() {
            return Err(TryAcquireError::Closed);
        }
        let free = self.0.permits.get();
        if free < n {
            return Err(TryAcquireError::NoPermits);
        }
        self.0.permits.set(free - n);
        Ok(())
    }

    /// `acquire_many(n)`: waits for `n` permits.
    pub fn acquire(&self, n: usize) -> Acquire {
        Acquire {
            sem: self.clone(),
            n,
            waiter: None,
            done: false,
        }
    }

    /// `add_permits(n)` / a permit dropped: to the waiters in order, the rest to the pool
    /// (`add_permits_locked`). Wakes each waiter that now holds all it needs.
    pub fn release(&self, mut n: usize) {
        let mut wake = Vec::new();
        {
            let mut queue = self.0.queue.borrow_mut();
            while n > 0 {
                let Some(w) = queue.front() else { break };
                let take = w.needed.get().min(n);
                w.needed.set(w.needed.get() - take);
                n -= take;
                if w.needed.get() > 0 {
                    break;
                }
                let w = queue.pop_front().expect("front exists");
                let waker = w.waker.borrow_mut().take();
                wake.extend(waker);
            }
        }
        if n > 0 {
            self.0.permits.set(self.0.permits.get().saturating_add(n));
        }
        // Woken after the queue is settled, in queue order, as Tokio's `WakeList`.
        for w in wake {
            w.wake();
        }
    }

    /// `forget_permits(n)`: removes up to `n` free permits; returns how many.
    pub fn forget(&self, n: usize) -> usize {
        let free = self.0.permits.get();
        let gone = free.min(n);
        self.0.permits.set(free - gone);
        gone
    }

    /// `close()`: every waiter fails (woken in queue order), and so does every later acquire.
    pub fn close(&self) {
        self.0.closed.set(true);
        let queue = std::mem::take(&mut *self.0.queue.borrow_mut());
        for w in queue {
            let waker = w.waker.borrow_mut().take();
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }

    fn remove(&self, w: &Rc<Waiter>) {
        self.0.queue.borrow_mut().retain(|x| !Rc::ptr_eq(x, w));
    }
}

/// The future of [`Semaphore::acquire`]. Dropped while waiting, it gives back what it was handed.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Acquire {
    sem: Semaphore,
    n: usize,
    /// Set once it took or queued for permits: what it still needs is `needed`.
    waiter: Option<Rc<Waiter>>,
    done: bool,
}

impl Future for Acquire {
    type Output = Result<(), AcquireError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.done {
            return Poll::Pending;
        }
        let inner = &this.sem.0;
        let w = match &this.waiter {
            Some(w) => w.clone(),
            None => {
                if inner.closed.get() {
                    this.done = true;
                    return Poll::Ready(Err(AcquireError));
                }
                // `poll_acquire`: take what is free (free > 0 means the queue is empty).
                let free = inner.permits.get();
                let take = free.min(this.n);
                inner.permits.set(free - take);
                let w = Rc::new(Waiter {
                    needed: Cell::new(this.n - take),
                    waker: RefCell::new(None),
                });
                if this.n > take {
                    inner.queue.borrow_mut().push_back(w.clone());
                }
                this.waiter = Some(w.clone());
                w
            }
        };
        if w.needed.get() > 0 {
            if inner.closed.get() {
                this.sem.remove(&w);
                let held = this.n - w.needed.get();
                this.waiter = None;
                this.done = true;
                if held > 0 {
                    this.sem.release(held);
                }
                return Poll::Ready(Err(AcquireError));
            }
            *w.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        ready!(coop::poll_proceed(cx));
        coop::made_progress();
        this.waiter = None;
        this.done = true;
        Poll::Ready(Ok(()))
    }
}

impl Drop for Acquire {
    fn drop(&mut self) {
        if let Some(w) = self.waiter.take() {
            self.sem.remove(&w);
            let held = self.n - w.needed.get();
            if held > 0 {
                self.sem.release(held);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Waker;

    fn poll<F: Future + Unpin>(f: &mut F) -> Poll<F::Output> {
        Pin::new(f).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn fifo_and_partial_assignment() {
        let s = Semaphore::new(1);
        let mut a = s.acquire(2);
        assert!(poll(&mut a).is_pending());
        assert_eq!(s.available_permits(), 0);
        // A later acquire of 1 does not overtake the head waiter.
        let mut b = s.acquire(1);
        assert!(poll(&mut b).is_pending());
        assert_eq!(s.try_acquire(1), Err(TryAcquireError::NoPermits));
        s.release(1);
        assert!(poll(&mut a).is_ready());
        assert!(poll(&mut b).is_pending());
        s.release(2);
        assert!(poll(&mut b).is_ready());
        assert_eq!(s.available_permits(), 1);
    }

    #[test]
    fn dropped_waiter_gives_back_its_part() {
        let s = Semaphore::new(1);
        let mut a = s.acquire(3);
        assert!(poll(&mut a).is_pending());
        let mut b = s.acquire(1);
        assert!(poll(&mut b).is_pending());
        drop(a);
        assert!(poll(&mut b).is_ready());
        assert_eq!(s.available_permits(), 0);
    }

    #[test]
    fn close_fails_waiters_and_later_acquires() {
        let s = Semaphore::new(0);
        let mut a = s.acquire(1);
        assert!(poll(&mut a).is_pending());
        s.close();
        assert_eq!(poll(&mut a), Poll::Ready(Err(AcquireError)));
        assert_eq!(s.try_acquire(1), Err(TryAcquireError::Closed));
        assert_eq!(AcquireError.to_string(), "semaphore closed");
        assert_eq!(s.forget(3), 0);
    }
}
