//! `tokio::sync::broadcast` (`tokio/src/sync/broadcast.rs`): every receiver sees every value.
//!
//! - the ring holds `capacity` values (rounded up to a power of two); a receiver that falls further
//!   behind gets `Lagged(n)` once, and then continues from the oldest value still held;
//! - `send` fails (value back) when no receiver is alive, else returns how many receivers exist;
//! - once every sender is gone, a receiver drains what it has not seen and then gets `Closed`;
//! - a send wakes every waiting receiver, in the order they waited; `recv` spends coop budget.

use super::super::coop;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll, Waker};

/// `broadcast::error::RecvError` / `TryRecvError`, printed as Tokio prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvError {
    /// Every sender is gone and everything was received.
    Closed,
    /// The receiver missed this many values.
    Lagged(u64),
    /// `try_recv` only: nothing new yet.
    Empty,
}

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecvError::Closed => f.write_str("channel closed"),
            RecvError::Lagged(n) => write!(f, "channel lagged by {n}"),
            RecvError::Empty => f.write_str("channel empty"),
        }
    }
}

struct Shared<T> {
    /// The last `cap` values, each with how many receivers have yet to see it; the first has
    /// position `tail - buffer.len()`.
    buffer: RefCell<VecDeque<(T, Cell<usize>)>>,
    cap: usize,
    /// Values sent so far.
    tail: Cell<u64>,
    senders: Cell<usize>,
    receivers: Cell<usize>,
    waiters: RefCell<Vec<Waker>>,
}

impl<T> Shared<T> {
    fn closed(&self) -> bool {
        self.senders.get() == 0
    }

    fn wake_all(&self) {
        let all = std::mem::take(&mut *self.waiters.borrow_mut());
        for w in all {
            w.wake();
        }
    }
}

/// `broadcast::channel(capacity)`; `None` for 0 (Tokio panics: "broadcast channel capacity cannot
/// be zero").
pub fn channel<T: Clone>(capacity: usize) -> Option<(Sender<T>, Receiver<T>)> {
    if capacity == 0 || capacity > usize::MAX / 2 {
        return None;
    }
    let shared = Rc::new(Shared {
        buffer: RefCell::new(VecDeque::new()),
        cap: capacity.next_power_of_two(),
        tail: Cell::new(0),
        senders: Cell::new(1),
        receivers: Cell::new(1),
        waiters: RefCell::new(Vec::new()),
    });
    Some((
        Sender {
            shared: shared.clone(),
        },
        Receiver { shared, next: 0 },
    ))
}

/// The sending half. Clone it for more senders.
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
            self.shared.wake_all();
        }
    }
}

/// `broadcast::WeakSender`: does not keep the channel open.
pub struct WeakSender<T> {
    shared: Rc<Shared<T>>,
}

impl<T> Clone for WeakSender<T> {
    fn clone(&self) -> Self {
        WeakSender {
            shared: self.shared.clone(),
        }
    }
}

impl<T> WeakSender<T> {
    /// `upgrade()`: a sender again, unless every sender is gone.
    pub fn upgrade(&self) -> Option<Sender<T>> {
        if self.shared.closed() {
            return None;
        }
        self.shared.senders.set(self.shared.senders.get() + 1);
        Some(Sender {
            shared: self.shared.clone(),
        })
    }
}

impl<T> Sender<T> {
    /// `downgrade()`.
    pub fn downgrade(&self) -> WeakSender<T> {
        WeakSender {
            shared: self.shared.clone(),
        }
    }

    /// `strong_count()`: the senders.
    pub fn strong_count(&self) -> usize {
        self.shared.senders.get()
    }
}

impl<T: Clone> Sender<T> {
    /// `send(value)`: `Ok(receiver_count)`, or the value back when nobody listens.
    pub fn send(&self, value: T) -> Result<usize, T> {
        let s = &self.shared;
        if s.receivers.get() == 0 {
            return Err(value);
        }
        {
            let mut buf = s.buffer.borrow_mut();
            if buf.len() == s.cap {
                buf.pop_front();
            }
            buf.push_back((value, Cell::new(s.receivers.get())));
        }
        s.tail.set(s.tail.get() + 1);
        s.wake_all();
        Ok(s.receivers.get())
    }

    /// `subscribe()`: a receiver that sees values sent from now on.
    pub fn subscribe(&self) -> Receiver<T> {
        self.shared.receivers.set(self.shared.receivers.get() + 1);
        Receiver {
            shared: self.shared.clone(),
            next: self.shared.tail.get(),
        }
    }

    /// `receiver_count()`.
    pub fn receiver_count(&self) -> usize {
        self.shared.receivers.get()
    }

