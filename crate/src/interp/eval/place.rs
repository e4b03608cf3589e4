//! Places (`x`, `t.0`, `v[i]`) and method calls: receivers, closures given to methods, iteration.

use super::*;

impl Interp {
    // ---------------------------------------------------------------- places and methods

    /// The place `e` names (`x`, `t.0`, `v[i]`, `*r`), or `None` if it is a temporary.
    pub(super) fn place<'a>(
        &'a self,
        e: &'a Expr,
        env: &'a mut Env,
    ) -> Pin<Box<dyn Future<Output = R<Option<Place>>> + 'a>> {
        Box::pin(async move {
            match &e.kind {
                ExprKind::NamedField(b, name) => match self.place(b, env).await? {
                    Some(p) => {
                        let i = self.field_index(&p, name, e.span)?;
                        Ok(Some(p.project(Step::Field(i))))
                    }
                    None => Ok(None),
                },
                ExprKind::Index(b, idx) => {
                    let i = self.eval(idx, env).await?;
                    let i = self.as_usize(&mem::deref(i), idx.span)?;
                    Ok(self.place(b, env).await?.map(|p| p.project(Step::Index(i))))
                }
                ExprKind::Ref(b) => self.place(b, env).await,
                ExprKind::Unary(UnOp::Deref, b) => {
                    let base = match self.place(b, env).await? {
                        Some(p) => p,
                        // `*m.lock().unwrap() += 1`: the guard is a temporary, dropped (and the
                        // lock released) with this place at the end of the statement.
                        None => Place::root(mem::alloc(self.eval(b, env).await?)),
                    };
                    Ok(Some(base.project(Step::Deref)))
                }
                ExprKind::Field(b, i) => Ok(self
                    .place(b, env)
                    .await?
                    .map(|p| p.project(Step::Field(*i)))),
                _ => Ok(self.place_now(e, env)),
            }
        })
    }

    /// [`Interp::place`] for the places that need no evaluation (`x`, `t.0`, `*r`).
    pub(super) fn place_now(&self, e: &Expr, env: &mut Env) -> Option<Place> {
        match &e.kind {
            ExprKind::Var(n) => env.get(n).map(|a| Place::root(a.clone())),
            ExprKind::Ref(b) => self.place_now(b, env),
            ExprKind::Unary(UnOp::Deref, b) => {
                self.place_now(b, env).map(|p| p.project(Step::Deref))
            }
            ExprKind::Field(b, i) => self.place_now(b, env).map(|p| p.project(Step::Field(*i))),
            ExprKind::NamedField(b, name) => {
                let p = self.place_now(b, env)?;
                let i = self.field_index(&p, name, e.span).ok()?;
                Some(p.project(Step::Field(i)))
            }
            _ => None,
        }
    }

    /// `&e` / `&mut e`: a reference to `e`'s place, or to a temporary holding its value.
    pub(super) fn reference_to(
        &self,
        place: Option<Place>,
        temp: impl FnOnce() -> R,
        at: Span,
    ) -> R {
        let place = match place {
            Some(p) => p.resolve().map_err(|e| self.mem_err(at, e))?,
            None => Place::root(mem::alloc(temp()?)),
        };
        Ok(Value::reference(place))
    }

    /// The length of the `Vec` a reference leads to, if it leads to one.
    pub(super) fn vec_len(&self, p: &Place) -> Option<usize> {
        p.with(|v| {
            mem::with_deref(v, |v| match v {
                Value::Vec(items) => Some(items.len()),
                _ => None,
            })
        })
        .ok()
        .flatten()
    }

    /// `*v`: the value behind a reference, an `Rc` or a guard (a `Box` is its content here).
    pub(super) fn deref_once(&self, v: Value, at: Span) -> R {
        match mem::pointee(&v) {
            Some(p) => p.read().map_err(|e| self.mem_err(at, e)),
            None => Ok(v),
        }
    }

    pub(super) fn with_place<T>(
        &self,
        place: &Option<Place>,
        at: Span,
        f: impl FnOnce(&mut Value) -> R<T>,
    ) -> R<T> {
        let Some(place) = place else {
            return Err(self.panic(at, "invalid left-hand side of assignment"));
        };
        match place.with_mut(f) {
            Ok(r) => r,
            Err(e) => Err(self.mem_err(at, e)),
        }
    }

    /// The place a method works on: the receiver's place, through references, `Rc`s and guards
    /// (Rust's auto-deref), but not through an `Rc` for `clone` (which clones the `Rc`).
    pub(super) fn receiver(&self, mut place: Place, name: &str, at: Span) -> R<Place> {
        for _ in 0..64 {
            let next = place
                .with(|v| match v {
                    Value::Rc(_) if name == "clone" => None,
                    // A Tokio guard's own methods (`write_guard.downgrade()`).
                    Value::Tokio(_) if name == "downgrade" => None,
                    v => mem::pointee(v),
                })
                .map_err(|e| self.mem_err(at, e))?;
            match next {
                Some(p) => place = p,
                None => break,
            }
        }
        Ok(place)
    }

    pub(super) async fn method(
        &self,
        recv: &Expr,
        name: &str,
        args: &[Expr],
        at: Span,
        env: &mut Env,
    ) -> R {
        let place = match self.place(recv, env).await? {
            Some(p) => p,
            None => Place::root(mem::alloc(self.eval(recv, env).await?)),
        };
        let place = self.receiver(place, name, recv.span)?;
        if name == "iter_mut" {
            // Each element is yielded as a reference to its place: `*x += 1` changes the `Vec`.
            let len = place.with(|v| match v {
                Value::Vec(items) => Some(items.len()),
                _ => None,
            });
            if let Ok(Some(len)) = len {
                let place = place.resolve().map_err(|e| self.mem_err(recv.span, e))?;
                return Ok(Value::Vec(Rc::new(
                    (0..len)
                        .map(|i| Value::reference(place.project(Step::Index(i))))
                        .collect(),
                )));
            }
        }
        let a = self.args(args, env).await?;
        let a = match self.tokio_async(&place, name, a, at) {
            Ok(f) => return f.await,
            Err(a) => a,
        };
        let (a, place) = match self.user_method(&place, recv.span, name, a, at).await? {
            user::Dispatch::Done(v) => return Ok(v),
            user::Dispatch::Std(a, None) => (a, place),
            // A user iterator's items, for a std adapter.
            user::Dispatch::Std(a, Some(items)) => (a, Place::root(mem::alloc(items))),
        };
        let closures = matches!(
            name,
            "map" | "filter" | "unwrap_or_else" | "and_then" | "map_err"
        );
        if closures {
            let v = place.read().map_err(|e| self.mem_err(recv.span, e))?;
            let a = a.into_iter().map(mem::deref).collect();
            return boxed(self.method_closure(v, name, a, at)).await;
        }
        let r = self.with_place(&Some(place), recv.span, |v| self.method_on(v, name, a, at));
        // `x.to_string()` whose `Display` impl panicked: that panic unwinds from here.
        match crate::interp::types::fmt::take_pending() {
            Some(flow) => Err(flow),
            None => r,
        }
    }

    pub(super) async fn method_closure(
        &self,
        v: Value,
        name: &str,
        mut a: Vec<Value>,
        at: Span,
    ) -> R {
        let f = if a.is_empty() {
            Value::Unit
        } else {
            a.swap_remove(0)
        };
        match (name, v) {
            ("map", Value::Opt(o)) => match o {
                Some(x) => Ok(Value::some(self.call_value(f, vec![*x], at).await?)),
                None => Ok(Value::Opt(None)),
            },
            ("map", Value::Res(Ok(x))) => Ok(Value::ok(self.call_value(f, vec![*x], at).await?)),
            ("map", r @ Value::Res(Err(_))) => Ok(r),
            ("map_err", Value::Res(Err(x))) => {
                Ok(Value::err(self.call_value(f, vec![*x], at).await?))
            }
            ("map_err", r @ Value::Res(Ok(_))) => Ok(r),
            ("and_then", Value::Opt(Some(x))) | ("and_then", Value::Res(Ok(x))) => {
                self.call_value(f, vec![*x], at).await
            }
            ("and_then", other) => Ok(other),
            ("unwrap_or_else", Value::Opt(Some(x))) | ("unwrap_or_else", Value::Res(Ok(x))) => {
                Ok(*x)
            }
            ("unwrap_or_else", Value::Opt(None)) => self.call_value(f, vec![], at).await,
            ("unwrap_or_else", Value::Res(Err(e))) => self.call_value(f, vec![*e], at).await,
            (m @ ("map" | "filter"), seq) => {
                let items = self.items(seq, at)?;
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    self.tick()?;
                    let r = self.call_value(f.clone(), vec![x.clone()], at).await?;
                    if m == "map" {
                        out.push(r);
                    } else if truthy(&r) {
                        out.push(x);
                    }
                }
                Ok(Value::Vec(Rc::new(out)))
            }
            (_, other) => {
                Err(self.panic(at, format!("no method `{name}` on `{}`", other.type_name())))
            }
        }
    }

    /// The elements of something iterable (a `Vec`, a range, an `Option`).
    pub(super) fn items(&self, v: Value, at: Span) -> R<Vec<Value>> {
        match mem::deref(v) {
            Value::Vec(items) => Ok(Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())),
            Value::Range(a, b, t) => {
                let n = usize::try_from(b.saturating_sub(a)).unwrap_or(usize::MAX);
                self.check_len(n, "Vec")?;
                self.bulk(n, "Vec")?;
                Ok((a..b).map(|i| Value::Int(i, t)).collect())
            }
            Value::Opt(o) => Ok(o.into_iter().map(|b| *b).collect()),
            Value::Str(s) => Ok(s.chars().map(Value::Char).collect()),
            other => Err(self.panic(at, format!("`{}` is not an iterator", other.type_name()))),
        }
    }
}
