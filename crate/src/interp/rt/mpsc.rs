//! `tokio::sync::mpsc`: many senders, one receiver, FIFO.
//!
//! Tokio's rules (`tokio/src/sync/mpsc/{bounded.rs, chan.rs, unbounded.rs}`):
//! - a bounded channel of capacity `n` is a semaphore of `n` permits: `send` waits for a permit,
//!   waiting senders are served first come, first served (`batch_semaphore` is fair), and each
//!   message the receiver takes gives its permit back, to the first waiting sender (woken);
//! - an unbounded channel's `send` never waits;
//! - `recv` returns `None` once every sender is dropped *and* the buffer is empty; the last sender's
//!   drop wakes the receiver;
//! - once the receiver is dropped (or `close`d), `send` fails with the value back (`SendError`),
//!   and waiting senders are woken to fail;
//! - `recv` and the permit wait spend coop budget.

use super::coop;

mod more;
pub use more::{Permit, Reserve, WeakSender};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll, Waker};

/// `SendError`: the receiver is gone; the value comes back.
pub struct SendError<T>(pub T);

impl<T> fmt::Debug for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendError").finish_non_exhaustive()
    }
}

impl<T> fmt::Display for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("channel closed")
    }
}

/// `TrySendError`, printed as Tokio prints it.
pub enum TrySendError<T> {
    /// The channel is full.
    Full(T),
    /// The receiver is gone.
    Closed(T),
}

// Tokio writes `"Full(..)".fmt(f)`, which resolves to `str`'s `Debug`: the quotes are printed.
// (Checked: `{:?}` of Tokio's `TrySendError::Full` prints `"Full(..)"`.)
impl<T> fmt::Debug for TrySendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TrySendError::Full(_) => "\"Full(..)\"",
            TrySendError::Closed(_) => "\"Closed(..)\"",
        })
    }
}

impl<T> fmt::Display for TrySendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TrySendError::Full(_) => "no available capacity",
            TrySendError::Closed(_) => "channel closed",
        })
    }
}

/// `TryRecvError`, printed as Tokio prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TryRecvError {
    /// Nothing buffered, senders alive.
    Empty,
    /// Nothing buffered, and no sender left.
    Disconnected,
}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TryRecvError::Empty => "receiving on an empty channel",
            TryRecvError::Disconnected => "receiving on a closed channel",
        })
    }
}

/// A sender waiting for a permit.
#[derive(Default)]
struct Waiter {
    assigned: Cell<bool>,
    /// Its `send` was dropped while waiting: skipped when a permit comes back. (Marked rather than
    /// removed, so that dropping many waiting sends, e.g. at shutdown, is not quadratic.)
    cancelled: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

struct Chan<T> {
    buffer: RefCell<VecDeque<T>>,
    /// `None` for an unbounded channel.
    capacity: Option<usize>,
    permits: Cell<usize>,
    waiters: RefCell<VecDeque<Rc<Waiter>>>,
    senders: Cell<usize>,
    /// The receiver was dropped or closed.
    closed: Cell<bool>,
    rx_waker: RefCell<Option<Waker>>,
    /// `Sender::closed()` waiters.
    closed_wakers: RefCell<Vec<Waker>>,
}

impl<T> Chan<T> {
    fn new(capacity: Option<usize>) -> Rc<Self> {
        Rc::new(Chan {
            buffer: RefCell::new(VecDeque::new()),
            capacity,
            permits: Cell::new(capacity.unwrap_or(0)),
            waiters: RefCell::new(VecDeque::new()),
            senders: Cell::new(1),
            closed: Cell::new(false),
            rx_waker: RefCell::new(None),
            closed_wakers: RefCell::new(Vec::new()),
        })
    }

    fn wake_rx(&self) {
        let w = self.rx_waker.borrow_mut().take();
        if let Some(w) = w {
            super::sched::via("channel", || w.wake());
        }
    }

    fn push(&self, value: T) {
        self.buffer.borrow_mut().push_back(value);
        self.wake_rx();
    }

    /// A permit comes back (`Semaphore::add_permit`): to the first waiter, else to the pool.
    fn release(&self) {
        let first = {
            let mut waiters = self.waiters.borrow_mut();
            std::iter::from_fn(|| waiters.pop_front()).find(|w| !w.cancelled.get())
        };
        match first {
            Some(w) => {
                w.assigned.set(true);
                let waker = w.waker.borrow_mut().take();
                if let Some(waker) = waker {
                    super::sched::via("channel", || waker.wake());
                }
            }
            None => self.permits.set(self.permits.get() + 1),
        }
    }

