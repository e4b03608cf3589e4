//! `tokio::sync::Mutex` (`tokio/src/sync/mutex.rs`): a batch semaphore of one permit around the
//! value, so `lock` is fair (FIFO: the longest waiter gets the lock next, woken by the guard's
//! drop) and spends coop budget once the lock is held. `try_lock` never overtakes a waiter.

use super::semaphore::{Acquire, Semaphore};
use std::cell::{Ref, RefCell, RefMut};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{ready, Context, Poll};

/// `TryLockError`, printed as Tokio prints it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TryLockError;

impl fmt::Debug for TryLockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TryLockError(())")
    }
}

impl fmt::Display for TryLockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("operation would block")
    }
}

/// The value and the semaphore that guards it; shared by the handles and their guards.
pub(super) struct Cell<T> {
    pub(super) sem: Semaphore,
    pub(super) value: RefCell<T>,
}

/// A lock held: `permits` of the semaphore, given back when it drops. Shared by `Mutex` (one
/// permit) and `RwLock` (one to read, all to write).
pub struct Guard<T> {
    cell: Rc<Cell<T>>,
    permits: usize,
}

impl<T> Guard<T> {
    /// The mutex this guard locks (`MutexGuard::mutex`).
    pub fn mutex(&self) -> Mutex<T> {
        Mutex(self.cell.clone())
    }

    /// The lock this guard holds, as an `RwLock` (`RwLockWriteGuard::rwlock`): a write guard
    /// holds all its permits; a read guard's lock is taken to have the default maximum.
    pub fn rwlock(&self) -> super::RwLock<T> {
        let max = if self.permits > 1 {
            self.permits
        } else {
            super::rwlock::MAX_READS
        };
        super::RwLock::from_cell(self.cell.clone(), max)
    }

    /// A guard for `permits` already taken from `cell`'s semaphore.
    pub(super) fn held(cell: Rc<Cell<T>>, permits: usize) -> Guard<T> {
        Guard { cell, permits }
    }

    /// `&*guard`.
    pub fn get(&self) -> Ref<'_, T> {
        self.cell.value.borrow()
    }

    /// `&mut *guard`.
    pub fn get_mut(&self) -> RefMut<'_, T> {
        self.cell.value.borrow_mut()
    }

    /// How many permits it holds (1 for a mutex or a read lock).
    pub fn permits(&self) -> usize {
        self.permits
    }

    /// `RwLockWriteGuard::downgrade`: keeps one permit, gives the rest back (waking readers).
    pub fn downgrade(&mut self) {
        let extra = self.permits.saturating_sub(1);
        self.permits = 1;
        self.cell.sem.release(extra);
    }
}

impl<T> Drop for Guard<T> {
    fn drop(&mut self) {
        self.cell.sem.release(self.permits);
    }
}

/// The future of a lock: resolves to the guard.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Lock<T> {
    cell: Rc<Cell<T>>,
    acquire: Acquire,
    permits: usize,
}

impl<T> Lock<T> {
    pub(super) fn new(cell: Rc<Cell<T>>, permits: usize) -> Lock<T> {
        Lock {
            acquire: cell.sem.acquire(permits),
            cell,
            permits,
        }
    }
}

impl<T> Future for Lock<T> {
    type Output = Guard<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Guard<T>> {
        let this = &mut *self;
        // The semaphore of a lock is never closed.
        let _ = ready!(Pin::new(&mut this.acquire).poll(cx));
        Poll::Ready(Guard::held(this.cell.clone(), this.permits))
    }
}

/// `tokio::sync::Mutex<T>`. Cheap to clone: clones are the same mutex (`Arc<Mutex<T>>`).
pub struct Mutex<T>(Rc<Cell<T>>);

impl<T> Clone for Mutex<T> {
    fn clone(&self) -> Self {
        Mutex(self.0.clone())
    }
}

impl<T> Mutex<T> {
    /// `Mutex::new(value)`.
    pub fn new(value: T) -> Mutex<T> {
        Mutex(Rc::new(Cell {
            sem: Semaphore::new(1),
            value: RefCell::new(value),
        }))
    }

    /// `lock().await` (and `lock_owned`: the guard keeps the mutex alive either way).
    pub fn lock(&self) -> Lock<T> {
        Lock::new(self.0.clone(), 1)
    }

    /// `try_lock()`.
    pub fn try_lock(&self) -> Result<Guard<T>, TryLockError> {
        self.0.sem.try_acquire(1).map_err(|_| TryLockError)?;
        Ok(Guard::held(self.0.clone(), 1))
    }

    /// True if locked now.
    pub fn is_locked(&self) -> bool {
        self.0.sem.available_permits() == 0
    }

    /// `get_mut` / `into_inner` / Debug of an unlocked mutex: the value itself.
    pub fn value(&self) -> Ref<'_, T> {
        self.0.value.borrow()
    }

    /// Tasks waiting for the lock.
    pub fn waiting(&self) -> usize {
        self.0.sem.waiting()
    }

    /// True if both handles are the same mutex.
    pub fn same(&self, other: &Mutex<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
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
    fn fifo_handover_on_drop() {
        let m = Mutex::new(0);
        let g = m.try_lock().unwrap();
        let mut a = m.lock();
        let mut b = m.lock();
        assert!(poll(&mut a).is_pending());
        assert!(poll(&mut b).is_pending());
        assert_eq!(m.try_lock().err(), Some(TryLockError));
        *g.get_mut() += 1;
        drop(g);
        // The first waiter holds it now; the second still waits.
        let Poll::Ready(ga) = poll(&mut a) else {
            panic!("a should hold the lock")
        };
        assert!(poll(&mut b).is_pending());
        assert_eq!(*ga.get(), 1);
        drop(ga);
        assert!(poll(&mut b).is_ready());
        assert_eq!(TryLockError.to_string(), "operation would block");
    }
}
