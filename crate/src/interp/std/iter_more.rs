//! More of `Iterator`: `scan`, `cycle`, `try_fold` and `try_for_each` (the state of `scan` and
//! `cycle` lives in [`super::lazy`] with the other adapters').

use super::lazy::{self, step, It};
use super::{arg, Family, Fut, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::mem;
use crate::interp::value::Value;

/// The family (the same values as [`super::iter`]'s).
pub(crate) const FAMILY: Family = Family {
    accepts: |v| {
        matches!(
            v,
            Value::Vec(_) | Value::Range(..) | Value::Iter(_) | Value::Str(_)
        )
    },
    methods: &[
        ("scan", Sync(scan)),
        ("cycle", Sync(cycle)),
        ("try_fold", Async(try_fold)),
        ("try_for_each", Async(try_for_each)),
        ("reduce", Async(reduce)),
        // `String::extend` (a `Vec`'s is its own family's, searched first).
        ("extend", Async(extend_string)),
    ],
};

/// `Iterator::eq`/`ne` (only on iterators: a `Vec`'s `eq` is `PartialEq`'s, in `generic.rs`).
pub(crate) const ITER_ONLY: Family = Family {
    accepts: |v| matches!(v, Value::Iter(_)),
    methods: &[("eq", Async(iter_eq)), ("ne", Async(iter_ne))],
};

async fn same_items(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R<bool> {
    let other = arg(i, &mut a, 0, "eq", at)?;
    let mine = lazy::drain(i, &mut here(i, v, at)?, at).await?;
    let theirs = lazy::items(i, other, at).await?;
    Ok(mine.len() == theirs.len() && mine.iter().zip(&theirs).all(|(x, y)| x.equals(y)))
}
fn iter_eq<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move { Ok(Value::Bool(same_items(i, v, a, at).await?)) })
}
fn iter_ne<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move { Ok(Value::Bool(!same_items(i, v, a, at).await?)) })
}

/// The receiver as an iterator an adapter owns (an iterator value is moved out of its place).
fn src(i: &Interp, v: &mut Value, at: Span) -> R<Box<It>> {
    let v = match v {
        Value::Iter(_) => std::mem::replace(v, Value::Moved),
        other => other.clone(),
    };
    Ok(Box::new(lazy::of(i, v, at)?))
}

fn scan(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let init = arg(i, &mut a, 0, "scan", at)?;
    let f = arg(i, &mut a, 1, "scan", at)?;
    let state = mem::Place::root(mem::alloc(init));
    Ok(lazy::value(It::Scan(src(i, v, at)?, state, f, false)))
}
fn cycle(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(It::Cycle(src(i, v, at)?, Vec::new(), None)))
}

/// The receiver as an iterator a consumer steps in place (`it.try_fold(..)` advances `it`).
fn here(i: &Interp, v: &Value, at: Span) -> R<It> {
    match v {
        Value::Iter(cell) => Ok(It::Shared(cell.clone())),
        other => lazy::of(i, other.clone(), at),
    }
}

/// `try_fold`/`try_for_each`: the closure's `Some`/`Ok` goes on, its `None`/`Err` stops with
/// itself. With no item at all the closure said nothing: the result is `Some`/`Ok` of the start
/// as the program's `?`-kind says (`Option` unless the start is `()`, as `try_for_each`'s is).
async fn try_loop(i: &Interp, v: &mut Value, mut acc: Value, f: Value, fold: bool, at: Span) -> R {
    let mut it = here(i, v, at)?;
    let mut ok_kind = !fold;
    while let Some(x) = step(i, &mut it, at).await? {
        let args = if fold { vec![acc, x] } else { vec![x] };
        match i.call_value(f.clone(), args, at).await? {
            Value::Opt(Some(y)) => {
                ok_kind = false;
                acc = *y;
            }
            Value::Res(Ok(y)) => {
                ok_kind = true;
                acc = *y;
            }
            stop => return Ok(stop),
        }
    }
    Ok(if ok_kind {
        Value::Res(Ok(Box::new(acc)))
    } else {
        Value::Opt(Some(Box::new(acc)))
    })
}
fn try_fold<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let acc = arg(i, &mut a, 0, "try_fold", at)?;
        let f = arg(i, &mut a, 1, "try_fold", at)?;
        try_loop(i, v, acc, f, true, at).await
    })
}
fn try_for_each<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "try_for_each", at)?;
        try_loop(i, v, Value::Unit, f, false, at).await
    })
}

fn reduce<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "reduce", at)?;
        let mut it = here(i, v, at)?;
        let Some(mut acc) = step(i, &mut it, at).await? else {
            return Ok(Value::Opt(None));
        };
        while let Some(x) = step(i, &mut it, at).await? {
            acc = i.call_value(f.clone(), vec![acc, x], at).await?;
        }
        Ok(Value::some(acc))
    })
}

fn extend_string<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let items = lazy::items(i, arg(i, &mut a, 0, "extend", at)?, at).await?;
        let Value::Str(s) = v else {
            return Err(i.panic(at, "`extend` needs a `String` or a `Vec` here"));
        };
        let s = std::rc::Rc::make_mut(s);
        for x in items {
            s.push_str(&crate::interp::fmt::display(&mem::deref(x), None));
            i.check_len(s.len(), "String")?;
        }
        Ok(Value::Unit)
    })
}

/// A method the iterator families don't have, asked of an iterator that Rust would have as a
/// slice or an `ExactSizeIterator` (`s.as_bytes().to_vec()`, `s.bytes().len()`): the items, as a
/// `Vec` to ask instead.
pub(crate) fn as_vec_for(v: &Value, name: &str) -> bool {
    matches!(v, Value::Iter(_))
        && super::lookup(v, name).is_none()
        && super::lookup(&Value::Vec(std::rc::Rc::new(Vec::new())), name).is_some()
}
