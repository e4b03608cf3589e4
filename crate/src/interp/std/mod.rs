//! Rust's standard library as the interpreter provides it: one small file per family of values,
//! each with its own table of methods, looked up by the evaluator (after Rhai's `src/packages/`).
//!
//! ## Adding a method
//!
//! Find the family of the receiver (`vec.rs` for `Vec`, `string.rs` for `String`/`&str`, …), write
//! the function next to its neighbours and add one row `("name", Method::Sync(name))` to that file's
//! `METHODS` table. Nothing else: the lowering learns the name from the tables (an unknown method is
//! refused before the run, with its place), and the evaluator finds the row by the receiver's value.
//!
//! ## Adding a family (for another room: `rc.rs`, `sync.rs`, Tokio's `rt/sync/`, user types, …)
//!
//! Give the file a `pub(crate) const FAMILY: Family` (`accepts`, which says which values it serves,
//! and its table) and add `&yourfile::FAMILY` to [`FAMILIES`] below. Families are
//! searched in order and the first that accepts the value *and* has the name wins; [`generic`] (the
//! methods of every value, such as `clone` and `to_string`) comes last.
//!
//! A room that already dispatches by name (`fn my_method(&self, v, name, &mut args, at) ->
//! Option<R>`, as `eval/smart.rs`'s `cell_method` does) registers in one line with [`by_name!`]:
//!
//! ```text
//! by_name! { accepts |v| matches!(v, Value::Cell(_)), via cell_method, fallback clone, rows [get, set, borrow] }
//! ```
//!
//! (see `cell.rs`; a Tokio room's `tokio_method` registers the same way).
//!
//! ## The two kinds of method
//!
//! - [`Method::Sync`] gets the receiver's place (`&mut Value`): `v.push(x)` changes `v` where it
//!   lives. It can't call closures (closure calls are async in this evaluator, see `eval/call.rs`).
//! - [`Method::Async`] is for methods that call closures or poll (`map`, `sort_by`, `retain`,
//!   `next` on an adapter): it gets a copy of the receiver, and the evaluator writes the copy back to
//!   the receiver's place when the call returns, so `v.retain(|x| ..)` still changes `v`.

use super::diag::Span;
use super::eval::{Interp, R};
use super::value::Value;
use std::future::Future;
use std::pin::Pin;

pub(crate) mod cell;
pub(crate) mod char;
pub mod collections;
pub(crate) mod deque;
pub(crate) mod float;
pub(crate) mod generic;
pub(crate) mod int;
pub(crate) mod iter;
pub(crate) mod iter_more;
pub mod lazy;
pub mod map;
pub(crate) mod option;
pub(crate) mod ordering;
pub(crate) mod parts;
pub(crate) mod prim;
pub(crate) mod result;
pub(crate) mod set;
pub(crate) mod string;
pub mod task;
pub(crate) mod time;
pub(crate) mod tokio;
pub(crate) mod vec;

/// A family whose rows all reach one method of the evaluator that dispatches by name and
/// returns `Option<R>` (`None`: not this value's method). Defines `FAMILY` in the calling file.
/// `fallback clone` makes `clone` the value's own clone where that method has none.
macro_rules! by_name {
    (accepts $accepts:expr, via $method:ident, fallback clone, rows [$($f:ident),* $(,)?]) => {
        /// The family.
        pub(crate) const FAMILY: $crate::interp::stdlib::Family = $crate::interp::stdlib::Family {
            accepts: $accepts,
            methods: &[$((stringify!($f), $crate::interp::stdlib::Method::Sync($f))),*],
        };
        $(fn $f(
            i: &$crate::interp::eval::Interp,
            v: &mut $crate::interp::value::Value,
            mut a: Vec<$crate::interp::value::Value>,
            at: $crate::interp::diag::Span,
        ) -> $crate::interp::eval::R {
            match i.$method(v, stringify!($f), &mut a, at) {
                Some(r) => r,
                None if stringify!($f) == "clone" => Ok(v.clone()),
                None => Err(i.panic(
                    at,
                    format!("no method named `{}` found for `{}`", stringify!($f), v.type_name()),
                )),
            }
        })*
    };
}
pub(crate) use by_name;

/// The future of an async method.
pub(crate) type Fut<'a> = Pin<Box<dyn Future<Output = R> + 'a>>;

/// A method that works on the receiver's place and calls no closure.
pub(crate) type SyncFn = fn(&Interp, &mut Value, Vec<Value>, Span) -> R;

