//! Methods that hand out a `&mut` to a part of their receiver (`v.get_mut(i)`, `v.last_mut()`,
//! `opt.as_mut()`): the evaluator answers them with a reference to the part's place
//! (`eval/parts.rs`); these rows make the names known, and serve a value with no place of its
//! own (a Tokio guard's content), where a reference to a copy would change nothing.

use super::{Family, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Vec(_) | Value::Opt(_)),
    methods: &[
        ("get_mut", Sync(no_place)),
        ("first_mut", Sync(no_place)),
        ("last_mut", Sync(no_place)),
        ("as_mut", Sync(no_place)),
        ("split_first", Sync(no_place)),
        ("split_last", Sync(no_place)),
    ],
};

/// The names [`FAMILY`] serves with a place (see `eval/parts.rs`).
pub(crate) fn is_part(name: &str) -> bool {
    FAMILY.methods.iter().any(|(n, _)| *n == name)
}

fn no_place(i: &Interp, _: &mut Value, _: Vec<Value>, at: Span) -> R {
    Err(i.panic(
        at,
        "a `&mut` into a guard's value is not supported in this playground: bind `&mut *guard` first",
    ))
}
