//! `HashMap` and `BTreeMap` (see `collections.rs` for their value and order), and `Entry`.

use super::collections::MapBox;
use super::{arg, iter_of, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::mem::{self, Alloc, Place};
use crate::interp::value::Value;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Map(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("insert", Sync(insert)),
    ("get", Sync(get)),
    ("get_mut", Sync(get_mut)),
    ("contains_key", Sync(contains_key)),
    ("remove", Sync(remove)),
    ("len", Sync(len)),
    ("is_empty", Sync(is_empty)),
    ("clear", Sync(clear)),
    ("clone", Sync(clone)),
    ("keys", Sync(keys)),
    ("into_keys", Sync(keys)),
    ("values", Sync(values)),
    ("into_values", Sync(values)),
    ("values_mut", Sync(values_mut)),
    ("iter", Sync(iter)),
    ("into_iter", Sync(iter)),
    ("iter_mut", Sync(iter_mut)),
    ("entry", Sync(entry)),
    ("first_key_value", Sync(first_key_value)),
    ("last_key_value", Sync(last_key_value)),
    ("extend", Async(extend)),
    ("retain", Async(retain)),
];

fn this(i: &Interp, v: &Value, at: Span) -> R<Rc<MapBox>> {
    match v {
        Value::Map(m) => Ok(m.clone()),
        other => Err(i.panic(at, format!("expected a map, found `{}`", other.type_name()))),
    }
}

/// A reference to a value's allocation (`&mut V` of `get_mut`, `or_insert`, …).
fn reference(a: Alloc) -> Value {
    Value::reference(Place::root(a))
}

fn insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "insert", at)?;
    let x = arg(i, &mut a, 1, "insert", at)?;
    let m = this(i, v, at)?;
    i.check_len(m.entries.borrow().len() + 1, "Vec")?;
    Ok(Value::Opt(m.insert(k, x).map(Box::new)))
}
fn get(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "get", at)?;
    let slot = this(i, v, at)?.slot(&k);
    Ok(Value::Opt(slot.map(|s| Box::new(s.borrow().clone()))))
}
fn get_mut(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "get_mut", at)?;
    let slot = this(i, v, at)?.slot(&k);
    Ok(Value::Opt(slot.map(|s| Box::new(reference(s)))))
}
fn contains_key(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "contains_key", at)?;
    Ok(Value::Bool(this(i, v, at)?.find(&k).is_ok()))
}
fn remove(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "remove", at)?;
    let m = this(i, v, at)?;
    let found = m.find(&k);
    Ok(Value::Opt(match found {
        Ok(n) => {
            let (_, slot) = m.entries.borrow_mut().remove(n);
            let x = slot.borrow().clone();
            Some(Box::new(x))
        }
        Err(_) => None,
    }))
}
fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.entries.borrow().len()))
}
fn is_empty(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.entries.borrow().is_empty()))
}
fn clear(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    this(i, v, at)?.entries.borrow_mut().clear();
    Ok(Value::Unit)
}
fn clone(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(this(i, v, at)?.deep_clone())
}
fn keys(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let m = this(i, v, at)?;
    let items = m.entries.borrow().iter().map(|(k, _)| k.clone()).collect();
    Ok(iter_of(items))
}
fn values(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let m = this(i, v, at)?;
    let items = m
        .entries
        .borrow()
        .iter()
        .map(|(_, a)| a.borrow().clone())
        .collect();
    Ok(iter_of(items))
}
fn values_mut(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let m = this(i, v, at)?;
    let items = m
        .entries
        .borrow()
        .iter()
        .map(|(_, a)| reference(a.clone()))
        .collect();
    Ok(iter_of(items))
}
fn pair(k: &Value, v: Value) -> Value {
    Value::Tuple(Rc::new(vec![k.clone(), v]))
}
/// The map's `(key, value)` pairs, in key order.
pub(crate) fn pairs(m: &MapBox) -> Vec<Value> {
    m.entries
        .borrow()
        .iter()
        .map(|(k, a)| pair(k, a.borrow().clone()))
        .collect()
}
fn iter(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(pairs(&*this(i, v, at)?)))
}
fn iter_mut(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(ref_pairs(&*this(i, v, at)?)))
}
/// The map's `(key, &mut value)` pairs (`iter_mut`, `for (k, v) in &mut map`).
pub(crate) fn ref_pairs(m: &MapBox) -> Vec<Value> {
    m.entries
        .borrow()
        .iter()
        .map(|(k, a)| pair(k, reference(a.clone())))
        .collect()
}
fn entry(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let k = arg(i, &mut a, 0, "entry", at)?;
    Ok(Value::Entry(this(i, v, at)?, Box::new(k)))
}
fn first_key_value(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(
        pairs(&*this(i, v, at)?).into_iter().next().map(Box::new),
    ))
}
fn last_key_value(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(pairs(&*this(i, v, at)?).pop().map(Box::new)))
}
fn extend<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let items = super::lazy::items(i, arg(i, &mut a, 0, "extend", at)?, at).await?;
        let m = this(i, v, at)?;
        for x in items {
            match mem::deref(x) {
                Value::Tuple(t) if t.len() == 2 => {
                    m.insert(t[0].clone(), t[1].clone());
                }
                other => {
                    return Err(i.panic(
                        at,
                        format!("a map is extended by pairs, not `{}`", other.type_name()),
                    ))
                }
            }
        }
        Ok(Value::Unit)
    })
}
fn retain<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "retain", at)?;
        let m = this(i, v, at)?;
        let entries = m.entries.borrow().clone();
        let mut keep = Vec::with_capacity(entries.len());
        for (k, slot) in entries {
            i.tick()?;
            let r = i
                .call_value(f.clone(), vec![k.clone(), reference(slot.clone())], at)
                .await?;
            if truthy(&r) {
                keep.push((k, slot));
            }
        }
        *m.entries.borrow_mut() = keep;
        Ok(Value::Unit)
    })
}

