//! Iterators over sequences and ranges.

use super::{arg, seq, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::ast::{BinOp, IntTy};
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::cmp::Ordering;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Vec(_) | Value::Range(..) | Value::Str(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("iter", Sync(iter)),
    ("into_iter", Sync(iter)),
    ("iter_mut", Sync(iter)),
    ("cloned", Sync(iter)),
    ("copied", Sync(iter)),
    ("collect", Sync(collect)),
    ("len", Sync(count)),
    ("count", Sync(count)),
    ("contains", Sync(contains)),
    ("enumerate", Sync(enumerate)),
    ("rev", Sync(rev)),
    ("skip", Sync(skip)),
    ("take", Sync(take)),
    ("step_by", Sync(step_by)),
    ("zip", Sync(zip)),
    ("min", Sync(min)),
    ("max", Sync(max)),
    ("sum", Sync(sum)),
    ("map", Async(map)),
    ("filter", Async(filter)),
];

fn iter(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::Vec(_) => Ok(v.clone()),
        _ => Ok(seq(i.items(v.clone(), at)?)),
    }
}
fn collect(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::Str(_) => Ok(v.clone()),
        Value::Vec(items)
            if !items.is_empty() && items.iter().all(|i| matches!(i, Value::Char(_))) =>
        {
            // `collect::<String>()` of chars.
            Ok(Value::str(
                items
                    .iter()
                    .map(|c| fmt::display(c, None))
                    .collect::<String>(),
            ))
        }
        _ => Ok(seq(i.items(v.clone(), at)?)),
    }
}
fn count(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(match v {
        Value::Range(a, b, _) => usize::try_from(*b - *a).unwrap_or(0),
        Value::Vec(items) => items.len(),
        other => i.items(other.clone(), at)?.len(),
    }))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "contains", at)?;
    Ok(Value::Bool(match v {
        Value::Range(lo, hi, _) => matches!(x, Value::Int(n, _) if n >= *lo && n < *hi),
        other => i.items(other.clone(), at)?.iter().any(|y| y.equals(&x)),
    }))
}
fn enumerate(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(seq(i
        .items(v.clone(), at)?
        .into_iter()
        .enumerate()
        .map(|(n, x)| Value::Tuple(Rc::new(vec![Value::usize(n), x])))
        .collect()))
}
fn rev(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(seq(i.items(v.clone(), at)?.into_iter().rev().collect()))
}
fn skip(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "skip", at)?, at)?;
    Ok(seq(i.items(v.clone(), at)?.into_iter().skip(n).collect()))
}
fn take(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "take", at)?, at)?;
    Ok(seq(i.items(v.clone(), at)?.into_iter().take(n).collect()))
}
fn step_by(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "step_by", at)?, at)?;
    if n == 0 {
        return Err(i.panic(at, "assertion failed: step != 0"));
    }
    Ok(seq(i
        .items(v.clone(), at)?
        .into_iter()
        .step_by(n)
        .collect()))
}
fn zip(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = i.items(arg(i, &mut a, 0, "zip", at)?, at)?;
    Ok(seq(i
        .items(v.clone(), at)?
        .into_iter()
        .zip(other)
        .map(|(x, y)| Value::Tuple(Rc::new(vec![x, y])))
        .collect()))
}
/// `max` keeps the last of equal elements, `min` the first.
fn best(items: Vec<Value>, want: Ordering) -> Value {
    let mut best: Option<Value> = None;
    for x in items {
        best = match best {
            Some(b) => match x.compare(&b) {
                Some(o) if o == want => Some(x),
                Some(Ordering::Equal) if want == Ordering::Greater => Some(x),
                _ => Some(b),
            },
            None => Some(x),
        };
    }
    Value::Opt(best.map(Box::new))
}
fn min(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    // `a.min(b)` of two vectors or strings is `Ord::min`.
    if !a.is_empty() {
        return super::generic::min(i, v, a, at);
    }
    Ok(best(i.items(v.clone(), at)?, Ordering::Less))
}
fn max(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    if !a.is_empty() {
        return super::generic::max(i, v, a, at);
    }
    Ok(best(i.items(v.clone(), at)?, Ordering::Greater))
}
fn sum(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let mut total = Value::Int(0, IntTy::Infer);
    for x in i.items(v.clone(), at)? {
        if let (Value::Int(0, IntTy::Infer), Value::Float(_)) = (&total, &x) {
            total = Value::Float(0.0);
        }
        total = i.binop(BinOp::Add, total, x, at)?;
    }
    Ok(total)
}
fn map<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "map", at)?;
        let items = i.items(v.clone(), at)?;
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            i.tick()?;
            out.push(i.call_value(f.clone(), vec![x], at).await?);
        }
        Ok(seq(out))
    })
}
fn filter<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "filter", at)?;
        let items = i.items(v.clone(), at)?;
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            i.tick()?;
            if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                out.push(x);
            }
        }
        Ok(seq(out))
    })
}
