//! Lazy iterators: the state of an adapter chain and its `next`, run only when something consumes
//! it, in Rust's order (`map`'s closure runs for an element just before `filter`'s sees it).
//!
//! Closure calls are async in this evaluator, so `next` is an async fn. A chain is an [`It`] tree
//! held in a [`Value::Iter`] cell; `next` takes the tree out of the cell while it runs (a closure
//! cannot reach the iterator it is called from: the borrow checker forbids it).

use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{truthy, Interp, R};
use crate::interp::value::Value;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// The cell a `Value::Iter` holds (shared: `by_ref` and a `&mut` to an iterator see one state).
pub type IterCell = Rc<RefCell<Option<It>>>;

/// An iterator's state. The adapters are named after Rust's (`Map` is `iter::Map`): their
/// fields are the source, the closure, and the adapter's own state.
#[allow(missing_docs)]
pub enum It {
    /// A `Vec`'s (or a string's chars'): the items left are `front..back`.
    Seq(Rc<Vec<Value>>, usize, usize),
    /// `lo..hi` (an unbounded `lo..` has `hi` at `i64::MAX`).
    Range(i128, i128, IntTy),
    /// Nothing (an iterator already consumed).
    Empty,
    Map(Box<It>, Value),
    Filter(Box<It>, Value),
    FilterMap(Box<It>, Value),
    Inspect(Box<It>, Value),
    Enumerate(Box<It>, usize),
    Skip(Box<It>, usize),
    Take(Box<It>, usize),
    /// `step_by(n)`: the first item, then every n-th.
    StepBy(Box<It>, usize, bool),
    Chain(Box<It>, Box<It>),
    Zip(Box<It>, Box<It>),
    TakeWhile(Box<It>, Value, bool),
    SkipWhile(Box<It>, Value, bool),
    MapWhile(Box<It>, Value, bool),
    /// `flat_map(f)` (`f` is `Unit` for `flatten`) and the inner iterator being drained.
    FlatMap(Box<It>, Value, Option<Box<It>>),
    /// `peekable()`: the peeked item, if one was.
    Peekable(Box<It>, Option<Option<Value>>),
    Rev(Box<It>),
    /// An iterator still owned by its variable (`it.by_ref()`, `for x in &mut it`): each step
    /// takes the state out of the cell and puts it back.
    Shared(IterCell),
    /// Your own `impl Iterator` (`a.zip(Counter::new())`): each step calls its `next`.
    User(crate::interp::mem::Place),
    /// `scan(init, f)`: the state's place (`f` gets a `&mut` to it), and done once `f` said `None`.
    Scan(Box<It>, crate::interp::mem::Place, Value, bool),
    /// `cycle()`: the source, the items it gave, and where their replay is once it ran out (the
    /// replay hands out the items again rather than re-running the source's closures).
    Cycle(Box<It>, Vec<Value>, Option<usize>),
}

/// A boxed future of one step.
type Step<'a> = Pin<Box<dyn Future<Output = R<Option<Value>>> + 'a>>;

/// The iterator over `v`: a `Vec`, a range, an `Option`, a string's chars, or an iterator.
pub fn of(i: &Interp, v: Value, at: Span) -> R<It> {
    Ok(match v {
        Value::Ref(_) => return of(i, crate::interp::mem::deref(v), at),
        // The last holder takes the state; a shared one (`by_ref`) steps it in place.
        Value::Iter(cell) if Rc::strong_count(&cell) > 1 => It::Shared(cell),
        Value::Iter(cell) => cell.borrow_mut().take().unwrap_or(It::Empty),
        Value::Vec(items) => {
            let n = items.len();
            It::Seq(items, 0, n)
        }
        Value::Range(lo, hi, t) => It::Range(lo, hi, t),
        Value::Adt(_) => It::User(crate::interp::mem::Place::root(crate::interp::mem::alloc(
            v,
        ))),
        Value::Map(m) => {
            let items = super::map::pairs(&m);
            let n = items.len();
            It::Seq(Rc::new(items), 0, n)
        }
        Value::Set(_, items) => {
            let n = items.len();
            It::Seq(items, 0, n)
        }
        Value::Deque(d) => {
            let items: Vec<Value> = d.iter().cloned().collect();
            let n = items.len();
            It::Seq(Rc::new(items), 0, n)
        }
        Value::Opt(o) => {
            let items: Vec<Value> = o.into_iter().map(|b| *b).collect();
            let n = items.len();
            It::Seq(Rc::new(items), 0, n)
        }
        Value::Str(s) => {
            let items: Vec<Value> = s.chars().map(Value::Char).collect();
            let n = items.len();
            It::Seq(Rc::new(items), 0, n)
        }
        other => return Err(i.panic(at, format!("`{}` is not an iterator", other.type_name()))),
    })
}

/// An iterator value.
pub fn value(it: It) -> Value {
    Value::Iter(Rc::new(RefCell::new(Some(it))))
}

