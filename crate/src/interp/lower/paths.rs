//! The library paths the subset knows (`tokio::time::sleep` → a builtin), their aliases, and the
//! methods the evaluator knows.

use super::*;
use crate::interp::mem::{CellKind, MemFn};

/// What a path of the library names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Known {
    Module,
    Type,
    Fn(Builtin),
    Macro,
    Const,
}

/// The library items of the subset, by canonical path (see [`canonical`] for the aliases).
pub(super) const KNOWN: &[(&str, Known)] = &[
    ("tokio", Known::Module),
    ("tokio::time", Known::Module),
    ("tokio::time::error", Known::Module),
    ("tokio::task", Known::Module),
    ("tokio::sync", Known::Module),
    ("tokio::sync::mpsc", Known::Module),
    ("tokio::sync::mpsc::error", Known::Module),
    ("tokio::sync::oneshot", Known::Module),
    ("tokio::sync::oneshot::error", Known::Module),
    ("std", Known::Module),
    ("std::time", Known::Module),
    ("std::thread", Known::Module),
    ("std::mem", Known::Module),
    // The memory model's library (eval/smart.rs).
    ("std::rc", Known::Module),
    ("std::cell", Known::Module),
    ("std::sync", Known::Module),
    ("std::rc::Rc", Known::Type),
    ("std::rc::Rc::new", Known::Fn(Builtin::Mem(MemFn::RcNew))),
    (
        "std::rc::Rc::clone",
        Known::Fn(Builtin::Mem(MemFn::RcClone)),
    ),
    (
        "std::rc::Rc::strong_count",
        Known::Fn(Builtin::Mem(MemFn::StrongCount)),
    ),
    ("std::rc::Rc::ptr_eq", Known::Fn(Builtin::Mem(MemFn::PtrEq))),
    ("std::sync::Arc", Known::Type),
    (
        "std::sync::Arc::new",
        Known::Fn(Builtin::Mem(MemFn::ArcNew)),
    ),
    (
        "std::sync::Arc::clone",
        Known::Fn(Builtin::Mem(MemFn::RcClone)),
    ),
    (
        "std::sync::Arc::strong_count",
        Known::Fn(Builtin::Mem(MemFn::StrongCount)),
    ),
    (
        "std::sync::Arc::ptr_eq",
        Known::Fn(Builtin::Mem(MemFn::PtrEq)),
    ),
    ("std::cell::Cell", Known::Type),
    (
        "std::cell::Cell::new",
        Known::Fn(Builtin::Mem(MemFn::CellNew(CellKind::Cell))),
    ),
    ("std::cell::RefCell", Known::Type),
    (
        "std::cell::RefCell::new",
        Known::Fn(Builtin::Mem(MemFn::CellNew(CellKind::RefCell))),
    ),
    ("std::cell::Ref", Known::Type),
    ("std::cell::RefMut", Known::Type),
    ("std::sync::Mutex", Known::Type),
    (
        "std::sync::Mutex::new",
        Known::Fn(Builtin::Mem(MemFn::CellNew(CellKind::Mutex))),
    ),
    ("std::sync::MutexGuard", Known::Type),
    ("std::sync::RwLock", Known::Type),
    (
        "std::sync::RwLock::new",
        Known::Fn(Builtin::Mem(MemFn::CellNew(CellKind::RwLock))),
    ),
    ("std::sync::RwLockReadGuard", Known::Type),
    ("std::sync::RwLockWriteGuard", Known::Type),
    ("std::mem::swap", Known::Fn(Builtin::Mem(MemFn::Swap))),
    ("std::mem::replace", Known::Fn(Builtin::Mem(MemFn::Replace))),
    ("std::mem::take", Known::Fn(Builtin::Mem(MemFn::Take))),
    // The std collections and library types (interp/std/).
    ("std::collections", Known::Module),
    ("std::collections::HashMap", Known::Type),
    ("std::collections::HashSet", Known::Type),
    ("std::collections::BTreeMap", Known::Type),
    ("std::collections::BTreeSet", Known::Type),
    ("std::collections::VecDeque", Known::Type),
    ("std::collections::hash_map", Known::Module),
    ("std::collections::hash_map::Entry", Known::Type),
    ("std::num", Known::Module),
    ("std::num::ParseIntError", Known::Type),
    ("std::num::ParseFloatError", Known::Type),
    ("std::cmp", Known::Module),
    ("std::error", Known::Module),
    ("std::error::Error", Known::Type),
    ("std::f64", Known::Module),
    ("std::f64::consts", Known::Module),
    ("std::f32", Known::Module),
    ("std::f32::consts", Known::Module),
    ("std::future", Known::Module),
    ("std::pin", Known::Module),
    ("futures", Known::Module),
    ("futures::future", Known::Module),
    ("tokio::time::sleep", Known::Fn(Builtin::Sleep)),
    ("tokio::time::sleep_until", Known::Fn(Builtin::SleepUntil)),
    ("tokio::time::timeout", Known::Fn(Builtin::Timeout)),
    ("tokio::time::interval", Known::Fn(Builtin::Interval)),
    ("tokio::time::Interval", Known::Type),
    ("tokio::try_join", Known::Macro),
    ("std::time::Duration", Known::Type),
    (
        "std::time::Duration::from_secs",
        Known::Fn(Builtin::DurationFromSecs),
    ),
    (
        "std::time::Duration::from_millis",
        Known::Fn(Builtin::DurationFromMillis),
    ),
    (
        "std::time::Duration::from_micros",
        Known::Fn(Builtin::DurationFromMicros),
    ),
    (
        "std::time::Duration::from_nanos",
        Known::Fn(Builtin::DurationFromNanos),
    ),
    (
        "std::time::Duration::from_secs_f64",
        Known::Fn(Builtin::DurationFromSecsF64),
    ),
    (
        "std::time::Duration::from_secs_f32",
        Known::Fn(Builtin::DurationFromSecsF64),
    ),
    ("std::time::Duration::new", Known::Fn(Builtin::DurationNew)),
    ("std::time::Duration::ZERO", Known::Const),
    ("std::time::Duration::MAX", Known::Const),
    ("std::time::Instant", Known::Type),
    ("std::time::Instant::now", Known::Fn(Builtin::InstantNow)),
    ("tokio::spawn", Known::Fn(Builtin::Spawn)),
    ("tokio::task::yield_now", Known::Fn(Builtin::YieldNow)),
    ("tokio::task::JoinHandle", Known::Type),
    ("tokio::task::JoinError", Known::Type),
    ("tokio::time::error::Elapsed", Known::Type),
    ("futures::future::join_all", Known::Fn(Builtin::JoinAll)),
    // `FutureExt::fuse` (for `futures::select!`) is the identity here: every future is fused.
    ("futures::FutureExt", Known::Type),
    ("futures::future::FutureExt", Known::Type),
    (
        "tokio::sync::mpsc::channel",
        Known::Fn(Builtin::MpscChannel),
    ),
    (
        "tokio::sync::mpsc::unbounded_channel",
        Known::Fn(Builtin::MpscUnbounded),
    ),
    ("tokio::sync::mpsc::Sender", Known::Type),
    ("tokio::sync::mpsc::Receiver", Known::Type),
    ("tokio::sync::mpsc::UnboundedSender", Known::Type),
    ("tokio::sync::mpsc::UnboundedReceiver", Known::Type),
    (
        "tokio::sync::oneshot::channel",
        Known::Fn(Builtin::OneshotChannel),
    ),
    ("tokio::sync::oneshot::Sender", Known::Type),
    ("tokio::sync::oneshot::Receiver", Known::Type),
    ("std::thread::sleep", Known::Fn(Builtin::ThreadSleep)),
    // `io::stdout().flush()` after `print!`: lines are shown when complete, so flushing is a no-op.
    ("std::io", Known::Module),
    ("std::io::Write", Known::Type),
    ("std::io::stdout", Known::Fn(Builtin::Stdout)),
    ("std::io::stderr", Known::Fn(Builtin::Stdout)),
    ("std::future::Future", Known::Type),
    ("std::pin::Pin", Known::Type),
    ("String", Known::Type),
    ("String::from", Known::Fn(Builtin::StringFrom)),
    ("String::new", Known::Fn(Builtin::StringNew)),
    ("String::with_capacity", Known::Fn(Builtin::StringNew)),
    ("Vec", Known::Type),
    ("Vec::new", Known::Fn(Builtin::VecNew)),
    ("Vec::with_capacity", Known::Fn(Builtin::VecWithCapacity)),
    ("Box", Known::Type),
    ("Box::pin", Known::Fn(Builtin::BoxPin)),
    ("Box::new", Known::Fn(Builtin::BoxNew)),
    ("drop", Known::Fn(Builtin::Drop)),
    ("tokio::join", Known::Macro),
    ("tokio::select", Known::Macro),
    ("futures::join", Known::Macro),
    ("futures::select", Known::Macro),
];

