//! `tokio::sync::watch` (`tokio/src/sync/watch.rs`): one value, many observers of its latest version.
//!
//! - a receiver remembers the version it saw; `changed` is ready when the version moved on, else
//!   fails once the sender is gone, else waits (coop budget spent, like Tokio's `cooperative`);
//! - `borrow` does not mark the value seen, `borrow_and_update` does;
//! - `send` fails (value back) when no receiver is alive; `send_modify`/`send_replace` always store;
//! - a change wakes every waiting receiver, in the order they waited.

use super::super::coop;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll, Waker};

struct Shared<T> {
    value: RefCell<T>,
    version: Cell<u64>,
    senders: Cell<usize>,
    receivers: Cell<usize>,
    rx_waiters: RefCell<Vec<Waker>>,
    /// `Sender::closed()` waiters: woken when the last receiver goes.
    tx_waiters: RefCell<Vec<Waker>>,
}

fn wake(list: &RefCell<Vec<Waker>>) {
    let all = std::mem::take(&mut *list.borrow_mut());
    for w in all {
        w.wake();
    }
}

/// `watch::channel(init)`.
pub fn channel<T>(init: T) -> (Sender<T>, Receiver<T>) {
    let shared = Rc::new(Shared {
        value: RefCell::new(init),
        version: Cell::new(0),
        senders: Cell::new(1),
        receivers: Cell::new(1),
        rx_waiters: RefCell::new(Vec::new()),
        tx_waiters: RefCell::new(Vec::new()),
    });
    (
        Sender {
            shared: shared.clone(),
        },
        Receiver { shared, seen: 0 },
    )
}

/// The sending half.
pub struct Sender<T> {
    shared: Rc<Shared<T>>,
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        self.shared.senders.set(self.shared.senders.get() + 1);
        Sender {
            shared: self.shared.clone(),
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let left = self.shared.senders.get() - 1;
        self.shared.senders.set(left);
        if left == 0 {
            wake(&self.shared.rx_waiters);
        }
    }
}

impl<T> Sender<T> {
    /// `send(value)`: the value back when no receiver is alive.
    pub fn send(&self, value: T) -> Result<(), T> {
        if self.shared.receivers.get() == 0 {
            return Err(value);
        }
        self.send_replace(value);
        Ok(())
    }

    /// `send_replace(value)`: stores even without receivers; returns the old value.
    pub fn send_replace(&self, value: T) -> T {
        let old = std::mem::replace(&mut *self.shared.value.borrow_mut(), value);
        self.bump();
        old
    }

    /// `send_modify` / `send_if_modified` after the change: `modified` says whether to notify.
    pub fn modified(&self, modified: bool) {
        if modified {
            self.bump();
        }
    }

    fn bump(&self) {
        self.shared.version.set(self.shared.version.get() + 1);
        wake(&self.shared.rx_waiters);
    }

    /// The value, to read or to modify in place (then call [`Sender::modified`]).
    pub fn value_mut(&self) -> RefMut<'_, T> {
        self.shared.value.borrow_mut()
    }

    /// `borrow()`.
    pub fn borrow(&self) -> Ref<'_, T> {
        self.shared.value.borrow()
    }

    /// `subscribe()`: a receiver that has seen the current value.
    pub fn subscribe(&self) -> Receiver<T> {
        self.shared.receivers.set(self.shared.receivers.get() + 1);
        Receiver {
            shared: self.shared.clone(),
            seen: self.shared.version.get(),
        }
    }

    /// `receiver_count()`.
    pub fn receiver_count(&self) -> usize {
        self.shared.receivers.get()
    }

    /// `sender_count()`.
    pub fn sender_count(&self) -> usize {
        self.shared.senders.get()
    }

    /// `same_channel()`.
    pub fn same_channel(&self, other: &Sender<T>) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }

    /// `is_closed()`: no receiver left.
    pub fn is_closed(&self) -> bool {
        self.shared.receivers.get() == 0
    }

    /// `closed()`, polled.
    pub fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.is_closed() {
            return Poll::Ready(());
        }
        self.shared.tx_waiters.borrow_mut().push(cx.waker().clone());
        Poll::Pending
    }
}