    /// The receiver side closes (`Semaphore::close`): every waiting sender is woken to fail.
    fn close(&self) {
        self.closed.set(true);
        let closed = std::mem::take(&mut *self.closed_wakers.borrow_mut());
        for w in closed {
            w.wake();
        }
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        for w in waiters {
            let waker = w.waker.borrow_mut().take();
            if let Some(waker) = waker {
                super::sched::via("channel", || waker.wake());
            }
        }
    }

    fn poll_recv(&self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        ready!(coop::poll_proceed(cx));
        let value = self.buffer.borrow_mut().pop_front();
        if let Some(v) = value {
            if self.capacity.is_some() {
                self.release();
            }
            coop::made_progress();
            return Poll::Ready(Some(v));
        }
        if self.senders.get() == 0 || self.closed.get() {
            coop::made_progress();
            return Poll::Ready(None);
        }
        *self.rx_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// Creates a bounded channel of capacity `buffer` (> 0: Tokio panics with "mpsc bounded channel
/// requires buffer > 0", the evaluator reports that).
pub fn channel<T>(buffer: usize) -> (Sender<T>, Receiver<T>) {
    let chan = Chan::new(Some(buffer));
    (Sender { chan: chan.clone() }, Receiver { chan })
}

/// Creates an unbounded channel.
pub fn unbounded_channel<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>) {
    let chan = Chan::new(None);
    (UnboundedSender { chan: chan.clone() }, Receiver { chan })
}

/// The sending half of a bounded channel. Clone it for more senders.
pub struct Sender<T> {
    chan: Rc<Chan<T>>,
}

/// The sending half of an unbounded channel.
pub struct UnboundedSender<T> {
    chan: Rc<Chan<T>>,
}

/// The receiving half of either kind of channel.
pub struct Receiver<T> {
    chan: Rc<Chan<T>>,
}

/// Tokio's name for the receiving half of an unbounded channel: the same type here.
pub type UnboundedReceiver<T> = Receiver<T>;

fn add_sender<T>(chan: &Rc<Chan<T>>) -> Rc<Chan<T>> {
    chan.senders.set(chan.senders.get() + 1);
    chan.clone()
}

fn drop_sender<T>(chan: &Chan<T>) {
    let left = chan.senders.get() - 1;
    chan.senders.set(left);
    if left == 0 {
        chan.wake_rx();
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Sender {
            chan: add_sender(&self.chan),
        }
    }
}

impl<T> Clone for UnboundedSender<T> {
    fn clone(&self) -> Self {
        UnboundedSender {
            chan: add_sender(&self.chan),
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        drop_sender(&self.chan);
    }
}

impl<T> Drop for UnboundedSender<T> {
    fn drop(&mut self) {
        drop_sender(&self.chan);
    }
}

impl<T> Sender<T> {
    /// `send(value).await`: waits for room, then buffers `value`.
    pub fn send(&self, value: T) -> Send<T> {
        Send {
            chan: self.chan.clone(),
            value: Some(value),
            waiter: None,
        }
    }

    /// `try_send`: buffers `value` if there is room now.
    pub fn try_send(&self, value: T) -> Result<(), TrySendError<T>> {
        let chan = &self.chan;
        if chan.closed.get() {
            return Err(TrySendError::Closed(value));
        }
        if chan.permits.get() == 0 {
            return Err(TrySendError::Full(value));
        }
        chan.permits.set(chan.permits.get() - 1);
        chan.push(value);
        Ok(())
    }

    /// `capacity()`: permits free now.
    pub fn capacity(&self) -> usize {
        self.chan.permits.get()
    }

    /// `max_capacity()`.
    pub fn max_capacity(&self) -> usize {
        self.chan.capacity.unwrap_or(0)
    }

    /// `is_closed()`: the receiver is gone or closed.
    pub fn is_closed(&self) -> bool {
        self.chan.closed.get()
    }

    /// `same_channel()`.
    pub fn same_channel(&self, other: &Sender<T>) -> bool {
        Rc::ptr_eq(&self.chan, &other.chan)
    }
}

impl<T> UnboundedSender<T> {
    /// `send(value)`: never waits; fails only if the receiver is gone.
    pub fn send(&self, value: T) -> Result<(), SendError<T>> {
        if self.chan.closed.get() {
            return Err(SendError(value));
        }
        self.chan.push(value);
        Ok(())
    }

