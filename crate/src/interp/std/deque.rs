//! `VecDeque`.

use super::{arg, iter_of, Family, Method, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;
use std::collections::VecDeque;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Deque(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("push_back", Sync(push_back)),
    ("push_front", Sync(push_front)),
    ("pop_back", Sync(pop_back)),
    ("pop_front", Sync(pop_front)),
    ("front", Sync(front)),
    ("back", Sync(back)),
    ("get", Sync(get)),
    ("len", Sync(len)),
    ("is_empty", Sync(is_empty)),
    ("contains", Sync(contains)),
    ("clear", Sync(clear)),
    ("rotate_left", Sync(rotate_left)),
    ("rotate_right", Sync(rotate_right)),
    ("iter", Sync(iter)),
    ("into_iter", Sync(iter)),
];

fn this<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<&'v mut Rc<VecDeque<Value>>> {
    match v {
        Value::Deque(d) => Ok(d),
        other => Err(i.panic(
            at,
            format!("expected a `VecDeque`, found `{}`", other.type_name()),
        )),
    }
}

fn push_back(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "push_back", at)?;
    let d = this(i, v, at)?;
    i.check_len(d.len() + 1, "Vec")?;
    Rc::make_mut(d).push_back(x);
    Ok(Value::Unit)
}
fn push_front(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "push_front", at)?;
    let d = this(i, v, at)?;
    i.check_len(d.len() + 1, "Vec")?;
    Rc::make_mut(d).push_front(x);
    Ok(Value::Unit)
}
fn pop_back(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(
        Rc::make_mut(this(i, v, at)?).pop_back().map(Box::new),
    ))
}
fn pop_front(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(
        Rc::make_mut(this(i, v, at)?).pop_front().map(Box::new),
    ))
}
fn front(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.front().cloned().map(Box::new)))
}
fn back(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Opt(this(i, v, at)?.back().cloned().map(Box::new)))
}
fn get(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "get", at)?, at)?;
    Ok(Value::Opt(this(i, v, at)?.get(n).cloned().map(Box::new)))
}
fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.len()))
}
fn is_empty(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.is_empty()))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "contains", at)?;
    Ok(Value::Bool(this(i, v, at)?.iter().any(|y| y.equals(&x))))
}
fn clear(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?).clear();
    Ok(Value::Unit)
}
fn iter(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(this(i, v, at)?.iter().cloned().collect()))
}

/// `rotate_left(n)`/`rotate_right(n)` (std panics past the length, as here).
fn rotate(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span, left: bool) -> R {
    let n = i.as_usize(&super::arg(i, &mut a, 0, "rotate_left", at)?, at)?;
    let Value::Deque(d) = v else {
        return Err(i.panic(at, "expected a `VecDeque`"));
    };
    let d = Rc::make_mut(d);
    if n > d.len() {
        return Err(i.panic(at, "assertion failed: n <= self.len()"));
    }
    if left {
        d.rotate_left(n);
    } else {
        d.rotate_right(n);
    }
    Ok(Value::Unit)
}
fn rotate_left(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    rotate(i, v, a, at, true)
}
fn rotate_right(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
    rotate(i, v, a, at, false)
}