fn pair(a: Value, b: Value) -> Value {
    Value::Tuple(Rc::new(vec![a, b]))
}

/// The next item of a source that runs no closure (a range, a sequence): no future needed.
fn next_plain(it: &mut It) -> Option<Option<Value>> {
    Some(match it {
        It::Seq(items, front, back) => {
            if *front < *back {
                *front += 1;
                items.get(*front - 1).cloned()
            } else {
                None
            }
        }
        It::Range(lo, hi, t) => {
            if *lo < *hi {
                *lo += 1;
                Some(Value::Int(*lo - 1, *t))
            } else {
                None
            }
        }
        It::Empty => None,
        _ => return None,
    })
}

/// `Iterator::next`, without boxing a future for the plain sources (a `for` over a range steps
/// as fast as it did when ranges were materialized).
pub async fn step(i: &Interp, it: &mut It, at: Span) -> R<Option<Value>> {
    if let Some(x) = next_plain(it) {
        i.tick()?;
        return Ok(x);
    }
    next(i, it, at).await
}

/// `Iterator::next`.
pub fn next<'a>(i: &'a Interp, it: &'a mut It, at: Span) -> Step<'a> {
    Box::pin(async move {
        i.tick()?;
        Ok(match it {
            It::Seq(..) | It::Range(..) | It::Empty => next_plain(it).flatten(),
            It::User(p) => i.user_next(p, at).await?,
            It::Map(src, f) => match step(i, src, at).await? {
                Some(x) => Some(i.call_value(f.clone(), vec![x], at).await?),
                None => None,
            },
            It::Inspect(src, f) => match step(i, src, at).await? {
                Some(x) => {
                    i.call_value(f.clone(), vec![x.clone()], at).await?;
                    Some(x)
                }
                None => None,
            },
            It::Filter(src, f) => loop {
                match step(i, src, at).await? {
                    Some(x) => {
                        if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                            break Some(x);
                        }
                    }
                    None => break None,
                }
            },
            It::FilterMap(src, f) => loop {
                match step(i, src, at).await? {
                    Some(x) => {
                        if let Value::Opt(Some(y)) = i.call_value(f.clone(), vec![x], at).await? {
                            break Some(*y);
                        }
                    }
                    None => break None,
                }
            },
            It::Enumerate(src, n) => match step(i, src, at).await? {
                Some(x) => {
                    *n += 1;
                    Some(pair(Value::usize(*n - 1), x))
                }
                None => None,
            },
            It::Skip(src, n) => {
                while *n > 0 {
                    *n -= 1;
                    if step(i, src, at).await?.is_none() {
                        return Ok(None);
                    }
                }
                step(i, src, at).await?
            }
            It::Take(src, n) => {
                if *n == 0 {
                    None
                } else {
                    *n -= 1;
                    step(i, src, at).await?
                }
            }
            It::StepBy(src, by, started) => {
                if *started {
                    for _ in 1..*by {
                        if step(i, src, at).await?.is_none() {
                            return Ok(None);
                        }
                    }
                }
                *started = true;
                step(i, src, at).await?
            }
            It::Chain(a, b) => match step(i, a, at).await? {
                Some(x) => Some(x),
                None => step(i, b, at).await?,
            },
            It::Zip(a, b) => match step(i, a, at).await? {
                Some(x) => step(i, b, at).await?.map(|y| pair(x, y)),
                None => None,
            },
            It::TakeWhile(src, f, done) => {
                if *done {
                    return Ok(None);
                }
                match step(i, src, at).await? {
                    Some(x) if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) => {
                        Some(x)
                    }
                    _ => {
                        *done = true;
                        None
                    }
                }
            }
            It::SkipWhile(src, f, done) => loop {
                match step(i, src, at).await? {
                    Some(x) => {
                        if *done || !truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                            *done = true;
                            break Some(x);
                        }
                    }
                    None => break None,
                }
            },
            It::MapWhile(src, f, done) => {
                if *done {
                    return Ok(None);
                }
                match step(i, src, at).await? {
                    Some(x) => match i.call_value(f.clone(), vec![x], at).await? {
                        Value::Opt(Some(y)) => Some(*y),
                        _ => {
                            *done = true;
                            None
                        }
                    },
                    None => None,
                }
            }
            It::FlatMap(src, f, inner) => loop {
                if let Some(cur) = inner {
                    if let Some(x) = step(i, cur, at).await? {
                        break Some(x);
                    }
                    *inner = None;
                }
                match step(i, src, at).await? {
                    Some(x) => {
                        let y = match &*f {
                            Value::Unit => x,
                            f => i.call_value(f.clone(), vec![x], at).await?,
                        };
                        *inner = Some(Box::new(of(i, y, at)?));
                    }
                    None => break None,
                }
            },
            It::Peekable(src, peeked) => match peeked.take() {
                Some(p) => p,
                None => step(i, src, at).await?,
            },
            It::Rev(src) => next_back(i, src, at).await?,
            It::Scan(src, state, f, done) => {
                if *done {
                    return Ok(None);
                }
                match step(i, src, at).await? {
                    Some(x) => {
                        let st = Value::reference(state.clone());
                        match i.call_value(f.clone(), vec![st, x], at).await? {
                            Value::Opt(Some(y)) => Some(*y),
                            _ => {
                                *done = true;
                                None
                            }
                        }
                    }
                    None => None,
                }
            }
            It::Cycle(src, seen, pos) => match pos {
                None => match step(i, src, at).await? {
                    Some(x) => {
                        seen.push(x.clone());
                        i.check_len(seen.len(), "Vec")?;
                        Some(x)
                    }
                    None => {
                        let first = seen.first().cloned();
                        if !seen.is_empty() {
                            *pos = Some(1 % seen.len());
                        }
                        first
                    }
                },
                Some(k) => {
                    let x = seen.get(*k).cloned();
                    *k = (*k + 1) % seen.len().max(1);
                    x
                }
            },
            It::Shared(cell) => {
                let taken = cell.borrow_mut().take();
                let Some(mut inner) = taken else {
                    return Ok(None);
                };
                let r = step(i, &mut inner, at).await;
                *cell.borrow_mut() = Some(inner);
                r?
            }
        })
    })
}

