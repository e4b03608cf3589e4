//! Calls: functions, closures, `async fn` futures, and the argument conversions they share.

use super::*;

impl Interp {
    pub(super) fn as_usize(&self, v: &Value, at: Span) -> R<usize> {
        match v {
            Value::Int(n, _) => usize::try_from(*n)
                .map_err(|_| self.panic(at, format!("`{n}` is not a valid index"))),
            other => Err(self.panic(
                at,
                format!("expected an integer, found `{}`", other.type_name()),
            )),
        }
    }

    pub(super) fn as_us(&self, v: &Value, at: Span) -> R<u64> {
        match v {
            // Tokio's timers have 1 ms resolution; µs here, rounded up so a deadline is never early.
            Value::Duration(d) => {
                Ok(u64::try_from(d.as_nanos().div_ceil(1000)).unwrap_or(u64::MAX))
            }
            other => Err(self.panic(
                at,
                format!("expected a `Duration`, found `{}`", other.type_name()),
            )),
        }
    }

    // ---------------------------------------------------------------- calls

    pub(super) async fn args(&self, args: &[Expr], env: &mut Env) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(self.eval(a, env).await?);
        }
        Ok(out)
    }

    pub(super) async fn call(&self, callee: &Callee, args: &[Expr], at: Span, env: &mut Env) -> R {
        match callee {
            Callee::Variant(v) => {
                let mut a = self.args(args, env).await?;
                let x = if a.is_empty() {
                    Value::Unit
                } else {
                    a.swap_remove(0)
                };
                Ok(match v {
                    Variant::Some => Value::some(x),
                    Variant::Ok => Value::ok(x),
                    Variant::Err => Value::err(x),
                })
            }
            Callee::Fn(name) => {
                let a = self.args(args, env).await?;
                let Some(f) = self.0.program.fns.get(name).cloned() else {
                    return Err(self.panic(at, format!("cannot find function `{name}`")));
                };
                let by_ref = !f.is_async && args.iter().any(|a| matches!(a.kind, ExprKind::Ref(_)));
                if !by_ref {
                    return boxed(self.call_fn(f, a, at, None)).await;
                }
                // `fn grow(v: &mut Vec<u32>)`: what the callee did to its parameter is written back
                // to the caller's place (a shared `&` parameter cannot have changed, so writing it
                // back is harmless).
                let mut out = Vec::new();
                let r = boxed(self.call_fn(f, a, at, Some(&mut out))).await;
                for (arg, v) in args.iter().zip(out) {
                    let (ExprKind::Ref(inner), Some(v)) = (&arg.kind, v) else {
                        continue;
                    };
                    let place = self.place(inner, env).await?;
                    if place.is_some() {
                        self.with_place(env, &place, inner.span, |slot| {
                            *slot = v;
                            Ok(())
                        })?;
                    }
                }
                r
            }
            Callee::Local(name) => {
                let f = self.read_var(name, at, env, false)?;
                let a = self.args(args, env).await?;
                boxed(self.call_closure(f, a, at, Some(env))).await
            }
            Callee::Builtin(b) => {
                if *b == Builtin::Drop {
                    // `drop(x)` moves `x` out of its variable and drops it now.
                    let a = self.args(args, env).await?;
                    drop(a);
                    return Ok(Value::Unit);
                }
                let a = self.args(args, env).await?;
                if matches!(b, Builtin::ThreadSleep | Builtin::Tokio(_)) {
                    return self.tokio_call(*b, a, at).await;
                }
                self.builtin(*b, a, at)
            }
        }
    }

    /// Calls a function value (a closure or a function passed by name).
    pub(super) async fn call_value(&self, f: Value, args: Vec<Value>, at: Span) -> R {
        boxed(self.call_closure(f, args, at, None)).await
    }

    /// Calls a function value; `caller` is the environment of a call by name, whose variables a
    /// borrowing closure reads and writes.
    pub(super) async fn call_closure(
        &self,
        f: Value,
        args: Vec<Value>,
        at: Span,
        mut caller: Option<&mut Env>,
    ) -> R {
        match f {
            Value::Closure(c) => {
                let depth = self.0.depth.get();
                if depth >= self.0.limits.max_call_depth {
                    return Err(self.halt(self.0.limits.call_too_deep()));
                }
                let mut env = Env {
                    vars: c.env.borrow().clone(),
                };
                let captured = env.vars.len();
                if let (false, Some(caller)) = (c.is_move, caller.as_deref_mut()) {
                    for (name, v) in env.vars.iter_mut() {
                        if let Some(now) =
                            caller.get_mut(name).filter(|x| !matches!(x, Value::Moved))
                        {
                            *v = now.clone();
                        }
                    }
                }
                for (p, v) in c.params.iter().zip(args) {
                    self.bind(p, v, &mut env);
                }
                if c.is_async {
                    let me = self.clone();
                    let body = c.body.clone();
                    let fut = async move {
                        match me.eval(&body, &mut env).await {
                            Err(Flow::Return(v)) => Ok(v),
                            other => other,
                        }
                    };
                    let name = format!("async closure at {}", c.body.span.at());
                    return Ok(future_value(Box::pin(self.0.tracer.trace(&name, fut))));
                }
                self.0.depth.set(depth + 1);
                let r = self.eval(&c.body, &mut env).await;
                self.0.depth.set(depth);
                env.vars.truncate(captured);
                match (c.is_move, caller) {
                    (false, Some(caller)) => {
                        for (name, v) in env.vars {
                            if let Some(slot) = caller.get_mut(&name) {
                                *slot = v;
                            }
                        }
                    }
                    _ => *c.env.borrow_mut() = env.vars,
                }
                match r {
                    Err(Flow::Return(v)) => Ok(v),
                    other => other,
                }
            }
            Value::FnRef(f) => boxed(self.call_fn(f, args, at, None)).await,
            other => Err(self.panic(at, format!("`{}` is not a function", other.type_name()))),
        }
    }

    /// Calling an `async fn` runs nothing: it makes a future, traced under the fn's name.
    pub(super) fn make_future(&self, f: Rc<FnDef>, args: Vec<Value>, at: Span) -> R {
        if args.len() != f.params.len() {
            return Err(self.panic(
                at,
                format!(
                    "this function takes {} arguments but {} were supplied",
                    f.params.len(),
                    args.len()
                ),
            ));
        }
        let mut env = Env::default();
        for ((p, ty), v) in f.params.iter().zip(args) {
            self.bind(p, coerce(v, ty), &mut env);
        }
        let me = self.clone();
        let def = f.clone();
        let fut = async move {
            let depth = me.0.depth.get();
            if depth >= me.0.limits.max_call_depth {
                return Err(me.halt(me.0.limits.call_too_deep()));
            }
            me.0.depth.set(depth + 1);
            let r = me.eval_block(&def.body, &mut env).await;
            me.0.depth.set(depth);
            match r {
                Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &def.ret)),
                Err(f) => Err(f),
            }
        };
        Ok(future_value(Box::pin(Depth {
            interp: self.clone(),
            fut: self.0.tracer.trace(&f.name, fut),
        })))
    }

    /// Calls a function of the program; `out` receives a sync function's parameters as they are
    /// at its end (for `&mut` arguments).
    pub(super) async fn call_fn(
        &self,
        f: Rc<FnDef>,
        args: Vec<Value>,
        at: Span,
        out: Option<&mut Vec<Option<Value>>>,
    ) -> R {
        if args.len() != f.params.len() {
            return Err(self.panic(
                at,
                format!(
                    "this function takes {} arguments but {} were supplied",
                    f.params.len(),
                    args.len()
                ),
            ));
        }
        if f.is_async {
            return self.make_future(f, args, at);
        }
        let mut env = Env::default();
        for ((p, ty), v) in f.params.iter().zip(args) {
            self.bind(p, coerce(v, ty), &mut env);
        }
        let depth = self.0.depth.get();
        if depth >= self.0.limits.max_call_depth {
            return Err(self.halt(self.0.limits.call_too_deep()));
        }
        self.0.depth.set(depth + 1);
        let r = self.eval_block(&f.body, &mut env).await;
        self.0.depth.set(depth);
        if let Some(out) = out {
            for (p, _) in &f.params {
                out.push(match p {
                    Pat::Bind { name, .. } => env
                        .get_mut(name)
                        .filter(|v| !matches!(v, Value::Moved))
                        .map(|v| v.clone()),
                    _ => None,
                });
            }
        }
        match r {
            Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &f.ret)),
            Err(f) => Err(f),
        }
    }
}
