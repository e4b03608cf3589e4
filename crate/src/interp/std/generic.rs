//! The methods of every value: `clone`, `to_string`, `into`, the `Ord` methods (`cmp`, `max`, …).
//! Searched last, so a family's own row (`f64::max`, `Iterator::max`) wins.

use super::{arg, Family, Method, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::cmp::Ordering;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |_| true,
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("clone", Sync(same)),
    ("to_owned", Sync(same)),
    ("into", Sync(same)),
    ("as_ref", Sync(same)),
    ("as_mut", Sync(same)),
    ("borrow", Sync(same)),
    ("borrow_mut", Sync(same)),
    ("iter", Sync(same)),
    ("iter_mut", Sync(same)),
    ("into_iter", Sync(same)),
    ("cloned", Sync(same)),
    ("copied", Sync(same)),
    ("fuse", Sync(same)),
    ("to_string", Sync(to_string)),
    ("cmp", Sync(cmp)),
    ("partial_cmp", Sync(partial_cmp)),
    ("eq", Sync(eq)),
    ("ne", Sync(ne)),
    ("lt", Sync(lt)),
    ("le", Sync(le)),
    ("gt", Sync(gt)),
    ("ge", Sync(ge)),
    ("min", Sync(min)),
    ("max", Sync(max)),
    ("clamp", Sync(clamp)),
];

fn same(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    Ok(v.clone())
}
fn to_string(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    Ok(Value::str(fmt::display(v, None)))
}

/// The ordering of the receiver and the argument; values that don't compare are refused by
/// rustc, so `Equal` is never a lie about a program that ran.
fn order(i: &Interp, v: &Value, a: &mut [Value], name: &str, at: Span) -> R<(Ordering, Value)> {
    let o = arg(i, a, 0, name, at)?;
    Ok((v.compare(&o).unwrap_or(Ordering::Equal), o))
}
fn cmp(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    Ok(Value::Ordering(order(i, v, &mut a, "cmp", at)?.0))
}
fn partial_cmp(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = arg(i, &mut a, 0, "partial_cmp", at)?;
    Ok(Value::Opt(
        v.compare(&o).map(|o| Box::new(Value::Ordering(o))),
    ))
}
fn eq(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = arg(i, &mut a, 0, "eq", at)?;
    Ok(Value::Bool(v.equals(&o)))
}
fn ne(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = arg(i, &mut a, 0, "ne", at)?;
    Ok(Value::Bool(!v.equals(&o)))
}
fn lt(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(
        order(i, v, &mut a, "lt", at)?.0 == Ordering::Less,
    ))
}
fn le(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(
        order(i, v, &mut a, "le", at)?.0 != Ordering::Greater,
    ))
}
fn gt(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(
        order(i, v, &mut a, "gt", at)?.0 == Ordering::Greater,
    ))
}
fn ge(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(
        order(i, v, &mut a, "ge", at)?.0 != Ordering::Less,
    ))
}
/// `Ord::min`: the first of equal values.
pub(crate) fn min(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (o, other) = order(i, v, &mut a, "min", at)?;
    Ok(if o == Ordering::Greater {
        other
    } else {
        v.clone()
    })
}
/// `Ord::max`: the second of equal values.
pub(crate) fn max(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (o, other) = order(i, v, &mut a, "max", at)?;
    Ok(if o == Ordering::Greater {
        v.clone()
    } else {
        other
    })
}
fn clamp(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let lo = arg(i, &mut a, 0, "clamp", at)?;
    let hi = arg(i, &mut a, 1, "clamp", at)?;
    if lo.compare(&hi) == Some(Ordering::Greater) {
        return Err(i.panic(at, "assertion failed: min <= max"));
    }
    Ok(if v.compare(&lo) == Some(Ordering::Less) {
        lo
    } else if v.compare(&hi) == Some(Ordering::Greater) {
        hi
    } else {
        v.clone()
    })
}
