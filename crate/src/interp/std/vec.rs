//! `Vec<T>`, arrays and slices (one value here: `Value::Vec`).

use super::{arg, iter_of, ordering, seq, Family, Fut, Method, Method::Async, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::cmp::Ordering;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Vec(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("len", Sync(len)),
    ("is_empty", Sync(is_empty)),
    ("push", Sync(push)),
    ("pop", Sync(pop)),
    ("first", Sync(first)),
    ("last", Sync(last)),
    ("get", Sync(get)),
    ("contains", Sync(contains)),
    ("insert", Sync(insert)),
    ("remove", Sync(remove)),
    ("swap_remove", Sync(swap_remove)),
    ("clear", Sync(clear)),
    ("truncate", Sync(truncate)),
    ("extend", Async(extend)),
    ("extend_from_slice", Async(extend)),
    ("append", Async(extend)),
    ("reverse", Sync(reverse)),
    ("sort", Sync(sort)),
    ("sort_unstable", Sync(sort)),
    ("dedup", Sync(dedup)),
    ("swap", Sync(swap)),
    ("rotate_left", Sync(rotate_left)),
    ("rotate_right", Sync(rotate_right)),
    ("split_at", Sync(split_at)),
    ("split_off", Sync(split_off)),
    ("concat", Sync(concat)),
    ("join", Sync(join)),
    ("to_vec", Sync(to_vec)),
    // `&v[..]` as a value to read (patterns, `iter`); a copy, as nothing writes through it.
    ("as_slice", Sync(to_vec)),
    ("binary_search", Sync(binary_search)),
    ("windows", Sync(windows)),
    ("chunks", Sync(chunks)),
    ("drain", Sync(drain)),
    ("fill", Sync(fill)),
    ("resize", Sync(resize)),
    ("starts_with", Sync(starts_with)),
    ("ends_with", Sync(ends_with)),
    ("capacity", Sync(len)),
    ("sort_by", Async(sort_by)),
    ("sort_unstable_by", Async(sort_by)),
    ("sort_by_key", Async(sort_by_key)),
    ("sort_unstable_by_key", Async(sort_by_key)),
    ("sort_by_cached_key", Async(sort_by_key)),
    ("dedup_by_key", Async(dedup_by_key)),
    ("retain", Async(retain)),
];

fn this<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<&'v mut Rc<Vec<Value>>> {
    match v {
        Value::Vec(s) => Ok(s),
        other => Err(i.panic(
            at,
            format!("expected a `Vec`, found `{}`", other.type_name()),
        )),
    }
}

fn index(i: &Interp, a: &mut [Value], n: usize, name: &str, at: Span) -> R<usize> {
    let x = arg(i, a, n, name, at)?;
    i.as_usize(&x, at)
}

fn slice(i: &Interp, v: Value, at: Span) -> R<Vec<Value>> {
    match v {
        Value::Vec(items) => Ok(Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())),
        other => Err(i.panic(
            at,
            format!("expected a slice, found `{}`", other.type_name()),
        )),
    }
}

fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.len()))
}
fn is_empty(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.is_empty()))
}
fn push(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "push", at)?;
    let items = this(i, v, at)?;
    i.check_len(items.len() + 1, "Vec")?;
    Rc::make_mut(items).push(x);
    Ok(Value::Unit)
}
fn pop(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(
        Rc::make_mut(this(i, v, at)?).pop().map(Box::new),
    ))
}
fn first(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.first().cloned().map(Box::new)))
}
fn last(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.last().cloned().map(Box::new)))
}
fn get(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "get", at)?;
    let items = this(i, v, at)?;
    Ok(Value::Opt(match x {
        Value::Range(lo, hi, _) => usize::try_from(lo)
            .ok()
            .zip(usize::try_from(hi).ok())
            .and_then(|(lo, hi)| items.get(lo..hi))
            .map(|s| Box::new(seq(s.to_vec()))),
        x => {
            let n = i.as_usize(&x, at)?;
            items.get(n).cloned().map(Box::new)
        }
    }))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "contains", at)?;
    Ok(Value::Bool(this(i, v, at)?.iter().any(|y| y.equals(&x))))
}
fn insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "insert", at)?;
    let x = arg(i, &mut a, 1, "insert", at)?;
    let items = this(i, v, at)?;
    if n > items.len() {
        return Err(i.panic(
            at,
            format!(
                "insertion index (is {n}) should be <= len (is {})",
                items.len()
            ),
        ));
    }
    i.check_len(items.len() + 1, "Vec")?;
    Rc::make_mut(items).insert(n, x);
    Ok(Value::Unit)
}
fn remove(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "remove", at)?;
    let items = this(i, v, at)?;
    if n >= items.len() {
        return Err(i.panic(
            at,
            format!(
                "removal index (is {n}) should be < len (is {})",
                items.len()
            ),
        ));
    }
    Ok(Rc::make_mut(items).remove(n))
}
fn swap_remove(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "swap_remove", at)?;
    let items = this(i, v, at)?;
    if n >= items.len() {
        return Err(i.panic(
            at,
            format!(
                "swap_remove index (is {n}) should be < len (is {})",
                items.len()
            ),
        ));
    }
    Ok(Rc::make_mut(items).swap_remove(n))
}
fn clear(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?).clear();
    Ok(Value::Unit)
}
fn truncate(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "truncate", at)?;
    Rc::make_mut(this(i, v, at)?).truncate(n);
    Ok(Value::Unit)
}
/// `extend` (and `append`: `v.append(&mut other)` empties `other`, which is written back only for
/// plain functions' `&mut` arguments; a later use of `other` is rare in courses).
fn extend<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let more = super::lazy::items(i, arg(i, &mut a, 0, "extend", at)?, at).await?;
        let items = this(i, v, at)?;
        i.check_len(items.len() + more.len(), "Vec")?;
        Rc::make_mut(items).extend(more);
        Ok(Value::Unit)
    })
}
fn reverse(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?).reverse();
    Ok(Value::Unit)
}
fn sort(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    crate::interp::sort::sort_by(Rc::make_mut(this(i, v, at)?), |x, y| {
        x.compare(y).unwrap_or(Ordering::Equal)
    });
    Ok(Value::Unit)
}
fn dedup(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?).dedup_by(|x, y| x.equals(y));
    Ok(Value::Unit)
}
fn swap(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = index(i, &mut a, 0, "swap", at)?;
    let y = index(i, &mut a, 1, "swap", at)?;
    let items = this(i, v, at)?;
    let len = items.len();
    if let Some(bad) = [x, y].into_iter().find(|n| *n >= len) {
        return Err(i.panic(
            at,
            format!("index out of bounds: the len is {len} but the index is {bad}"),
        ));
    }
    Rc::make_mut(items).swap(x, y);
    Ok(Value::Unit)
}
fn split_at(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "split_at", at)?;
    let items = this(i, v, at)?;
    if n > items.len() {
        return Err(i.panic(at, "mid > len"));
    }
    let (l, r) = items.split_at(n);
    Ok(Value::Tuple(Rc::new(vec![
        seq(l.to_vec()),
        seq(r.to_vec()),
    ])))
}
fn split_off(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "split_off", at)?;
    let items = this(i, v, at)?;
    if n > items.len() {
        return Err(i.panic(
            at,
            format!(
                "`at` split index (is {n}) should be <= len (is {})",
                items.len()
            ),
        ));
    }
    Ok(seq(Rc::make_mut(items).split_off(n)))
}
fn concat(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let items = this(i, v, at)?;
    if items.iter().all(|x| matches!(x, Value::Str(_))) && !items.is_empty() {
        let s: String = items.iter().map(|x| fmt::display(x, None)).collect();
        i.check_len(s.len(), "String")?;
        return Ok(Value::str(s));
    }
    let mut out = Vec::new();
    for x in items.iter() {
        out.extend(slice(i, x.clone(), at)?);
        i.check_len(out.len(), "Vec")?;
    }
    Ok(seq(out))
}
fn join(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let sep = fmt::display(&arg(i, &mut a, 0, "join", at)?, None);
    let s = this(i, v, at)?
        .iter()
        .map(|x| fmt::display(x, None))
        .collect::<Vec<_>>()
        .join(&sep);
    i.check_len(s.len(), "String")?;
    Ok(Value::str(s))
}
fn to_vec(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Vec(this(i, v, at)?.clone()))
}
fn binary_search(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "binary_search", at)?;
    let r = this(i, v, at)?.binary_search_by(|y| y.compare(&x).unwrap_or(Ordering::Equal));
    Ok(match r {
        Ok(n) => Value::ok(Value::usize(n)),
        Err(n) => Value::err(Value::usize(n)),
    })
}
fn windows(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "windows", at)?;
    if n == 0 {
        return Err(i.panic(at, "window size must be non-zero"));
    }
    let items = this(i, v, at)?;
    i.bulk(items.len().saturating_mul(n), "Vec")?;
    Ok(iter_of(items.windows(n).map(|w| seq(w.to_vec())).collect()))
}
fn chunks(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "chunks", at)?;
    if n == 0 {
        return Err(i.panic(at, "chunk size must be non-zero"));
    }
    Ok(seq(this(i, v, at)?
        .chunks(n)
        .map(|w| seq(w.to_vec()))
        .collect()))
}
fn drain(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let r = arg(i, &mut a, 0, "drain", at)?;
    let items = this(i, v, at)?;
    let len = items.len();
    let (lo, hi) = match r {
        // `drain(..)` and `drain(k..)`: the open range's end sentinel (`i64::MAX`, see
        // `std/lazy.rs`) means the end.
        Value::Range(lo, hi, _) if hi >= i128::from(i64::MAX) => {
            (usize::try_from(lo).unwrap_or(usize::MAX), len)
        }
        Value::Range(lo, hi, _) => (
            usize::try_from(lo).unwrap_or(usize::MAX),
            usize::try_from(hi).unwrap_or(usize::MAX),
        ),
        _ => (0, len),
    };
    if lo > len && hi == len {
        return Err(i.panic(
            at,
            format!("range start index {lo} out of range for slice of length {len}"),
        ));
    }
    if lo > hi {
        return Err(i.panic(at, format!("slice index starts at {lo} but ends at {hi}")));
    }
    if hi > len {
        return Err(i.panic(
            at,
            format!("range end index {hi} out of range for slice of length {len}"),
        ));
    }
    Ok(iter_of(Rc::make_mut(items).drain(lo..hi).collect()))
}
fn fill(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "fill", at)?;
    Rc::make_mut(this(i, v, at)?).fill(x);
    Ok(Value::Unit)
}
fn resize(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = index(i, &mut a, 0, "resize", at)?;
    let x = arg(i, &mut a, 1, "resize", at)?;
    i.check_len(n, "Vec")?;
    i.bulk(n, "Vec")?;
    Rc::make_mut(this(i, v, at)?).resize(n, x);
    Ok(Value::Unit)
}
fn starts_with(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = slice(i, arg(i, &mut a, 0, "starts_with", at)?, at)?;
    let items = this(i, v, at)?;
    Ok(Value::Bool(
        items.len() >= p.len() && items.iter().zip(&p).all(|(x, y)| x.equals(y)),
    ))
}
fn ends_with(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = slice(i, arg(i, &mut a, 0, "ends_with", at)?, at)?;
    let items = this(i, v, at)?;
    Ok(Value::Bool(
        items.len() >= p.len()
            && items[items.len() - p.len()..]
                .iter()
                .zip(&p)
                .all(|(x, y)| x.equals(y)),
    ))
}

