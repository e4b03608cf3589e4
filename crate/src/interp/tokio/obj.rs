//! The values Tokio's library makes, held by [`Value::Tokio`]: handles to the primitives of
//! [`rt::sync`], their guards and permits, and the ends of `broadcast` and `watch`.
//!
//! A handle is shared by its clones (an `Arc<Mutex<T>>` clone is the same mutex); a guard or a
//! permit gives back what it holds when its last copy drops, which the evaluator makes the moment
//! Rust drops it (these values move, never copy).

use super::super::mem::{Place, Step};
use super::super::rt;
use super::super::rt::sync::{self, broadcast, watch};
use super::super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Where a lock keeps its value: one allocation that guards point into.
pub type Slot = Rc<RefCell<Value>>;

/// What a guard is, for messages and for the methods it allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardKind {
    /// `MutexGuard` / `OwnedMutexGuard`.
    Mutex,
    /// `RwLockReadGuard`.
    Read,
    /// `RwLockWriteGuard`.
    Write,
}

/// A Tokio value.
#[allow(missing_docs)]
pub enum Obj {
    Mutex(sync::Mutex<Slot>),
    RwLock(sync::RwLock<Slot>),
    Guard(RefCell<sync::Guard<Slot>>, Cell<GuardKind>),
    Semaphore(sync::Semaphore),
    /// A `SemaphorePermit`: its permits go back when it drops (none after `forget`).
    Permit(sync::Semaphore, Cell<usize>),
    Notify(sync::Notify),
    Barrier(sync::Barrier),
    /// `BarrierWaitResult`: `is_leader`.
    BarrierResult(bool),
    OnceCell(sync::OnceCell<Value>),
    /// `SetOnce`: a `OnceCell` whose `wait` is woken by the `set`.
    SetOnce(sync::OnceCell<Value>, sync::Notify),
    BroadcastSender(broadcast::Sender<Value>),
    BroadcastReceiver(Rc<RefCell<broadcast::Receiver<Value>>>),
    WatchSender(watch::Sender<Value>),
    WatchReceiver(Rc<RefCell<watch::Receiver<Value>>>),
    JoinSet(Rc<rt::JoinSet<Value>>),
    LocalSet(rt::LocalSet),
    /// `tokio::time::Sleep`, awaited in place.
    Sleep(RefCell<rt::Sleep>),
    /// A `oneshot::Receiver`: awaited in place (`&mut rx` in `select!`).
    OneshotReceiver(RefCell<rt::oneshot::Receiver<Value>>),
    /// `mpsc::Permit`: a reserved slot (taken by `send`).
    /// With the sender for an `OwnedPermit`, whose `send` gives it back.
    MpscPermit(
        RefCell<Option<rt::mpsc::Permit<Value>>>,
        Option<rt::mpsc::Sender<Value>>,
    ),
    /// `mpsc::WeakSender`.
    WeakSender(rt::mpsc::WeakSender<Value>),
    /// `AbortHandle`: aborts the task without owning its output.
    AbortHandle(rt::AbortHandle),
    /// A `std::task::Waker` (`cx.waker()`): waking it schedules the task it belongs to.
    Waker(std::task::Waker),
    /// The `&mut Context<'_>` a hand-written `poll` gets: the waker of that poll.
    Context(std::task::Waker),
    /// `mpsc::WeakUnboundedSender`.
    WeakUnbounded(rt::mpsc::WeakSender<Value>),
    /// `broadcast::WeakSender`.
    BroadcastWeak(broadcast::WeakSender<Value>),
    /// A mapped guard (`MutexGuard::map`): the guard it came from (an [`Obj::Guard`], which keeps
    /// the lock), and the path from the lock's value to the part it gives.
    Mapped(Rc<Obj>, Vec<Step>),
    /// A `task_local!` key, by its name (`eval/tokio_local.rs`).
    LocalKey(Rc<str>),
}

impl Drop for Obj {
    fn drop(&mut self) {
        if let Obj::Permit(sem, n) = self {
            sem.release(n.replace(0));
        }
    }
}

impl Obj {
    /// Wraps `self` as a value.
    pub fn value(self) -> Value {
        Value::Tokio(Rc::new(self))
    }

    /// The value a guard points to (`*guard`).
    pub fn pointee(&self) -> Option<Slot> {
        match self {
            Obj::Guard(g, _) => Some(g.borrow().get().clone()),
            Obj::Mapped(g, _) => g.pointee(),
            _ => None,
        }
    }

