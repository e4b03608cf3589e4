//! The variants of Tokio's error enums, for the program to name: as values
//! (`Err(TryRecvError::Empty)` in an `assert_eq!`) and in patterns
//! (`Err(TryAcquireError::NoPermits) =>`, `Err(RecvError::Lagged(n)) =>`).
//!
//! An error value is [`crate::interp::value::Value::Error`]: its `Debug` and its `Display`, as
//! Tokio prints them. A variant is known by its `Debug` up to the `(`; `Lagged(n)`'s count is
//! read back from it.

/// `(canonical path, Display)` of the variants without a payload.
pub const UNIT: &[(&str, &str)] = &[
    ("tokio::sync::TryAcquireError::Closed", "semaphore closed"),
    (
        "tokio::sync::TryAcquireError::NoPermits",
        "no permits available",
    ),
    (
        "tokio::sync::mpsc::error::TryRecvError::Empty",
        "receiving on an empty channel",
    ),
    (
        "tokio::sync::mpsc::error::TryRecvError::Disconnected",
        "receiving on a closed channel",
    ),
    (
        "tokio::sync::oneshot::error::TryRecvError::Empty",
        "channel empty",
    ),
    (
        "tokio::sync::oneshot::error::TryRecvError::Closed",
        "channel closed",
    ),
    (
        "tokio::sync::broadcast::error::RecvError::Closed",
        "channel closed",
    ),
    (
        "tokio::sync::broadcast::error::TryRecvError::Empty",
        "channel empty",
    ),
    (
        "tokio::sync::broadcast::error::TryRecvError::Closed",
        "channel closed",
    ),
];

/// The variants with a payload, usable in patterns only. `Lagged`'s count can be bound; the
/// value inside `Full`, `Closed` and `Timeout` is not kept, so only `_` and `..` match it.
pub const WITH_PAYLOAD: &[&str] = &[
    "tokio::sync::broadcast::error::RecvError::Lagged",
    "tokio::sync::broadcast::error::TryRecvError::Lagged",
    "tokio::sync::mpsc::error::TrySendError::Full",
    "tokio::sync::mpsc::error::TrySendError::Closed",
    "tokio::sync::mpsc::error::SendTimeoutError::Timeout",
    "tokio::sync::mpsc::error::SendTimeoutError::Closed",
];

/// The `Display` of the unit variant at `path`, if it is one.
pub fn unit(path: &str) -> Option<&'static str> {
    UNIT.iter().find(|(p, _)| *p == path).map(|(_, d)| *d)
}

/// True if `path` is a variant with a payload.
pub fn with_payload(path: &str) -> bool {
    WITH_PAYLOAD.contains(&path)
}

/// The variant's name of an error's `Debug` (`Lagged(3)` → `Lagged`, `"Full(..)"` → `Full`).
pub fn variant_of(debug: &str) -> &str {
    let d = debug.trim_start_matches('"');
    d.split('(').next().unwrap_or(d)
}

/// The count inside `Lagged(3)`.
pub fn payload_count(debug: &str) -> Option<u64> {
    let inner = debug.split_once('(')?.1.strip_suffix(')')?;
    inner.parse().ok()
}
