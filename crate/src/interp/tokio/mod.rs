//! The Tokio library beyond the scheduler, as the program sees it: the paths it may name
//! (`tokio::sync::Mutex::new`), the methods it may call on them, and the values they make
//! ([`obj::Obj`]). The behaviour lives in [`super::rt`] (`rt/sync/`, `rt/joinset.rs`), the glue
//! to the evaluator in `eval/tokio*.rs`. Kept out of the central tables so that adding a Tokio
//! item touches only this room.

pub mod errors;
pub mod local;
pub mod obj;

pub use obj::Obj;

/// A Tokio function the lowering resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum TokioFn {
    MutexNew,
    RwLockNew,
    SemaphoreNew,
    NotifyNew,
    BarrierNew,
    OnceCellNew,
    OnceCellNewWith,
    BroadcastChannel,
    WatchChannel,
    JoinSetNew,
    SpawnBlocking,
    BlockInPlace,
    ConsumeBudget,
    Unconstrained,
    /// `RwLockWriteGuard::downgrade(guard)` and the like, called as associated functions.
    GuardDowngrade,
    /// `MutexGuard::map(guard, f)` and the other guards' (`eval/tokio_more.rs`).
    GuardMap,
    /// `try_map(guard, f)`: `Err(guard)` when `f` gives `None`.
    GuardTryMap,
    /// `RwLockWriteGuard::downgrade_map(guard, f)`.
    GuardDowngradeMap,
    /// `RwLockWriteGuard::try_downgrade_map(guard, f)`.
    GuardTryDowngradeMap,
    /// `MutexGuard::mutex(&guard)` / `RwLockWriteGuard::rwlock(&guard)`: the lock itself.
    GuardLock,
    IntervalAt,
    TimeoutAt,
    LocalSetNew,
    SpawnLocal,
    /// `std::future::ready(v)` / `futures::future::ready(v)`.
    Ready,
    /// `std::future::pending()`.
    Pending,
    /// `futures::executor::block_on(fut)`.
    BlockOn,
    SetOnceNew,
    /// `SetOnce::new_with(Option<T>)` and `const_new_with(T)`.
    SetOnceNewWith,
    /// A constant (`MissedTickBehavior::Delay`): its path is the argument.
    Const,
    /// `Pin::new(p)`: the pointer itself (every value here stays in its place).
    PinNew,
    /// `Context::from_waker(&waker)`.
    ContextFromWaker,
    /// `Waker::noop()`.
    WakerNoop,
    /// `std::thread::spawn(f);` as a statement (the lowering only makes it there).
    ThreadSpawn,
    /// A `task_local!` key (`tokio/local.rs`): its name is the argument.
    LocalKeyNew,
    /// `std::panic::resume_unwind(payload)`: a panic that prints nothing (no hook runs).
    ResumeUnwind,
    /// `watch::Sender::new(init)`: a sender without receivers.
    WatchSenderNew,
    /// `RwLock::with_max_readers(value, n)`.
    RwLockWithMaxReaders,
}

/// What a Tokio path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A module (`use tokio::sync::broadcast;`).
    Module,
    /// A type (`tokio::sync::Mutex`), usable in type positions and `use`.
    Type,
    /// A function.
    Fn(TokioFn),
    /// A macro (`tokio::pin!`).
    Macro,
    /// A constant (`MissedTickBehavior::Skip`).
    Const,
}