    /// `is_closed()`.
    pub fn is_closed(&self) -> bool {
        self.chan.closed.get()
    }
}

/// The future of [`Sender::send`]. Dropping it while it waits gives up its place (and a permit it
/// was just handed goes to the next sender).
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Send<T> {
    chan: Rc<Chan<T>>,
    value: Option<T>,
    waiter: Option<Rc<Waiter>>,
}

impl<T> Unpin for Send<T> {}

impl<T> Future for Send<T> {
    type Output = Result<(), SendError<T>>;

    // `batch_semaphore::Acquire::poll` (tokio 1.54): first `poll_acquire` (a closed channel fails
    // at once; a free permit is taken, else the sender queues), and only once the permit is held
    // the coop budget: with none left the send is Pending (deferred) *keeping its permit*, and
    // completes at its next poll. (Found by a differential run against Tokio: the permit is taken
    // in the poll that runs out of budget, so a second sender cannot overtake it.)
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        let Some(value) = this.value.take() else {
            return Poll::Pending; // polled after completion
        };
        let chan = &this.chan;
        if chan.closed.get() {
            if let Some(w) = this.waiter.take() {
                w.cancelled.set(true); // a closed channel hands out no more permits
            }
            return Poll::Ready(Err(SendError(value)));
        }
        let acquired = match &this.waiter {
            Some(w) => w.assigned.get(),
            None if chan.permits.get() > 0 => {
                chan.permits.set(chan.permits.get() - 1);
                // Held, not queued: a waiter already assigned its permit.
                let w = Rc::new(Waiter::default());
                w.assigned.set(true);
                this.waiter = Some(w);
                true
            }
            None => {
                let w = Rc::new(Waiter::default());
                chan.waiters.borrow_mut().push_back(w.clone());
                this.waiter = Some(w);
                false
            }
        };
        if !acquired {
            if let Some(w) = &this.waiter {
                *w.waker.borrow_mut() = Some(cx.waker().clone());
            }
            this.value = Some(value);
            return Poll::Pending;
        }
        if !coop::has_budget() {
            this.value = Some(value);
            coop::defer(cx);
            return Poll::Pending;
        }
        coop::made_progress();
        this.waiter = None; // the permit goes with the message
        chan.push(value);
        Poll::Ready(Ok(()))
    }
}

impl<T> Drop for Send<T> {
    fn drop(&mut self) {
        if let Some(w) = self.waiter.take() {
            if w.assigned.get() {
                self.chan.release();
            } else {
                w.cancelled.set(true);
            }
        }
    }
}

impl<T> Receiver<T> {
    /// `recv().await`: the next message, or `None` once every sender is gone and the buffer is empty.
    pub fn recv(&self) -> Recv<T> {
        Recv {
            chan: self.chan.clone(),
        }
    }

    /// `try_recv()`.
    pub fn try_recv(&self) -> Result<T, TryRecvError> {
        let value = self.chan.buffer.borrow_mut().pop_front();
        match value {
            Some(v) => {
                if self.chan.capacity.is_some() {
                    self.chan.release();
                }
                Ok(v)
            }
            None if self.chan.senders.get() == 0 || self.chan.closed.get() => {
                Err(TryRecvError::Disconnected)
            }
            None => Err(TryRecvError::Empty),
        }
    }

    /// `close()`: no more sends; what is buffered can still be received.
    pub fn close(&self) {
        self.chan.close();
    }

    /// `len()`: messages buffered.
    pub fn len(&self) -> usize {
        self.chan.buffer.borrow().len()
    }

    /// `is_empty()`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `is_closed()`: closed, or every sender gone.
    pub fn is_closed(&self) -> bool {
        self.chan.closed.get() || self.chan.senders.get() == 0
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.chan.rx_waker.borrow_mut().take();
        self.chan.close();
        // Tokio drains the buffer when the receiver goes (`Rx::drop`): the messages drop now.
        let buffered = std::mem::take(&mut *self.chan.buffer.borrow_mut());
        drop(buffered);
    }
}

/// The future of [`Receiver::recv`]. Cancel-safe: dropping it loses no message.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Recv<T> {
    chan: Rc<Chan<T>>,
}

impl<T> Future for Recv<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.chan.poll_recv(cx)
    }
}
