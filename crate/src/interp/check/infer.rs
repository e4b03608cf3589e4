//! What the checker knows of std and Tokio: the types that constructors and methods return, and
//! how methods take `self`. Anything not here is `Unknown`, and the checks stay silent on it.

use super::items::{Items, SelfKind};
use super::ty::Ty;
use super::walk::SpawnKind;

/// Names that are values in every program (the prelude).
pub const PRELUDE_VALUES: &[&str] = &["Some", "None", "Ok", "Err", "drop", "Self", "self"];

/// Type-like names in every program (the prelude's types and traits).
pub const PRELUDE_TYPES: &[&str] = &[
    "Vec",
    "String",
    "Option",
    "Result",
    "Box",
    "Self",
    "Default",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "FromIterator",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "ToString",
    "ToOwned",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Fn",
    "FnMut",
    "FnOnce",
    "Drop",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "AsRef",
    "AsMut",
    "Some",
    "None",
    "Ok",
    "Err",
];

/// Crates and path roots a lowercase first segment may name.
pub const ROOTS: &[&str] = &[
    "std", "core", "alloc", "tokio", "futures", "crate", "self", "super", "str", "bool", "char",
    "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128",
    "usize",
];

/// Which spawn a call path is.
pub fn spawn_kind(full: &str) -> Option<SpawnKind> {
    match full {
        "tokio::spawn" | "tokio::task::spawn" => Some(SpawnKind::Tokio),
        "std::thread::spawn" | "tokio::task::spawn_blocking" => Some(SpawnKind::Thread),
        "tokio::task::spawn_local" => Some(SpawnKind::Local),
        _ => None,
    }
}

fn arg(args: &[Ty], i: usize) -> Ty {
    args.get(i).cloned().unwrap_or(Ty::Unknown)
}

/// Literal integers and floats take rustc's default types once bound.
pub fn settle(t: Ty) -> Ty {
    match t {
        Ty::Int(None) => Ty::Int(Some("i32".into())),
        Ty::Float(None) => Ty::Float(Some("f64".into())),
        Ty::Adt(n, a) => Ty::Adt(n, a.into_iter().map(settle).collect()),
        Ty::Tuple(a) => Ty::Tuple(a.into_iter().map(settle).collect()),
        Ty::Ref(m, t) => Ty::Ref(m, Box::new(settle(*t))),
        t => t,
    }
}