/// The Tokio items of the subset beyond those in `lower/paths.rs`, by canonical path.
pub const ITEMS: &[(&str, Item)] = &[
    // Futures written by hand (the rest is in `std/task_prelude.rs`, see `stdlib::task`).
    ("std::task", Item::Module),
    ("std::task::Context", Item::Type),
    ("std::task::Waker", Item::Type),
    (
        "std::task::Context::from_waker",
        Item::Fn(TokioFn::ContextFromWaker),
    ),
    ("std::task::Waker::noop", Item::Fn(TokioFn::WakerNoop)),
    ("futures::task", Item::Module),
    ("futures::task::noop_waker", Item::Fn(TokioFn::WakerNoop)),
    (
        "futures::task::noop_waker_ref",
        Item::Fn(TokioFn::WakerNoop),
    ),
    ("futures::task::Context", Item::Type),
    ("futures::task::Waker", Item::Type),
    ("std::pin::Pin::new", Item::Fn(TokioFn::PinNew)),
    ("std::task::ready", Item::Macro),
    ("futures::ready", Item::Macro),
    ("futures::task::ready", Item::Macro),
    ("futures::Future", Item::Type),
    ("std::future::IntoFuture", Item::Type),
    ("std::future::Ready", Item::Type),
    ("std::future::Pending", Item::Type),
    ("futures::future::Ready", Item::Type),
    ("futures::future::Pending", Item::Type),
    ("futures::future::Fuse", Item::Type),
    ("futures::future::Future", Item::Type),
    ("futures::future::BoxFuture", Item::Type),
    ("futures::future::LocalBoxFuture", Item::Type),
    ("tokio::time::interval_at", Item::Fn(TokioFn::IntervalAt)),
    ("std::future::ready", Item::Fn(TokioFn::Ready)),
    ("std::future::pending", Item::Fn(TokioFn::Pending)),
    ("futures::future::ready", Item::Fn(TokioFn::Ready)),
    ("futures::future::pending", Item::Fn(TokioFn::Pending)),
    ("futures::executor", Item::Module),
    ("futures::executor::block_on", Item::Fn(TokioFn::BlockOn)),
    ("tokio::sync::SetOnce", Item::Type),
    ("tokio::sync::SetOnceError", Item::Type),
    ("tokio::sync::SetOnce::new", Item::Fn(TokioFn::SetOnceNew)),
    (
        "tokio::sync::SetOnce::const_new",
        Item::Fn(TokioFn::SetOnceNew),
    ),
    (
        "tokio::sync::SetOnce::new_with",
        Item::Fn(TokioFn::SetOnceNewWith),
    ),
    (
        "tokio::sync::SetOnce::const_new_with",
        Item::Fn(TokioFn::SetOnceNewWith),
    ),
    ("tokio::task::LocalSet", Item::Type),
    // `std::panic` for `resume_unwind(err.into_panic())`; `catch_unwind` stays out.
    ("std::panic", Item::Module),
    ("std::panic::resume_unwind", Item::Fn(TokioFn::ResumeUnwind)),
    ("tokio::task_local", Item::Macro),
    ("tokio::task::LocalKey", Item::Type),
    (
        "tokio::task::LocalKey::__new",
        Item::Fn(TokioFn::LocalKeyNew),
    ),
    ("tokio::task::TaskLocalFuture", Item::Type),
    ("tokio::task::futures::TaskLocalFuture", Item::Type),
    ("tokio::task::LocalSet::new", Item::Fn(TokioFn::LocalSetNew)),
    ("tokio::task::spawn_local", Item::Fn(TokioFn::SpawnLocal)),
    ("tokio::time::timeout_at", Item::Fn(TokioFn::TimeoutAt)),
    ("tokio::time::MissedTickBehavior", Item::Type),
    ("tokio::time::MissedTickBehavior::Burst", Item::Const),
    ("tokio::time::MissedTickBehavior::Delay", Item::Const),
    ("tokio::time::MissedTickBehavior::Skip", Item::Const),
    ("tokio::time::Sleep", Item::Type),
    ("tokio::time::Timeout", Item::Type),
    // Pinning: every future here already stays where it is (`&mut fut` polls it in place).
    ("tokio::pin", Item::Macro),
    ("std::pin::pin", Item::Macro),
    ("futures::pin_mut", Item::Macro),
    ("tokio::sync::OwnedMutexGuard", Item::Type),
    ("tokio::sync::MappedMutexGuard", Item::Type),
    ("tokio::sync::OwnedRwLockReadGuard", Item::Type),
    ("tokio::sync::OwnedRwLockWriteGuard", Item::Type),
    ("tokio::sync::RwLockMappedWriteGuard", Item::Type),
    ("tokio::sync::OwnedSemaphorePermit", Item::Type),
    ("tokio::sync::mpsc::Permit", Item::Type),
    ("tokio::sync::mpsc::OwnedPermit", Item::Type),
    ("tokio::sync::mpsc::WeakSender", Item::Type),
    ("tokio::sync::mpsc::error::SendError", Item::Type),
    ("tokio::sync::mpsc::error::TrySendError", Item::Type),
    ("tokio::sync::mpsc::error::SendTimeoutError", Item::Type),
    ("tokio::sync::mpsc::error::TryRecvError", Item::Type),
    ("tokio::sync::oneshot::error::RecvError", Item::Type),
    ("tokio::sync::oneshot::error::TryRecvError", Item::Type),
    ("tokio::sync::broadcast", Item::Module),
    ("tokio::sync::broadcast::error", Item::Module),
    ("tokio::sync::watch", Item::Module),
    ("tokio::sync::watch::error", Item::Module),
    ("tokio::sync::Mutex", Item::Type),
    ("tokio::sync::MutexGuard", Item::Type),
    ("tokio::sync::OwnedMutexGuard", Item::Type),
    ("tokio::sync::TryLockError", Item::Type),
    ("tokio::sync::Mutex::new", Item::Fn(TokioFn::MutexNew)),
    ("tokio::sync::Mutex::const_new", Item::Fn(TokioFn::MutexNew)),
    ("tokio::sync::RwLock", Item::Type),
    ("tokio::sync::RwLockReadGuard", Item::Type),
    ("tokio::sync::RwLockWriteGuard", Item::Type),
    ("tokio::sync::RwLock::new", Item::Fn(TokioFn::RwLockNew)),
    (
        "tokio::sync::RwLock::const_new",
        Item::Fn(TokioFn::RwLockNew),
    ),
    (
        "tokio::sync::RwLock::with_max_readers",
        Item::Fn(TokioFn::RwLockWithMaxReaders),
    ),
    (
        "tokio::sync::RwLock::const_with_max_readers",
        Item::Fn(TokioFn::RwLockWithMaxReaders),
    ),
    (
        "tokio::sync::RwLockWriteGuard::downgrade",
        Item::Fn(TokioFn::GuardDowngrade),
    ),
    ("tokio::sync::MutexGuard::map", Item::Fn(TokioFn::GuardMap)),
    (
        "tokio::sync::MutexGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::OwnedMutexGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::OwnedMutexGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::MappedMutexGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::MappedMutexGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::RwLockReadGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::RwLockReadGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::OwnedRwLockReadGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::OwnedRwLockReadGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::RwLockWriteGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::RwLockWriteGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::OwnedRwLockWriteGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::OwnedRwLockWriteGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::RwLockMappedWriteGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::RwLockMappedWriteGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::OwnedRwLockMappedWriteGuard::map",
        Item::Fn(TokioFn::GuardMap),
    ),
    (
        "tokio::sync::OwnedRwLockMappedWriteGuard::try_map",
        Item::Fn(TokioFn::GuardTryMap),
    ),
    (
        "tokio::sync::RwLockWriteGuard::downgrade_map",
        Item::Fn(TokioFn::GuardDowngradeMap),
    ),
    (
        "tokio::sync::RwLockWriteGuard::try_downgrade_map",
        Item::Fn(TokioFn::GuardTryDowngradeMap),
    ),
    (
        "tokio::sync::OwnedRwLockWriteGuard::downgrade_map",
        Item::Fn(TokioFn::GuardDowngradeMap),
    ),
    (
        "tokio::sync::OwnedRwLockWriteGuard::try_downgrade_map",
        Item::Fn(TokioFn::GuardTryDowngradeMap),
    ),
    (
        "tokio::sync::OwnedRwLockWriteGuard::downgrade",
        Item::Fn(TokioFn::GuardDowngrade),
    ),
    // The owned guards' `mutex()`/`rwlock()` give the `&Arc` they hold, which these handles are
    // not (`Arc::ptr_eq` on it would fail mid-run): not offered.
    (
        "tokio::sync::MutexGuard::mutex",
        Item::Fn(TokioFn::GuardLock),
    ),
    (
        "tokio::sync::MappedMutexGuard::mutex",
        Item::Fn(TokioFn::GuardLock),
    ),
    (
        "tokio::sync::RwLockReadGuard::rwlock",
        Item::Fn(TokioFn::GuardLock),
    ),
    (
        "tokio::sync::RwLockWriteGuard::rwlock",
        Item::Fn(TokioFn::GuardLock),
    ),
    (
        "tokio::sync::RwLockMappedWriteGuard::rwlock",
        Item::Fn(TokioFn::GuardLock),
    ),
    ("tokio::sync::OwnedRwLockMappedWriteGuard", Item::Type),
    ("tokio::sync::OwnedRwLockMappedReadGuard", Item::Type),
    ("tokio::sync::RwLockMappedReadGuard", Item::Type),
    ("tokio::sync::OwnedMappedMutexGuard", Item::Type),
    ("tokio::sync::Semaphore", Item::Type),
    ("tokio::sync::SemaphorePermit", Item::Type),
    ("tokio::sync::OwnedSemaphorePermit", Item::Type),
    ("tokio::sync::AcquireError", Item::Type),
    ("tokio::sync::TryAcquireError", Item::Type),
    (
        "tokio::sync::Semaphore::new",
        Item::Fn(TokioFn::SemaphoreNew),
    ),
    (
        "tokio::sync::Semaphore::const_new",
        Item::Fn(TokioFn::SemaphoreNew),
    ),
    ("tokio::sync::Notify", Item::Type),
    ("tokio::sync::Notify::new", Item::Fn(TokioFn::NotifyNew)),
    (
        "tokio::sync::Notify::const_new",
        Item::Fn(TokioFn::NotifyNew),
    ),
    ("tokio::sync::Barrier", Item::Type),
    ("tokio::sync::BarrierWaitResult", Item::Type),
    ("tokio::sync::Barrier::new", Item::Fn(TokioFn::BarrierNew)),
    ("tokio::sync::OnceCell", Item::Type),
    ("tokio::sync::SetError", Item::Type),
    ("tokio::sync::OnceCell::new", Item::Fn(TokioFn::OnceCellNew)),
    (
        "tokio::sync::OnceCell::const_new",
        Item::Fn(TokioFn::OnceCellNew),
    ),
    (
        "tokio::sync::OnceCell::new_with",
        Item::Fn(TokioFn::OnceCellNewWith),
    ),
    (
        "tokio::sync::OnceCell::const_new_with",
        Item::Fn(TokioFn::OnceCellNewWith),
    ),
    (
        "tokio::sync::broadcast::channel",
        Item::Fn(TokioFn::BroadcastChannel),
    ),
    ("tokio::sync::broadcast::Sender", Item::Type),
    ("tokio::sync::broadcast::Receiver", Item::Type),
    ("tokio::sync::broadcast::error::RecvError", Item::Type),
    ("tokio::sync::broadcast::error::TryRecvError", Item::Type),
    ("tokio::sync::broadcast::error::SendError", Item::Type),
    (
        "tokio::sync::watch::channel",
        Item::Fn(TokioFn::WatchChannel),
    ),
    ("tokio::sync::watch::Sender", Item::Type),
    (
        "tokio::sync::watch::Sender::new",
        Item::Fn(TokioFn::WatchSenderNew),
    ),
    ("tokio::sync::watch::Receiver", Item::Type),
    ("tokio::sync::watch::Ref", Item::Type),
    ("tokio::sync::watch::error::RecvError", Item::Type),
    ("tokio::sync::watch::error::SendError", Item::Type),
    ("tokio::task::JoinSet", Item::Type),
    ("tokio::task::JoinSet::new", Item::Fn(TokioFn::JoinSetNew)),
    ("tokio::task::AbortHandle", Item::Type),
    (
        "tokio::task::spawn_blocking",
        Item::Fn(TokioFn::SpawnBlocking),
    ),
    (
        "tokio::task::block_in_place",
        Item::Fn(TokioFn::BlockInPlace),
    ),
    (
        "tokio::task::consume_budget",
        Item::Fn(TokioFn::ConsumeBudget),
    ),
    (
        "tokio::task::unconstrained",
        Item::Fn(TokioFn::Unconstrained),
    ),
    ("tokio::task::coop", Item::Module),
    (
        "tokio::task::coop::consume_budget",
        Item::Fn(TokioFn::ConsumeBudget),
    ),
    (
        "tokio::task::coop::unconstrained",
        Item::Fn(TokioFn::Unconstrained),
    ),
];

