//! `tokio::sync`'s primitives, generic over the value type like [`super::mpsc`] and
//! [`super::oneshot`], each in its own file after Tokio's (`tokio/src/sync/*.rs`, tokio 1.54).
//!
//! All of them are fair the way Tokio's are: waiters are served first come, first served, and a
//! release wakes exactly the waiters it satisfies. Handles are cheap to clone and clones share one
//! primitive, which is what an `Arc<Mutex<T>>` (or a `static`) is in the program.

pub mod barrier;
pub mod broadcast;
pub mod mutex;
pub mod notify;
pub mod once_cell;
pub mod rwlock;
pub mod semaphore;
pub mod watch;

pub use barrier::Barrier;
pub use mutex::{Guard, Mutex, TryLockError};
pub use notify::Notify;
pub use once_cell::OnceCell;
pub use rwlock::RwLock;
pub use semaphore::{AcquireError, Semaphore, TryAcquireError};
