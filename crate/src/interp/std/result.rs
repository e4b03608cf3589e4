//! `Result<T, E>`.

use super::{arg, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Res(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("unwrap", Sync(unwrap)),
    ("expect", Sync(expect)),
    ("unwrap_err", Sync(unwrap_err)),
    ("expect_err", Sync(expect_err)),
    ("unwrap_or", Sync(unwrap_or)),
    ("unwrap_or_default", Sync(unwrap_or_default)),
    ("is_ok", Sync(is_ok)),
    ("is_err", Sync(is_err)),
    ("ok", Sync(ok)),
    ("err", Sync(err)),
    ("or", Sync(or)),
    ("and", Sync(and)),
    ("as_ref", Sync(same)),
    ("as_mut", Sync(same)),
    ("as_deref", Sync(same)),
    ("copied", Sync(same)),
    ("cloned", Sync(same)),
    ("map", Async(map)),
    ("map_err", Async(map_err)),
    ("and_then", Async(and_then)),
    ("or_else", Async(or_else)),
    ("unwrap_or_else", Async(unwrap_or_else)),
    ("map_or", Async(map_or)),
    ("map_or_else", Async(map_or_else)),
    ("is_ok_and", Async(is_ok_and)),
    ("is_err_and", Async(is_err_and)),
];

type Res = Result<Value, Value>;

/// The result, cloned out of the receiver (or moved out, for `unwrap` and its kind).
fn get(i: &Interp, v: &mut Value, take: bool, at: Span) -> R<Res> {
    match v {
        Value::Res(r) => {
            let r = if take {
                std::mem::replace(r, Ok(Box::new(Value::Unit)))
            } else {
                r.clone()
            };
            Ok(r.map(|x| *x).map_err(|e| *e))
        }
        other => Err(i.panic(
            at,
            format!("expected a `Result`, found `{}`", other.type_name()),
        )),
    }
}

fn dbg(x: &Value) -> String {
    let mut s = String::new();
    fmt::debug(&mut s, x, None);
    s
}

fn unwrap(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    get(i, v, true, at)?.map_err(|e| {
        i.panic(
            at,
            format!("called `Result::unwrap()` on an `Err` value: {}", dbg(&e)),
        )
    })
}
fn expect(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let msg = fmt::display(&arg(i, &mut a, 0, "expect", at)?, None);
    get(i, v, true, at)?.map_err(|e| i.panic(at, format!("{msg}: {}", dbg(&e))))
}
fn unwrap_err(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match get(i, v, true, at)? {
        Err(e) => Ok(e),
        Ok(x) => Err(i.panic(
            at,
            format!(
                "called `Result::unwrap_err()` on an `Ok` value: {}",
                dbg(&x)
            ),
        )),
    }
}
fn expect_err(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let msg = fmt::display(&arg(i, &mut a, 0, "expect_err", at)?, None);
    match get(i, v, true, at)? {
        Err(e) => Ok(e),
        Ok(x) => Err(i.panic(at, format!("{msg}: {}", dbg(&x)))),
    }
}
fn unwrap_or(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let d = arg(i, &mut a, 0, "unwrap_or", at)?;
    Ok(get(i, v, false, at)?.unwrap_or(d))
}
fn unwrap_or_default(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    let d = super::option::default_named(&a);
    Ok(get(i, v, false, at)?.unwrap_or(d))
}
fn is_ok(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(get(i, v, false, at)?.is_ok()))
}
fn is_err(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(get(i, v, false, at)?.is_err()))
}
fn ok(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(get(i, v, false, at)?.ok().map(Box::new)))
}
fn err(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(get(i, v, false, at)?.err().map(Box::new)))
}
fn or(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "or", at)?;
    Ok(match get(i, v, false, at)? {
        Ok(x) => Value::ok(x),
        Err(_) => other,
    })
}
fn and(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = arg(i, &mut a, 0, "and", at)?;
    Ok(match get(i, v, false, at)? {
        Ok(_) => other,
        Err(e) => Value::err(e),
    })
}
fn same(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    Ok(v.clone())
}

// ---------------------------------------------------------------- with closures

fn map<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "map", at)?;
        Ok(match get(i, v, false, at)? {
            Ok(x) => Value::ok(i.call_value(f, vec![x], at).await?),
            Err(e) => Value::err(e),
        })
    })
}
fn map_err<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "map_err", at)?;
        Ok(match get(i, v, false, at)? {
            Ok(x) => Value::ok(x),
            Err(e) => Value::err(i.call_value(f, vec![e], at).await?),
        })
    })
}
fn and_then<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "and_then", at)?;
        match get(i, v, false, at)? {
            Ok(x) => i.call_value(f, vec![x], at).await,
            Err(e) => Ok(Value::err(e)),
        }
    })
}
fn or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "or_else", at)?;
        match get(i, v, false, at)? {
            Ok(x) => Ok(Value::ok(x)),
            Err(e) => i.call_value(f, vec![e], at).await,
        }
    })
}
fn unwrap_or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "unwrap_or_else", at)?;
        match get(i, v, false, at)? {
            Ok(x) => Ok(x),
            Err(e) => i.call_value(f, vec![e], at).await,
        }
    })
}
fn map_or<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let d = arg(i, &mut a, 0, "map_or", at)?;
        let f = arg(i, &mut a, 1, "map_or", at)?;
        match get(i, v, false, at)? {
            Ok(x) => i.call_value(f, vec![x], at).await,
            Err(_) => Ok(d),
        }
    })
}
fn map_or_else<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let d = arg(i, &mut a, 0, "map_or_else", at)?;
        let f = arg(i, &mut a, 1, "map_or_else", at)?;
        match get(i, v, false, at)? {
            Ok(x) => i.call_value(f, vec![x], at).await,
            Err(e) => i.call_value(d, vec![e], at).await,
        }
    })
}
fn is_ok_and<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "is_ok_and", at)?;
        match get(i, v, false, at)? {
            Ok(x) => i.call_value(f, vec![x], at).await,
            Err(_) => Ok(Value::Bool(false)),
        }
    })
}
fn is_err_and<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "is_err_and", at)?;
        match get(i, v, false, at)? {
            Ok(_) => Ok(Value::Bool(false)),
            Err(e) => i.call_value(f, vec![e], at).await,
        }
    })
}