    /// The lock a guard holds (`MutexGuard::mutex`, `RwLockReadGuard::rwlock`).
    pub fn lock_of(&self) -> Option<Obj> {
        match self {
            Obj::Guard(g, k) if k.get() == GuardKind::Mutex => Some(Obj::Mutex(g.borrow().mutex())),
            Obj::Guard(g, _) => Some(Obj::RwLock(g.borrow().rwlock())),
            _ => None,
        }
    }

    /// The place a guard points to: its lock's value, or a part of it for a mapped guard.
    pub fn place(&self) -> Option<Place> {
        match self {
            Obj::Mapped(g, path) => g.pointee().map(|slot| Place {
                alloc: slot,
                path: path.clone(),
            }),
            other => other.pointee().map(Place::root),
        }
    }

    /// The type's name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Obj::Mutex(_) => "Mutex",
            Obj::RwLock(_) => "RwLock",
            Obj::Guard(_, k) => match k.get() {
                GuardKind::Mutex => "MutexGuard",
                GuardKind::Read => "RwLockReadGuard",
                GuardKind::Write => "RwLockWriteGuard",
            },
            Obj::Semaphore(_) => "Semaphore",
            Obj::Permit(..) => "SemaphorePermit",
            Obj::Notify(_) => "Notify",
            Obj::Barrier(_) => "Barrier",
            Obj::BarrierResult(_) => "BarrierWaitResult",
            Obj::OnceCell(_) => "OnceCell",
            Obj::SetOnce(..) => "SetOnce",
            Obj::BroadcastSender(_) | Obj::WatchSender(_) => "Sender",
            Obj::BroadcastReceiver(_) | Obj::WatchReceiver(_) => "Receiver",
            Obj::JoinSet(_) => "JoinSet",
            Obj::LocalSet(_) => "LocalSet",
            Obj::Sleep(_) => "Sleep",
            Obj::OneshotReceiver(_) => "Receiver",
            Obj::AbortHandle(_) => "AbortHandle",
            Obj::MpscPermit(..) => "Permit",
            Obj::Waker(_) => "Waker",
            Obj::Context(_) => "Context",
            Obj::WeakSender(_) | Obj::BroadcastWeak(_) => "WeakSender",
            Obj::WeakUnbounded(_) => "WeakUnboundedSender",
            Obj::LocalKey(_) => "LocalKey",
            Obj::Mapped(g, _) => match g.type_name() {
                "MutexGuard" => "MappedMutexGuard",
                "RwLockReadGuard" => "RwLockReadGuard",
                _ => "RwLockMappedWriteGuard",
            },
        }
    }

    /// `{:?}`, as Tokio's `Debug` impls print; `inner` formats a value inside.
    pub fn debug(&self, out: &mut String, inner: &dyn Fn(&mut String, &Value)) {
        match self {
            Obj::Guard(g, _) => inner(out, &g.borrow().get().borrow()),
            Obj::Mapped(..) => {
                if let Some(Ok(v)) = self.place().map(|p| p.read()) {
                    inner(out, &v);
                }
            }
            Obj::Mutex(m) => match m.try_lock() {
                Ok(g) => {
                    out.push_str("Mutex { data: ");
                    inner(out, &g.get().borrow());
                    out.push_str(" }");
                }
                Err(_) => out.push_str("Mutex { data: <locked> }"),
            },
            Obj::RwLock(l) => match l.try_read() {
                Ok(g) => {
                    out.push_str("RwLock { data: ");
                    inner(out, &g.get().borrow());
                    out.push_str(" }");
                }
                Err(_) => out.push_str("RwLock { data: <locked> }"),
            },
            Obj::OnceCell(c) => {
                out.push_str("OnceCell { value: ");
                match c.get() {
                    Some(v) => {
                        out.push_str("Some(");
                        inner(out, &v);
                        out.push(')');
                    }
                    None => out.push_str("None"),
                }
                out.push_str(" }");
            }
            Obj::BarrierResult(l) => {
                out.push_str(&format!("BarrierWaitResult {{ is_leader: {l} }}"));
            }
            other => {
                out.push_str(other.type_name());
                out.push_str(" { .. }");
            }
        }
    }

    /// `{}`: a guard shows its value; other Tokio values have no `Display`.
    pub fn display(&self, inner: &dyn Fn(&Value) -> String) -> String {
        if let Obj::Mapped(..) = self {
            return match self.place().map(|p| p.read()) {
                Some(Ok(v)) => inner(&v),
                _ => self.type_name().to_string(),
            };
        }
        match self.pointee() {
            Some(slot) => inner(&slot.borrow()),
            None => self.type_name().to_string(),
        }
    }
}