/// `DoubleEndedIterator::next_back`, for the sources and adapters that have it (rustc refuses
/// `rev` on the others).
pub fn next_back<'a>(i: &'a Interp, it: &'a mut It, at: Span) -> Step<'a> {
    Box::pin(async move {
        i.tick()?;
        Ok(match it {
            It::Seq(items, front, back) => {
                if *front < *back {
                    *back -= 1;
                    items.get(*back).cloned()
                } else {
                    None
                }
            }
            It::Range(lo, hi, t) => {
                if *lo < *hi {
                    *hi -= 1;
                    Some(Value::Int(*hi, *t))
                } else {
                    None
                }
            }
            It::Map(src, f) => match next_back(i, src, at).await? {
                Some(x) => Some(i.call_value(f.clone(), vec![x], at).await?),
                None => None,
            },
            It::Filter(src, f) => loop {
                match next_back(i, src, at).await? {
                    Some(x) => {
                        if truthy(&i.call_value(f.clone(), vec![x.clone()], at).await?) {
                            break Some(x);
                        }
                    }
                    None => break None,
                }
            },
            It::Enumerate(src, n) => {
                let left = len(src);
                next_back(i, src, at)
                    .await?
                    .map(|x| pair(Value::usize(*n + left.saturating_sub(1)), x))
            }
            It::Chain(a, b) => match next_back(i, b, at).await? {
                Some(x) => Some(x),
                None => next_back(i, a, at).await?,
            },
            It::Rev(src) => next(i, src, at).await?,
            It::Empty => None,
            // The rest are not double-ended in this subset: take what is left, in order, and
            // hand out its last (the checker refuses `rev` on them, so a run rarely gets here).
            other => {
                let mut rest = Vec::new();
                while let Some(x) = step(i, other, at).await? {
                    rest.push(x);
                    i.check_len(rest.len(), "Vec")?;
                }
                let last = rest.pop();
                let n = rest.len();
                *other = It::Seq(Rc::new(rest), 0, n);
                last
            }
        })
    })
}

/// The number of items left, where it is known without running closures.
pub fn len(it: &It) -> usize {
    match it {
        It::Seq(_, f, b) => b - f,
        It::Range(lo, hi, _) => usize::try_from(hi - lo).unwrap_or(usize::MAX),
        It::Map(s, _) | It::Enumerate(s, _) | It::Rev(s) | It::Inspect(s, _) => len(s),
        It::Take(s, n) => len(s).min(*n),
        It::Skip(s, n) => len(s).saturating_sub(*n),
        It::Chain(a, b) => len(a).saturating_add(len(b)),
        It::Zip(a, b) => len(a).min(len(b)),
        _ => 0,
    }
}

/// Every item left, in order (`collect`, `for`, `sum`, …), within the `Vec` limit.
pub async fn drain(i: &Interp, it: &mut It, at: Span) -> R<Vec<Value>> {
    let mut out = Vec::new();
    while let Some(x) = step(i, it, at).await? {
        out.push(x);
        i.check_len(out.len(), "Vec")?;
    }
    Ok(out)
}

/// The items of any iterable value (a `Vec` as it is, an iterator drained).
pub async fn items(i: &Interp, v: Value, at: Span) -> R<Vec<Value>> {
    match v {
        Value::Vec(items) => Ok(Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())),
        Value::Range(lo, hi, _) => {
            let n = usize::try_from(hi.saturating_sub(lo)).unwrap_or(usize::MAX);
            i.check_len(n, "Vec")?;
            i.bulk(n, "Vec")?;
            drain(i, &mut of(i, v, at)?, at).await
        }
        v => drain(i, &mut of(i, v, at)?, at).await,
    }
}
