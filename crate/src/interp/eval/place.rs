//! Places (`x`, `t.0`, `v[i]`) and method calls: receivers, closures given to methods, iteration.

use super::*;
use crate::interp::stdlib::{self, Method};

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
                ExprKind::NamedField(b, name) => {
                    let p = self.place_or_temp(b, env).await?;
                    let i = self.field_index(&p, name, e.span)?;
                    Ok(Some(p.project(Step::Field(i))))
                }
                ExprKind::Index(b, idx) => {
                    let i = mem::deref(self.eval(idx, env).await?);
                    // `&s[1..3]` is a new slice, not a place inside `s`.
                    if let Value::Range(..) = i {
                        return Ok(None);
                    }
                    let i = self.as_usize(&i, idx.span)?;
                    Ok(Some(
                        self.place_or_temp(b, env).await?.project(Step::Index(i)),
                    ))
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
                ExprKind::Field(b, i) => Ok(Some(
                    self.place_or_temp(b, env).await?.project(Step::Field(*i)),
                )),
                _ => Ok(self.place_now(e, env)),
            }
        })
    }

    /// `b`'s place, or a new one holding its value: a part of a temporary is a place too
    /// (`cell.borrow_mut().count += 1` and `m.lock().unwrap()[0] = 1` change what the guard
    /// leads to; the guard is dropped with the place at the end of the statement).
    async fn place_or_temp(&self, b: &Expr, env: &mut Env) -> R<Place> {
        Ok(match self.place(b, env).await? {
            Some(p) => p,
            None => Place::root(mem::alloc(self.eval(b, env).await?)),
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
        // `v[1..3].sort()`: the method works on the slice, written back into `v` after.
        if let ExprKind::Index(b, idx) = &recv.kind {
            if let (ExprKind::Range(..), Some(base)) = (&idx.kind, self.place_now(b, env)) {
                if let Some(r) = self.range_method(base, idx, name, args, at, env).await? {
                    return Ok(r);
                }
            }
        }
        // Only the places that evaluate something need a future: a variable's place
        // (`handles.push(h)`) or a temporary (`handle.await.unwrap()`) is found at once.
        let place = match &recv.kind {
            ExprKind::NamedField(..)
            | ExprKind::Index(..)
            | ExprKind::Ref(_)
            | ExprKind::Unary(UnOp::Deref, _)
            | ExprKind::Field(..) => self.place(recv, env).await?,
            _ => self.place_now(recv, env),
        };
        let place = match place {
            Some(p) => p,
            None => Place::root(mem::alloc(self.eval(recv, env).await?)),
        };
        self.method_in(place, recv.span, name, args, at, env).await
    }

    /// [`Interp::method`] on the receiver's place.
    pub(super) async fn method_in(
        &self,
        place: Place,
        recv_span: Span,
        name: &str,
        args: &[Expr],
        at: Span,
        env: &mut Env,
    ) -> R {
        let place = self.receiver(place, name, recv_span)?;
        if name == "iter_mut" {
            // Each element is yielded as a reference to its place: `*x += 1` changes the `Vec`.
            let len = place.with(|v| match v {
                Value::Vec(items) => Some(items.len()),
                _ => None,
            });
            if let Ok(Some(len)) = len {
                let place = place.resolve().map_err(|e| self.mem_err(recv_span, e))?;
                return Ok(Value::Vec(Rc::new(
                    (0..len)
                        .map(|i| Value::reference(place.project(Step::Index(i))))
                        .collect(),
                )));
            }
        }
        let a = self.args(args, env).await?;
        let a = self.char_predicates(&place, name, a, at).await?;
        if stdlib::parts::is_part(name) {
            if let Some(v) = self.part_method(&place, name, &a, at)? {
                return Ok(v);
            }
        }
        let a = match self.tokio_async(&place, name, a, at) {
            Ok(f) => return f.await,
            Err(a) => a,
        };
        let (a, place) = match self.user_method(&place, recv_span, name, a, at).await? {
            user::Dispatch::Done(v) => return Ok(v),
            user::Dispatch::Std(a, None) => (a, place),
            // A user iterator's items, for a std adapter (`counter.map(..)`).
            user::Dispatch::Std(a, Some(items)) => {
                let it = crate::interp::stdlib::lazy::of(self, items, recv_span)?;
                let it = Value::Iter(Rc::new(std::cell::RefCell::new(Some(it))));
                (a, Place::root(mem::alloc(it)))
            }
        };
        let mut a = a;
        if let Some(r) = self.future_method(&place, name, &mut a, at) {
            return r;
        }
        // Tokio's values (`interp/tokio/`, `eval/tokio.rs`) dispatch by name in their own room,
        // before std's tables: they also serve the channels' newer methods (`reserve`, `closed`).
        let tokio = self.with_place(&Some(place.clone()), recv_span, |v| {
            Ok(self.tokio_method(v, name, &mut a, at))
        })?;
        if let Some(r) = tokio {
            return r;
        }
        // The std methods take their arguments as values: references are read through, but an
        // `Rc` given by value stays one (`v.push(Rc::clone(&a))` stores the `Rc`).
        let a: Vec<Value> = a.into_iter().map(mem::deref_arg).collect();
        let as_vec = place
            .with(|v| stdlib::iter_more::as_vec_for(v, name))
            .unwrap_or(false);
        let place = if as_vec {
            let it = place.read().map_err(|e| self.mem_err(recv_span, e))?;
            let items = stdlib::lazy::items(self, it, at).await?;
            Place::root(mem::alloc(Value::Vec(Rc::new(items))))
        } else {
            place
        };
        let method = place
            .with(|v| stdlib::lookup(v, name))
            .map_err(|e| self.mem_err(recv_span, e))?;
        match method {
            Some(Method::Sync(f)) => {
                let r = self.with_place(&Some(place), recv_span, |v| f(self, v, a, at));
                // `x.to_string()` whose `Display` impl panicked: that panic unwinds from here.
                match crate::interp::types::fmt::take_pending() {
                    Some(flow) => Err(flow),
                    None => r,
                }
            }
            // A method that calls closures works on a copy of the receiver, written back after
            // (`v.retain(..)` changes `v`): the closures may reach the same place meanwhile.
            Some(Method::Async(f)) => {
                let mut v = place.read().map_err(|e| self.mem_err(recv_span, e))?;
                let r = boxed(f(self, &mut v, a, at)).await;
                self.with_place(&Some(place), recv_span, |slot| {
                    *slot = v;
                    Ok(())
                })?;
                r
            }
            None => {
                let ty = place
                    .with(|v| v.type_name())
                    .map_err(|e| self.mem_err(recv_span, e))?;
                Err(self.panic(
                    at,
                    format!("no method named `{name}` found for `{ty}` in this playground"),
                ))
            }
        }
    }

    /// A std method that calls no closure, on a value reached without a place of its own (a
    /// Tokio guard's content: `guard.push(x)` is `(*guard).push(x)`).
    pub(super) fn method_on(&self, v: &mut Value, name: &str, a: Vec<Value>, at: Span) -> R {
        let a: Vec<Value> = a.into_iter().map(mem::deref).collect();
        match stdlib::lookup(v, name) {
            Some(Method::Sync(f)) => f(self, v, a, at),
            Some(Method::Async(_)) => Err(self.panic(
                at,
                format!("`{name}` with a closure on a guard's value is not supported in this playground: bind `&mut *guard` first"),
            )),
            None => Err(self.panic(
                at,
                format!("no method named `{name}` found for `{}` in this playground", v.type_name()),
            )),
        }
    }
}
