//! Expressions that reach into or out of values: `.await`, `?`, `return`/`break`/`continue`,
//! tuples, arrays, fields, indexing, ranges and casts.

use super::*;

impl Interp {
    /// Field `i` of a tuple or of your struct (`t.0`, `p.1`): the one reading of a positional
    /// field, for the evaluator's fast path and its general one alike.
    pub(super) fn field_of(&self, v: Value, i: usize, at: Span) -> R {
        match v {
            Value::Adt(a) => a
                .fields
                .get(i)
                .cloned()
                .ok_or_else(|| self.panic(at, format!("no field `{i}` on this struct"))),
            Value::Tuple(items) => items
                .get(i)
                .cloned()
                .ok_or_else(|| self.panic(at, format!("no field `{i}` on this tuple"))),
            other => Err(self.panic(
                at,
                format!("no field `{i}` on type `{}`", other.type_name()),
            )),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_await(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Await(inner) => {
                if !self.0.in_runtime && !self.0.executor.get() {
                    // Only reachable inside an async body, which only runs inside a runtime.
                    return Err(self.panic(at, "`.await` outside of an async context"));
                }
                let v = self.eval(inner, env).await?;
                let fut = self.to_future(v, inner.span)?;
                let r = fut.await;
                // What other tasks dropped meanwhile (an aborted task's locals) was dropped before
                // this task resumed, as the runtime drops it when it cancels the task.
                if mem::has_pending_drops() {
                    boxed(self.run_drops()).await?;
                }
                r
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_try(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Try(inner) => {
                let v = self.eval(inner, env).await?;
                match v {
                    Value::Res(Ok(x)) | Value::Opt(Some(x)) => Ok(*x),
                    Value::Res(Err(x)) => Err(Flow::Return(Value::Res(Err(x)))),
                    Value::Opt(None) => Err(Flow::Return(Value::Opt(None))),
                    other => Err(self.panic(
                        at,
                        format!(
                            "the `?` operator cannot be applied to `{}`",
                            other.type_name()
                        ),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_return(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Return(v) => {
                let v = match v {
                    Some(v) => self.eval(v, env).await?,
                    None => Value::Unit,
                };
                Err(Flow::Return(v))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_break(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Break(label, v) => {
                let v = match v {
                    Some(v) => self.eval(v, env).await?,
                    None => Value::Unit,
                };
                Err(Flow::Break(label.clone(), v))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_continue(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Continue(label) => Err(Flow::Continue(label.clone())),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_tuple(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Tuple(items) => {
                if items.is_empty() {
                    return Ok(Value::Unit);
                }
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(i, env).await?);
                }
                Ok(Value::Tuple(Rc::new(out)))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_array(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(i, env).await?);
                }
                Ok(Value::Vec(Rc::new(out)))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_repeat(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Repeat(x, n) => {
                let x = self.eval(x, env).await?;
                let n = self.eval(n, env).await?;
                let n = self.as_usize(&n, at)?;
                self.check_len(n, "Vec")?;
                self.bulk(n, "Vec")?;
                Ok(Value::Vec(Rc::new(vec![x; n])))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_field(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Field(base, i) => {
                let v = mem::deref(self.eval_ref(base, env).await?);
                self.field_of(v, *i, at)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_index(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Index(base, idx) => {
                let i = mem::deref(self.eval(idx, env).await?);
                let v = mem::deref(self.eval_ref(base, env).await?);
                match (&v, &i) {
                    (Value::Vec(items), Value::Range(a, b, _)) => {
                        let (a, b) = (
                            usize::try_from(*a).unwrap_or(usize::MAX),
                            open_end(*b, items.len()),
                        );
                        match items.get(a..b) {
                            Some(s) => Ok(Value::Vec(Rc::new(s.to_vec()))),
                            None => Err(self.panic(
                                at,
                                format!(
                                    "range end index {b} out of range for slice of length {}",
                                    items.len()
                                ),
                            )),
                        }
                    }
                    (Value::Vec(items), _) => {
                        let i = self.as_usize(&i, at)?;
                        items.get(i).cloned().ok_or_else(|| {
                            self.panic(
                                at,
                                format!(
                                    "index out of bounds: the len is {} but the index is {i}",
                                    items.len()
                                ),
                            )
                        })
                    }
                    (Value::Str(s), Value::Range(a, b, _)) => {
                        let (a, b) = (
                            usize::try_from(*a).unwrap_or(usize::MAX),
                            open_end(*b, s.len()),
                        );
                        match s.get(a..b) {
                            Some(x) => Ok(Value::str(x)),
                            None => {
                                Err(self
                                    .panic(at, format!("byte index {b} is out of bounds of `{s}`")))
                            }
                        }
                    }
                    (Value::Adt(_), _) => self.user_index(v.clone(), i.clone(), at),
                    // `map[&k]`: std's `Index` for `HashMap`/`BTreeMap` panics on a missing key.
                    (Value::Map(m), _) => match m.find(&i) {
                        Ok(n) => Ok(mem::deref(m.entries.borrow()[n].1.borrow().clone())),
                        Err(_) => Err(self.panic(at, "no entry found for key")),
                    },
                    (Value::Deque(d), _) => {
                        let n = self.as_usize(&i, at)?;
                        d.get(n)
                            .cloned()
                            .ok_or_else(|| self.panic(at, "Out of bounds access"))
                    }
                    _ => Err(self.panic(
                        at,
                        format!("cannot index into a value of type `{}`", v.type_name()),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_range(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Range(a, b, inclusive) => {
                let a = match a {
                    Some(a) => self.eval(a, env).await?,
                    None => Value::Int(0, IntTy::Infer),
                };
                let b = match b {
                    Some(b) => self.eval(b, env).await?,
                    None => Value::Int(i128::from(i64::MAX), IntTy::Infer),
                };
                self.range_of(a, b, *inclusive, at)
            }
            _ => Ok(Value::Unit),
        }
    }

    /// `a..b` / `a..=b` of evaluated bounds (the async and the sync path's).
    pub(super) fn range_of(&self, a: Value, b: Value, inclusive: bool, at: Span) -> R {
        match (a, b) {
            (Value::Int(a, t1), Value::Int(b, t2)) => {
                let b = if inclusive { b.saturating_add(1) } else { b };
                Ok(Value::Range(a, b.max(a), t1.unify(t2)))
            }
            _ => Err(self.panic(
                at,
                "ranges of this type are not available in this playground",
            )),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_cast(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Cast(x, ty) => {
                let v = mem::deref(self.eval(x, env).await?);
                Ok(cast(v, ty))
            }
            _ => Ok(Value::Unit),
        }
    }
}

/// The end of a slicing range: `a..` is a range whose end is the open-range sentinel
/// (`i64::MAX`, see `std/lazy.rs`), which means "to the end" when it slices.
fn open_end(b: i128, len: usize) -> usize {
    if b >= i128::from(i64::MAX) {
        len
    } else {
        usize::try_from(b).unwrap_or(usize::MAX)
    }
}