// ---------------------------------------------------------------- with closures

/// `sort_by`: a stable merge sort, since the comparator is an interpreted (async) closure.
fn sort_by<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "sort_by", at)?;
        let items = Rc::make_mut(this(i, v, at)?);
        let mut src = std::mem::take(items);
        let n = src.len();
        let mut width = 1;
        while width < n {
            let mut out = Vec::with_capacity(n);
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut l, mut r) = (start, mid);
                while l < mid && r < end {
                    i.tick()?;
                    let o = i
                        .call_value(f.clone(), vec![src[r].clone(), src[l].clone()], at)
                        .await?;
                    // Stable: the right one goes first only if it is strictly less.
                    if ordering(i, &o, at)? == Ordering::Less {
                        out.push(src[r].clone());
                        r += 1;
                    } else {
                        out.push(src[l].clone());
                        l += 1;
                    }
                }
                out.extend_from_slice(&src[l..mid]);
                out.extend_from_slice(&src[r..end]);
                start = end;
            }
            src = out;
            width *= 2;
        }
        *Rc::make_mut(this(i, v, at)?) = src;
        Ok(Value::Unit)
    })
}

/// `sort_by_key`: the keys are computed once each, then sorted stably.
fn sort_by_key<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "sort_by_key", at)?;
        let items = std::mem::take(Rc::make_mut(this(i, v, at)?));
        let mut keyed = Vec::with_capacity(items.len());
        for x in items {
            i.tick()?;
            let k = i.call_value(f.clone(), vec![x.clone()], at).await?;
            keyed.push((k, x));
        }
        crate::interp::sort::sort_by(&mut keyed, |(a, _), (b, _)| {
            a.compare(b).unwrap_or(Ordering::Equal)
        });
        *Rc::make_mut(this(i, v, at)?) = keyed.into_iter().map(|(_, x)| x).collect();
        Ok(Value::Unit)
    })
}

fn dedup_by_key<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "dedup_by_key", at)?;
        let items = std::mem::take(Rc::make_mut(this(i, v, at)?));
        let mut out: Vec<Value> = Vec::with_capacity(items.len());
        let mut last: Option<Value> = None;
        for x in items {
            i.tick()?;
            let k = i.call_value(f.clone(), vec![x.clone()], at).await?;
            if last.as_ref().is_none_or(|l| !l.equals(&k)) {
                out.push(x);
            }
            last = Some(k);
        }
        *Rc::make_mut(this(i, v, at)?) = out;
        Ok(Value::Unit)
    })
}

fn retain<'a>(i: &'a Interp, v: &'a mut Value, mut a: Vec<Value>, at: Span) -> Fut<'a> {
    Box::pin(async move {
        let f = arg(i, &mut a, 0, "retain", at)?;
        let items = std::mem::take(Rc::make_mut(this(i, v, at)?));
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            i.tick()?;
            if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                out.push(x);
            }
        }
        *Rc::make_mut(this(i, v, at)?) = out;
        Ok(Value::Unit)
    })
}

/// `rotate_left(n)`/`rotate_right(n)` (std panics past the length, as here).
fn rotate(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span, left: bool) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "rotate_left", at)?, at)?;
    let items = Rc::make_mut(this(i, v, at)?);
    if n > items.len() {
        return Err(i.panic(at, "assertion failed: mid <= self.len()"));
    }
    if left {
        items.rotate_left(n);
    } else {
        items.rotate_right(n);
    }
    Ok(Value::Unit)
}
fn rotate_left(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    rotate(i, v, a, at, true)
}
fn rotate_right(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    rotate(i, v, a, at, false)
}