/// The receiving half.
pub struct Receiver<T> {
    shared: Rc<Shared<T>>,
    seen: u64,
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        self.shared.receivers.set(self.shared.receivers.get() + 1);
        Receiver {
            shared: self.shared.clone(),
            seen: self.seen,
        }
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        let left = self.shared.receivers.get().saturating_sub(1);
        self.shared.receivers.set(left);
        if left == 0 {
            wake(&self.shared.tx_waiters);
        }
    }
}

/// `watch::error::RecvError`: the sender is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closed;

impl<T> Receiver<T> {
    /// `borrow()`: the latest value, not marked seen.
    pub fn borrow(&self) -> Ref<'_, T> {
        self.shared.value.borrow()
    }

    /// `borrow_and_update()`: the latest value, marked seen.
    pub fn borrow_and_update(&mut self) -> Ref<'_, T> {
        self.seen = self.shared.version.get();
        self.shared.value.borrow()
    }

    /// `is_closed()`: every sender is gone.
    pub fn is_closed(&self) -> bool {
        self.shared.senders.get() == 0
    }

    /// Marks the latest value seen; whether it was new (`wait_for`'s `has_changed`).
    pub fn update_seen(&mut self) -> bool {
        let v = self.shared.version.get();
        let changed = self.seen != v;
        self.seen = v;
        changed
    }

    /// `has_changed()`.
    pub fn has_changed(&self) -> Result<bool, Closed> {
        if self.shared.senders.get() == 0 {
            return Err(Closed);
        }
        Ok(self.seen != self.shared.version.get())
    }

    /// `mark_changed()` / `mark_unchanged()`.
    pub fn mark(&mut self, changed: bool) {
        let v = self.shared.version.get();
        self.seen = if changed { v.wrapping_sub(1) } else { v };
    }

    /// `changed()`, polled (`changed_impl` inside `cooperative`).
    pub fn poll_changed(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Closed>> {
        ready!(coop::poll_proceed(cx));
        let v = self.shared.version.get();
        if v != self.seen {
            self.seen = v;
            coop::made_progress();
            return Poll::Ready(Ok(()));
        }
        if self.shared.senders.get() == 0 {
            coop::made_progress();
            return Poll::Ready(Err(Closed));
        }
        self.shared.rx_waiters.borrow_mut().push(cx.waker().clone());
        Poll::Pending
    }

    /// True if both receivers watch one channel.
    pub fn same_channel(&self, other: &Receiver<T>) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }
}

/// A future of one `changed` on a shared receiver.
pub struct Changed<T> {
    rx: Rc<RefCell<Receiver<T>>>,
}

impl<T> Changed<T> {
    /// `rx.changed()` for a receiver the caller shares.
    pub fn new(rx: Rc<RefCell<Receiver<T>>>) -> Changed<T> {
        Changed { rx }
    }
}

impl<T> Future for Changed<T> {
    type Output = Result<(), Closed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.rx.borrow_mut().poll_changed(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll<F: Future + Unpin>(f: &mut F) -> Poll<F::Output> {
        Pin::new(f).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn changed_sees_versions_not_values() {
        let (tx, rx) = channel(1);
        let rx = Rc::new(RefCell::new(rx));
        assert!(poll(&mut Changed::new(rx.clone())).is_pending());
        tx.send(2).unwrap();
        tx.send(3).unwrap();
        assert_eq!(poll(&mut Changed::new(rx.clone())), Poll::Ready(Ok(())));
        assert_eq!(*rx.borrow().borrow(), 3);
        assert_eq!(rx.borrow().has_changed(), Ok(false));
        drop(tx);
        assert_eq!(
            poll(&mut Changed::new(rx.clone())),
            Poll::Ready(Err(Closed))
        );
    }
}