/// The type a call of a library path returns, given its arguments' types.
pub fn call_ty(full: &str, args: &[Ty], items: &Items) -> Ty {
    let segs: Vec<&str> = full.split("::").collect();
    let n = segs.len();
    let last = segs[n - 1];
    let ty_seg = if n >= 2 { segs[n - 2] } else { "" };
    let a0 = || settle(arg(args, 0));
    match spawn_kind(full) {
        Some(SpawnKind::Thread) if full == "std::thread::spawn" => {
            return Ty::Adt("std::thread::JoinHandle".into(), vec![Ty::Unknown])
        }
        Some(_) => return Ty::Adt("JoinHandle".into(), vec![Ty::Unknown]),
        None => {}
    }
    match (ty_seg, last) {
        ("", "Some") => return Ty::Adt("Option".into(), vec![a0()]),
        ("", "Ok") => return Ty::Adt("Result".into(), vec![a0(), Ty::Unknown]),
        ("", "Err") => return Ty::Adt("Result".into(), vec![Ty::Unknown, a0()]),
        ("String", "new" | "from" | "with_capacity") => return Ty::String,
        ("Vec", "new" | "with_capacity") => return Ty::Adt("Vec".into(), vec![Ty::Unknown]),
        ("HashMap" | "BTreeMap", "new") => {
            return Ty::Adt(ty_seg.into(), vec![Ty::Unknown, Ty::Unknown])
        }
        ("HashSet" | "BTreeSet" | "VecDeque" | "JoinSet", "new") => {
            return Ty::Adt(ty_seg.into(), vec![Ty::Unknown])
        }
        ("Rc" | "Arc" | "Box", "new") => return Ty::Adt(ty_seg.into(), vec![a0()]),
        ("Rc" | "Arc", "clone") => {
            return match arg(args, 0) {
                Ty::Ref(_, t) => *t,
                t => t,
            }
        }
        ("RefCell" | "Cell", "new") => return Ty::Adt(ty_seg.into(), vec![a0()]),
        ("Mutex" | "RwLock", "new") => {
            // Which `Mutex` it is decides `Send` of its guard: only a known path says.
            return if full.starts_with("std::sync::") {
                Ty::Adt(ty_seg.into(), vec![a0()])
            } else if full.starts_with("tokio::") || full.starts_with("futures::") {
                Ty::Adt(format!("tokio::sync::{ty_seg}"), vec![a0()])
            } else {
                Ty::Unknown
            };
        }
        ("Duration", _) => return Ty::Adt("Duration".into(), Vec::new()),
        ("Instant", "now") => return Ty::Adt("Instant".into(), Vec::new()),
        _ => {}
    }
    match full {
        "tokio::sync::mpsc::channel" => Ty::Tuple(vec![
            Ty::Adt("Sender".into(), vec![Ty::Unknown]),
            Ty::Adt("Receiver".into(), vec![Ty::Unknown]),
        ]),
        "tokio::sync::mpsc::unbounded_channel" => Ty::Tuple(vec![
            Ty::Adt("UnboundedSender".into(), vec![Ty::Unknown]),
            Ty::Adt("UnboundedReceiver".into(), vec![Ty::Unknown]),
        ]),
        "tokio::sync::oneshot::channel" => Ty::Tuple(vec![
            Ty::Adt("oneshot::Sender".into(), vec![Ty::Unknown]),
            Ty::Adt("oneshot::Receiver".into(), vec![Ty::Unknown]),
        ]),
        "std::sync::mpsc::channel" => Ty::Tuple(vec![
            Ty::Adt("std::sync::mpsc::Sender".into(), vec![Ty::Unknown]),
            Ty::Adt("std::sync::mpsc::Receiver".into(), vec![Ty::Unknown]),
        ]),
        "tokio::time::interval" => Ty::Adt("Interval".into(), Vec::new()),
        "tokio::sync::Semaphore::new"
        | "tokio::sync::Barrier::new"
        | "tokio::sync::Notify::new" => Ty::Adt(full.trim_end_matches("::new").into(), Vec::new()),
        "tokio::sync::broadcast::channel" => Ty::Tuple(vec![
            Ty::Adt("broadcast::Sender".into(), vec![Ty::Unknown]),
            Ty::Adt("broadcast::Receiver".into(), vec![Ty::Unknown]),
        ]),
        "tokio::sync::watch::channel" => Ty::Tuple(vec![
            Ty::Adt("watch::Sender".into(), vec![a0()]),
            Ty::Adt("watch::Receiver".into(), vec![a0()]),
        ]),
        // `Timeout<F>` is `Debug` only if `F` is (a forgotten `.await` printed with `{:?}`).
        "tokio::time::timeout" => Ty::Adt("tokio::time::Timeout".into(), vec![arg(args, 1)]),
        _ if n == 1 && items.structs.contains_key(last) => Ty::Adt(last.into(), Vec::new()),
        _ => Ty::Unknown,
    }
}

/// Strips the smart pointers a method call sees through (`Arc<Mutex<T>>` → `Mutex<T>`).
fn through(t: &Ty) -> &Ty {
    match t {
        Ty::Ref(_, t) => through(t),
        Ty::Adt(n, a) if matches!(n.as_str(), "Arc" | "Rc" | "Box") && a.len() == 1 => {
            through(&a[0])
        }
        t => t,
    }
}