/// Aliases: other paths Tokio offers to the same items.
const ALIASES: &[(&str, &str)] = &[("tokio::task::join_set::", "tokio::task::")];

/// The item `path` (canonical, as `lower/paths.rs` spells it) names, if it is one of [`ITEMS`].
pub fn item(path: &str) -> Option<Item> {
    let path = ALIASES
        .iter()
        .find_map(|(from, to)| path.strip_prefix(from).map(|rest| format!("{to}{rest}")))
        .unwrap_or_else(|| path.to_string());
    ITEMS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, k)| *k)
        .or_else(|| errors::unit(&path).map(|_| Item::Const))
}

/// The statements of `tokio::pin! { let x = ..; }`: plain `let`s here.
pub fn pin_lets(m: &syn::Macro) -> Option<Vec<syn::Stmt>> {
    let last = m.path.segments.last()?.ident.to_string();
    if last != "pin" {
        return None;
    }
    let tokens = m.tokens.to_string();
    if !tokens.trim_start().starts_with("let") {
        return None;
    }
    syn::parse::Parser::parse2(syn::Block::parse_within, m.tokens.clone()).ok()
}

/// True if `name` is the last segment of one of Tokio's types here (for type positions).
pub fn is_type(name: &str) -> bool {
    ITEMS
        .iter()
        .any(|(p, k)| *k == Item::Type && p.rsplit("::").next() == Some(name))
}

