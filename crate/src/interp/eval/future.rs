//! Futures: `async` blocks, what `.await` polls, and `select!`'s branches.

use super::*;

impl Interp {
    // ---------------------------------------------------------------- futures

    pub(super) fn async_block(&self, cap: &Capturing<Block>, at: Span, env: &mut Env) -> Value {
        let captured = capture(&cap.captures, cap.is_move, env);
        let body = cap.body.clone();
        let me = self.clone();
        let fut = async move {
            let mut env = Env { vars: captured };
            let r = me.eval_block(&body, &mut env).await;
            // What the block captured by value drops when it completes, as an `async fn`'s
            // arguments do (`call_fn`), not later with the future: a value moved into a spawned
            // task drops when the task ends.
            drop(env);
            if mem::has_pending_drops() {
                boxed(me.run_drops()).await?;
            }
            match r {
                Err(Flow::Return(v)) => Ok(v),
                other => other,
            }
        };
        let name = format!("async block at {}", at.at());
        let fut: ValFut = Box::pin(fut);
        future_value(Box::pin(self.0.tracer.trace_pinned(&name, fut)))
    }

    /// Turns an awaited value into the future to await.
    pub(super) fn to_future(&self, v: Value, at: Span) -> R<ValFut> {
        // A value of the program's own type with `impl Future` (eval/user_future.rs).
        let v = match self.user_future(v, at) {
            Ok(f) => return f,
            Err(v) => v,
        };
        // `(&mut fut).await`: the future in the place, polled in place.
        match mem::deref(v) {
            Value::Future(cell) => {
                let me = self.clone();
                Ok(Box::pin(std::future::poll_fn(move |cx| {
                    let mut slot = cell.borrow_mut();
                    let Some(f) = slot.as_mut() else {
                        return Poll::Ready(Err(
                            me.panic(at, "`async fn` resumed after completion")
                        ));
                    };
                    match f.as_mut().poll(cx) {
                        Poll::Ready(v) => {
                            // Awaiting consumes the future: it drops as soon as it is done.
                            let done = slot.take();
                            drop(slot);
                            drop(done);
                            Poll::Ready(v)
                        }
                        Poll::Pending => Poll::Pending,
                    }
                })))
            }
            Value::JoinHandle(cell) => {
                let me = self.clone();
                Ok(Box::pin(std::future::poll_fn(move |cx| {
                    let mut slot = cell.borrow_mut();
                    let Some(h) = slot.as_mut() else {
                        return Poll::Ready(Err(
                            me.panic(at, "`JoinHandle` polled after completion")
                        ));
                    };
                    match Pin::new(h).poll(cx) {
                        Poll::Ready(Ok(v)) => Poll::Ready(Ok(Value::ok(v))),
                        Poll::Ready(Err(e)) => Poll::Ready(Ok(Value::err(Value::JoinError(e)))),
                        Poll::Pending => Poll::Pending,
                    }
                })))
            }
            Value::Tokio(o) if matches!(&*o, crate::interp::tokio::Obj::OneshotReceiver(_)) => {
                let me = self.clone();
                Ok(Box::pin(std::future::poll_fn(move |cx| match &*o {
                    // Tokio's receiver panics when polled again once it has given its result
                    // (`tokio/src/sync/oneshot.rs`).
                    crate::interp::tokio::Obj::OneshotReceiver(rx)
                        if rx.borrow().is_terminated() =>
                    {
                        Poll::Ready(Err(me.panic(at, "called after complete")))
                    }
                    crate::interp::tokio::Obj::OneshotReceiver(rx) => {
                        Pin::new(&mut *rx.borrow_mut()).poll(cx).map(|r| {
                            Ok(match r {
                                Ok(v) => Value::ok(v),
                                Err(_) => Value::err(Value::RecvError),
                            })
                        })
                    }
                    _ => Poll::Ready(Ok(Value::Unit)),
                })))
            }
            Value::Tokio(o) if matches!(&*o, crate::interp::tokio::Obj::Sleep(_)) => {
                Ok(Box::pin(std::future::poll_fn(move |cx| match &*o {
                    crate::interp::tokio::Obj::Sleep(s) => Pin::new(&mut *s.borrow_mut())
                        .poll(cx)
                        .map(|()| Ok(Value::Unit)),
                    _ => Poll::Ready(Ok(Value::Unit)),
                })))
            }
            // Awaiting a `LocalSet`: until its tasks have ended.
            Value::Tokio(o) if matches!(&*o, crate::interp::tokio::Obj::LocalSet(_)) => {
                Ok(Box::pin(std::future::poll_fn(move |cx| match &*o {
                    crate::interp::tokio::Obj::LocalSet(l) => {
                        l.poll_idle(cx).map(|()| Ok(Value::Unit))
                    }
                    _ => Poll::Ready(Ok(Value::Unit)),
                })))
            }
            other => Err(self.panic(at, format!("`{}` is not a future", other.type_name()))),
        }
    }

    pub(super) async fn select(
        &self,
        biased: bool,
        arms: &[SelectArm],
        otherwise: Option<&Expr>,
        at: Span,
        env: &mut Env,
    ) -> R {
        // Tokio's order (`tokio::select!` docs): all preconditions first, then every future
        // (disabled branches' futures too), then poll.
        let mut enabled = Vec::with_capacity(arms.len());
        for a in arms {
            enabled.push(match &a.guard {
                Some(g) => truthy(&self.eval(g, env).await?),
                None => true,
            });
        }
        let mut branches = Vec::with_capacity(arms.len());
        for (a, on) in arms.iter().zip(enabled) {
            let v = self.eval(&a.fut, env).await?;
            let fut = self.to_future(v, a.fut.span)?;
            let pat = a.pat.clone();
            let branch = rt::Branch::new(fut).enabled(on);
            let branch = if refutable(&pat) {
                branch.accept(move |out: &R| match out {
                    Ok(v) => matches(&pat, v),
                    Err(_) => true,
                })
            } else {
                branch
            };
            branches.push(branch);
        }
        let won = rt::select(branches, biased, self.0.rt.rng()).await;
        // Tokio's `select!` drops every branch's future before the handler runs: their `Drop`s
        // come first.
        if mem::has_pending_drops() {
            boxed(self.run_drops()).await?;
        }
        match won {
            Some((i, out)) => {
                let v = out?;
                let Some(arm) = arms.get(i) else {
                    return Ok(Value::Unit);
                };
                let mark = env.mark();
                self.bind(&arm.pat, v, env);
                let r = self.eval(&arm.body, env).await;
                env.pop_to(mark);
                r
            }
            None => match otherwise {
                Some(o) => self.eval(o, env).await,
                None => {
                    Err(self.panic(at, "all branches are disabled and there is no else branch"))
                }
            },
        }
    }
}
