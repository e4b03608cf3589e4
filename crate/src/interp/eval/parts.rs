//! References to the parts of a receiver (`v.get_mut(i)`, `v.first_mut()`, `v.last_mut()`,
//! `opt.as_mut()`, `v.split_first()`): a `&mut` to the element's place, so `*x += 1` changes it.

use super::*;

/// The string methods whose argument is a `Pattern` (a closure there is a char predicate).
const PATTERN_METHODS: &[&str] = &[
    "split",
    "rsplit",
    "splitn",
    "split_terminator",
    "split_once",
    "rsplit_once",
    "trim_matches",
    "trim_start_matches",
    "trim_end_matches",
    "strip_prefix",
    "strip_suffix",
    "contains",
    "starts_with",
    "ends_with",
    "find",
    "rfind",
    "replace",
    "replacen",
];

impl Interp {
    /// The answer of a [`crate::interp::stdlib::parts`] method on the value at `place`, or
    /// `None` when the value is not one those methods serve here.
    pub(super) fn part_method(
        &self,
        place: &Place,
        name: &str,
        a: &[Value],
        at: Span,
    ) -> R<Option<Value>> {
        let place = place.resolve().map_err(|e| self.mem_err(at, e))?;
        let shape = place
            .with(|v| match v {
                Value::Vec(items) => Some((true, items.len())),
                Value::Opt(o) => Some((false, usize::from(o.is_some()))),
                _ => None,
            })
            .map_err(|e| self.mem_err(at, e))?;
        let Some((is_vec, len)) = shape else {
            return Ok(None);
        };
        let part = |i: usize| Value::reference(place.project(Step::Index(i)));
        let some = |v: Value| Value::Opt(Some(Box::new(v)));
        let r = match (is_vec, name) {
            (false, "as_mut") if len == 1 => some(Value::reference(place.project(Step::Payload))),
            (false, _) => Value::Opt(None),
            (true, "get_mut") => {
                let i = match a.first().map(|v| mem::deref(v.clone())) {
                    Some(Value::Int(n, _)) => usize::try_from(n).ok(),
                    _ => return Ok(None),
                };
                match i {
                    Some(i) if i < len => some(part(i)),
                    _ => Value::Opt(None),
                }
            }
            (true, _) if len == 0 => Value::Opt(None),
            (true, "first_mut") => some(part(0)),
            (true, "last_mut") => some(part(len - 1)),
            (true, "split_first" | "split_last") => {
                let (one, rest) = if name == "split_first" {
                    (0, 1..len)
                } else {
                    (len - 1, 0..len - 1)
                };
                let rest: Vec<Value> = place
                    .with(|v| match v {
                        Value::Vec(items) => items[rest.clone()].to_vec(),
                        _ => Vec::new(),
                    })
                    .map_err(|e| self.mem_err(at, e))?;
                let first = place
                    .project(Step::Index(one))
                    .read()
                    .map_err(|e| self.mem_err(at, e))?;
                some(Value::Tuple(Rc::new(vec![
                    first,
                    Value::Vec(Rc::new(rest)),
                ])))
            }
            _ => return Ok(None),
        };
        Ok(Some(r))
    }

    /// `v[a..b].method(..)` (`sort`, `reverse`, `iter_mut`, `fill`, …) on the `Vec` at `base`:
    /// the slice's items, written back after the call; `iter_mut` hands out references into
    /// `v` itself. `None` when `base` holds no `Vec` (a string's `s[1..3]` is a new `&str`).
    pub(super) async fn range_method(
        &self,
        base: Place,
        idx: &Expr,
        name: &str,
        args: &[Expr],
        at: Span,
        env: &mut Env,
    ) -> R<Option<Value>> {
        let base = self.receiver(base, "index", idx.span)?;
        let len = match self.vec_len(&base) {
            Some(n) => n,
            None => return Ok(None),
        };
        let (lo, hi) = match mem::deref(self.eval(idx, env).await?) {
            Value::Range(a, b, _) => (
                usize::try_from(a).unwrap_or(usize::MAX),
                if b >= i128::from(i64::MAX) {
                    len
                } else {
                    usize::try_from(b).unwrap_or(usize::MAX)
                },
            ),
            _ => return Ok(None),
        };
        if lo > hi || hi > len {
            return Err(self.panic(
                at,
                format!("range end index {hi} out of range for slice of length {len}"),
            ));
        }
        let base = base.resolve().map_err(|e| self.mem_err(at, e))?;
        if name == "iter_mut" {
            let refs = (lo..hi).map(|i| Value::reference(base.project(Step::Index(i))));
            return Ok(Some(Value::Vec(Rc::new(refs.collect()))));
        }
        let items = base
            .with(|v| match v {
                Value::Vec(items) => items[lo..hi].to_vec(),
                _ => Vec::new(),
            })
            .map_err(|e| self.mem_err(at, e))?;
        let temp = Place::root(mem::alloc(Value::Vec(Rc::new(items))));
        let r = self
            .method_in(temp.clone(), idx.span, name, args, at, env)
            .await;
        if let Ok(Value::Vec(after)) = temp.read() {
            if after.len() == hi - lo {
                base.with_mut(|v| {
                    if let Value::Vec(items) = v {
                        Rc::make_mut(items)[lo..hi].clone_from_slice(&after);
                    }
                })
                .map_err(|e| self.mem_err(at, e))?;
            }
        }
        r.map(Some)
    }

    /// A string method's closure pattern (`s.split(|c: char| !c.is_alphanumeric())`): the set
    /// of the receiver's chars it accepts, which `std/string.rs` takes as a `&[char]` pattern.
    pub(super) async fn char_predicates(
        &self,
        place: &Place,
        name: &str,
        a: Vec<Value>,
        at: Span,
    ) -> R<Vec<Value>> {
        let is_fn = |v: &Value| matches!(v, Value::Closure(_) | Value::FnRef(_));
        if !a.iter().any(is_fn) || !PATTERN_METHODS.contains(&name) {
            return Ok(a);
        }
        let s = match place.with(|v| match v {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        }) {
            Ok(Some(s)) => s,
            _ => return Ok(a),
        };
        let mut out = Vec::with_capacity(a.len());
        for x in a {
            if !is_fn(&x) {
                out.push(x);
                continue;
            }
            let (mut set, mut seen) = (Vec::new(), Vec::new());
            for c in s.chars() {
                if seen.contains(&c) {
                    continue;
                }
                seen.push(c);
                if truthy(&self.call_value(x.clone(), vec![Value::Char(c)], at).await?) {
                    set.push(Value::Char(c));
                }
            }
            out.push(Value::Vec(Rc::new(set)));
        }
        Ok(out)
    }
}
