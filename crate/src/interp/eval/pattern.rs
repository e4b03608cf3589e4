//! Patterns: which values a pattern matches.

use super::*;

pub(super) fn refutable(p: &Pat) -> bool {
    match p {
        Pat::Wild | Pat::Bind { .. } | Pat::Rest => false,
        Pat::Tuple(ps) => ps.iter().any(refutable),
        Pat::Or(ps) => ps.iter().all(refutable),
        Pat::At(_, _, p) => refutable(p),
        Pat::Adt(def, _, fields) => {
            def.variants.len() > 1 || fields.iter().any(|(_, p)| refutable(p))
        }
        _ => true,
    }
}

/// Does `v` match `p`?
pub(super) fn matches(p: &Pat, v: &Value) -> bool {
    if mem::is_pointer(v) && !matches!(p, Pat::Wild | Pat::Bind { .. }) {
        // Default binding modes: a pattern looks through the reference.
        return mem::with_deref(v, |x| matches(p, x));
    }
    match (p, v) {
        (Pat::Wild | Pat::Bind { .. } | Pat::Rest, _) => true,
        (Pat::Lit(l), v) => lit(l).equals(v),
        (Pat::Range(lo, hi, inclusive), v) => {
            let (lo, hi) = (lit(lo), lit(hi));
            let above = matches!(
                v.compare(&lo),
                Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
            );
            let below = match v.compare(&hi) {
                Some(std::cmp::Ordering::Less) => true,
                Some(std::cmp::Ordering::Equal) => *inclusive,
                _ => false,
            };
            above && below
        }
        (Pat::None, Value::Opt(None)) => true,
        (Pat::Variant(Variant::Some, inner), Value::Opt(Some(x))) => matches(inner, x),
        (Pat::Variant(Variant::Ok, inner), Value::Res(Ok(x))) => matches(inner, x),
        (Pat::Variant(Variant::Err, inner), Value::Res(Err(x))) => matches(inner, x),
        (Pat::Tuple(ps), Value::Tuple(items) | Value::Vec(items)) => {
            let rest = ps.iter().position(|p| matches!(p, Pat::Rest));
            match rest {
                None => {
                    ps.len() == items.len()
                        && ps.iter().zip(items.iter()).all(|(p, v)| matches(p, v))
                }
                Some(r) => {
                    let tail = ps.len() - r - 1;
                    items.len() >= r + tail
                        && ps
                            .iter()
                            .take(r)
                            .zip(items.iter())
                            .all(|(p, v)| matches(p, v))
                        && ps
                            .iter()
                            .skip(r + 1)
                            .zip(items.iter().skip(items.len() - tail))
                            .all(|(p, v)| matches(p, v))
                }
            }
        }
        (Pat::Tuple(ps), Value::Unit) => ps.is_empty(),
        (Pat::Or(alts), v) => alts.iter().any(|p| matches(p, v)),
        (Pat::At(_, _, p), v) => matches(p, v),
        // `Ordering::Less`: whatever value stands for an `Ordering` ([`types::as_ordering`]).
        (Pat::Adt(def, variant, _), v) if def.path.as_ref() == "std::cmp::Ordering" => {
            crate::interp::types::as_ordering(v)
                .is_some_and(|o| crate::interp::types::ordering_index(o) == *variant)
        }
        (Pat::Adt(def, variant, fields), Value::Adt(a)) => {
            Rc::ptr_eq(def, &a.def)
                && a.variant == *variant
                && fields
                    .iter()
                    .all(|(i, p)| a.fields.get(*i).is_some_and(|x| matches(p, x)))
        }
        (Pat::TokioError(name, inner), Value::Error(e)) => {
            crate::interp::tokio::errors::variant_of(&e.0) == name.as_ref()
                && inner.as_deref().is_none_or(|p| match tokio_payload(&e.0) {
                    Some(n) => matches(p, &n),
                    None => matches!(p, Pat::Wild | Pat::Rest),
                })
        }
        (Pat::Slice(ps), Value::Vec(items)) => {
            let (before, after, rest) = slice_parts(ps);
            match rest {
                None => {
                    ps.len() == items.len()
                        && ps.iter().zip(items.iter()).all(|(p, v)| matches(p, v))
                }
                Some(_) => {
                    items.len() >= before.len() + after.len()
                        && before.iter().zip(items.iter()).all(|(p, v)| matches(p, v))
                        && after
                            .iter()
                            .zip(items.iter().skip(items.len() - after.len()))
                            .all(|(p, v)| matches(p, v))
                }
            }
        }
        _ => false,
    }
}

/// The payload of a Tokio error that a pattern may bind: `Lagged(n)`'s count.
pub(super) fn tokio_payload(debug: &str) -> Option<Value> {
    crate::interp::tokio::errors::payload_count(debug)
        .map(|n| Value::Int(i128::from(n), crate::interp::ast::IntTy::U64))
}

/// A slice pattern's parts: the patterns before `..`, after it, and the `..` itself (`rest @ ..`).
pub(super) fn slice_parts(ps: &[Pat]) -> (&[Pat], &[Pat], Option<&Pat>) {
    let is_rest = |p: &Pat| {
        matches!(p, Pat::Rest) || matches!(p, Pat::At(_, _, r) if matches!(**r, Pat::Rest))
    };
    match ps.iter().position(is_rest) {
        Some(r) => (
            ps.get(..r).unwrap_or(&[]),
            ps.get(r + 1..).unwrap_or(&[]),
            ps.get(r),
        ),
        None => (ps, &[], None),
    }
}
