//! `tokio::sync::Notify` (`tokio/src/sync/notify.rs`): wakes tasks, FIFO.
//!
//! - `notify_one` with nobody waiting stores *one* permit; the next `notified()` takes it at its
//!   first poll. With waiters, it wakes the one that waited longest (`notify_last`: the newest).
//! - `notify_waiters` wakes every waiter *and* every `Notified` created before the call, even if
//!   not yet polled; it stores no permit.
//! - a `Notified` woken by `notify_one` but dropped before it finished hands the notification on.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Got {
    No,
    One,
    All,
}

struct Waiter {
    got: Cell<Got>,
    waker: RefCell<Option<Waker>>,
}

struct Inner {
    permit: Cell<bool>,
    /// `notify_waiters` calls so far: a `Notified` made before one is done.
    calls: Cell<u64>,
    /// Front = waited longest.
    waiters: RefCell<VecDeque<Rc<Waiter>>>,
}

/// `tokio::sync::Notify`. Cheap to clone: clones are the same `Notify`.
#[derive(Clone)]
pub struct Notify(Rc<Inner>);

impl Default for Notify {
    fn default() -> Self {
        Notify::new()
    }
}

impl Notify {
    /// `Notify::new()`.
    pub fn new() -> Notify {
        Notify(Rc::new(Inner {
            permit: Cell::new(false),
            calls: Cell::new(0),
            waiters: RefCell::new(VecDeque::new()),
        }))
    }

    /// `notified()`.
    pub fn notified(&self) -> Notified {
        Notified {
            notify: self.clone(),
            calls: self.0.calls.get(),
            waiter: None,
            done: false,
        }
    }

    /// `notify_one()`.
    pub fn notify_one(&self) {
        self.notify(false);
    }

    /// `notify_last()`.
    pub fn notify_last(&self) {
        self.notify(true);
    }

    fn notify(&self, last: bool) {
        let w = {
            let mut q = self.0.waiters.borrow_mut();
            if last {
                q.pop_back()
            } else {
                q.pop_front()
            }
        };
        match w {
            Some(w) => {
                w.got.set(Got::One);
                let waker = w.waker.borrow_mut().take();
                if let Some(waker) = waker {
                    waker.wake();
                }
            }
            None => self.0.permit.set(true),
        }
    }

    /// `notify_waiters()`.
    pub fn notify_waiters(&self) {
        self.0.calls.set(self.0.calls.get() + 1);
        let all = std::mem::take(&mut *self.0.waiters.borrow_mut());
        for w in all {
            w.got.set(Got::All);
            let waker = w.waker.borrow_mut().take();
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }

    /// Tasks waiting now.
    pub fn waiting(&self) -> usize {
        self.0.waiters.borrow().len()
    }
}

/// The future of [`Notify::notified`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Notified {
    notify: Notify,
    calls: u64,
    waiter: Option<Rc<Waiter>>,
    done: bool,
}

impl Future for Notified {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(());
        }
        let inner = &this.notify.0;
        let finish = |this: &mut Notified| {
            this.done = true;
            this.waiter = None;
            Poll::Ready(())
        };
        if let Some(w) = &this.waiter {
            if w.got.get() != Got::No {
                return finish(this);
            }
            if inner.calls.get() != this.calls {
                let w = w.clone();
                inner.waiters.borrow_mut().retain(|x| !Rc::ptr_eq(x, &w));
                return finish(this);
            }
            *w.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        if inner.calls.get() != this.calls {
            return finish(this);
        }
        if inner.permit.replace(false) {
            return finish(this);
        }
        let w = Rc::new(Waiter {
            got: Cell::new(Got::No),
            waker: RefCell::new(Some(cx.waker().clone())),
        });
        inner.waiters.borrow_mut().push_back(w.clone());
        this.waiter = Some(w);
        Poll::Pending
    }
}

impl Drop for Notified {
    fn drop(&mut self) {
        let Some(w) = self.waiter.take() else { return };
        match w.got.get() {
            Got::No => self
                .notify
                .0
                .waiters
                .borrow_mut()
                .retain(|x| !Rc::ptr_eq(x, &w)),
            // Woken by `notify_one` but never finished: the notification goes to the next.
            Got::One => self.notify.notify_one(),
            Got::All => {}
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
    fn permit_is_stored_once() {
        let n = Notify::new();
        n.notify_one();
        n.notify_one();
        assert!(poll(&mut n.notified()).is_ready());
        assert!(poll(&mut n.notified()).is_pending());
    }

    #[test]
    fn fifo_and_handover() {
        let n = Notify::new();
        let (mut a, mut b) = (n.notified(), n.notified());
        assert!(poll(&mut a).is_pending());
        assert!(poll(&mut b).is_pending());
        n.notify_one();
        drop(a); // woken, not finished: b gets it
        assert!(poll(&mut b).is_ready());
    }

    #[test]
    fn notify_waiters_reaches_futures_not_yet_polled() {
        let n = Notify::new();
        let mut a = n.notified();
        n.notify_waiters();
        assert!(poll(&mut a).is_ready());
        assert!(poll(&mut n.notified()).is_pending());
    }
}
