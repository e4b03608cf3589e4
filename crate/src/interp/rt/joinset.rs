//! `tokio::task::JoinSet` (`tokio/src/task/join_set.rs`, `util/idle_notified_set.rs`): tasks whose
//! outputs come back *in the order they finished*.
//!
//! Each task's `JoinHandle` gets a waker of its own at spawn (`set_join_waker`); when the task
//! ends, that waker moves the entry to the "notified" list and wakes whoever waits in
//! `join_next`. `join_next` takes the first notified entry and polls its handle (coop budget:
//! with none left it wakes itself and yields, keeping the entry first). Dropping the set aborts
//! every task in it.

use super::{JoinError, JoinHandle};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// The entries whose task ended, in the order they ended, and who waits for them.
#[derive(Default)]
struct Notified {
    keys: VecDeque<u64>,
    waker: Option<Waker>,
}

struct EntryWaker {
    key: u64,
    shared: Arc<Mutex<Notified>>,
}

impl Wake for EntryWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let waker = {
            let Ok(mut n) = self.shared.lock() else {
                return;
            };
            if !n.keys.contains(&self.key) {
                n.keys.push_back(self.key);
            }
            n.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

/// `tokio::task::JoinSet<T>`.
pub struct JoinSet<T> {
    entries: RefCell<Vec<(u64, JoinHandle<T>, Waker)>>,
    shared: Arc<Mutex<Notified>>,
    next: Cell<u64>,
}

impl<T> Default for JoinSet<T> {
    fn default() -> Self {
        JoinSet {
            entries: RefCell::new(Vec::new()),
            shared: Arc::default(),
            next: Cell::new(0),
        }
    }
}

impl<T> JoinSet<T> {
    /// `JoinSet::new()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a spawned task's handle (`spawn`, `spawn_blocking`, `spawn_local`).
    pub fn insert(&self, handle: JoinHandle<T>) {
        let key = self.next.get();
        self.next.set(key + 1);
        let waker = Waker::from(Arc::new(EntryWaker {
            key,
            shared: self.shared.clone(),
        }));
        if handle.set_join_waker(&waker) {
            waker.wake_by_ref();
        }
        self.entries.borrow_mut().push((key, handle, waker));
    }

    /// `len()`.
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// `is_empty()`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `abort_all()`.
    pub fn abort_all(&self) {
        for (_, h, _) in self.entries.borrow().iter() {
            h.abort();
        }
    }

    /// `detach_all()`: the tasks go on, unwatched.
    pub fn detach_all(&self) {
        self.entries.borrow_mut().clear();
        self.shared.lock().map(|mut n| n.keys.clear()).ok();
    }

    fn pop_notified(&self) -> Option<u64> {
        self.shared.lock().ok()?.keys.pop_front()
    }

    /// `poll_join_next`: `cx` is `None` for `try_join_next` (no waiting, no budget).
    pub fn poll_join_next(
        &self,
        cx: Option<&mut Context<'_>>,
    ) -> Poll<Option<Result<T, JoinError>>> {
        if let Some(cx) = &cx {
            if let Ok(mut n) = self.shared.lock() {
                n.waker = Some(cx.waker().clone());
            }
        }
        loop {
            let Some(key) = self.pop_notified() else {
                return if self.is_empty() {
                    Poll::Ready(None)
                } else {
                    Poll::Pending
                };
            };
            let mut entries = self.entries.borrow_mut();
            let Some(i) = entries.iter().position(|(k, _, _)| *k == key) else {
                continue;
            };
            let (_, handle, waker) = &mut entries[i];
            let waker = waker.clone();
            let polled = match &cx {
                Some(_) => Pin::new(handle).poll(&mut Context::from_waker(&waker)),
                None if handle.is_finished() => super::coop::unconstrained(|| {
                    Pin::new(handle).poll(&mut Context::from_waker(Waker::noop()))
                }),
                None => Poll::Pending,
            };
            match polled {
                Poll::Ready(out) => {
                    let entry = entries.remove(i);
                    drop(entries);
                    drop(entry);
                    return Poll::Ready(Some(out));
                }
                Poll::Pending => {
                    drop(entries);
                    // Out of budget: the entry stays first, and the caller yields.
                    if let Ok(mut n) = self.shared.lock() {
                        n.keys.push_front(key);
                    }
                    if let Some(cx) = cx {
                        cx.waker().wake_by_ref();
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}

impl<T> Drop for JoinSet<T> {
    fn drop(&mut self) {
        self.abort_all();
    }
}

/// The future of `join_next` on a shared set.
pub struct JoinNext<T> {
    set: std::rc::Rc<JoinSet<T>>,
}

impl<T> JoinNext<T> {
    /// `set.join_next()`.
    pub fn new(set: std::rc::Rc<JoinSet<T>>) -> Self {
        JoinNext { set }
    }
}

impl<T> Future for JoinNext<T> {
    type Output = Option<Result<T, JoinError>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.set.poll_join_next(Some(cx))
    }
}

/// `tokio::task::LocalSet`, on the one thread there is: its tasks run on the runtime's queue (as
/// `spawn_local` inside `run_until` does on a current-thread runtime), and awaiting the set waits
/// until every task spawned on it has ended.
#[derive(Clone, Default)]
pub struct LocalSet(std::rc::Rc<LocalState>);

#[derive(Default)]
struct LocalState {
    /// `LocalSet::id()`.
    id: Cell<u64>,
    live: Cell<usize>,
    waker: RefCell<Option<Waker>>,
}

/// Held by a task of a [`LocalSet`]: its drop (the task ended, panicked or was aborted) is counted.
pub struct LocalTask(std::rc::Rc<LocalState>);

impl LocalSet {
    /// `LocalSet::new()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `LocalSet::new()` with its id (from the task ids' counter, as Tokio's).
    pub fn with_id(id: u64) -> Self {
        let set = Self::default();
        set.0.id.set(id);
        set
    }

    /// `id()`.
    pub fn id(&self) -> u64 {
        self.0.id.get()
    }

    /// A task joins the set; keep the token inside the task's future.
    pub fn enter(&self) -> LocalTask {
        self.0.live.set(self.0.live.get() + 1);
        LocalTask(self.0.clone())
    }

    /// Awaiting the set, polled.
    pub fn poll_idle(&self, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.live.get() == 0 {
            return Poll::Ready(());
        }
        *self.0.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl Drop for LocalTask {
    fn drop(&mut self) {
        self.0.live.set(self.0.live.get().saturating_sub(1));
        if self.0.live.get() == 0 {
            let w = self.0.waker.borrow_mut().take();
            if let Some(w) = w {
                w.wake();
            }
        }
    }
}