// ---------------------------------------------------------------- Entry

pub(crate) const ENTRY_METHODS: &[(&str, Method)] = &[
    ("or_insert", Sync(or_insert)),
    ("or_default", Sync(or_default)),
    ("key", Sync(key)),
    ("or_insert_with", Async(or_insert_with)),
    ("and_modify", Async(and_modify)),
];

fn this_entry(i: &Interp, v: &Value, at: Span) -> R<(Rc<MapBox>, Value)> {
    match v {
        Value::Entry(m, k) => Ok((m.clone(), (**k).clone())),
        other => Err(i.panic(
            at,
            format!("expected an `Entry`, found `{}`", other.type_name()),
        )),
    }
}
/// The value's allocation, inserting `make()` first if the key is vacant.
fn slot_or(m: &MapBox, k: Value, make: impl FnOnce() -> Value) -> Alloc {
    if let Some(s) = m.slot(&k) {
        return s;
    }
    m.insert(k.clone(), make());
    m.slot(&k).unwrap_or_else(|| mem::alloc(Value::Unit))
}
fn or_insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let d = arg(i, &mut a, 0, "or_insert", at)?;
    let (m, k) = this_entry(i, v, at)?;
    Ok(reference(slot_or(&m, k, || d)))
}
/// `or_default`: the default of the map's declared value type, else of what the next method
/// says (`lower/target.rs`), else of a value already in it; else a number
/// (`*counts.entry(w).or_default() += 1`).
fn or_default(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    let (m, k) = this_entry(i, v, at)?;
    // The lowering's hint: the method called on the default (`.push(x)`: a `Vec`).
    let hinted = match a.first() {
        Some(Value::Str(t)) => super::collections::default_of(t),
        _ => None,
    };
    let like = m.default_value().or(hinted).or_else(|| {
        m.entries
            .borrow()
            .first()
            .and_then(|(_, a)| mem::default_like(&a.borrow()))
    });
    let d = like.unwrap_or(Value::Int(0, crate::interp::ast::IntTy::Infer));
    Ok(reference(slot_or(&m, k, || d)))
}
fn key(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(this_entry(i, v, at)?.1)
}
fn or_insert_with<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "or_insert_with", at)?;
        let (m, k) = this_entry(i, v, at)?;
        if let Some(s) = m.slot(&k) {
            return Ok(reference(s));
        }
        let d = i.call_value(f, vec![], at).await?;
        Ok(reference(slot_or(&m, k, || d)))
    })
}
fn and_modify<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "and_modify", at)?;
        let (m, k) = this_entry(i, v, at)?;
        if let Some(s) = m.slot(&k) {
            i.call_value(f, vec![reference(s)], at).await?;
        }
        Ok(v.clone())
    })
}