/// The methods of the Tokio values beyond `lower/paths.rs`'s list; any other is refused when
/// lowering.
pub const METHODS: &[&str] = &[
    // Mutex, RwLock
    "lock",
    "try_lock",
    "lock_owned",
    "try_lock_owned",
    "read",
    "write",
    "read_owned",
    "write_owned",
    "try_read",
    "try_write",
    "try_read_owned",
    "try_write_owned",
    "into_inner",
    "get_mut",
    "blocking_lock",
    "blocking_lock_owned",
    "blocking_acquire",
    "blocking_acquire_owned",
    "blocking_acquire_many",
    "blocking_acquire_many_owned",
    "blocking_read",
    "blocking_write",
    "downgrade",
    // Semaphore
    "acquire",
    "acquire_owned",
    "acquire_many",
    "acquire_many_owned",
    "try_acquire",
    "try_acquire_owned",
    "try_acquire_many",
    "try_acquire_many_owned",
    "add_permits",
    "available_permits",
    "forget",
    "forget_permits",
    "num_permits",
    "split",
    "merge",
    // Notify
    "notified",
    "notify_one",
    "notify_last",
    "notify_waiters",
    "notified_owned",
    "enable",
    // broadcast, watch
    "subscribe",
    "resubscribe",
    "receiver_count",
    "borrow",
    "borrow_and_update",
    "changed",
    "has_changed",
    "mark_changed",
    "mark_unchanged",
    "send_modify",
    "send_if_modified",
    "send_replace",
    "same_channel",
    "sender_count",
    "wait_for",
    // Barrier, OnceCell
    "wait",
    "is_leader",
    "set",
    "initialized",
    "get_or_init",
    "get_or_try_init",
    "take",
    // JoinSet, tasks
    "spawn",
    "spawn_blocking",
    "join_next",
    "join_all",
    "try_join_next",
    "abort_all",
    "detach_all",
    "shutdown",
    "abort_handle",
    "run_until",
    "spawn_local",
    "into_panic",
    "try_into_panic",
    "id",
    // mpsc, oneshot
    "try_send",
    "same_channel_as_sender",
    "reserve_many",
    "try_reserve_many",
    "release",
    "capacity",
    "max_capacity",
    "closed",
    "reserve",
    "reserve_owned",
    "try_reserve",
    "try_reserve_owned",
    "send_timeout",
    "recv_many",
    "upgrade",
    "strong_count",
    "blocking_send",
    "blocking_recv",
    "is_terminated",
    // Interval, Sleep
    "reset",
    "reset_immediately",
    "reset_after",
    "reset_at",
    "set_missed_tick_behavior",
    "missed_tick_behavior",
    "period",
    "deadline",
    "is_elapsed",
    // task_local!
    "scope",
    "sync_scope",
    "with",
    "try_with",
    "try_get",
];

/// The methods that run interpreted code or block (see `eval/tokio.rs`'s `tokio_async`).
pub fn is_async_method(name: &str) -> bool {
    matches!(
        name,
        "send_modify"
            | "send_if_modified"
            | "blocking_send"
            | "blocking_recv"
            | "blocking_lock"
            | "blocking_read"
            | "blocking_write"
    )
}

/// True if `name` is a method of a Tokio value.
pub fn is_method(name: &str) -> bool {
    METHODS.contains(&name)
}
