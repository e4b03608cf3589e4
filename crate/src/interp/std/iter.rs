//! `Iterator`: the adapters (lazy: they build an [`It`] and run nothing) and the consumers (they
//! call `next` until done), on ranges, iterators and the `iter()` of sequences. The state and its
//! `next` live in [`super::lazy`].

use super::lazy::{self, drain, next_back, step, It};
use super::{arg, ordering, seq, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::ast::{BinOp, IntTy};
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::cmp::Ordering;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| {
        matches!(
            v,
            Value::Vec(_) | Value::Range(..) | Value::Iter(_) | Value::Str(_)
        )
    },
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("iter", Sync(iter)),
    ("as_str", Sync(as_str)),
    ("into_iter", Sync(iter)),
    ("iter_mut", Sync(iter)),
    ("by_ref", Sync(by_ref)),
    ("cloned", Sync(same)),
    ("copied", Sync(same)),
    ("map", Sync(map)),
    ("filter", Sync(filter)),
    ("filter_map", Sync(filter_map)),
    ("inspect", Sync(inspect)),
    ("enumerate", Sync(enumerate)),
    ("skip", Sync(skip)),
    ("take", Sync(take)),
    ("step_by", Sync(step_by)),
    ("chain", Sync(chain)),
    ("zip", Sync(zip)),
    ("take_while", Sync(take_while)),
    ("skip_while", Sync(skip_while)),
    ("map_while", Sync(map_while)),
    ("flat_map", Sync(flat_map)),
    ("flatten", Sync(flatten)),
    ("peekable", Sync(peekable)),
    ("rev", Sync(rev)),
    ("len", Sync(len)),
    ("contains", Sync(contains)),
    ("is_empty", Sync(is_empty)),
    ("next", Async(next_m)),
    ("next_back", Async(next_back_m)),
    ("peek", Async(peek)),
    ("collect", Async(collect)),
    ("count", Async(count)),
    ("sum", Async(sum)),
    ("product", Async(product)),
    ("min", Async(min)),
    ("max", Async(max)),
    ("min_by_key", Async(min_by_key)),
    ("max_by_key", Async(max_by_key)),
    ("min_by", Async(min_by)),
    ("max_by", Async(max_by)),
    ("last", Async(last)),
    ("nth", Async(nth)),
    ("fold", Async(fold)),
    ("for_each", Async(for_each)),
    ("any", Async(any)),
    ("all", Async(all)),
    ("position", Async(position)),
    ("find", Async(find)),
    ("find_map", Async(find_map)),
    ("partition", Async(partition)),
    ("unzip", Async(unzip)),
];

// ---------------------------------------------------------------- adapters

/// The receiver as an iterator an adapter owns: an iterator value is moved out of its place.
fn src(i: &Interp, v: &mut Value, at: Span) -> R<Box<It>> {
    let v = match v {
        Value::Iter(_) => std::mem::replace(v, Value::Moved),
        other => other.clone(),
    };
    Ok(Box::new(lazy::of(i, v, at)?))
}
/// The receiver as an iterator a consumer steps: an iterator value in place (`it.next()` changes
/// `it`), anything else from its items.
fn here(i: &Interp, v: &Value, at: Span) -> R<It> {
    match v {
        Value::Iter(cell) => Ok(It::Shared(cell.clone())),
        other => lazy::of(i, other.clone(), at),
    }
}

fn iter(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(*src(i, v, at)?))
}
fn by_ref(_: &Interp, v: &mut Value, _: Vec<Value>, _: Span) -> R {
    Ok(v.clone())
}
fn same(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::Iter(_) => Ok(std::mem::replace(v, Value::Moved)),
        _ => iter(i, v, Vec::new(), at),
    }
}

/// One row per adapter of one closure: `map` is `It::Map(source, f)`.
macro_rules! with_fn {
    ($($f:ident => $k:ident),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
            let f = arg(i, &mut a, 0, stringify!($f), at)?;
            Ok(lazy::value(It::$k(src(i, v, at)?, f)))
        })*
    };
}
with_fn! { map => Map, filter => Filter, filter_map => FilterMap, inspect => Inspect }

