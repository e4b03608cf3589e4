//! `Duration` and `Instant` (std's and Tokio's alike; an `Instant` is µs of program time).

use super::{arg, Family, Method, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;
use std::time::Duration;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Duration(_) | Value::Instant(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("as_secs", Sync(as_secs)),
    ("as_millis", Sync(as_millis)),
    ("as_micros", Sync(as_micros)),
    ("as_nanos", Sync(as_nanos)),
    ("as_secs_f64", Sync(as_secs_f64)),
    ("as_secs_f32", Sync(as_secs_f64)),
    ("subsec_millis", Sync(subsec_millis)),
    ("subsec_micros", Sync(subsec_micros)),
    ("subsec_nanos", Sync(subsec_nanos)),
    ("is_zero", Sync(is_zero)),
    ("elapsed", Sync(elapsed)),
    ("duration_since", Sync(duration_since)),
    ("saturating_duration_since", Sync(duration_since)),
    ("checked_duration_since", Sync(checked_duration_since)),
];

fn dur(i: &Interp, v: &Value, at: Span) -> R<Duration> {
    match v {
        Value::Duration(d) => Ok(*d),
        other => Err(i.panic(
            at,
            format!("expected a `Duration`, found `{}`", other.type_name()),
        )),
    }
}
fn instant(i: &Interp, v: &Value, at: Span) -> R<u64> {
    match v {
        Value::Instant(t) => Ok(*t),
        other => Err(i.panic(
            at,
            format!("expected an `Instant`, found `{}`", other.type_name()),
        )),
    }
}

fn as_secs(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(i128::from(dur(i, v, at)?.as_secs()), IntTy::U64))
}
fn as_millis(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(dur(i, v, at)?.as_millis() as i128, IntTy::U128))
}
fn as_micros(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(dur(i, v, at)?.as_micros() as i128, IntTy::U128))
}
fn as_nanos(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(dur(i, v, at)?.as_nanos() as i128, IntTy::U128))
}
fn as_secs_f64(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Float(dur(i, v, at)?.as_secs_f64()))
}
fn subsec_millis(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(
        i128::from(dur(i, v, at)?.subsec_millis()),
        IntTy::U32,
    ))
}
fn subsec_micros(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(
        i128::from(dur(i, v, at)?.subsec_micros()),
        IntTy::U32,
    ))
}
fn subsec_nanos(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Int(
        i128::from(dur(i, v, at)?.subsec_nanos()),
        IntTy::U32,
    ))
}
fn is_zero(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(dur(i, v, at)?.is_zero()))
}
fn elapsed(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let t = instant(i, v, at)?;
    Ok(Value::Duration(Duration::from_micros(
        i.now_us().saturating_sub(t),
    )))
}
fn duration_since(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let t = instant(i, v, at)?;
    let o = instant(i, &arg(i, &mut a, 0, "duration_since", at)?, at)?;
    Ok(Value::Duration(Duration::from_micros(t.saturating_sub(o))))
}
fn checked_duration_since(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let t = instant(i, v, at)?;
    let o = instant(i, &arg(i, &mut a, 0, "checked_duration_since", at)?, at)?;
    Ok(Value::Opt(t.checked_sub(o).map(|d| {
        Box::new(Value::Duration(Duration::from_micros(d)))
    })))
}