/// A method that calls closures (or polls): it gets a copy of the receiver, written back after.
pub(crate) type AsyncFn = for<'a> fn(&'a Interp, &'a mut Value, Vec<Value>, Span) -> Fut<'a>;

/// One row's function.
#[derive(Clone, Copy)]
pub(crate) enum Method {
    /// See [`SyncFn`].
    Sync(SyncFn),
    /// See [`AsyncFn`].
    Async(AsyncFn),
}

/// A family of values and its methods.
pub(crate) struct Family {
    /// Which values the family serves.
    pub accepts: fn(&Value) -> bool,
    /// Its methods by name.
    pub methods: &'static [(&'static str, Method)],
}

/// Every family, searched in order (see the module's docs).
pub(crate) const FAMILIES: &[&Family] = &[
    &cell::FAMILY,
    &parts::FAMILY,
    &string::FAMILY,
    &vec::FAMILY,
    &map::FAMILY,
    &collections::ENTRY,
    &set::FAMILY,
    &deque::FAMILY,
    &iter_more::DEQUE,
    &iter_more::ITER_ONLY,
    &iter_more::PAYLOAD,
    &iter::FAMILY,
    &iter_more::FAMILY,
    &option::FAMILY,
    &ordering::FAMILY,
    &result::FAMILY,
    &prim::BYTE,
    &int::FAMILY,
    &float::FAMILY,
    &char::FAMILY,
    &time::FAMILY,
    &tokio::FAMILY,
    &prim::FAMILY,
    &generic::FAMILY,
];

/// The method `name` of the value `v`, if its family has one.
pub(crate) fn lookup(v: &Value, name: &str) -> Option<Method> {
    FAMILIES
        .iter()
        .filter(|f| (f.accepts)(v))
        .find_map(|f| f.methods.iter().find(|(n, _)| *n == name))
        .map(|(_, m)| *m)
}

/// True if some family has a method `name`: the lowering refuses any other before the run.
pub fn is_known(name: &str) -> bool {
    FAMILIES
        .iter()
        .any(|f| f.methods.iter().any(|(n, _)| *n == name))
}

/// Argument `i` of a call, moved out (rustc refuses a call with too few arguments, E0061, before
/// anything runs; this keeps a method from indexing past the end if one slips through).
pub(crate) fn arg(i: &Interp, a: &mut [Value], n: usize, name: &str, at: Span) -> R {
    match a.get_mut(n) {
        Some(v) => Ok(std::mem::replace(v, Value::Unit)),
        None => Err(i.panic(
            at,
            format!(
                "this method takes {} argument(s) but {} were supplied: `{name}`",
                n + 1,
                a.len()
            ),
        )),
    }
}

/// A `Vec` of these items.
pub(crate) fn seq(items: Vec<Value>) -> Value {
    Value::Vec(std::rc::Rc::new(items))
}

/// An iterator over these items (`split`, `chars`, `windows`: computed at once, since making them
/// runs no closure, and handed out one by one).
pub(crate) fn iter_of(items: Vec<Value>) -> Value {
    let n = items.len();
    lazy::value(lazy::It::Seq(std::rc::Rc::new(items), 0, n))
}

/// The `Ordering` a comparator closure returned.
pub(crate) fn ordering(i: &Interp, v: &Value, at: Span) -> R<std::cmp::Ordering> {
    match crate::interp::types::as_ordering(v) {
        Some(o) => Ok(o),
        None => Err(i.panic(
            at,
            format!("expected `Ordering`, found `{}`", v.type_name()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row written twice in one table would be dead (the first wins): each name once.
    #[test]
    fn each_table_names_a_method_once() {
        for f in FAMILIES {
            let mut names: Vec<&str> = f.methods.iter().map(|(n, _)| *n).collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "{names:?}");
        }
    }

    /// The lowering's known methods are the tables' rows.
    #[test]
    fn known_methods_come_from_the_tables() {
        assert!(is_known("dedup_by_key") && is_known("or_insert") && is_known("borrow_mut"));
        assert!(!is_known("intersperse") && !is_known("no_such_method"));
        let v = Value::Vec(std::rc::Rc::new(Vec::new()));
        assert!(matches!(lookup(&v, "retain"), Some(Method::Async(_))));
        assert!(matches!(lookup(&v, "push"), Some(Method::Sync(_))));
        assert!(lookup(&v, "push_str").is_none());
    }
}