fn enumerate(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(It::Enumerate(src(i, v, at)?, 0)))
}
fn count_arg(i: &Interp, a: &mut [Value], name: &str, at: Span) -> R<usize> {
    let n = arg(i, a, 0, name, at)?;
    i.as_usize(&n, at)
}
fn skip(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = count_arg(i, &mut a, "skip", at)?;
    Ok(lazy::value(It::Skip(src(i, v, at)?, n)))
}
fn take(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = count_arg(i, &mut a, "take", at)?;
    Ok(lazy::value(It::Take(src(i, v, at)?, n)))
}
fn step_by(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = count_arg(i, &mut a, "step_by", at)?;
    if n == 0 {
        return Err(i.panic(at, "assertion failed: step != 0"));
    }
    Ok(lazy::value(It::StepBy(src(i, v, at)?, n, false)))
}
fn chain(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = lazy::of(i, arg(i, &mut a, 0, "chain", at)?, at)?;
    Ok(lazy::value(It::Chain(src(i, v, at)?, Box::new(other))))
}
fn zip(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let other = lazy::of(i, arg(i, &mut a, 0, "zip", at)?, at)?;
    Ok(lazy::value(It::Zip(src(i, v, at)?, Box::new(other))))
}
/// One row per adapter of a closure and a flag: `take_while` is `It::TakeWhile(source, f, false)`.
macro_rules! with_flag {
    ($($f:ident => $k:ident),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
            let f = arg(i, &mut a, 0, stringify!($f), at)?;
            Ok(lazy::value(It::$k(src(i, v, at)?, f, false)))
        })*
    };
}
with_flag! { take_while => TakeWhile, skip_while => SkipWhile, map_while => MapWhile }

fn flat_map(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let f = arg(i, &mut a, 0, "flat_map", at)?;
    Ok(lazy::value(It::FlatMap(src(i, v, at)?, f, None)))
}
fn flatten(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(It::FlatMap(src(i, v, at)?, Value::Unit, None)))
}
fn peekable(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(It::Peekable(src(i, v, at)?, None)))
}
fn rev(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(lazy::value(It::Rev(src(i, v, at)?)))
}
fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(match v {
        Value::Iter(cell) => cell.borrow().as_ref().map_or(0, lazy::len),
        other => lazy::len(&lazy::of(i, other.clone(), at)?),
    }))
}
fn is_empty(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    let n = len(i, v, a, at)?;
    Ok(Value::Bool(matches!(n, Value::Int(0, _))))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "contains", at)?;
    match v {
        Value::Range(lo, hi, _) => Ok(Value::Bool(
            matches!(x, Value::Int(n, _) if n >= *lo && n < *hi),
        )),
        other => Err(i.panic(
            at,
            format!(
                "no method named `contains` found for `{}`",
                other.type_name()
            ),
        )),
    }
}

// ---------------------------------------------------------------- consumers

fn next_m<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut it = here(i, v, at)?;
        let x = step(i, &mut it, at).await?;
        // A range is a value: what is left of it goes back to its place.
        if let (Value::Range(..), It::Range(lo, hi, t)) = (&*v, it) {
            *v = Value::Range(lo, hi, t);
        }
        Ok(Value::Opt(x.map(Box::new)))
    })
}
fn next_back_m<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut it = here(i, v, at)?;
        let x = next_back(i, &mut it, at).await?;
        if let (Value::Range(..), It::Range(lo, hi, t)) = (&*v, it) {
            *v = Value::Range(lo, hi, t);
        }
        Ok(Value::Opt(x.map(Box::new)))
    })
}
fn peek<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let Value::Iter(cell) = v else {
            return Err(i.panic(at, "`peek` needs a `Peekable`"));
        };
        let taken = cell.borrow_mut().take();
        let Some(It::Peekable(mut inner, peeked)) = taken else {
            *cell.borrow_mut() = taken;
            return Err(i.panic(at, "`peek` needs a `Peekable`"));
        };
        let p = match peeked {
            Some(p) => p,
            None => step(i, &mut inner, at).await?,
        };
        *cell.borrow_mut() = Some(It::Peekable(inner, Some(p.clone())));
        Ok(Value::Opt(p.map(Box::new)))
    })
}

/// `collect`: into the type the program names (the lowering passes it as a hidden first
/// argument: `"String"`, `"Vec"`, `"HashMap"`, `"Result"`, …; `""` when nothing names it).
fn collect<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let target = match a.first() {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        let items = drain(i, &mut here(i, v, at)?, at).await?;
        into(i, &target, items, at)
    })
}