const MUT_VEC: &[&str] = &[
    "push",
    "pop",
    "insert",
    "remove",
    "clear",
    "sort",
    "sort_by",
    "sort_by_key",
    "sort_unstable",
    "sort_unstable_by",
    "sort_unstable_by_key",
    "dedup",
    "dedup_by_key",
    "truncate",
    "extend",
    "append",
    "retain",
    "drain",
    "reverse",
    "iter_mut",
    "swap",
    "resize",
    "last_mut",
    "first_mut",
    "get_mut",
    "split_off",
    "swap_remove",
    "push_str",
    "insert_str",
    "push_back",
    "push_front",
    "pop_back",
    "pop_front",
    "entry",
    "values_mut",
    "extend_from_slice",
    "fill",
    "rotate_left",
    "rotate_right",
    "make_ascii_uppercase",
    "make_ascii_lowercase",
];

const VALUE_OPTION: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or",
    "unwrap_or_else",
    "unwrap_or_default",
    "ok",
    "err",
    "map",
    "and_then",
    "ok_or",
    "ok_or_else",
    "into_iter",
    "map_err",
    "unwrap_err",
    "expect_err",
    "flatten",
    "or",
    "or_else",
    "filter",
];

/// How the method `name` of a value of type `t` takes `self`, if known.
pub fn self_kind(t: &Ty, name: &str, items: &Items) -> Option<SelfKind> {
    if let Ty::Ref(..) = t {
        // Through a reference nothing is moved, and `&mut` needs no `mut` binding.
        return Some(SelfKind::Ref);
    }
    if name == "clone" {
        return Some(SelfKind::Ref);
    }
    let Ty::Adt(head, args) = t else {
        return match t {
            Ty::String if MUT_VEC.contains(&name) => Some(SelfKind::RefMut),
            Ty::String if name.starts_with("into_") => Some(SelfKind::Value),
            Ty::String => Some(SelfKind::Ref),
            _ => None,
        };
    };
    let _ = args;
    // The program's own type of a library type's name (`struct Receiver`) is its own.
    if items.structs.contains_key(head) {
        return items.method(head, name).and_then(|s| s.receiver);
    }
    match head.as_str() {
        "Vec" | "VecDeque" | "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" => {
            if MUT_VEC.contains(&name) {
                Some(SelfKind::RefMut)
            } else if name.starts_with("into_") {
                Some(SelfKind::Value)
            } else {
                Some(SelfKind::Ref)
            }
        }
        "Option" | "Result" => {
            if VALUE_OPTION.contains(&name) {
                Some(SelfKind::Value)
            } else if matches!(
                name,
                "take" | "insert" | "get_or_insert" | "replace" | "as_mut"
            ) {
                Some(SelfKind::RefMut)
            } else {
                Some(SelfKind::Ref)
            }
        }
        "std::thread::JoinHandle" if name == "join" => Some(SelfKind::Value),
        "Receiver" | "UnboundedReceiver" => {
            if matches!(
                name,
                "recv" | "try_recv" | "recv_many" | "close" | "poll_recv"
            ) {
                Some(SelfKind::RefMut)
            } else {
                Some(SelfKind::Ref)
            }
        }
        // `watch` and `broadcast` (their `&mut self` methods; the rest take `&self`).
        "watch::Receiver" | "broadcast::Receiver" => {
            if matches!(
                name,
                "changed"
                    | "borrow_and_update"
                    | "mark_changed"
                    | "mark_unchanged"
                    | "recv"
                    | "try_recv"
                    | "wait_for"
            ) {
                Some(SelfKind::RefMut)
            } else {
                Some(SelfKind::Ref)
            }
        }
        "watch::Sender" | "broadcast::Sender" => Some(SelfKind::Ref),
        "oneshot::Sender" if name == "send" => Some(SelfKind::Value),
        "Sender" | "UnboundedSender" | "std::sync::mpsc::Sender" => Some(SelfKind::Ref),
        "Arc" | "Rc" => Some(SelfKind::Ref),
        "Mutex" | "RwLock" | "tokio::sync::Mutex" | "tokio::sync::RwLock" | "RefCell" => match name
        {
            "into_inner" => Some(SelfKind::Value),
            "get_mut" => Some(SelfKind::RefMut),
            _ => Some(SelfKind::Ref),
        },
        "JoinHandle" if matches!(name, "abort" | "is_finished" | "abort_handle" | "id") => {
            Some(SelfKind::Ref)
        }
        "Interval" if matches!(name, "tick" | "reset") => Some(SelfKind::RefMut),
        h => items.method(h, name).and_then(|s| s.receiver),
    }
}

