//! `HashSet` and `BTreeSet`: sorted, deduplicated items (see `collections.rs` for the order).

use super::collections::{set_of, Kind};
use super::{arg, iter_of, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::value::Value;
use std::cmp::Ordering;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Set(..)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("insert", Sync(insert)),
    ("contains", Sync(contains)),
    ("remove", Sync(remove)),
    ("len", Sync(len)),
    ("is_empty", Sync(is_empty)),
    ("clear", Sync(clear)),
    ("iter", Sync(iter)),
    ("into_iter", Sync(iter)),
    ("first", Sync(first)),
    ("last", Sync(last)),
    ("union", Sync(union)),
    ("intersection", Sync(intersection)),
    ("difference", Sync(difference)),
    ("symmetric_difference", Sync(symmetric_difference)),
    ("is_subset", Sync(is_subset)),
    ("is_superset", Sync(is_superset)),
    ("is_disjoint", Sync(is_disjoint)),
    ("extend", Async(extend)),
    ("retain", Async(retain)),
];

fn this<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<(Kind, &'v mut Rc<Vec<Value>>)> {
    match v {
        Value::Set(k, items) => Ok((*k, items)),
        other => Err(i.panic(at, format!("expected a set, found `{}`", other.type_name()))),
    }
}
fn other(i: &Interp, a: &mut [Value], name: &str, at: Span) -> R<Vec<Value>> {
    match arg(i, a, 0, name, at)? {
        Value::Set(_, items) => Ok(Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())),
        // `a.is_subset(&xs.into_iter().collect())`: a `collect` whose target only the argument's
        // type names arrives as a `Vec`; as a set it holds each item once.
        Value::Vec(items) => {
            let mut out: Vec<Value> = Vec::with_capacity(items.len());
            for x in items.iter() {
                if !out.iter().any(|y| y.equals(x)) {
                    out.push(x.clone());
                }
            }
            Ok(out)
        }
        o => Err(i.panic(at, format!("expected a set, found `{}`", o.type_name()))),
    }
}
fn find(items: &[Value], x: &Value) -> Result<usize, usize> {
    items.binary_search_by(|y| y.compare(x).unwrap_or(Ordering::Equal))
}

fn insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "insert", at)?;
    let (_, items) = this(i, v, at)?;
    Ok(Value::Bool(match find(items, &x) {
        Ok(_) => false,
        Err(n) => {
            i.check_len(items.len() + 1, "Vec")?;
            Rc::make_mut(items).insert(n, x);
            true
        }
    }))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "contains", at)?;
    Ok(Value::Bool(find(this(i, v, at)?.1, &x).is_ok()))
}
fn remove(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "remove", at)?;
    let (_, items) = this(i, v, at)?;
    Ok(Value::Bool(match find(items, &x) {
        Ok(n) => {
            Rc::make_mut(items).remove(n);
            true
        }
        Err(_) => false,
    }))
}
fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.1.len()))
}
fn is_empty(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.1.is_empty()))
}
fn clear(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?.1).clear();
    Ok(Value::Unit)
}
fn iter(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(this(i, v, at)?.1.to_vec()))
}
fn first(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.1.first().cloned().map(Box::new)))
}
fn last(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.1.last().cloned().map(Box::new)))
}
/// The items of the receiver kept by `keep(in_other)`, then the other's kept by `extra`.
fn combine(
    i: &Interp,
    v: &mut Value,
    mut a: Vec<Value>,
    at: Span,
    name: &str,
    keep: fn(bool) -> bool,
    extra: bool,
) -> R {
    let o = other(i, &mut a, name, at)?;
    let (_, items) = this(i, v, at)?;
    let mut out: Vec<Value> = items
        .iter()
        .filter(|x| keep(find(&o, x).is_ok()))
        .cloned()
        .collect();
    if extra {
        out.extend(o.into_iter().filter(|x| find(items, x).is_err()));
        crate::interp::sort::sort_by(&mut out, |a, b| a.compare(b).unwrap_or(Ordering::Equal));
    }
    Ok(iter_of(out))
}
fn union(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    combine(i, v, a, at, "union", |_| true, true)
}
fn intersection(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    combine(i, v, a, at, "intersection", |b| b, false)
}
fn difference(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    combine(i, v, a, at, "difference", |b| !b, false)
}
fn symmetric_difference(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    combine(i, v, a, at, "symmetric_difference", |b| !b, true)
}
fn is_subset(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = other(i, &mut a, "is_subset", at)?;
    Ok(Value::Bool(
        this(i, v, at)?.1.iter().all(|x| find(&o, x).is_ok()),
    ))
}
fn is_superset(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = other(i, &mut a, "is_superset", at)?;
    let (_, items) = this(i, v, at)?;
    Ok(Value::Bool(o.iter().all(|x| find(items, x).is_ok())))
}
fn is_disjoint(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = other(i, &mut a, "is_disjoint", at)?;
    Ok(Value::Bool(
        this(i, v, at)?.1.iter().all(|x| find(&o, x).is_err()),
    ))
}
fn extend<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let more = super::lazy::items(i, arg(i, &mut a, 0, "extend", at)?, at).await?;
        let (kind, items) = this(i, v, at)?;
        let mut all = items.to_vec();
        all.extend(more);
        i.check_len(all.len(), "Vec")?;
        *v = set_of(kind, all);
        Ok(Value::Unit)
    })
}
fn retain<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "retain", at)?;
        let items = this(i, v, at)?.1.to_vec();
        let mut keep = Vec::with_capacity(items.len());
        for x in items {
            i.tick()?;
            if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                keep.push(x);
            }
        }
        *Rc::make_mut(this(i, v, at)?.1) = keep;
        Ok(Value::Unit)
    })
}
