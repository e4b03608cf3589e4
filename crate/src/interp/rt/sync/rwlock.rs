//! `tokio::sync::RwLock` (`tokio/src/sync/rwlock.rs`): a batch semaphore of `MAX_READS` permits; a
//! reader takes one, a writer takes them all. The queue is FIFO, so a writer waiting for the
//! readers holds back every reader that comes after it (Tokio's writer priority: "fair", no
//! starvation), and readers queued together behind a writer are let in together when it leaves.

use super::mutex::{Cell, Guard, Lock, TryLockError};
use super::semaphore::Semaphore;
use std::cell::{Ref, RefCell};
use std::rc::Rc;

/// `RwLock::MAX_READS` (`u32::MAX >> 3`).
pub const MAX_READS: usize = (u32::MAX >> 3) as usize;

/// `tokio::sync::RwLock<T>`. Cheap to clone: clones are the same lock.
pub struct RwLock<T> {
    cell: Rc<Cell<T>>,
    max_reads: usize,
}

impl<T> Clone for RwLock<T> {
    fn clone(&self) -> Self {
        RwLock {
            cell: self.cell.clone(),
            max_reads: self.max_reads,
        }
    }
}

impl<T> RwLock<T> {
    /// `RwLock::new(value)`.
    pub fn new(value: T) -> RwLock<T> {
        RwLock::with_max_readers(value, MAX_READS)
    }

    /// The lock of a cell a guard holds.
    pub(super) fn from_cell(cell: Rc<Cell<T>>, max_reads: usize) -> RwLock<T> {
        RwLock { cell, max_reads }
    }

    /// `RwLock::with_max_readers(value, n)`.
    pub fn with_max_readers(value: T, max_reads: usize) -> RwLock<T> {
        RwLock {
            cell: Rc::new(Cell {
                sem: Semaphore::new(max_reads),
                value: RefCell::new(value),
            }),
            max_reads,
        }
    }

    /// `read().await`.
    pub fn read(&self) -> Lock<T> {
        Lock::new(self.cell.clone(), 1)
    }

    /// `write().await`.
    pub fn write(&self) -> Lock<T> {
        Lock::new(self.cell.clone(), self.max_reads)
    }

    /// `try_read()`.
    pub fn try_read(&self) -> Result<Guard<T>, TryLockError> {
        self.try_take(1)
    }

    /// `try_write()`.
    pub fn try_write(&self) -> Result<Guard<T>, TryLockError> {
        self.try_take(self.max_reads)
    }

    fn try_take(&self, n: usize) -> Result<Guard<T>, TryLockError> {
        self.cell.sem.try_acquire(n).map_err(|_| TryLockError)?;
        Ok(Guard::held(self.cell.clone(), n))
    }

    /// The value (for `Debug` of an unlocked lock, `into_inner`).
    pub fn value(&self) -> Ref<'_, T> {
        self.cell.value.borrow()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    fn poll<F: Future + Unpin>(f: &mut F) -> Poll<F::Output> {
        Pin::new(f).poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn a_waiting_writer_holds_back_later_readers() {
        let l = RwLock::new(1);
        let r1 = l.try_read().unwrap();
        let mut w = l.write();
        assert!(poll(&mut w).is_pending());
        // Writer priority: a new reader queues behind the writer.
        assert!(l.try_read().is_err());
        let mut r2 = l.read();
        assert!(poll(&mut r2).is_pending());
        drop(r1);
        let Poll::Ready(wg) = poll(&mut w) else {
            panic!("the writer should hold the lock")
        };
        *wg.get_mut() = 2;
        assert!(poll(&mut r2).is_pending());
        drop(wg);
        let Poll::Ready(rg) = poll(&mut r2) else {
            panic!("the reader should be in")
        };
        assert_eq!(*rg.get(), 2);
        assert_eq!(rg.permits(), 1);
    }
}