/// The collection `target` made of `items` (`FromIterator`).
pub(crate) fn into(i: &Interp, target: &str, items: Vec<Value>, at: Span) -> R {
    let (outer, inner) = match target.split_once(':') {
        Some((o, rest)) => (o, rest),
        None => (target, ""),
    };
    match outer {
        "String" => {
            let s: String = items.iter().map(|x| fmt::display(x, None)).collect();
            i.check_len(s.len(), "String")?;
            Ok(Value::str(s))
        }
        // `Result<C, E>`: the first `Err` stops it; `Option<C>`: the first `None`.
        "Result" | "Option" => {
            let mut ok = Vec::with_capacity(items.len());
            for x in items {
                match x {
                    Value::Res(Ok(x)) | Value::Opt(Some(x)) => ok.push(*x),
                    e @ (Value::Res(Err(_)) | Value::Opt(None)) => return Ok(e),
                    other => ok.push(other),
                }
            }
            let c = into(i, inner, ok, at)?;
            Ok(if outer == "Result" {
                Value::ok(c)
            } else {
                Value::some(c)
            })
        }
        "" if !items.is_empty() && items.iter().all(|x| matches!(x, Value::Char(_))) => {
            // Nothing names the type (a function's tail, say): chars were most likely a `String`.
            into(i, "String", items, at)
        }
        other => match super::collections::from_items(i, other, items, at)? {
            Ok(v) => Ok(v),
            Err(items) => Ok(seq(items)),
        },
    }
}

fn count<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut it = here(i, v, at)?;
        let mut n = 0usize;
        while step(i, &mut it, at).await?.is_some() {
            n += 1;
        }
        Ok(Value::usize(n))
    })
}

/// `sum`/`product` in the type the program names (hidden first argument, like `collect`'s): an
/// integer type overflows as Rust's does, `f64` adds as floats.
async fn total(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span, op: BinOp) -> R {
    let unit = if op == BinOp::Add { 0 } else { 1 };
    // `Option<T>`/`Result<T, E>` sums: the first `None`/`Err` is the answer, else `Some`/`Ok`.
    let (mut wrap, target) = match a.first() {
        Some(Value::Str(t)) => match t.split_once(':') {
            Some(("Option", inner)) => (Some(false), inner.to_string()),
            Some(("Result", inner)) => (Some(true), inner.to_string()),
            _ => (None, t.to_string()),
        },
        _ => (None, String::new()),
    };
    let mut acc = match target.as_str() {
        "f64" | "f32" => Value::Float(unit as f64),
        t => Value::Int(unit, IntTy::from_name(t).unwrap_or(IntTy::Infer)),
    };
    let mut it = here(i, v, at)?;
    let mut first = true;
    while let Some(x) = step(i, &mut it, at).await? {
        let x = match x {
            Value::Opt(Some(y)) => {
                wrap.get_or_insert(false);
                *y
            }
            Value::Res(Ok(y)) => {
                wrap.get_or_insert(true);
                *y
            }
            stop @ (Value::Opt(None) | Value::Res(Err(_))) => return Ok(stop),
            x => x,
        };
        if first {
            if let (Value::Int(_, IntTy::Infer), Value::Float(_)) = (&acc, &x) {
                acc = Value::Float(unit as f64);
            }
            first = false;
        }
        acc = i.binop(op, acc, x, at)?;
    }
    Ok(match wrap {
        Some(true) => Value::ok(acc),
        Some(false) => Value::some(acc),
        None => acc,
    })
}
fn sum<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(total(i, v, a, at, BinOp::Add))
}
fn product<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(total(i, v, a, at, BinOp::Mul))
}

/// `min`/`max` and their `_by`/`_by_key` kinds: `max` keeps the last of equal elements, `min`
/// the first. `key` maps an item to what is compared; `by` compares two items.
async fn best(
    i: &Interp,
    v: &mut Value,
    at: Span,
    want: Ordering,
    key: Option<Value>,
    by: Option<Value>,
) -> R {
    let mut it = here(i, v, at)?;
    let mut best: Option<(Value, Value)> = None;
    while let Some(x) = step(i, &mut it, at).await? {
        let k = match &key {
            Some(f) => i.call_value(f.clone(), vec![x.clone()], at).await?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                let o = match &by {
                    Some(f) => {
                        let r = i
                            .call_value(f.clone(), vec![x.clone(), bx.clone()], at)
                            .await?;
                        ordering(i, &r, at)?
                    }
                    None => k.compare(&bk).unwrap_or(Ordering::Equal),
                };
                if o == want || (o == Ordering::Equal && want == Ordering::Greater) {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    Ok(Value::Opt(best.map(|(_, x)| Box::new(x))))
}
fn min<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        // `a.min(b)` of two vectors is `Ord::min`.
        if !a.is_empty() {
            return super::generic::min(i, v, a, at);
        }
        best(i, v, at, Ordering::Less, None, None).await
    })
}
fn max<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        if !a.is_empty() {
            return super::generic::max(i, v, a, at);
        }
        best(i, v, at, Ordering::Greater, None, None).await
    })
}
/// One row per `_by`/`_by_key` kind.
macro_rules! best_by {
    ($($f:ident => ($want:ident, $key:literal)),* $(,)?) => {
        $(fn $f<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
            Box::pin(async move {
                let f = arg(i, &mut a, 0, stringify!($f), at)?;
                let (key, by) = if $key { (Some(f), None) } else { (None, Some(f)) };
                best(i, v, at, Ordering::$want, key, by).await
            })
        })*
    };
}
best_by! {
    min_by_key => (Less, true), max_by_key => (Greater, true),
    min_by => (Less, false), max_by => (Greater, false),
}

