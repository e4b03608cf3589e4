//! `tokio::select!`: the first branch to complete wins; the others are dropped (cancelled).
//!
//! Tokio's rules (`tokio/src/macros/select.rs`):
//! - every branch's future is created before the first poll, even a branch disabled by its
//!   `, if condition` (the condition is checked first; a false one only disables the branch);
//! - each poll starts at a random branch (`thread_rng_n(BRANCHES)`) and goes round once, unless
//!   `biased;`, which always starts at branch 0;
//! - a completed branch is disabled; if its value does not match the branch's pattern the poll goes
//!   on with the next branch, so a refutable pattern that fails falls through;
//! - when a branch completes and matches, all futures are dropped before its handler runs;
//! - when every branch is disabled, `select!` runs `else`, or panics "all branches are disabled and
//!   there is no else branch";
//! - a poll with no coop budget left is Pending at once (`poll_budget_available`).

use super::{coop, BoxFut};
use std::cell::Cell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// The runtime's seeded random numbers (xorshift64*): a run is reproducible from its seed.
/// Cheap to clone; clones share the state.
#[derive(Clone)]
pub struct Rng(Rc<Cell<u64>>);

impl Rng {
    /// A generator seeded with `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Self {
        // splitmix64 of the seed: never 0, which xorshift cannot leave.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng(Rc::new(Cell::new((z ^ (z >> 31)) | 1)))
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&self, n: u32) -> u32 {
        let mut x = self.0.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0.set(x);
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32;
        (r % u64::from(n.max(1))) as u32
    }
}

impl fmt::Debug for Rng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Rng")
    }
}

/// Does a branch's output match its pattern? (`None`: always, e.g. a plain binding.)
type Accept<T> = Box<dyn Fn(&T) -> bool>;

/// One branch of [`select`]: `pattern = future, if condition => handler`.
pub struct Branch<T> {
    fut: BoxFut<T>,
    enabled: bool,
    accept: Option<Accept<T>>,
}

impl<T> Branch<T> {
    /// A branch whose future is `fut`, enabled, whose pattern always matches.
    pub fn new(fut: BoxFut<T>) -> Self {
        Branch {
            fut,
            enabled: true,
            accept: None,
        }
    }

    /// `, if condition`: a false condition disables the branch before the first poll (its future
    /// is still created, and dropped with the others).
    pub fn enabled(mut self, condition: bool) -> Self {
        self.enabled = condition;
        self
    }

    /// A refutable pattern: when `accept` says no to the branch's output, the branch is disabled and
    /// the poll goes on with the next one.
    pub fn accept(mut self, accept: impl Fn(&T) -> bool + 'static) -> Self {
        self.accept = Some(Box::new(accept));
        self
    }
}

/// The future of [`select`]: `Some((branch index, output))`, or `None` when every branch is disabled
/// (run `else`, or panic as Tokio does without one).
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Select<T> {
    branches: Vec<Branch<T>>,
    biased: bool,
    rng: Rng,
}

/// `tokio::select!` over `branches`; `biased` for `biased;`, else each poll starts at a branch drawn
/// from `rng`.
pub fn select<T>(branches: Vec<Branch<T>>, biased: bool, rng: Rng) -> Select<T> {
    Select {
        branches,
        biased,
        rng,
    }
}

impl<T> Unpin for Select<T> {}

impl<T> Future for Select<T> {
    type Output = Option<(usize, T)>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `poll_budget_available`: no budget, no polling (and the task is deferred).
        if !coop::has_budget() {
            coop::defer(cx);
            return Poll::Pending;
        }
        let this = &mut *self;
        let n = this.branches.len();
        let start = if this.biased || n == 0 {
            0
        } else {
            this.rng.below(n as u32) as usize
        };
        let mut pending = false;
        for i in 0..n {
            let index = (start + i) % n;
            let branch = &mut this.branches[index];
            if !branch.enabled {
                continue;
            }
            let out = match branch.fut.as_mut().poll(cx) {
                Poll::Ready(out) => out,
                Poll::Pending => {
                    pending = true;
                    continue;
                }
            };
            branch.enabled = false;
            if branch.accept.as_ref().is_some_and(|accept| !accept(&out)) {
                continue;
            }
            // The winner: every branch's future is dropped now, in branch order, before the handler.
            this.branches.clear();
            return Poll::Ready(Some((index, out)));
        }
        if pending {
            Poll::Pending
        } else {
            this.branches.clear();
            Poll::Ready(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn rng_is_seeded_and_in_range() {
        let draw = |seed| {
            let rng = Rng::new(seed);
            (0..200).map(|_| rng.below(3)).collect::<Vec<_>>()
        };
        let a = draw(0);
        assert_eq!(a, draw(0));
        assert_ne!(a, draw(1));
        assert!(a.iter().all(|&n| n < 3));
        for n in 0..3 {
            let count = a.iter().filter(|&&x| x == n).count();
            assert!(
                (40..=100).contains(&count),
                "{n} drawn {count} times of 200"
            );
        }
    }
}
