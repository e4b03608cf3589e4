//! Futures written by hand: awaiting a value of the program's own type with `impl Future` calls
//! its `poll` at each poll of the task, with a `Context` holding that poll's real waker; and the
//! methods of `Context`, `Waker` and `Pin` (`cx.waker().wake_by_ref()`, `fut.as_mut().poll(cx)`).
//!
//! Nothing here schedules: a `wake` is the wake of the `std::task::Waker` the runtime gave the
//! poll, so the task is queued by `rt/sched.rs` as Tokio queues it (woken during its own poll:
//! queued when the poll returns, `TransitionToIdle::OkNotified`). Each awaited hand-written future
//! is traced under its type's name: every call of its `poll` is a slice, every wake an arrow.

use super::*;
use crate::interp::stdlib::task::POLL;
use crate::interp::tokio::Obj;
use crate::interp::types;

impl Interp {
    /// The future that awaits `v` if it is (a reference to) a value with `impl Future`; else
    /// gives `v` back.
    pub(super) fn user_future(&self, v: Value, at: Span) -> Result<R<ValFut>, Value> {
        let (place, owned) = match &v {
            Value::Ref(p) => match p.resolve() {
                Ok(p) => (p, false),
                Err(_) => return Err(v),
            },
            Value::Adt(_) => (Place::root(mem::alloc(v.clone())), true),
            _ => return Err(v),
        };
        // `impl IntoFuture`: `.await` awaits what `into_future(self)` gives.
        if let Value::Adt(_) = &v {
            let into = self
                .reg()
                .trait_method(&v, "IntoFuture", "into_future")
                .map(|m| m.def.clone());
            if let Some(def) = into {
                return Ok(self
                    .call_sync(def, vec![v], at)
                    .and_then(|f| self.to_future(f, at)));
            }
        }
        let Ok(Some((method, name))) = place.with(|x| {
            let x = mem::deref(x.clone());
            let reg = self.reg();
            let m = match &x {
                Value::Adt(a) => reg
                    .trait_method(&x, "Future", "poll")
                    .map(|m| (m.def.clone(), a.def.name.clone())),
                _ => None,
            };
            m
        }) else {
            return Err(v);
        };
        // The place of the future itself (through the references, for `(&mut fut).await`).
        let place = match self.receiver(place, "poll", at) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        let fut = UserPoll {
            interp: self.clone(),
            place,
            method,
            call: None,
            owned,
            at,
        };
        Ok(Ok(Box::pin(self.0.tracer.trace(&name, fut))))
    }

    /// Runs a poll the program makes itself (`fut.as_mut().poll(&mut cx)`): the async bodies it
    /// polls run there, even in a plain `fn main` (a hand-made executor, the tutorial's
    /// `MiniTokio`).
    fn polled_by_hand<T>(&self, poll: impl FnOnce() -> T) -> T {
        let outer = self.0.executor.replace(true);
        let r = poll();
        self.0.executor.set(outer);
        r
    }

    /// `Poll::Ready(v)` / `Poll::Pending` as the program sees them.
    pub(super) fn poll_value(&self, p: Poll<Value>, at: Span) -> R {
        let reg = self.reg();
        let Some(def) = reg.types.get(POLL) else {
            return Err(self.panic(at, "`std::task::Poll` is not available here"));
        };
        Ok(match p {
            Poll::Ready(v) => Value::Adt(Rc::new(types::Adt::new(def, 0, vec![v]))),
            Poll::Pending => Value::Adt(Rc::new(types::Adt::new(def, 1, Vec::new()))),
        })
    }

    /// `Context::from_waker(&w)` and `Waker::noop()`.
    pub(super) fn task_fn(&self, f: crate::interp::tokio::TokioFn, a: Value) -> Value {
        match (f, mem::deref(a)) {
            (crate::interp::tokio::TokioFn::ContextFromWaker, Value::Tokio(o)) => match &*o {
                Obj::Waker(w) => Obj::Context(w.clone()).value(),
                _ => Obj::Context(std::task::Waker::noop().clone()).value(),
            },
            (crate::interp::tokio::TokioFn::ContextFromWaker, _) => {
                Obj::Context(std::task::Waker::noop().clone()).value()
            }
            _ => Obj::Waker(std::task::Waker::noop().clone()).value(),
        }
    }

