//! Calls: functions, closures, `async fn` futures, and the argument conversions they share.

use super::*;

impl Interp {
    pub(crate) fn as_usize(&self, v: &Value, at: Span) -> R<usize> {
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
                // A `&mut` argument is a reference to the caller's place: what the callee does
                // through it is done to the caller's value, in `fn` and `async fn` alike.
                boxed(self.call_fn(f, a, at)).await
            }
            Callee::Local(name) => {
                let f = self.read_var(name, at, env, false)?;
                let a = self.args(args, env).await?;
                boxed(self.call_closure(f, a, at)).await
            }
            Callee::Value(f) => {
                // A closure or function value, read through references and boxes.
                let f = mem::deref(self.eval(f, env).await?);
                let a = self.args(args, env).await?;
                boxed(self.call_closure(f, a, at)).await
            }
            Callee::Builtin(b) => {
                if *b == Builtin::Drop {
                    // `drop(x)` moves `x` out of its variable and drops it now.
                    let a = self.args(args, env).await?;
                    drop(a);
                    return Ok(Value::Unit);
                }
                let mut a = self.args(args, env).await?;
                // `join_all(iter)`: a lazy iterator argument is collected first, as `join_all` does.
                for x in a.iter_mut() {
                    if let Value::Iter(_) = x {
                        let v = std::mem::replace(x, Value::Unit);
                        *x = Value::Vec(Rc::new(
                            crate::interp::stdlib::lazy::items(self, v, at).await?,
                        ));
                    }
                }
                if matches!(b, Builtin::ThreadSleep | Builtin::Tokio(_)) {
                    return self.tokio_call(*b, a, at).await;
                }
                self.builtin(*b, a, at)
            }
        }
    }

    /// Calls a function value (a closure or a function passed by name).
    pub(crate) async fn call_value(&self, f: Value, args: Vec<Value>, at: Span) -> R {
        boxed(self.call_closure(f, args, at)).await
    }

    /// Calls a function value. A borrowing closure's captures are the caller's own allocations,
    /// so what it changes is changed for the caller at once; a `move` closure's are its own, kept
    /// between calls.
    pub(super) async fn call_closure(&self, f: Value, args: Vec<Value>, at: Span) -> R {
        match mem::deref(f) {
            Value::Closure(c) => {
                let depth = self.0.depth.get();
                if depth >= self.0.limits.max_call_depth {
                    return Err(self.halt(self.0.limits.call_too_deep()));
                }
                let mut env = Env {
                    vars: c.env.clone(),
                };
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
                    let fut: ValFut = Box::pin(fut);
                    return Ok(future_value(Box::pin(
                        self.0.tracer.trace_pinned(&name, fut),
                    )));
                }
                self.0.depth.set(depth + 1);
                let r = self.eval(&c.body, &mut env).await;
                self.0.depth.set(depth);
                drop(env);
                match r {
                    Err(Flow::Return(v)) => Ok(v),
                    other => other,
                }
            }
            Value::FnRef(f) => boxed(self.call_fn(f, args, at)).await,
            other => Err(self.panic(at, format!("`{}` is not a function", other.type_name()))),
        }
    }

    /// A new environment with `f`'s parameters bound to `args`, or Rust's arity panic: the one
    /// binding of a call, for the async path (`call_fn`, `make_future`) and the sync one
    /// (`call_plain`).
    pub(super) fn bind_params(&self, f: &FnDef, args: Vec<Value>, at: Span) -> R<Env> {
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
        Ok(env)
    }

    /// Calling an `async fn` runs nothing: it makes a future, traced under the fn's name.
    pub(super) fn make_future(&self, f: Rc<FnDef>, args: Vec<Value>, at: Span) -> R {
        let mut env = self.bind_params(&f, args, at)?;
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
        let fut: ValFut = Box::pin(fut);
        Ok(future_value(Box::pin(Depth {
            interp: self.clone(),
            fut: self.0.tracer.trace_pinned(&f.name, fut),
        })))
    }

    /// Calls a function of the program.
    pub(super) async fn call_fn(&self, f: Rc<FnDef>, args: Vec<Value>, at: Span) -> R {
        if f.is_async {
            return self.make_future(f, args, at);
        }
        let mut env = self.bind_params(&f, args, at)?;
        let depth = self.0.depth.get();
        if depth >= self.0.limits.max_call_depth {
            return Err(self.halt(self.0.limits.call_too_deep()));
        }
        self.0.depth.set(depth + 1);
        let r = self.eval_block(&f.body, &mut env).await;
        self.0.depth.set(depth);
        drop(env);
        if mem::has_pending_drops() {
            boxed(self.run_drops()).await?;
        }
        match r {
            Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &f.ret)),
            Err(f) => Err(f),
        }
    }
}
