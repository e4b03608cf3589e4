//! `tokio::sync::oneshot`: one value, from one sender to one receiver (`tokio/src/sync/oneshot.rs`).
//!
//! Sending never waits and wakes the receiver; a sender dropped without sending makes the receiver
//! fail with [`RecvError`]; sending to a dropped receiver gives the value back. Awaiting the
//! receiver spends coop budget.

use super::coop;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll, Waker};

/// The sender was dropped without sending. Printed as Tokio prints it.
///
/// ```
/// use async_playground::interp::rt::oneshot::RecvError;
/// assert_eq!(RecvError.to_string(), "channel closed");
/// assert_eq!(format!("{RecvError:?}"), "RecvError(())");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RecvError;

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("channel closed")
    }
}

impl fmt::Debug for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecvError(())")
    }
}

impl std::error::Error for RecvError {}

/// The error of [`Receiver::try_recv`], printed as Tokio prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TryRecvError {
    /// Nothing sent yet, and the sender is alive.
    Empty,
    /// The sender was dropped without sending (or the value was already taken).
    Closed,
}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TryRecvError::Empty => "channel empty",
            TryRecvError::Closed => "channel closed",
        })
    }
}

impl std::error::Error for TryRecvError {}

struct Inner<T> {
    value: RefCell<Option<T>>,
    /// The sender sent or was dropped.
    tx_done: Cell<bool>,
    rx_closed: Cell<bool>,
    rx_waker: RefCell<Option<Waker>>,
    /// `Sender::closed()`: woken when the receiver closes or drops.
    tx_waker: RefCell<Option<Waker>>,
    /// The receiver yielded its value or its error.
    terminated: Cell<bool>,
}

/// Creates a oneshot channel.
pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let inner = Rc::new(Inner {
        value: RefCell::new(None),
        tx_done: Cell::new(false),
        rx_closed: Cell::new(false),
        rx_waker: RefCell::new(None),
        tx_waker: RefCell::new(None),
        terminated: Cell::new(false),
    });
    (
        Sender {
            inner: inner.clone(),
        },
        Receiver { inner },
    )
}

/// The sending half.
pub struct Sender<T> {
    inner: Rc<Inner<T>>,
}

/// The receiving half: a future of the value.
pub struct Receiver<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Sender<T> {
    /// `send(value)`: `Err(value)` if the receiver is gone.
    pub fn send(self, value: T) -> Result<(), T> {
        if self.inner.rx_closed.get() {
            return Err(value);
        }
        *self.inner.value.borrow_mut() = Some(value);
        Ok(()) // `Drop` marks it sent and wakes the receiver
    }

    /// `is_closed()`: the receiver is gone.
    pub fn is_closed(&self) -> bool {
        self.inner.rx_closed.get()
    }

    /// `closed()`, polled: ready once the receiver is closed or dropped.
    pub fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.inner.rx_closed.get() {
            return Poll::Ready(());
        }
        *self.inner.tx_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl<T> Inner<T> {
    fn close_rx(&self) {
        self.rx_closed.set(true);
        let w = self.tx_waker.borrow_mut().take();
        if let Some(w) = w {
            w.wake();
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        self.inner.tx_done.set(true);
        let w = self.inner.rx_waker.borrow_mut().take();
        if let Some(w) = w {
            super::sched::via("channel", || w.wake());
        }
    }
}

impl<T> Receiver<T> {
    /// `try_recv()`: the value if it was sent.
    pub fn try_recv(&mut self) -> Result<T, TryRecvError> {
        if !self.inner.tx_done.get() {
            return Err(TryRecvError::Empty);
        }
        let value = self.inner.value.borrow_mut().take();
        self.inner.terminated.set(true);
        value.ok_or(TryRecvError::Closed)
    }

    /// `close()`: the sender's `send` will fail from now on.
    pub fn close(&mut self) {
        self.inner.close_rx();
    }

    /// `is_empty()`: nothing to receive now.
    pub fn is_empty(&self) -> bool {
        self.inner.value.borrow().is_none()
    }

    /// `is_terminated()`: it has yielded its value or its error.
    pub fn is_terminated(&self) -> bool {
        self.inner.terminated.get()
    }
}

// Tokio's sender wakes the receiver only if it is not closed (`Inner::complete`): a dropped
// receiver's task is not woken.
impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.inner.close_rx();
        self.inner.rx_waker.borrow_mut().take();
    }
}

impl<T> Unpin for Receiver<T> {}

impl<T> Future for Receiver<T> {
    type Output = Result<T, RecvError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        ready!(coop::poll_proceed(cx));
        if self.inner.tx_done.get() {
            coop::made_progress();
            let value = self.inner.value.borrow_mut().take();
            self.inner.terminated.set(true);
            return Poll::Ready(value.ok_or(RecvError));
        }
        *self.inner.rx_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}