/// The type a method returns.
pub fn method_ty(t: &Ty, name: &str) -> Ty {
    if name == "clone" {
        return match t {
            Ty::Ref(_, t) => (**t).clone(),
            t => t.clone(),
        };
    }
    match name {
        "to_string" | "to_uppercase" | "to_lowercase" | "repeat" | "replace" => return Ty::String,
        "to_owned" if matches!(t, Ty::Str) => return Ty::String,
        "len" | "count" => return Ty::Int(Some("usize".into())),
        "is_empty" | "contains" | "starts_with" | "ends_with" | "is_some" | "is_none" | "is_ok"
        | "is_err" | "contains_key" => return Ty::Bool,
        _ => {}
    }
    let inner = through(t);
    if let Ty::Adt(n, a) = inner {
        if let Some(f) = super::tokio_futures::future_of(n, name, a) {
            return f;
        }
    }
    match (inner, name) {
        (Ty::Adt(n, a), "lock") if n == "Mutex" => Ty::Adt(
            "Result".into(),
            vec![
                Ty::Adt("std::sync::MutexGuard".into(), a.clone()),
                Ty::Unknown,
            ],
        ),
        (Ty::Adt(n, a), "send") if n == "Sender" => Ty::Future(Box::new(Ty::Adt(
            "Result".into(),
            vec![
                Ty::Unit,
                Ty::Adt(
                    "tokio::sync::mpsc::error::SendError".into(),
                    vec![a.first().cloned().unwrap_or(Ty::Unknown)],
                ),
            ],
        ))),
        (Ty::Adt(n, a), "recv") if n == "Receiver" || n == "UnboundedReceiver" => {
            Ty::Future(Box::new(Ty::Adt("Option".into(), a.clone())))
        }
        (Ty::Adt(n, a), "borrow_mut") if n == "RefCell" => Ty::Adt("RefMut".into(), a.clone()),
        (Ty::Adt(n, a), "borrow") if n == "RefCell" => Ty::Adt("Ref".into(), a.clone()),
        (Ty::Adt(n, a), "unwrap" | "expect") if n == "Option" || n == "Result" => {
            a.first().cloned().unwrap_or(Ty::Unknown)
        }
        (Ty::Adt(n, a), "join") if n == "std::thread::JoinHandle" => Ty::Adt(
            "Result".into(),
            vec![a.first().cloned().unwrap_or(Ty::Unknown), Ty::Unknown],
        ),
        // The program's own methods are typed by the walker (`user_call`), with their written
        // types resolved.
        _ => Ty::Unknown,
    }
}

/// Types whose values make a future not `Send` when held across an `.await`.
pub fn not_send(t: &Ty) -> bool {
    matches!(t, Ty::Adt(n, _) if matches!(n.as_str(), "Rc" | "RefMut" | "Ref" | "std::sync::MutexGuard"))
}

/// Types that are surely not futures (for `.await` on them).
pub fn surely_not_future(t: &Ty, items: &Items) -> bool {
    match t {
        Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::Str | Ty::String => true,
        Ty::Adt(n, _) => {
            matches!(
                n.as_str(),
                "Vec" | "Option" | "Result" | "HashMap" | "HashSet" | "Duration" | "Instant"
            ) || (items.structs.contains_key(n) && !items.own_futures)
        }
        _ => false,
    }
}

/// Names whose meaning depends on where they come from (std's `Mutex` or Tokio's...).
const AMBIGUOUS: &[&str] = &[
    "Mutex",
    "MutexGuard",
    "RwLock",
    "Receiver",
    "Sender",
    "UnboundedReceiver",
    "UnboundedSender",
    "Rc",
    "RefMut",
    "Ref",
    "RefCell",
    "Interval",
    "JoinHandle",
];