fn last<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut it = here(i, v, at)?;
        let mut last = None;
        while let Some(x) = step(i, &mut it, at).await? {
            last = Some(x);
        }
        Ok(Value::Opt(last.map(Box::new)))
    })
}
fn nth<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let n = count_arg(i, &mut a, "nth", at)?;
        let mut it = here(i, v, at)?;
        for _ in 0..n {
            if step(i, &mut it, at).await?.is_none() {
                return Ok(Value::Opt(None));
            }
        }
        Ok(Value::Opt(step(i, &mut it, at).await?.map(Box::new)))
    })
}
fn fold<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut acc = arg(i, &mut a, 0, "fold", at)?;
        let f = arg(i, &mut a, 1, "fold", at)?;
        let mut it = here(i, v, at)?;
        while let Some(x) = step(i, &mut it, at).await? {
            acc = i.call_value(f.clone(), vec![acc, x], at).await?;
        }
        Ok(acc)
    })
}
fn for_each<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "for_each", at)?;
        let mut it = here(i, v, at)?;
        while let Some(x) = step(i, &mut it, at).await? {
            i.call_value(f.clone(), vec![x], at).await?;
        }
        Ok(Value::Unit)
    })
}
/// `any`/`all`/`position`/`find`/`find_map`: stop at the first item the closure decides on.
async fn search(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span, kind: &str) -> R {
    let f = arg(i, &mut a, 0, kind, at)?;
    let mut it = here(i, v, at)?;
    let mut n = 0usize;
    while let Some(x) = step(i, &mut it, at).await? {
        let r = i.call_value(f.clone(), vec![x.clone()], at).await?;
        match kind {
            "all" if !truthy(&r) => return Ok(Value::Bool(false)),
            "any" if truthy(&r) => return Ok(Value::Bool(true)),
            "position" if truthy(&r) => return Ok(Value::some(Value::usize(n))),
            "find" if truthy(&r) => return Ok(Value::some(x)),
            "find_map" if matches!(r, Value::Opt(Some(_))) => return Ok(r),
            _ => {}
        }
        n += 1;
    }
    Ok(match kind {
        "all" => Value::Bool(true),
        "any" => Value::Bool(false),
        _ => Value::Opt(None),
    })
}
/// One row per search kind.
macro_rules! searches {
    ($($f:ident),* $(,)?) => {
        $(fn $f<'a>(i: &'a Interp, v: &'a mut Value, a: Vec<Value>, at: Span) -> Fut<'a> {
            Box::pin(search(i, v, a, at, stringify!($f)))
        })*
    };
}
searches! { any, all, position, find, find_map }

fn partition<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "partition", at)?;
        let mut it = here(i, v, at)?;
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        while let Some(x) = step(i, &mut it, at).await? {
            if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                yes.push(x);
            } else {
                no.push(x);
            }
        }
        Ok(Value::Tuple(Rc::new(vec![seq(yes), seq(no)])))
    })
}
fn unzip<'a>(i: &'a Interp, v: &'a mut Value, _: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let mut it = here(i, v, at)?;
        let (mut l, mut r) = (Vec::new(), Vec::new());
        while let Some(x) = step(i, &mut it, at).await? {
            match x {
                Value::Tuple(t) if t.len() == 2 => {
                    l.push(t[0].clone());
                    r.push(t[1].clone());
                }
                other => {
                    return Err(i.panic(
                        at,
                        format!("`unzip` needs pairs, found `{}`", other.type_name()),
                    ))
                }
            }
        }
        Ok(Value::Tuple(Rc::new(vec![seq(l), seq(r)])))
    })
}

/// `Chars::as_str`: what is left of the string being iterated.
fn as_str(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    if let Value::Iter(cell) = v {
        if let Some(It::Seq(items, front, back)) = &*cell.borrow() {
            if items[*front..*back]
                .iter()
                .all(|c| matches!(c, Value::Char(_)))
            {
                let s: String = items[*front..*back]
                    .iter()
                    .filter_map(|c| match c {
                        Value::Char(c) => Some(*c),
                        _ => None,
                    })
                    .collect();
                return Ok(Value::str(s));
            }
        }
    }
    Err(i.panic(at, "`as_str` is `Chars`' only, in this playground"))
}
