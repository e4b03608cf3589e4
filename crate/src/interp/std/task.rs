//! `std::task` and `std::future` beyond `ready`/`pending`, and `futures::future`'s combinators:
//! what a future written by hand needs (`Poll`, `Context`, `Waker`, `poll_fn`, `select`, …).
//!
//! `Poll`, `Either` and the combinators are Rust source ([`PRELUDE`], `task_prelude.rs`) that the
//! lowering adds to a program that may use them: they are then polled, traced and dropped exactly
//! as a learner's own `impl Future`. `Context` and `Waker` are values of the runtime
//! ([`crate::interp::tokio::Obj::Context`], [`crate::interp::tokio::Obj::Waker`]) holding the
//! real `std::task::Waker` of the poll, so a wake schedules the task as Tokio does (see
//! `eval/user_future.rs`).

/// The source of `Poll` (`is_ready`, `is_pending`, `map`, `map_ok`, `map_err`), std's `poll_fn`,
/// and futures' `Either`, `poll_fn`, `select`, `select_all`, `join`, `try_join`, `try_join_all`,
/// `ok`, `err` and `lazy`.
pub const PRELUDE: &str = include_str!("task_prelude.rs");

/// The registry key of `std::task::Poll`.
pub const POLL: &str = "std::task::Poll";

/// The methods of `Context`, `Waker`, `Pin` and `FutureExt` this room serves (for the lowering's
/// check that every method called exists).
pub const METHODS: &[&str] = &[
    "waker",
    "wake",
    "wake_by_ref",
    "will_wake",
    "poll",
    "boxed",
    "boxed_local",
    "get_mut",
    "as_mut",
    "get_ref",
    "poll_unpin",
    "poll_recv",
    "poll_recv_many",
    "poll_closed",
    "poll_join_next",
    "poll_tick",
    "map",
    "then",
    "now_or_never",
    "as_ref",
];

/// True if `name` is one of [`METHODS`].
pub fn is_method(name: &str) -> bool {
    METHODS.contains(&name)
}

/// The prelude's items, if `source` may use them (a cheap look at its text: a program that never
/// names `Poll`, `poll`, `Either` or `futures::future` pays nothing).
pub fn prelude_for(source: &str) -> Option<Vec<syn::Item>> {
    let wanted = [
        "Poll",
        "poll",
        "Either",
        "futures::future",
        "future::",
        "Future for",
    ];
    if !wanted.iter().any(|w| source.contains(w)) {
        return None;
    }
    syn::parse_file(PRELUDE).ok().map(|f| f.items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prelude_parses() {
        assert!(prelude_for("use std::task::Poll;").is_some_and(|i| i.len() == 2));
        assert!(prelude_for("fn main() {}").is_none());
    }
}
