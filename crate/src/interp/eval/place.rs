//! Places (`x`, `t.0`, `v[i]`) and method calls: receivers, closures given to methods, iteration.

use super::*;

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
                ExprKind::NamedField(b, name) => Ok(self.place(b, env).await?.map(|(n, mut s)| {
                    s.push(Step::Named(name.clone()));
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
                (Step::Field(i), Value::Adt(a)) => match Rc::make_mut(a).fields.get_mut(*i) {
                    Some(s) => s,
                    None => return Err(self.panic(at, format!("no field `{i}` on this struct"))),
                },
                (Step::Named(n), Value::Adt(a)) => {
                    let a = Rc::make_mut(a);
                    let i = a.variant_def().and_then(|v| v.field(n));
                    match i.and_then(|i| a.fields.get_mut(i)) {
                        Some(s) => s,
                        None => {
                            return Err(self.panic(at, format!("no field `{n}` on this struct")))
                        }
                    }
                }
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
        let temp = match place {
            Some(_) => None,
            None => Some(self.eval(recv, env).await?),
        };
        let a = self.args(args, env).await?;
        let (a, temp) = match self
            .user_method(&place, temp, recv.span, name, a, at, env)
            .await?
        {
            user::Dispatch::Done(v) => return Ok(v),
            user::Dispatch::Std(a, temp) => (a, temp),
        };
        let mut temp = temp;
        let closures = matches!(
            name,
            "map" | "filter" | "unwrap_or_else" | "and_then" | "map_err"
        );
        if closures {
            let v = match temp.take() {
                Some(v) => v,
                None => self.with_place(env, &place, recv.span, |v| Ok(v.clone()))?,
            };
            return boxed(self.method_closure(v, name, a, at)).await;
        }
        match temp.as_mut() {
            Some(v) => self.method_on(v, name, a, at),
            None => self.with_place(env, &place, recv.span, |v| self.method_on(v, name, a, at)),
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
        match v {
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
