//! Places (`x`, `t.0`, `v[i]`) and method calls: receivers, closures given to methods, iteration.

use super::*;
use crate::interp::stdlib::{self, Method};

impl Interp {
    // ---------------------------------------------------------------- places and methods

    /// The place `e` names (`x`, `t.0`, `v[i]`), or `None` if it is a temporary.
    pub(super) fn place<'a>(
        &'a self,
        e: &'a Expr,
        env: &'a mut Env,
    ) -> Pin<Box<dyn Future<Output = R<Option<Place>>> + 'a>> {
        Box::pin(async move {
            match &e.kind {
                ExprKind::Var(n) => Ok(Some((n.clone(), Vec::new()))),
                ExprKind::Ref(b) | ExprKind::Unary(UnOp::Deref, b) => self.place(b, env).await,
                ExprKind::Field(b, i) => Ok(self.place(b, env).await?.map(|(n, mut s)| {
                    s.push(Step::Field(*i));
                    (n, s)
                })),
                ExprKind::Index(b, idx) => {
                    let i = self.eval(idx, env).await?;
                    let i = self.as_usize(&i, idx.span)?;
                    Ok(self.place(b, env).await?.map(|(n, mut s)| {
                        s.push(Step::Index(i, e.span));
                        (n, s)
                    }))
                }
                _ => Ok(None),
            }
        })
    }

    pub(super) fn with_place<T>(
        &self,
        env: &mut Env,
        place: &Option<Place>,
        at: Span,
        f: impl FnOnce(&mut Value) -> R<T>,
    ) -> R<T> {
        let Some((name, steps)) = place else {
            return Err(self.panic(at, "invalid left-hand side of assignment"));
        };
        let Some(mut slot) = env.get_mut(name) else {
            return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
        };
        for step in steps {
            slot = match (step, slot) {
                (Step::Field(i), Value::Tuple(items)) => match Rc::make_mut(items).get_mut(*i) {
                    Some(s) => s,
                    None => return Err(self.panic(at, format!("no field `{i}` on this tuple"))),
                },
                (Step::Index(i, iat), Value::Vec(items)) => {
                    let len = items.len();
                    match Rc::make_mut(items).get_mut(*i) {
                        Some(s) => s,
                        None => {
                            return Err(self.panic(
                                *iat,
                                format!(
                                    "index out of bounds: the len is {len} but the index is {i}"
                                ),
                            ))
                        }
                    }
                }
                (_, other) => {
                    return Err(self.panic(at, format!("cannot index into `{}`", other.type_name())))
                }
            };
        }
        f(slot)
    }

    pub(super) async fn method(
        &self,
        recv: &Expr,
        name: &str,
        args: &[Expr],
        at: Span,
        env: &mut Env,
    ) -> R {
        let place = self.place(recv, env).await?;
        let mut temp = match place {
            Some(_) => None,
            None => Some(self.eval(recv, env).await?),
        };
        let a = self.args(args, env).await?;
        let method = match temp.as_ref() {
            Some(v) => stdlib::lookup(v, name),
            None => self.with_place(env, &place, recv.span, |v| Ok(stdlib::lookup(v, name)))?,
        };
        match method {
            Some(Method::Sync(f)) => match temp.as_mut() {
                Some(v) => f(self, v, a, at),
                None => self.with_place(env, &place, recv.span, |v| f(self, v, a, at)),
            },
            // A method that calls closures works on a copy of the receiver, written back after
            // (`v.retain(..)` changes `v`), since the closures may read the environment meanwhile.
            Some(Method::Async(f)) => {
                let mut v = match temp.take() {
                    Some(v) => v,
                    None => self.with_place(env, &place, recv.span, |v| Ok(v.clone()))?,
                };
                let r = boxed(f(self, &mut v, a, at)).await;
                if place.is_some() {
                    self.with_place(env, &place, recv.span, |slot| {
                        *slot = v;
                        Ok(())
                    })?;
                }
                r
            }
            None => {
                let ty = match temp.as_ref() {
                    Some(v) => v.type_name(),
                    None => self.with_place(env, &place, recv.span, |v| Ok(v.type_name()))?,
                };
                Err(self.panic(
                    at,
                    format!("no method named `{name}` found for `{ty}` in this playground"),
                ))
            }
        }
    }
}
