//! References to the parts of a receiver (`v.get_mut(i)`, `v.first_mut()`, `v.last_mut()`,
//! `opt.as_mut()`, `v.split_first()`): a `&mut` to the element's place, so `*x += 1` changes it.

use super::*;

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
}