/// Aliases: different paths to the same item.
pub(super) fn canonical(path: &str) -> String {
    const ALIASES: &[(&str, &str)] = &[
        ("core::", "std::"),
        ("tokio::time::Duration", "std::time::Duration"),
        ("tokio::time::Instant", "std::time::Instant"),
        ("tokio::task::spawn", "tokio::spawn"),
        ("std::mem::drop", "drop"),
        ("std::string::String", "String"),
        ("std::vec::Vec", "Vec"),
        ("std::boxed::Box", "Box"),
        ("futures::future::join", "futures::join"),
        ("futures::future::select", "futures::select"),
        ("tokio::macros::", "tokio::"),
        ("::", ""),
    ];
    for (from, to) in ALIASES {
        if let Some(rest) = path.strip_prefix(from) {
            // Whole segments only: `futures::future::join` is not a prefix of `..::join_all`.
            if from.ends_with("::") || rest.is_empty() || rest.starts_with("::") {
                return canonical(&format!("{to}{rest}"));
            }
        }
    }
    path.to_string()
}

pub(super) fn known(path: &str) -> Option<Known> {
    let path = canonical(path);
    KNOWN
        .iter()
        .chain(TRAIT_PATHS)
        .find(|(p, _)| *p == path)
        .map(|(_, k)| *k)
        .or_else(|| {
            // The std tables' associated functions (`HashMap::new`).
            crate::interp::stdlib::collections::FUNCTIONS
                .iter()
                .find(|p| **p == path)
                .map(|p| Known::Fn(Builtin::Std(p)))
        })
        .or_else(|| tokio_known(&path))
}

