//! `Option<T>`.

use super::{arg, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Opt(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("unwrap", Sync(unwrap)),
    ("expect", Sync(expect)),
    ("unwrap_or", Sync(unwrap_or)),
    ("unwrap_or_default", Sync(unwrap_or_default)),
    ("is_some", Sync(is_some)),
    ("is_none", Sync(is_none)),
    ("or", Sync(or)),
    ("xor", Sync(xor)),
    ("and", Sync(and)),
    ("ok_or", Sync(ok_or)),
    ("take", Sync(take)),
    ("replace", Sync(replace)),
    ("insert", Sync(insert)),
    ("get_or_insert", Sync(get_or_insert)),
    ("as_ref", Sync(same)),
    ("as_deref", Sync(same)),
    ("copied", Sync(same)),
    ("cloned", Sync(same)),
    ("zip", Sync(zip)),
    ("flatten", Sync(flatten)),
    ("map", Async(map)),
    ("and_then", Async(and_then)),
    ("unwrap_or_else", Async(unwrap_or_else)),
    ("or_else", Async(or_else)),
    ("map_or", Async(map_or)),
    ("map_or_else", Async(map_or_else)),
    ("ok_or_else", Async(ok_or_else)),
    ("filter", Async(filter)),
    ("is_some_and", Async(is_some_and)),
    ("is_none_or", Async(is_none_or)),
    ("get_or_insert_with", Async(get_or_insert_with)),
];

fn this<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<&'v mut Option<Box<Value>>> {
    match v {
        Value::Opt(o) => Ok(o),
        other => Err(i.panic(
            at,
            format!("expected an `Option`, found `{}`", other.type_name()),
        )),
    }
}

/// The inner value, cloned (the receiver stays: a `Copy` option is still usable, and a moved one
/// is refused by the checker).
fn inner(i: &Interp, v: &mut Value, at: Span) -> R<Option<Value>> {
    Ok(this(i, v, at)?.as_deref().cloned())
}

fn unwrap(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match this(i, v, at)?.take() {
        Some(x) => Ok(*x),
        None => Err(i.panic(at, "called `Option::unwrap()` on a `None` value")),
    }
}
fn expect(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let msg = arg(i, &mut a, 0, "expect", at)?;
    match this(i, v, at)?.take() {
        Some(x) => Ok(*x),
        None => Err(i.panic(at, fmt::display(&msg, None))),
    }
}
fn unwrap_or(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let d = arg(i, &mut a, 0, "unwrap_or", at)?;
    Ok(this(i, v, at)?.take().map(|x| *x).unwrap_or(d))
}
/// `unwrap_or_default`: the default of the type the program named (the lowering passes it, see
/// `lower/target.rs`), else a number.
fn unwrap_or_default(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    let d = default_named(&a);
    Ok(this(i, v, at)?.take().map(|x| *x).unwrap_or(d))
}
/// The default value a hidden target argument names.
pub(crate) fn default_named(a: &[Value]) -> Value {
    match a.first() {
        Some(Value::Str(t)) => super::collections::default_of(t),
        _ => None,
    }
    .unwrap_or(Value::Int(0, IntTy::Infer))
}
fn is_some(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.is_some()))
}
fn is_none(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.is_none()))
}
fn or(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "or", at)?;
    Ok(match inner(i, v, at)? {
        Some(x) => Value::some(x),
        None => other,
    })
}
fn xor(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "xor", at)?;
    Ok(match (inner(i, v, at)?, other) {
        (Some(x), Value::Opt(None)) => Value::some(x),
        (None, o @ Value::Opt(Some(_))) => o,
        _ => Value::Opt(None),
    })
}
fn and(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "and", at)?;
    Ok(match inner(i, v, at)? {
        Some(_) => other,
        None => Value::Opt(None),
    })
}
fn ok_or(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let e = arg(i, &mut a, 0, "ok_or", at)?;
    Ok(match inner(i, v, at)? {
        Some(x) => Value::ok(x),
        None => Value::err(e),
    })
}
fn take(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.take()))
}
fn replace(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "replace", at)?;
    Ok(Value::Opt(this(i, v, at)?.replace(Box::new(x))))
}
fn insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "insert", at)?;
    *this(i, v, at)? = Some(Box::new(x.clone()));
    Ok(x)
}
fn get_or_insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "get_or_insert", at)?;
    let o = this(i, v, at)?;
    Ok((**o.get_or_insert_with(|| Box::new(x))).clone())
}
fn same(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    Ok(v.clone())
}
fn zip(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "zip", at)?;
    Ok(match (inner(i, v, at)?, other) {
        (Some(x), Value::Opt(Some(y))) => Value::some(Value::Tuple(Rc::new(vec![x, *y]))),
        _ => Value::Opt(None),
    })
}
fn flatten(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(inner(i, v, at)?.unwrap_or(Value::Opt(None)))
}

// ---------------------------------------------------------------- with closures

fn map<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "map", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) => Value::some(i.call_value(f, vec![x], at).await?),
            None => Value::Opt(None),
        })
    })
}
fn and_then<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "and_then", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) => i.call_value(f, vec![x], at).await?,
            None => Value::Opt(None),
        })
    })
}
fn unwrap_or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "unwrap_or_else", at)?;
        match inner(i, v, at)? {
            Some(x) => Ok(x),
            None => i.call_value(f, vec![], at).await,
        }
    })
}
fn or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "or_else", at)?;
        match inner(i, v, at)? {
            Some(x) => Ok(Value::some(x)),
            None => i.call_value(f, vec![], at).await,
        }
    })
}
fn map_or<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let d = arg(i, &mut a, 0, "map_or", at)?;
        let f = arg(i, &mut a, 1, "map_or", at)?;
        match inner(i, v, at)? {
            Some(x) => i.call_value(f, vec![x], at).await,
            None => Ok(d),
        }
    })
}
fn map_or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let d = arg(i, &mut a, 0, "map_or_else", at)?;
        let f = arg(i, &mut a, 1, "map_or_else", at)?;
        match inner(i, v, at)? {
            Some(x) => i.call_value(f, vec![x], at).await,
            None => i.call_value(d, vec![], at).await,
        }
    })
}
fn ok_or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "ok_or_else", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) => Value::ok(x),
            None => Value::err(i.call_value(f, vec![], at).await?),
        })
    })
}
fn filter<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "filter", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) if truthy(&i.call_value(f, vec![x.clone()], at).await?) => Value::some(x),
            _ => Value::Opt(None),
        })
    })
}
fn is_some_and<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "is_some_and", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) => i.call_value(f, vec![x], at).await?,
            None => Value::Bool(false),
        })
    })
}
fn is_none_or<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "is_none_or", at)?;
        Ok(match inner(i, v, at)? {
            Some(x) => i.call_value(f, vec![x], at).await?,
            None => Value::Bool(true),
        })
    })
}
fn get_or_insert_with<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "get_or_insert_with", at)?;
        if let Some(x) = inner(i, v, at)? {
            return Ok(x);
        }
        let x = i.call_value(f, vec![], at).await?;
        *this(i, v, at)? = Some(Box::new(x.clone()));
        Ok(x)
    })
}
