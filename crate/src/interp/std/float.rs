//! `f64` (and `f32`, computed as `f64`).

use super::{arg, Family, Method, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Float(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("abs", Sync(abs)),
    ("sqrt", Sync(sqrt)),
    ("cbrt", Sync(cbrt)),
    ("round", Sync(round)),
    ("floor", Sync(floor)),
    ("ceil", Sync(ceil)),
    ("trunc", Sync(trunc)),
    ("fract", Sync(fract)),
    ("exp", Sync(exp)),
    ("ln", Sync(ln)),
    ("log10", Sync(log10)),
    ("log2", Sync(log2)),
    ("sin", Sync(sin)),
    ("cos", Sync(cos)),
    ("tan", Sync(tan)),
    ("signum", Sync(signum)),
    ("to_degrees", Sync(to_degrees)),
    ("to_radians", Sync(to_radians)),
    ("recip", Sync(recip)),
    ("powi", Sync(powi)),
    ("powf", Sync(powf)),
    ("hypot", Sync(hypot)),
    ("atan2", Sync(atan2)),
    ("log", Sync(log)),
    ("min", Sync(min)),
    ("max", Sync(max)),
    ("clamp", Sync(clamp)),
    ("mul_add", Sync(mul_add)),
    ("is_nan", Sync(is_nan)),
    ("is_finite", Sync(is_finite)),
    ("is_infinite", Sync(is_infinite)),
    ("is_sign_negative", Sync(is_sign_negative)),
    ("is_sign_positive", Sync(is_sign_positive)),
    ("total_cmp", Sync(total_cmp)),
    ("asin", Sync(asin)),
    ("acos", Sync(acos)),
    ("atan", Sync(atan)),
    ("exp2", Sync(exp2)),
];

fn total_cmp(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = this(i, v, at)?;
    let y = this(i, &arg(i, &mut a, 0, "total_cmp", at)?, at)?;
    Ok(Value::Ordering(x.total_cmp(&y)))
}
fn asin(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Float(this(i, v, at)?.asin()))
}
fn acos(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Float(this(i, v, at)?.acos()))
}
fn atan(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Float(this(i, v, at)?.atan()))
}
fn exp2(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Float(this(i, v, at)?.exp2()))
}

fn this(i: &Interp, v: &Value, at: Span) -> R<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        // An integer literal where a float is expected (`2.0f64.powf(2)` is refused by rustc; the
        // interpreter's literals may still be unsuffixed here).
        Value::Int(n, _) => Ok(*n as f64),
        other => Err(i.panic(at, format!("expected `f64`, found `{}`", other.type_name()))),
    }
}
fn f_arg(i: &Interp, a: &mut [Value], n: usize, name: &str, at: Span) -> R<f64> {
    let x = arg(i, a, n, name, at)?;
    this(i, &x, at)
}

/// One row per unary method: `sqrt` is `f64::sqrt`.
macro_rules! unary {
    ($($f:ident => $e:expr),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            let x = this(i, v, at)?;
            let f: fn(f64) -> f64 = $e;
            Ok(Value::Float(f(x)))
        })*
    };
}
unary! {
    abs => f64::abs, sqrt => f64::sqrt, cbrt => f64::cbrt, round => f64::round,
    floor => f64::floor, ceil => f64::ceil, trunc => f64::trunc, fract => f64::fract,
    exp => f64::exp, ln => f64::ln, log10 => f64::log10, log2 => f64::log2, sin => f64::sin,
    cos => f64::cos, tan => f64::tan, signum => f64::signum, to_degrees => f64::to_degrees,
    to_radians => f64::to_radians, recip => f64::recip,
}

/// One row per method of one float argument: `powf` is `f64::powf`.
macro_rules! binary {
    ($($f:ident => $e:expr),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
            let x = this(i, v, at)?;
            let y = f_arg(i, &mut a, 0, stringify!($f), at)?;
            let f: fn(f64, f64) -> f64 = $e;
            Ok(Value::Float(f(x, y)))
        })*
    };
}
binary! {
    powf => f64::powf, hypot => f64::hypot, atan2 => f64::atan2, log => f64::log,
    min => f64::min, max => f64::max,
}

/// One row per predicate: `is_nan` is `f64::is_nan`.
macro_rules! test {
    ($($f:ident => $e:expr),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            let x = this(i, v, at)?;
            let f: fn(f64) -> bool = $e;
            Ok(Value::Bool(f(x)))
        })*
    };
}
test! {
    is_nan => f64::is_nan, is_finite => f64::is_finite, is_infinite => f64::is_infinite,
    is_sign_negative => f64::is_sign_negative, is_sign_positive => f64::is_sign_positive,
}

fn powi(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = this(i, v, at)?;
    let n = match arg(i, &mut a, 0, "powi", at)? {
        Value::Int(n, _) => i32::try_from(n).unwrap_or(i32::MAX),
        other => return Err(i.panic(at, format!("expected `i32`, found `{}`", other.type_name()))),
    };
    Ok(Value::Float(x.powi(n)))
}
fn clamp(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = this(i, v, at)?;
    let lo = f_arg(i, &mut a, 0, "clamp", at)?;
    let hi = f_arg(i, &mut a, 1, "clamp", at)?;
    if lo > hi || lo.is_nan() || hi.is_nan() {
        return Err(i.panic(
            at,
            format!("min > max, or either was NaN. min = {lo:?}, max = {hi:?}"),
        ));
    }
    Ok(Value::Float(x.clamp(lo, hi)))
}
fn mul_add(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = this(i, v, at)?;
    let m = f_arg(i, &mut a, 0, "mul_add", at)?;
    let b = f_arg(i, &mut a, 1, "mul_add", at)?;
    Ok(Value::Float(x.mul_add(m, b)))
}
