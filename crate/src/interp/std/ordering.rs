//! `std::cmp::Ordering` (what `cmp` returns and `sort_by` reads).

use super::{arg, ordering, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;
use std::cmp::Ordering;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Ordering(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("then", Sync(then)),
    ("reverse", Sync(reverse)),
    ("is_lt", Sync(is_lt)),
    ("is_le", Sync(is_le)),
    ("is_gt", Sync(is_gt)),
    ("is_ge", Sync(is_ge)),
    ("is_eq", Sync(is_eq)),
    ("is_ne", Sync(is_ne)),
    ("then_with", Async(then_with)),
];

fn then(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = ordering(i, v, at)?;
    let next = arg(i, &mut a, 0, "then", at)?;
    Ok(Value::Ordering(o.then(ordering(i, &next, at)?)))
}
fn reverse(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Ordering(ordering(i, v, at)?.reverse()))
}
/// One row per test: `is_lt` is `Ordering::is_lt`.
macro_rules! test {
    ($($f:ident),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            Ok(Value::Bool(Ordering::$f(ordering(i, v, at)?)))
        })*
    };
}
test! { is_lt, is_le, is_gt, is_ge, is_eq, is_ne }

fn then_with<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let o = ordering(i, v, at)?;
        if o != Ordering::Equal {
            return Ok(Value::Ordering(o));
        }
        let f = arg(i, &mut a, 0, "then_with", at)?;
        i.call_value(f, vec![], at).await
    })
}