    /// The methods of `Context`, `Waker`, `Pin` and `FutureExt` on the value at `place`, or
    /// `None` to let the other tables answer.
    pub(super) fn future_method(
        &self,
        place: &Place,
        name: &str,
        a: &mut [Value],
        at: Span,
    ) -> Option<R> {
        if !crate::interp::stdlib::task::is_method(name) {
            return None;
        }
        let v = place.read().ok()?;
        match (&v, name) {
            (Value::OneshotSender(tx), "poll_closed") => {
                let waker = context_waker(a)?;
                let p = match tx.borrow().as_ref() {
                    Some(tx) => tx.poll_closed(&mut Context::from_waker(&waker)),
                    None => Poll::Ready(()),
                };
                Some(self.poll_value(p.map(|()| Value::Unit), at))
            }
            (Value::Tokio(o), _) => match (&**o, name) {
                (Obj::JoinSet(set), "poll_join_next") => {
                    let waker = context_waker(a)?;
                    let p = set.poll_join_next(Some(&mut Context::from_waker(&waker)));
                    Some(self.poll_value(
                        p.map(|out| {
                            Value::Opt(out.map(|r| {
                                Box::new(match r {
                                    Ok(v) => Value::ok(v),
                                    Err(e) => Value::err(Value::JoinError(e)),
                                })
                            }))
                        }),
                        at,
                    ))
                }
                // `&Waker` (a reference is `Copy`: `let w = cx.waker();` can be used twice).
                (Obj::Context(w), "waker") => Some(Ok(by_ref(Obj::Waker(w.clone()).value()))),
                (Obj::Waker(w), "wake_by_ref") => {
                    w.wake_by_ref();
                    Some(Ok(Value::Unit))
                }
                (Obj::Waker(w), "wake") => {
                    let w = w.clone();
                    // `wake(self)` consumes the waker.
                    let _ = place.write(Value::Moved);
                    drop(v);
                    w.wake();
                    Some(Ok(Value::Unit))
                }
                (Obj::Waker(w), "will_wake") => {
                    let other = a.first().cloned().map(mem::deref);
                    Some(Ok(Value::Bool(match other {
                        Some(Value::Tokio(o)) => match &*o {
                            Obj::Waker(x) => w.will_wake(x),
                            _ => false,
                        },
                        _ => false,
                    })))
                }
                (Obj::Sleep(_) | Obj::OneshotReceiver(_) | Obj::LocalSet(_), _) => {
                    self.native_future_method(place, v, name, a, at)
                }
                _ => None,
            },
            (Value::Future(_) | Value::JoinHandle(_), _) => {
                self.native_future_method(place, v, name, a, at)
            }
            // `rx.poll_recv(cx)`, `interval.poll_tick(cx)`: one poll of `recv()` / `tick()`, whose
            // state (the stored waker, the next deadline) lives in the channel or the interval.
            (Value::Receiver(rx), "poll_recv") => {
                let waker = context_waker(a)?;
                let p = Box::pin(rx.recv())
                    .as_mut()
                    .poll(&mut Context::from_waker(&waker));
                Some(self.poll_value(p.map(|v| Value::Opt(v.map(Box::new))), at))
            }
            (Value::Receiver(rx), "poll_recv_many") if a.len() == 3 => {
                let waker = context_waker(a)?;
                let limit = match self.as_usize(&mem::deref(a[2].clone()), at) {
                    Ok(n) => n,
                    Err(e) => return Some(Err(e)),
                };
                let Value::Ref(buf) = a[1].clone() else {
                    return None;
                };
                // Through `&mut &mut Vec` to the `Vec`.
                let buf = match self.receiver((*buf).clone(), "extend", at) {
                    Ok(p) => p,
                    Err(e) => return Some(Err(e)),
                };
                let p = rx.poll_recv_many(&mut Context::from_waker(&waker), limit);
                let p = match p {
                    Poll::Ready(got) => {
                        let n = got.len();
                        let put = buf.with_mut(|v| {
                            if let Value::Vec(items) = v {
                                Rc::make_mut(items).extend(got);
                            }
                        });
                        if let Err(e) = put {
                            return Some(Err(self.mem_err(at, e)));
                        }
                        Poll::Ready(Value::usize(n))
                    }
                    Poll::Pending => Poll::Pending,
                };
                Some(self.poll_value(p, at))
            }
            (Value::Interval(iv), "poll_tick") => {
                let waker = context_waker(a)?;
                let p = Box::pin(iv.tick())
                    .as_mut()
                    .poll(&mut Context::from_waker(&waker));
                Some(self.poll_value(p.map(Value::Instant), at))
            }
            // `FutureExt::map(f)`, `then(f)` and `now_or_never()` on a hand-written future (a
            // value whose type has no method of that name: those were called before this).
            (Value::Adt(_), "map" | "then" | "now_or_never")
                if self.reg().trait_method(&v, "Future", "poll").is_some() =>
            {
                self.native_future_method(place, v, name, a, at)
            }
            // `self.get_mut()` on `Pin<&mut Self>`, `pinned.as_mut()`: the same place.
            (Value::Adt(_), "get_mut" | "as_mut" | "get_ref" | "as_ref") if a.is_empty() => Some(
                place
                    .resolve()
                    .map(Value::reference)
                    .map_err(|e| self.mem_err(at, e)),
            ),
            // `FutureExt::poll_unpin(cx)` on a hand-written future: its `poll`.
            (Value::Adt(_), "poll_unpin") => {
                let def = self.reg().trait_method(&v, "Future", "poll")?.def.clone();
                let cx = a.first().cloned().unwrap_or(Value::Unit);
                let this = match place.resolve() {
                    Ok(p) => Value::reference(p),
                    Err(e) => return Some(Err(self.mem_err(at, e))),
                };
                Some(self.call_sync(def, vec![this, cx], at))
            }
            (Value::Adt(_), "boxed" | "boxed_local") if a.is_empty() => {
                Some(place.write(Value::Moved).map_err(|e| self.mem_err(at, e)))
            }
            _ => None,
        }
    }

