//! The rest of a bounded `Sender` (`tokio/src/sync/mpsc/bounded.rs`): `reserve` and its
//! [`Permit`], `closed`, `downgrade` and [`WeakSender`], and the receiver's `recv_many`.

use super::{add_sender, coop, Chan, Receiver, SendError, Sender, Waiter};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll};

/// A slot reserved in the channel: `send` fills it without waiting; dropping it gives it back.
pub struct Permit<T> {
    chan: Option<Rc<Chan<T>>>,
}

impl<T> Permit<T> {
    /// `same_channel(&other)`: both reserved on one channel.
    pub fn same_channel(&self, other: &Permit<T>) -> bool {
        matches!((&self.chan, &other.chan), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
    }

    /// `same_channel_as_sender(&tx)`.
    pub fn same_channel_as_sender(&self, tx: &Sender<T>) -> bool {
        self.chan.as_ref().is_some_and(|c| Rc::ptr_eq(c, &tx.chan))
    }

    /// `permit.send(value)`: never waits, never fails (the receiver may have gone: then the
    /// value is dropped with the buffer, as in Tokio).
    pub fn send(mut self, value: T) {
        if let Some(chan) = self.chan.take() {
            if chan.closed.get() {
                chan.release();
                return;
            }
            chan.push(value);
        }
    }
}

impl<T> Drop for Permit<T> {
    fn drop(&mut self) {
        if let Some(chan) = self.chan.take() {
            chan.release();
        }
    }
}

/// The future of [`Sender::reserve`]: waits for a permit like `send`, in the same FIFO queue.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Reserve<T> {
    chan: Rc<Chan<T>>,
    waiter: Option<Rc<Waiter>>,
    done: bool,
}

impl<T> Future for Reserve<T> {
    type Output = Result<Permit<T>, SendError<()>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.done {
            return Poll::Pending;
        }
        let chan = this.chan.clone();
        if chan.closed.get() {
            if let Some(w) = this.waiter.take() {
                w.cancelled.set(true);
            }
            this.done = true;
            return Poll::Ready(Err(SendError(())));
        }
        let acquired = match &this.waiter {
            Some(w) => w.assigned.get(),
            None if chan.permits.get() > 0 => {
                chan.permits.set(chan.permits.get() - 1);
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
            return Poll::Pending;
        }
        ready!(coop::poll_proceed(cx));
        coop::made_progress();
        this.waiter = None;
        this.done = true;
        Poll::Ready(Ok(Permit { chan: Some(chan) }))
    }
}

impl<T> Drop for Reserve<T> {
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

/// A sender that does not keep the channel open (`Sender::downgrade`).
pub struct WeakSender<T> {
    chan: Rc<Chan<T>>,
}

impl<T> Clone for WeakSender<T> {
    fn clone(&self) -> Self {
        WeakSender {
            chan: self.chan.clone(),
        }
    }
}

impl<T> WeakSender<T> {
    /// `upgrade()`: a sender again, unless every sender is gone.
    pub fn upgrade(&self) -> Option<Sender<T>> {
        if self.chan.senders.get() == 0 {
            return None;
        }
        Some(Sender {
            chan: add_sender(&self.chan),
        })
    }

    /// `upgrade()` of a `WeakUnboundedSender`: an unbounded sender again.
    pub fn upgrade_unbounded(&self) -> Option<super::UnboundedSender<T>> {
        if self.chan.senders.get() == 0 {
            return None;
        }
        Some(super::UnboundedSender {
            chan: add_sender(&self.chan),
        })
    }
}

impl<T> super::UnboundedSender<T> {
    /// `downgrade()`: a `WeakUnboundedSender`.
    pub fn downgrade(&self) -> WeakSender<T> {
        WeakSender {
            chan: self.chan.clone(),
        }
    }
}

impl<T> Sender<T> {
    /// `reserve().await`.
    pub fn reserve(&self) -> Reserve<T> {
        Reserve {
            chan: self.chan.clone(),
            waiter: None,
            done: false,
        }
    }

    /// `try_reserve()`.
    pub fn try_reserve(&self) -> Result<Permit<T>, bool> {
        let chan = &self.chan;
        if chan.closed.get() {
            return Err(true);
        }
        if chan.permits.get() == 0 {
            return Err(false);
        }
        chan.permits.set(chan.permits.get() - 1);
        Ok(Permit {
            chan: Some(chan.clone()),
        })
    }

    /// `downgrade()`.
    pub fn downgrade(&self) -> WeakSender<T> {
        WeakSender {
            chan: self.chan.clone(),
        }
    }

    /// `closed()`, polled: ready once the receiver is dropped or closed.
    pub fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<()> {
        self.chan.poll_closed(cx)
    }

    /// `strong_count()`.
    pub fn strong_count(&self) -> usize {
        self.chan.senders.get()
    }
}

impl<T> Chan<T> {
    pub(super) fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.closed.get() {
            return Poll::Ready(());
        }
        self.closed_wakers.borrow_mut().push(cx.waker().clone());
        Poll::Pending
    }
}

impl<T> Receiver<T> {
    /// `recv_many(&mut buf, limit)`, polled: at least one message (up to `limit`), or `None`
    /// once the channel is closed and empty (Tokio returns 0 then, and for `limit == 0`).
    pub fn poll_recv_many(&self, cx: &mut Context<'_>, limit: usize) -> Poll<Vec<T>> {
        ready!(coop::poll_proceed(cx));
        if limit == 0 {
            coop::made_progress();
            return Poll::Ready(Vec::new());
        }
        let chan = &self.chan;
        let mut got = Vec::new();
        while got.len() < limit {
            let Some(v) = chan.buffer.borrow_mut().pop_front() else {
                break;
            };
            got.push(v);
        }
        if !got.is_empty() {
            if chan.capacity.is_some() {
                for _ in 0..got.len() {
                    chan.release();
                }
            }
            coop::made_progress();
            return Poll::Ready(got);
        }
        if chan.senders.get() == 0 || chan.closed.get() {
            coop::made_progress();
            return Poll::Ready(got);
        }
        *chan.rx_waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl<T> super::UnboundedSender<T> {
    /// `same_channel()`.
    pub fn same_channel(&self, other: &super::UnboundedSender<T>) -> bool {
        Rc::ptr_eq(&self.chan, &other.chan)
    }

    /// `closed()`, polled.
    pub fn poll_closed(&self, cx: &mut Context<'_>) -> Poll<()> {
        self.chan.poll_closed(cx)
    }
}

impl<T> Receiver<T> {
    /// `capacity()`: free slots now.
    pub fn capacity(&self) -> usize {
        self.chan.permits.get()
    }

    /// `max_capacity()`.
    pub fn max_capacity(&self) -> usize {
        self.chan.capacity.unwrap_or(0)
    }
}