/// The rest of Tokio's items, from their own table ([`crate::interp::tokio::ITEMS`]).
fn tokio_known(path: &str) -> Option<Known> {
    use crate::interp::tokio::{item, Item};
    Some(match item(path)? {
        Item::Module => Known::Module,
        Item::Type => Known::Type,
        Item::Fn(f) => Known::Fn(Builtin::Tokio(f)),
        Item::Macro => Known::Macro,
        Item::Const => Known::Const,
    })
}

/// Integer and float constants such as `u64::MAX` and `f64::NAN`.
pub(super) fn int_const(ty: &str, name: &str) -> Option<Lit> {
    if ty == "f64" || ty == "f32" {
        let f32 = ty == "f32";
        return Some(Lit::Float(match name {
            "NAN" => f64::NAN,
            "INFINITY" => f64::INFINITY,
            "NEG_INFINITY" => f64::NEG_INFINITY,
            "MAX" if f32 => f64::from(f32::MAX),
            "MIN" if f32 => f64::from(f32::MIN),
            "EPSILON" if f32 => f64::from(f32::EPSILON),
            "MIN_POSITIVE" if f32 => f64::from(f32::MIN_POSITIVE),
            "MAX" => f64::MAX,
            "MIN" => f64::MIN,
            "EPSILON" => f64::EPSILON,
            "MIN_POSITIVE" => f64::MIN_POSITIVE,
            _ => return None,
        }));
    }
    if ty == "consts" {
        use std::f64::consts;
        return Some(Lit::Float(match name {
            "PI" => consts::PI,
            "E" => consts::E,
            "TAU" => consts::TAU,
            "SQRT_2" => consts::SQRT_2,
            "LN_2" => consts::LN_2,
            "LN_10" => consts::LN_10,
            "FRAC_PI_2" => consts::FRAC_PI_2,
            _ => return None,
        }));
    }
    let t = IntTy::from_name(ty)?;
    let (min, max) = t.range();
    match name {
        "MAX" => Some(Lit::Int(max, t)),
        "MIN" => Some(Lit::Int(min, t)),
        "BITS" => Some(Lit::Int(
            i128::from(crate::interp::eval::int_bits(t)),
            IntTy::U32,
        )),
        _ => None,
    }
}

/// The std modules and traits that a program's own types implement or name.
pub(super) const TRAIT_PATHS: &[(&str, Known)] = &[
    ("std::fmt", Known::Module),
    ("std::fmt::Display", Known::Type),
    ("std::fmt::Debug", Known::Type),
    ("std::fmt::Formatter", Known::Type),
    ("std::fmt::Result", Known::Type),
    ("std::fmt::Write", Known::Type),
    ("std::ops", Known::Module),
    ("std::ops::Add", Known::Type),
    ("std::ops::Sub", Known::Type),
    ("std::ops::Mul", Known::Type),
    ("std::ops::Div", Known::Type),
    ("std::ops::Rem", Known::Type),
    ("std::ops::Neg", Known::Type),
    ("std::ops::Not", Known::Type),
    ("std::ops::AddAssign", Known::Type),
    ("std::ops::SubAssign", Known::Type),
    ("std::ops::MulAssign", Known::Type),
    ("std::ops::DivAssign", Known::Type),
    ("std::ops::Index", Known::Type),
    ("std::ops::IndexMut", Known::Type),
    ("std::cmp", Known::Module),
    ("std::cmp::Ordering", Known::Type),
    ("std::cmp::PartialEq", Known::Type),
    ("std::cmp::Eq", Known::Type),
    ("std::cmp::PartialOrd", Known::Type),
    ("std::cmp::Ord", Known::Type),
    ("std::convert", Known::Module),
    ("std::convert::From", Known::Type),
    ("std::convert::Into", Known::Type),
    ("std::convert::TryFrom", Known::Type),
    ("std::str", Known::Module),
    ("std::str::FromStr", Known::Type),
    ("std::default", Known::Module),
    ("std::default::Default", Known::Type),
    ("std::iter", Known::Module),
    ("std::iter::Iterator", Known::Type),
    ("std::hash", Known::Module),
    ("std::hash::Hash", Known::Type),
    ("std::error", Known::Module),
    ("std::error::Error", Known::Type),
    ("std::num", Known::Module),
    ("std::num::ParseIntError", Known::Type),
    ("std::num::ParseFloatError", Known::Type),
];