    /// `poll`, `as_mut` and `boxed` on the runtime's own futures.
    fn native_future_method(
        &self,
        place: &Place,
        v: Value,
        name: &str,
        a: &mut [Value],
        at: Span,
    ) -> Option<R> {
        match name {
            "poll" | "poll_unpin" => {
                let waker = context_waker(a)?;
                let mut fut = match self.to_future(v, at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                // The future's state lives in its shared cell: one poll here is a poll of it.
                match self.polled_by_hand(|| fut.as_mut().poll(&mut Context::from_waker(&waker))) {
                    Poll::Ready(Ok(v)) => Some(self.poll_value(Poll::Ready(v), at)),
                    Poll::Ready(Err(e)) => Some(Err(e)),
                    Poll::Pending => Some(self.poll_value(Poll::Pending, at)),
                }
            }
            "map" | "then" => {
                let f = a.first().cloned().map(mem::deref).unwrap_or(Value::Unit);
                let _ = place.write(Value::Moved);
                let fut = match self.to_future(v, at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                let me = self.clone();
                let then = name == "then";
                Some(Ok(future_value(Box::pin(async move {
                    let out = fut.await?;
                    let r = me.call_value(f, vec![out], at).await?;
                    if then {
                        me.to_future(r, at)?.await
                    } else {
                        Ok(r)
                    }
                }))))
            }
            // Polled once with a waker that does nothing; dropped if not ready.
            "now_or_never" => {
                let _ = place.write(Value::Moved);
                let mut fut = match self.to_future(v, at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                let noop = std::task::Waker::noop();
                match self.polled_by_hand(|| fut.as_mut().poll(&mut Context::from_waker(noop))) {
                    Poll::Ready(Ok(v)) => Some(Ok(Value::some(v))),
                    Poll::Ready(Err(e)) => Some(Err(e)),
                    Poll::Pending => Some(Ok(Value::Opt(None))),
                }
            }
            "as_mut" | "get_mut" | "get_ref" | "as_ref" => Some(Ok(v)),
            "boxed" | "boxed_local" => {
                Some(place.write(Value::Moved).map_err(|e| self.mem_err(at, e)))
            }
            _ => None,
        }
    }
}

/// The waker of the `Context` passed as the first argument.
fn context_waker(a: &[Value]) -> Option<std::task::Waker> {
    match a.first().cloned().map(mem::deref) {
        Some(Value::Tokio(o)) => match &*o {
            Obj::Context(w) => Some(w.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A reference to a fresh place holding `v`.
fn by_ref(v: Value) -> Value {
    Value::reference(Place::root(mem::alloc(v)))
}

/// The future of `.await` on a hand-written future: each poll calls the program's `poll`.
struct UserPoll {
    interp: Interp,
    /// Where the future lives (`self` of its `poll` is `&mut` this place).
    place: Place,
    method: Rc<FnDef>,
    /// The call of `poll` in progress: a sync body finishes in one poll, so this is only kept
    /// between polls if the body itself waited (it cannot, but nothing is lost if it did).
    call: Option<ValFut>,
    /// Awaited by value (not `(&mut fut).await`): it drops as soon as it is done.
    owned: bool,
    at: Span,
}

impl Future for UserPoll {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let this = &mut *self;
        if this.call.is_none() {
            let me = this.interp.clone();
            let def = this.method.clone();
            let args = vec![
                Value::reference(this.place.clone()),
                // `&mut Context<'_>`: a reference, so passing `cx` on reborrows it.
                by_ref(Obj::Context(cx.waker().clone()).value()),
            ];
            let at = this.at;
            this.call = Some(Box::pin(async move { me.call_fn(def, args, at).await }));
        }
        let Some(call) = this.call.as_mut() else {
            return Poll::Pending;
        };
        let r = match call.as_mut().poll(cx) {
            Poll::Ready(r) => r,
            Poll::Pending => return Poll::Pending,
        };
        this.call = None;
        match r.map(mem::deref) {
            Ok(Value::Adt(a)) if a.def.path.as_ref() == POLL => {
                if a.variant == 0 {
                    let v = types::Adt::fields_of(a).into_iter().next();
                    if this.owned {
                        let _ = this.place.write(Value::Moved);
                    }
                    Poll::Ready(Ok(v.unwrap_or(Value::Unit)))
                } else {
                    Poll::Pending
                }
            }
            Ok(other) => Poll::Ready(Err(this.interp.panic(
                this.at,
                format!("`poll` returned `{}`, not a `Poll`", other.type_name()),
            ))),
            Err(e) => Poll::Ready(Err(e)),
        }
    }
}
