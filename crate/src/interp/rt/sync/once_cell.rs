//! `tokio::sync::OnceCell` (`tokio/src/sync/once_cell.rs`): a value set once. Concurrent
//! `get_or_init` calls queue on a one-permit semaphore (FIFO): the first runs its initializer, the
//! others wait; setting the value closes the semaphore, which wakes them all to read it. An
//! initializer that is cancelled gives its permit to the next caller, whose initializer then runs.

use super::semaphore::{Semaphore, TryAcquireError};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// Why `set` failed: the value comes back.
#[derive(Debug, PartialEq, Eq)]
pub enum SetError<T> {
    /// The cell already holds a value.
    AlreadyInitializedError(T),
    /// Another task is running its initializer.
    InitializingError(T),
}

struct Inner<T> {
    value: RefCell<Option<T>>,
    sem: Semaphore,
}

/// `tokio::sync::OnceCell<T>`. Cheap to clone: clones are the same cell (`Arc<OnceCell<T>>`, or a
/// `static`).
pub struct OnceCell<T>(Rc<Inner<T>>);

impl<T> Clone for OnceCell<T> {
    fn clone(&self) -> Self {
        OnceCell(self.0.clone())
    }
}

impl<T: Clone> OnceCell<T> {
    /// `OnceCell::new()` / `new_with(value)`.
    pub fn new(value: Option<T>) -> OnceCell<T> {
        let sem = Semaphore::new(1);
        if value.is_some() {
            sem.close();
        }
        OnceCell(Rc::new(Inner {
            value: RefCell::new(value),
            sem,
        }))
    }

    /// `get()`.
    pub fn get(&self) -> Option<T> {
        self.0.value.borrow().clone()
    }

    /// `initialized()`.
    pub fn initialized(&self) -> bool {
        self.0.value.borrow().is_some()
    }

    /// `set(value)`.
    pub fn set(&self, value: T) -> Result<(), SetError<T>> {
        if self.initialized() {
            return Err(SetError::AlreadyInitializedError(value));
        }
        match self.0.sem.try_acquire(1) {
            Ok(()) => {
                self.store(value);
                Ok(())
            }
            Err(TryAcquireError::NoPermits) => Err(SetError::InitializingError(value)),
            Err(TryAcquireError::Closed) => Err(SetError::AlreadyInitializedError(value)),
        }
    }

    fn store(&self, value: T) {
        *self.0.value.borrow_mut() = Some(value);
        self.0.sem.close();
    }

    /// `get_or_init(f).await` (and `get_or_try_init` with `ok` telling a value from an error: an
    /// error is returned and the next caller's initializer runs).
    pub async fn get_or_try_init<E, Fut: Future<Output = Result<T, E>>>(
        &self,
        f: impl FnOnce() -> Fut,
    ) -> Result<T, E> {
        if let Some(v) = self.get() {
            return Ok(v);
        }
        if self.0.sem.acquire(1).await.is_err() {
            // Closed: somebody set it.
            return Ok(self.get().expect("a closed cell holds its value"));
        }
        // The permit, given back if the initializer is cancelled or fails.
        let permit = Permit(self.0.sem.clone());
        match f().await {
            Ok(v) => {
                std::mem::forget(permit);
                self.store(v.clone());
                Ok(v)
            }
            Err(e) => Err(e),
        }
    }
}

struct Permit(Semaphore);

impl Drop for Permit {
    fn drop(&mut self) {
        self.0.release(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    #[test]
    fn first_initializer_wins_others_wait() {
        let cell = OnceCell::new(None);
        let cx = &mut Context::from_waker(Waker::noop());
        let gate = super::super::Notify::new();
        let g = gate.clone();
        let mut a = pin!(cell.get_or_try_init(|| async move {
            g.notified().await;
            Ok::<_, ()>(1)
        }));
        assert!(a.as_mut().poll(cx).is_pending());
        let mut b = pin!(cell.get_or_try_init(|| async { Ok::<_, ()>(2) }));
        assert!(b.as_mut().poll(cx).is_pending());
        assert_eq!(cell.set(3), Err(SetError::InitializingError(3)));
        gate.notify_one();
        assert_eq!(a.as_mut().poll(cx), Poll::Ready(Ok(1)));
        assert_eq!(b.as_mut().poll(cx), Poll::Ready(Ok(1)));
        assert_eq!(cell.set(4), Err(SetError::AlreadyInitializedError(4)));
    }
}