    /// `len()`: values not yet seen by every receiver alive when they were sent (and not yet
    /// pushed out by newer ones).
    pub fn len(&self) -> usize {
        let buf = self.shared.buffer.borrow();
        let seen = buf.iter().take_while(|(_, rem)| rem.get() == 0).count();
        buf.len() - seen
    }

    /// `same_channel()`.
    pub fn same_channel(&self, other: &Sender<T>) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }

    /// `is_empty()`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The receiving half.
pub struct Receiver<T> {
    shared: Rc<Shared<T>>,
    /// Position of the next value to receive.
    next: u64,
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        // What it had not seen is no longer waiting for it.
        let tail = self.shared.tail.get();
        let buf = self.shared.buffer.borrow();
        let oldest = tail - buf.len() as u64;
        for (_, rem) in buf.iter().skip(self.next.saturating_sub(oldest) as usize) {
            rem.set(rem.get().saturating_sub(1));
        }
        drop(buf);
        self.shared
            .receivers
            .set(self.shared.receivers.get().saturating_sub(1));
    }
}

impl<T: Clone> Receiver<T> {
    /// `try_recv()` (`recv_ref`).
    pub fn try_recv(&mut self) -> Result<T, RecvError> {
        let s = &self.shared;
        let tail = s.tail.get();
        if self.next >= tail {
            return Err(if s.closed() {
                RecvError::Closed
            } else {
                RecvError::Empty
            });
        }
        let oldest = tail - s.buffer.borrow().len() as u64;
        if self.next < oldest {
            let missed = oldest - self.next;
            self.next = oldest;
            return Err(RecvError::Lagged(missed));
        }
        let v = {
            let buf = s.buffer.borrow();
            let (v, rem) = &buf[(self.next - oldest) as usize];
            rem.set(rem.get().saturating_sub(1));
            v.clone()
        };
        self.next += 1;
        Ok(v)
    }

    /// `recv()`, polled: waits while nothing is new and a sender lives.
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Result<T, RecvError>> {
        ready!(coop::poll_proceed(cx));
        match self.try_recv() {
            Err(RecvError::Empty) => {
                self.shared.waiters.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            }
            r => {
                coop::made_progress();
                Poll::Ready(r)
            }
        }
    }

    /// `resubscribe()`: a new receiver starting at the newest position.
    pub fn resubscribe(&self) -> Receiver<T> {
        self.shared.receivers.set(self.shared.receivers.get() + 1);
        Receiver {
            shared: self.shared.clone(),
            next: self.shared.tail.get(),
        }
    }

    /// `len()`: values not yet received (held ones only).
    pub fn len(&self) -> usize {
        let tail = self.shared.tail.get();
        let oldest = tail - self.shared.buffer.borrow().len() as u64;
        (tail - self.next.max(oldest)) as usize
    }

    /// `is_empty()`.
    pub fn is_empty(&self) -> bool {
        self.shared.tail.get() <= self.next
    }

    /// `is_closed()`: every sender is gone.
    pub fn is_closed(&self) -> bool {
        self.shared.closed()
    }

    /// `same_channel()`.
    pub fn same_channel(&self, other: &Receiver<T>) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }
}

/// A future of one `recv` on a shared receiver.
pub struct Recv<T> {
    rx: Rc<RefCell<Receiver<T>>>,
}

impl<T: Clone> Recv<T> {
    /// `rx.recv()` for a receiver the caller shares.
    pub fn new(rx: Rc<RefCell<Receiver<T>>>) -> Recv<T> {
        Recv { rx }
    }
}

impl<T: Clone> Future for Recv<T> {
    type Output = Result<T, RecvError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.rx.borrow_mut().poll_recv(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lagged_then_oldest_then_closed() {
        let (tx, mut rx) = channel::<i32>(2).unwrap();
        for i in 1..=4 {
            assert_eq!(tx.send(i), Ok(1));
        }
        assert_eq!(rx.try_recv(), Err(RecvError::Lagged(2)));
        assert_eq!(rx.try_recv(), Ok(3));
        assert_eq!(rx.try_recv(), Ok(4));
        assert_eq!(rx.try_recv(), Err(RecvError::Empty));
        drop(tx);
        assert_eq!(rx.try_recv(), Err(RecvError::Closed));
        assert_eq!(RecvError::Lagged(2).to_string(), "channel lagged by 2");
    }

    #[test]
    fn send_without_receivers_fails() {
        let (tx, rx) = channel::<i32>(3).unwrap();
        drop(rx);
        assert_eq!(tx.send(1), Err(1));
        let mut late = tx.subscribe();
        assert_eq!(tx.send(2), Ok(1));
        assert_eq!(late.try_recv(), Ok(2));
        assert!(channel::<i32>(0).is_none());
    }
}
