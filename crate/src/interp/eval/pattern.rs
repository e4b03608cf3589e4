//! Patterns: which values a pattern matches.

use super::*;

pub(super) fn refutable(p: &Pat) -> bool {
    match p {
        Pat::Wild | Pat::Bind { .. } | Pat::Rest => false,
        Pat::Tuple(ps) => ps.iter().any(refutable),
        Pat::Or(ps) => ps.iter().all(refutable),
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
        _ => false,
    }
}
