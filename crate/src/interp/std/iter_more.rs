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
        ("binary_search_by", Async(binary_search_by)),
        ("binary_search_by_key", Async(binary_search_by_key)),
        // `String::extend` (a `Vec`'s is its own family's, searched first).
        ("extend", Async(extend_string)),
        ("retain", Async(retain_string)),
        ("remove", Sync(remove_string)),
        ("split_off", Sync(split_off_string)),
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

/// `Option::iter`/`Result::iter` (and `into_iter`): the payload, if it is `Some`/`Ok`.
pub(crate) const PAYLOAD: Family = Family {
    accepts: |v| matches!(v, Value::Opt(_) | Value::Res(_)),
    methods: &[
        ("iter", Sync(payload)),
        ("into_iter", Sync(payload)),
        ("iter_mut", Sync(payload)),
    ],
};

fn payload(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    let items = match &*v {
        Value::Opt(Some(x)) | Value::Res(Ok(x)) => vec![(**x).clone()],
        _ => Vec::new(),
    };
    let n = items.len();
    Ok(lazy::value(It::Seq(std::rc::Rc::new(items), 0, n)))
}

/// `VecDeque`'s methods that call closures or take an iterator.
pub(crate) const DEQUE: Family = Family {
    accepts: |v| matches!(v, Value::Deque(_)),
    methods: &[
        ("extend", Async(deque_extend)),
        ("retain", Async(deque_retain)),
        ("drain", Sync(deque_drain)),
    ],
};

fn deque_extend<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let items = lazy::items(i, arg(i, &mut a, 0, "extend", at)?, at).await?;
        let Value::Deque(d) = v else {
            return Err(i.panic(at, "expected a `VecDeque`"));
        };
        let d = std::rc::Rc::make_mut(d);
        d.extend(items.into_iter().map(mem::deref_arg));
        i.check_len(d.len(), "Vec")?;
        Ok(Value::Unit)
    })
}
fn deque_retain<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "retain", at)?;
        let Value::Deque(d) = &*v else {
            return Err(i.panic(at, "expected a `VecDeque`"));
        };
        let mut kept = std::collections::VecDeque::new();
        for x in d.iter().cloned().collect::<Vec<_>>() {
            let r = Value::reference(mem::Place::root(mem::alloc(x.clone())));
            if crate::interp::eval::truthy(&i.call_value(f.clone(), vec![r], at).await?) {
                kept.push_back(x);
            }
        }
        *v = Value::Deque(std::rc::Rc::new(kept));
        Ok(Value::Unit)
    })
}
/// `drain(..)` (the whole deque: the form courses use; a sub-range is the same items' slice).
fn deque_drain(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let Value::Deque(d) = v else {
        return Err(i.panic(at, "expected a `VecDeque`"));
    };
    let d = std::rc::Rc::make_mut(d);
    let len = d.len();
    let (lo, hi) = match a.first_mut().map(|r| std::mem::replace(r, Value::Unit)) {
        Some(Value::Range(lo, hi, _)) => (
            usize::try_from(lo).unwrap_or(0),
            if hi >= i128::from(i64::MAX) {
                len
            } else {
                usize::try_from(hi).unwrap_or(len)
            },
        ),
        _ => (0, len),
    };
    if lo > hi || hi > len {
        return Err(i.panic(
            at,
            format!("range end index {hi} out of range for slice of length {len}"),
        ));
    }
    let items: Vec<Value> = d.drain(lo..hi).collect();
    let n = items.len();
    Ok(lazy::value(It::Seq(std::rc::Rc::new(items), 0, n)))
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

/// `binary_search_by(f)`/`binary_search_by_key(key, f)`: each element's ordering is asked of the
/// closure first, then std's own search runs on those answers (so the index it picks among
/// equal elements is std's).
async fn search(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span, by_key: bool) -> R {
    let Value::Vec(items) = &*v else {
        return Err(i.panic(at, "`binary_search_by` needs a slice"));
    };
    let items = items.clone();
    let (key, f) = if by_key {
        (
            Some(arg(i, &mut a, 0, "binary_search_by_key", at)?),
            arg(i, &mut a, 1, "binary_search_by_key", at)?,
        )
    } else {
        (None, arg(i, &mut a, 0, "binary_search_by", at)?)
    };
    let mut orders = Vec::with_capacity(items.len());
    for x in items.iter() {
        let r = i
            .call_value(
                f.clone(),
                vec![Value::reference(mem::Place::root(mem::alloc(x.clone())))],
                at,
            )
            .await?;
        let o = match &key {
            Some(k) => mem::deref(r)
                .compare(k)
                .unwrap_or(std::cmp::Ordering::Equal),
            None => match mem::deref(r) {
                Value::Ordering(o) => o,
                _ => std::cmp::Ordering::Equal,
            },
        };
        orders.push(o);
    }
    Ok(match orders.binary_search_by(|o| *o) {
        Ok(n) => Value::ok(Value::usize(n)),
        Err(n) => Value::err(Value::usize(n)),
    })
}
fn binary_search_by<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(search(i, v, a, at, false))
}
fn binary_search_by_key<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(search(i, v, a, at, true))
}

fn string<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<&'v mut String> {
    match v {
        Value::Str(s) => Ok(std::rc::Rc::make_mut(s)),
        other => Err(i.panic(
            at,
            format!("expected a `String`, found `{}`", other.type_name()),
        )),
    }
}
fn retain_string<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "retain", at)?;
        let chars: Vec<char> = string(i, v, at)?.chars().collect();
        let mut kept = String::new();
        for c in chars {
            if crate::interp::eval::truthy(
                &i.call_value(f.clone(), vec![Value::Char(c)], at).await?,
            ) {
                kept.push(c);
            }
        }
        *string(i, v, at)? = kept;
        Ok(Value::Unit)
    })
}
/// A byte index of a `String` that std accepts (else std's panic).
fn char_at(i: &Interp, s: &str, n: &Value, what: &str, at: Span) -> R<usize> {
    let n = i.as_usize(n, at)?;
    if n > s.len() || !s.is_char_boundary(n) {
        return Err(i.panic(
            at,
            format!("assertion failed: self.is_char_boundary({what})"),
        ));
    }
    Ok(n)
}
fn remove_string(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = arg(i, &mut a, 0, "remove", at)?;
    let s = string(i, v, at)?;
    let n = i.as_usize(&n, at)?;
    if n >= s.len() {
        return Err(i.panic(at, "cannot remove a char from the end of a string"));
    }
    if !s.is_char_boundary(n) {
        return Err(i.panic(at, format!("byte index {n} is not a char boundary")));
    }
    Ok(Value::Char(s.remove(n)))
}
fn split_off_string(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = arg(i, &mut a, 0, "split_off", at)?;
    let s = string(i, v, at)?;
    let n = char_at(i, s, &n, "at", at)?;
    Ok(Value::str(s.split_off(n)))
}

/// A method the iterator families don't have, asked of an iterator that Rust would have as a
/// slice or an `ExactSizeIterator` (`s.as_bytes().to_vec()`, `s.bytes().len()`): the items, as a
/// `Vec` to ask instead.
pub(crate) fn as_vec_for(v: &Value, name: &str) -> bool {
    matches!(v, Value::Iter(_))
        && super::lookup(v, name).is_none()
        && super::lookup(&Value::Vec(std::rc::Rc::new(Vec::new())), name).is_some()
}
