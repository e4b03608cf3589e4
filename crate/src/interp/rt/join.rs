//! `tokio::join!` and `tokio::try_join!`: all branches run concurrently inside one task.
//!
//! Tokio's rotating start (`tokio/src/macros/join.rs`, `Rotator::num_skip`): the first poll of the
//! joined future starts at branch 0, the next at branch 1, and so on, wrapping around, so no branch
//! is always first. A finished branch is kept as its output (`MaybeDone::Done`, its future dropped
//! when it finished) and costs nothing to "poll". With `biased;` every poll starts at branch 0.

use super::BoxFut;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// One branch: running, or finished with its output (Tokio's `MaybeDone`).
enum MaybeDone<T> {
    Future(BoxFut<T>),
    Done(T),
    Gone,
}

impl<T> MaybeDone<T> {
    /// Polls a running branch; true once it is done.
    fn poll(&mut self, cx: &mut Context<'_>) -> bool {
        if let MaybeDone::Future(f) = self {
            match f.as_mut().poll(cx) {
                // Assigning drops the branch's future now, as `MaybeDone` does.
                Poll::Ready(v) => *self = MaybeDone::Done(v),
                Poll::Pending => return false,
            }
        }
        true
    }

    fn take(&mut self) -> Option<T> {
        match std::mem::replace(self, MaybeDone::Gone) {
            MaybeDone::Done(v) => Some(v),
            other => {
                *self = other;
                None
            }
        }
    }
}

/// The poll order shared by `join!` and `try_join!`.
struct Branches<T> {
    branches: Vec<MaybeDone<T>>,
    next: usize,
    biased: bool,
}

impl<T> Branches<T> {
    fn new(branches: Vec<BoxFut<T>>, biased: bool) -> Self {
        Branches {
            branches: branches.into_iter().map(MaybeDone::Future).collect(),
            next: 0,
            biased,
        }
    }

    /// The branch indices of this poll, in order (`num_skip` then wrap around).
    fn order(&mut self) -> impl Iterator<Item = usize> {
        let n = self.branches.len();
        let skip = if self.biased || n == 0 {
            0
        } else {
            let s = self.next;
            self.next = (s + 1) % n;
            s
        };
        (0..n).map(move |i| (skip + i) % n)
    }

    fn outputs(&mut self) -> Vec<T> {
        self.branches
            .iter_mut()
            .filter_map(MaybeDone::take)
            .collect()
    }
}

/// The future of [`join`]: all outputs, in branch order.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Join<T>(Branches<T>);

/// `tokio::join!(a, b, ...)` (`biased` for `join!(biased; ...)`).
pub fn join<T>(branches: Vec<BoxFut<T>>, biased: bool) -> Join<T> {
    Join(Branches::new(branches, biased))
}

impl<T> Unpin for Join<T> {}

impl<T> Future for Join<T> {
    type Output = Vec<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<T>> {
        let this = &mut self.0;
        let mut pending = false;
        for i in this.order().collect::<Vec<_>>() {
            if !this.branches[i].poll(cx) {
                pending = true;
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(this.outputs())
        }
    }
}

/// The future of [`try_join`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct TryJoin<T, E>(Branches<Result<T, E>>);

/// `tokio::try_join!(a, b, ...)`: like [`join`], but the first `Err` a poll meets ends it at once
/// (the other branches are dropped with the future).
pub fn try_join<T, E>(branches: Vec<BoxFut<Result<T, E>>>, biased: bool) -> TryJoin<T, E> {
    TryJoin(Branches::new(branches, biased))
}

impl<T, E> Unpin for TryJoin<T, E> {}

impl<T, E> Future for TryJoin<T, E> {
    type Output = Result<Vec<T>, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut self.0;
        let mut pending = false;
        for i in this.order().collect::<Vec<_>>() {
            let branch = &mut this.branches[i];
            if !branch.poll(cx) {
                pending = true;
            } else if matches!(branch, MaybeDone::Done(Err(_))) {
                if let Some(Err(e)) = branch.take() {
                    return Poll::Ready(Err(e));
                }
            }
        }
        if pending {
            return Poll::Pending;
        }
        // Every branch is `Ok` here: an `Err` returned above as soon as it was seen.
        Poll::Ready(this.outputs().into_iter().collect())
    }
}
