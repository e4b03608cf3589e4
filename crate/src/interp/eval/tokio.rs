//! The evaluator's side of Tokio's library beyond the scheduler (see [`crate::interp::tokio`]):
//! its free functions, and the dispatch of methods on [`Value::Tokio`] values. The primitives
//! themselves are in [`rt::sync`]; the methods of each family are in `tokio_sync.rs` and
//! `tokio_task.rs`.

use super::*;
use crate::interp::rt::sync::{self as rsync, broadcast, watch};
use crate::interp::tokio::obj::{GuardKind, Obj, Slot};
use crate::interp::tokio::TokioFn;

/// A library error value: its `Debug` and `Display` text.
pub(super) fn error_value(debug: impl Into<String>, display: impl Into<String>) -> Value {
    Value::Error(Rc::new((debug.into(), display.into())))
}

pub(super) fn slot(v: Value) -> Slot {
    Rc::new(RefCell::new(v))
}

impl Interp {
    /// A Tokio free function.
    pub(super) fn tokio_fn(&self, f: TokioFn, mut a: Vec<Value>, at: Span) -> R {
        let arg = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.swap_remove(0)
            }
        };
        Ok(match f {
            TokioFn::MutexNew => Obj::Mutex(rsync::Mutex::new(slot(arg(&mut a)))).value(),
            TokioFn::RwLockNew => Obj::RwLock(rsync::RwLock::new(slot(arg(&mut a)))).value(),
            TokioFn::SemaphoreNew => {
                let n = self.as_usize(&arg(&mut a), at)?;
                if n > rsync::semaphore::MAX_PERMITS {
                    return Err(self.panic(
                        at,
                        format!(
                            "a semaphore may not have more than MAX_PERMITS permits ({})",
                            rsync::semaphore::MAX_PERMITS
                        ),
                    ));
                }
                Obj::Semaphore(rsync::Semaphore::new(n)).value()
            }
            TokioFn::NotifyNew => Obj::Notify(rsync::Notify::new()).value(),
            TokioFn::BarrierNew => {
                Obj::Barrier(rsync::Barrier::new(self.as_usize(&arg(&mut a), at)?)).value()
            }
            TokioFn::OnceCellNew => Obj::OnceCell(rsync::OnceCell::new(None)).value(),
            TokioFn::OnceCellNewWith => {
                let v = match arg(&mut a) {
                    Value::Opt(o) => o.map(|b| *b),
                    other => Some(other),
                };
                Obj::OnceCell(rsync::OnceCell::new(v)).value()
            }
            TokioFn::BroadcastChannel => {
                let n = self.as_usize(&arg(&mut a), at)?;
                let Some((tx, rx)) = broadcast::channel(n) else {
                    return Err(if n == 0 {
                        self.panic(at, "broadcast channel capacity cannot be zero")
                    } else {
                        self.panic(at, "broadcast channel capacity exceeded `usize::MAX / 2`")
                    });
                };
                Value::Tuple(Rc::new(vec![
                    Obj::BroadcastSender(tx).value(),
                    Obj::BroadcastReceiver(Rc::new(RefCell::new(rx))).value(),
                ]))
            }
            TokioFn::WatchChannel => {
                let (tx, rx) = watch::channel(arg(&mut a));
                Value::Tuple(Rc::new(vec![
                    Obj::WatchSender(tx).value(),
                    Obj::WatchReceiver(Rc::new(RefCell::new(rx))).value(),
                ]))
            }
            TokioFn::JoinSetNew => Obj::JoinSet(Rc::new(rt::JoinSet::new())).value(),
            TokioFn::WatchSenderNew => Obj::WatchSender(watch::channel(arg(&mut a)).0).value(),
            // Tokio's `assert!`s: at least one reader, at most `MAX_READS` (`u32::MAX >> 3`).
            TokioFn::RwLockWithMaxReaders => {
                let v = arg(&mut a);
                let n = self.as_usize(&arg(&mut a), at)?;
                if n > (u32::MAX >> 3) as usize {
                    return Err(self.panic(
                        at,
                        format!(
                            "a RwLock may not be created with more than {} readers",
                            u32::MAX >> 3
                        ),
                    ));
                }
                if n == 0 {
                    return Err(self.panic(
                        at,
                        "assertion `left != right` failed: a RwLock may not be created with 0 \
                         readers\n  left: 0\n right: 0",
                    ));
                }
                Obj::RwLock(rsync::RwLock::with_max_readers(slot(v), n)).value()
            }
            TokioFn::SpawnBlocking => {
                let h = self.spawn_blocking(arg(&mut a), at)?;
                Value::JoinHandle(Rc::new(RefCell::new(Some(h))))
            }
            // Called through `tokio_call`, which awaits the closure.
            TokioFn::BlockInPlace => return Err(self.panic(at, "`block_in_place` needs a closure")),
            TokioFn::ConsumeBudget => {
                let c = rt::consume_budget();
                future_value(Box::pin(async move {
                    c.await;
                    Ok(Value::Unit)
                }))
            }
            TokioFn::Unconstrained => {
                let inner = self.to_future(arg(&mut a), at)?;
                future_value(Box::pin(rt::Unconstrained::new(inner)))
            }
            TokioFn::ResumeUnwind => {
                let message = match arg(&mut a) {
                    Value::Error(e) => e.1.clone(),
                    Value::Str(s) => s.to_string(),
                    _ => "Box<dyn Any>".to_string(),
                };
                mem::set_panicking(true);
                return Err(Flow::Panic(rt::Panic {
                    message,
                    line: at.line,
                    column: at.column,
                }));
            }
            TokioFn::LocalKeyNew => match arg(&mut a) {
                Value::Str(name) => Obj::LocalKey(name.as_str().into()).value(),
                other => other,
            },
            TokioFn::Const => match arg(&mut a) {
                Value::Str(path) => {
                    let name = path.rsplit("::").next().unwrap_or("").to_string();
                    // An error enum's variant shows Tokio's `Display`; a constant its name.
                    let shown = crate::interp::tokio::errors::unit(&path).unwrap_or(&name);
                    error_value(name.clone(), shown)
                }
                other => other,
            },
            TokioFn::Ready => {
                let v = arg(&mut a);
                future_value(Box::pin(async move { Ok(v) }))
            }
            TokioFn::Pending => future_value(Box::pin(std::future::pending())),
            TokioFn::PinNew => arg(&mut a), // see `tokio_call`
            TokioFn::ThreadSpawn => self.thread_spawn(arg(&mut a), at),
            TokioFn::ContextFromWaker | TokioFn::WakerNoop => self.task_fn(f, arg(&mut a)),
            // Called through `tokio_call`, which awaits the future.
            TokioFn::BlockOn => return Err(self.panic(at, "`block_on` needs a future")),
            TokioFn::GuardMap
            | TokioFn::GuardTryMap
            | TokioFn::GuardDowngradeMap
            | TokioFn::GuardTryDowngradeMap => {
                return Err(self.panic(at, "`map` needs a guard and a closure"))
            }
            TokioFn::SetOnceNew => {
                Obj::SetOnce(rsync::OnceCell::new(None), rsync::Notify::new()).value()
            }
            TokioFn::SetOnceNewWith => {
                let v = match arg(&mut a) {
                    Value::Opt(o) => o.map(|b| *b),
                    other => Some(other),
                };
                Obj::SetOnce(rsync::OnceCell::new(v), rsync::Notify::new()).value()
            }
            TokioFn::LocalSetNew => {
                Obj::LocalSet(rt::LocalSet::with_id(self.0.rt.next_owned_id())).value()
            }
            TokioFn::SpawnLocal => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let fut = self.to_future(arg(&mut a), at)?;
                Value::JoinHandle(Rc::new(RefCell::new(Some(self.spawn_value_task(fut)))))
            }
            TokioFn::IntervalAt => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let start = match arg(&mut a) {
                    Value::Instant(t) => t,
                    _ => return Err(self.panic(at, "`interval_at` takes an `Instant`")),
                };
                let period = self.as_us(&arg(&mut a), at)?;
                if period == 0 {
                    return Err(self.panic(at, "`period` must be non-zero."));
                }
                Value::Interval(self.0.rt.interval_at(start, period))
            }
            TokioFn::TimeoutAt => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let deadline = match arg(&mut a) {
                    Value::Instant(t) => t,
                    _ => return Err(self.panic(at, "`timeout_at` takes an `Instant`")),
                };
                let inner = self.to_future(arg(&mut a), at)?;
                let us = deadline.saturating_sub(self.0.rt.now_us());
                let t = self.0.rt.timeout(us, inner);
                future_value(Box::pin(async move {
                    match t.await {
                        Ok(Ok(v)) => Ok(Value::ok(v)),
                        Ok(Err(f)) => Err(f),
                        Err(rt::Elapsed) => Ok(Value::err(Value::Elapsed)),
                    }
                }))
            }
            // Reached through `tokio_call` (the guard itself, not its value).
            TokioFn::GuardLock => return self.guard_lock(a, at),
            TokioFn::GuardDowngrade => {
                let g = arg(&mut a);
                if let Value::Tokio(o) = &g {
                    if let Obj::Guard(guard, kind) = &**o {
                        guard.borrow_mut().downgrade();
                        kind.set(GuardKind::Read);
                    }
                }
                g
            }
        })
    }

    /// A call of a Tokio function, or of `std::thread::sleep`, that may need to await:
    /// `block_in_place` runs interpreted code, and a sleep on a blocking-pool thread is a timer.
    pub(super) async fn tokio_call(&self, b: Builtin, a: Vec<Value>, at: Span) -> R {
        match b {
            // `Pin::new(&mut f)`: the reference itself (not read through, as other calls' are).
            Builtin::Tokio(TokioFn::PinNew) => Ok(a.into_iter().next().unwrap_or(Value::Unit)),
            Builtin::ThreadSleep if self.0.blocking.get() => {
                let us = self.as_us(a.first().unwrap_or(&Value::Unit), at)?;
                self.0.rt.sleep(us).await;
                Ok(Value::Unit)
            }
            // `futures::executor::block_on(fut)`: runs `fut` to its end on this thread. Inside a
            // runtime that blocks the worker, as in Tokio (a timer in `fut` would never fire there:
            // Tokio's own `block_on` panics, `futures`' hangs; both are rare in a playground).
            Builtin::Tokio(TokioFn::BlockOn) => {
                let f = a.into_iter().next().unwrap_or(Value::Unit);
                let fut = self.to_future(f, at)?;
                let outer = self.0.executor.replace(true);
                let r = fut.await;
                self.0.executor.set(outer);
                r
            }
            Builtin::Tokio(
                f @ (TokioFn::GuardMap
                | TokioFn::GuardTryMap
                | TokioFn::GuardDowngradeMap
                | TokioFn::GuardTryDowngradeMap),
            ) => self.guard_map(f, a, at).await,
            Builtin::Tokio(TokioFn::GuardLock) => self.guard_lock(a, at),
            Builtin::Tokio(TokioFn::BlockInPlace) => {
                let f = a.into_iter().next().unwrap_or(Value::Unit);
                if self.0.flavor != Flavor::MultiThread {
                    return Err(self.panic(
                        at,
                        "can call blocking only when running on the multi-threaded runtime",
                    ));
                }
                self.call_value(f, Vec::new(), at).await
            }
            _ => self.builtin(b, a, at),
        }
    }

    /// The Tokio methods that call interpreted code or block the thread, as a future; the
    /// arguments back if `name` is not one of them for this receiver.
    #[allow(clippy::type_complexity)]
    pub(super) fn tokio_async(
        &self,
        place: &Place,
        name: &str,
        mut a: Vec<Value>,
        at: Span,
    ) -> Result<Pin<Box<dyn Future<Output = R> + '_>>, Vec<Value>> {
        if name == "extend" {
            return self.joinset_extend(place, a, at);
        }
        if matches!(name, "with" | "try_with" | "sync_scope") {
            return self.local_key_call(place, name, a, at);
        }
        if name == "wait_for" {
            return self.watch_wait_for(place, a, at);
        }
        if name.starts_with("blocking_acquire") || name == "blocking_lock_owned" {
            return self.blocking_call(place, name, a, at);
        }
        if !crate::interp::tokio::is_async_method(name) {
            return Err(a);
        }
        let Ok(recv) = place.read().map(mem::deref) else {
            return Err(a);
        };
        let name: &'static str = match name {
            "send_modify" => "send_modify",
            "send_if_modified" => "send_if_modified",
            "blocking_send" => "blocking_send",
            "blocking_recv" => "blocking_recv",
            "blocking_lock" => "blocking_lock",
            "blocking_read" => "blocking_read",
            _ => "blocking_write",
        };
        let blocking_ok = self.0.blocking.get() || !self.0.in_runtime;
        let refuse = move |me: &Interp| -> R {
            Err(me.panic(
                at,
                "Cannot block the current thread from within a runtime. This happens because a \
                 function attempted to block the current thread while the thread is being used to \
                 drive asynchronous tasks.",
            ))
        };
        let first = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.remove(0)
            }
        };
        match (recv, name) {
            (Value::Tokio(o), "send_modify" | "send_if_modified") => {
                let f = first(&mut a);
                Ok(Box::pin(async move {
                    let Obj::WatchSender(tx) = &*o else {
                        return Err(self.panic(at, format!("no method `{name}` here")));
                    };
                    // The closure gets `&mut` the value, in an allocation of its own, copied back.
                    let cell = mem::alloc(tx.borrow().clone());
                    let r = self
                        .call_value(f, vec![Value::reference(Place::root(cell.clone()))], at)
                        .await?;
                    let changed = name == "send_modify" || truthy(&mem::deref(r));
                    let new = cell.borrow().clone();
                    *tx.value_mut() = new;
                    tx.modified(changed);
                    Ok(if name == "send_modify" {
                        Value::Unit
                    } else {
                        Value::Bool(changed)
                    })
                }))
            }
            (Value::Sender(tx), "blocking_send") => {
                let v = first(&mut a);
                Ok(Box::pin(async move {
                    if !blocking_ok {
                        return refuse(self);
                    }
                    Ok(match tx.send(v).await {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
                    })
                }))
            }
            (Value::Receiver(rx), "blocking_recv") => Ok(Box::pin(async move {
                if !blocking_ok {
                    return refuse(self);
                }
                Ok(Value::Opt(rx.recv().await.map(Box::new)))
            })),
            (Value::Tokio(o), "blocking_lock" | "blocking_read" | "blocking_write") => {
                Ok(Box::pin(async move {
                    if !blocking_ok {
                        return refuse(self);
                    }
                    let (lock, kind) = match (&*o, name) {
                        (Obj::Mutex(m), _) => (m.lock(), GuardKind::Mutex),
                        (Obj::RwLock(l), "blocking_read") => (l.read(), GuardKind::Read),
                        (Obj::RwLock(l), _) => (l.write(), GuardKind::Write),
                        _ => return Err(self.panic(at, format!("no method `{name}` here"))),
                    };
                    let g = lock.await;
                    Ok(Obj::Guard(RefCell::new(g), Cell::new(kind)).value())
                }))
            }
            _ => Err(a),
        }
    }

    /// A method on a Tokio value, or `None` to let the general table answer (`clone` of a
    /// shared handle, a guard's value's own methods).
    pub(super) fn tokio_method(
        &self,
        v: &mut Value,
        name: &str,
        a: &mut Vec<Value>,
        at: Span,
    ) -> Option<R> {
        // Arguments are taken as values, except `recv_many`'s `&mut Vec`.
        for (i, x) in a.iter_mut().enumerate() {
            if !(i == 0 && name == "recv_many") {
                *x = mem::deref_arg(std::mem::replace(x, Value::Unit));
            }
        }
        if let Some(r) = self.more_method(v, name, a, at) {
            return Some(r);
        }
        let Value::Tokio(o) = &*v else {
            return self.channel_method(v, name, a, at);
        };
        let o = o.clone();
        if let Some(r) = self.sync_method(&o, name, a, at) {
            return Some(r);
        }
        if let Some(r) = self.task_method(&o, name, a, at) {
            return Some(r);
        }
        // A guard derefs to its value: `guard.push(x)` is `(*guard).push(x)`.
        if let Obj::Mapped(..) = &*o {
            let place = o.place()?;
            let args = std::mem::take(a);
            return Some(
                place
                    .with_mut(|inner| self.method_on(inner, name, args, at))
                    .unwrap_or_else(|e| Err(self.mem_err(at, e))),
            );
        }
        let slot = o.pointee()?;
        let args = std::mem::take(a);
        let mut inner = slot.borrow_mut();
        Some(self.method_on(&mut inner, name, args, at))
    }

    /// A future the timeline shows as one of its own, named for what it waits on.
    pub(super) fn traced(
        &self,
        what: &str,
        at: Span,
        fut: impl Future<Output = R> + 'static,
    ) -> Value {
        let name = format!("{what} at {}", at.at());
        let fut: ValFut = Box::pin(fut);
        future_value(Box::pin(self.0.tracer.trace_pinned(&name, fut)))
    }

    /// `tokio::spawn`'s task around `fut`.
    pub(super) fn spawn_value_task(&self, fut: ValFut) -> rt::JoinHandle<Value> {
        let me = self.clone();
        let task = async move {
            match (TaskCtx {
                interp: me,
                task: true,
                fut,
            })
            .await
            {
                Ok(v) | Err(Flow::Return(v)) => Ok(v),
                Err(Flow::Break(..)) | Err(Flow::Continue(_)) => Ok(Value::Unit),
                Err(Flow::Panic(p)) => Err(p),
                Err(Flow::Halt) => std::future::pending().await,
            }
        };
        self.0.rt.spawn(Box::pin(task))
    }

    /// `spawn_blocking(f)`: `f` runs on a thread of Tokio's blocking pool, a track of its own;
    /// its `std::thread::sleep` blocks that thread only, so it is a timer here.
    pub(super) fn spawn_blocking(&self, f: Value, at: Span) -> R<rt::JoinHandle<Value>> {
        if !self.0.in_runtime {
            return Err(self.panic(at, rt::NO_RUNTIME));
        }
        let me = self.clone();
        let body = async move { me.call_value(f, Vec::new(), at).await };
        let name = format!("spawn_blocking at {}", at.at());
        let blocking: ValFut = Box::pin(BlockingThread {
            interp: self.clone(),
            fut: Box::pin(body),
        });
        let fut: ValFut = Box::pin(self.0.tracer.trace_pinned(&name, blocking));
        Ok(self.spawn_value_task(fut))
    }
}

/// Polls a `spawn_blocking` closure as the blocking thread it runs on: `std::thread::sleep` in it
/// is a timer (see `Interp::on_blocking_thread`).
pub(super) struct BlockingThread {
    pub(super) interp: Interp,
    pub(super) fut: ValFut,
}

impl Future for BlockingThread {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let outer = self.interp.0.blocking.replace(true);
        let r = self.fut.as_mut().poll(cx);
        self.interp.0.blocking.set(outer);
        r
    }
}