/// The checker's name for a library type's full path; `None` when it cannot tell which it is.
pub fn canon_name(written: &str, full: &str) -> Option<String> {
    let last = full.rsplit("::").next().unwrap_or(full);
    let name = match full {
        "std::sync::Mutex" | "std::sync::RwLock" => last.to_string(),
        "std::sync::MutexGuard" => full.to_string(),
        "tokio::sync::Mutex" | "tokio::sync::RwLock" | "tokio::sync::MutexGuard" => {
            full.to_string()
        }
        "std::rc::Rc" | "std::cell::RefCell" | "std::cell::RefMut" | "std::cell::Ref" => {
            last.to_string()
        }
        "tokio::time::Interval" | "tokio::task::JoinHandle" | "std::thread::JoinHandle" => {
            last.to_string()
        }
        f if f.starts_with("tokio::sync::mpsc::") => last.to_string(),
        f if f.starts_with("std::sync::mpsc::") => full.to_string(),
        f if f.starts_with("tokio::sync::oneshot::") => format!("oneshot::{last}"),
        _ if AMBIGUOUS.contains(&last) => return None,
        _ if written.contains("::") => last.to_string(),
        _ => written.to_string(),
    };
    Some(name)
}

/// Parameter types of library functions that learners call with a literal of the wrong kind.
pub fn library_params(full: &str) -> Option<(Vec<Ty>, &'static str)> {
    let segs: Vec<&str> = full.split("::").collect();
    let from_time = full.starts_with("std::time::") || full.starts_with("tokio::time::");
    let duration = || Ty::Adt("Duration".into(), Vec::new());
    match segs.as_slice() {
        [.., "Duration", f] if from_time => {
            let p = match *f {
                "from_secs" | "from_millis" | "from_micros" | "from_nanos" => "u64",
                "from_secs_f64" => "f64",
                "from_secs_f32" => "f32",
                _ => return None,
            };
            Some((vec![super::ty::named(p, Vec::new())], "associated function"))
        }
        _ => match full {
            "tokio::time::sleep" | "std::thread::sleep" => Some((vec![duration()], "function")),
            _ => None,
        },
    }
}

/// Method names learners reach for that these types do not have: (type, wrong name, rustc's
/// suggestion if any).
pub fn wrong_method(head: &str, name: &str) -> Option<Option<&'static str>> {
    match (head, name) {
        ("Vec" | "String" | "HashMap" | "VecDeque", "length" | "size") => Some(Some("len")),
        ("Vec" | "String", "push_back") => Some(Some("push")),
        ("JoinHandle", "join" | "unwrap" | "expect" | "unwrap_or" | "is_ok" | "is_err" | "ok") => {
            Some(None)
        }
        _ => None,
    }
}

/// Modules of std and Tokio that a path may name without its `use`, and where rustc suggests
/// importing them from.
pub fn module_hint(name: &str) -> Option<&'static str> {
    Some(match name {
        "mpsc" => "std::sync::mpsc",
        "thread" => "std::thread",
        "time" => "std::time",
        "mem" => "std::mem",
        "collections" => "std::collections",
        "oneshot" => "tokio::sync::oneshot",
        "task" => "tokio::task",
        "sync" => "std::sync",
        "fmt" => "std::fmt",
        "io" => "std::io",
        _ => return None,
    })
}

/// Methods every type may have through std's blanket and derivable impls.
pub const BLANKET: &[&str] = &[
    "clone",
    "clone_from",
    "to_owned",
    "to_string",
    "into",
    "try_into",
    "eq",
    "ne",
    "cmp",
    "partial_cmp",
    "lt",
    "le",
    "gt",
    "ge",
    "max",
    "min",
    "clamp",
    "hash",
    "fmt",
    "borrow",
    "borrow_mut",
    "type_id",
    "from",
    "try_from",
    "default",
];
