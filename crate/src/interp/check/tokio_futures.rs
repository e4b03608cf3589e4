//! What `tokio::sync`'s (and `JoinSet`'s) awaitable methods return: futures, spelled as rustc
//! spells them, so that a forgotten `.await` (`*rw.read()`, `sem.acquire().unwrap()`,
//! `match rx.recv() { Ok(..) .. }`) is refused as rustc refuses it. Every name here is the
//! checker's name of a receiver type (see `infer::call_ty` and `infer::canon_name`); anything else
//! stays unknown, and unknown is never reported.

use super::ty::Ty;

fn adt(n: &str, a: Vec<Ty>) -> Ty {
    Ty::Adt(n.into(), a)
}

fn first(a: &[Ty]) -> Ty {
    a.first().cloned().unwrap_or(Ty::Unknown)
}

/// The future that method `name` of a value of type `recv<args>` returns, if it is one of
/// Tokio's.
pub fn future_of(recv: &str, name: &str, args: &[Ty]) -> Option<Ty> {
    let out = match (recv, name) {
        ("tokio::sync::Mutex", "lock") => adt("tokio::sync::MutexGuard", args.to_vec()),
        ("tokio::sync::RwLock", "read") => adt("tokio::sync::RwLockReadGuard", args.to_vec()),
        ("tokio::sync::RwLock", "write") => adt("tokio::sync::RwLockWriteGuard", args.to_vec()),
        ("tokio::sync::Semaphore", "acquire" | "acquire_many") => adt(
            "Result",
            vec![
                adt("SemaphorePermit<'_>", Vec::new()),
                adt("AcquireError", Vec::new()),
            ],
        ),
        ("tokio::sync::Semaphore", "acquire_owned" | "acquire_many_owned") => adt(
            "Result",
            vec![
                adt("OwnedSemaphorePermit", Vec::new()),
                adt("AcquireError", Vec::new()),
            ],
        ),
        ("tokio::sync::Barrier", "wait") => adt("tokio::sync::BarrierWaitResult", Vec::new()),
        // A named future (a struct, not opaque: rustc says "struct `Notified<'a>`").
        ("tokio::sync::Notify", "notified") => return Some(adt("Notified<'_>", Vec::new())),
        ("broadcast::Sender", "subscribe") => {
            return Some(adt("broadcast::Receiver", args.to_vec()))
        }
        ("broadcast::Receiver", "recv") => adt(
            "Result",
            vec![
                first(args),
                adt("tokio::sync::broadcast::error::RecvError", Vec::new()),
            ],
        ),
        ("watch::Receiver", "changed") => adt(
            "Result",
            vec![
                Ty::Unit,
                adt("tokio::sync::watch::error::RecvError", Vec::new()),
            ],
        ),
        ("JoinSet", "join_next") => adt(
            "Option",
            vec![adt(
                "Result",
                vec![first(args), adt("JoinError", Vec::new())],
            )],
        ),
        _ => return None,
    };
    Some(Ty::Future(Box::new(out)))
}

/// What dereferencing one of Tokio's guards gives.
pub fn guard_target(t: &Ty) -> Option<Ty> {
    match t {
        Ty::Adt(n, a)
            if matches!(
                n.as_str(),
                "tokio::sync::MutexGuard"
                    | "tokio::sync::RwLockReadGuard"
                    | "tokio::sync::RwLockWriteGuard"
            ) =>
        {
            Some(first(a))
        }
        _ => None,
    }
}
