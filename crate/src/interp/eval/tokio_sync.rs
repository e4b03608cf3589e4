//! The methods of `tokio::sync`'s values: locks and their guards, semaphores and permits,
//! `Notify`, `Barrier`, `OnceCell`, `broadcast`, and the rest of `mpsc` (`watch` is in
//! `tokio_watch.rs`).
//!
//! Each awaitable method makes a future the timeline shows on its own, named for what it waits
//! on (`lock at main.rs:7:25`): pending while it waits, woken by the release that frees it.

use super::tokio::error_value;
use super::*;
use crate::interp::rt::sync::{broadcast, semaphore::TryAcquireError};
use crate::interp::tokio::obj::{GuardKind, Obj};

fn guard(
    g: crate::interp::rt::sync::Guard<crate::interp::tokio::obj::Slot>,
    kind: GuardKind,
) -> Value {
    Obj::Guard(RefCell::new(g), Cell::new(kind)).value()
}

fn permit(sem: &crate::interp::rt::sync::Semaphore, n: usize) -> Value {
    Obj::Permit(sem.clone(), Cell::new(n)).value()
}

fn try_acquire_error(e: TryAcquireError) -> Value {
    match e {
        TryAcquireError::Closed => error_value("Closed", "semaphore closed"),
        TryAcquireError::NoPermits => error_value("NoPermits", "no permits available"),
    }
}

fn try_lock_error() -> Value {
    error_value("TryLockError(())", "operation would block")
}

fn broadcast_error(e: broadcast::RecvError) -> Value {
    error_value(format!("{e:?}"), e.to_string())
}

impl Interp {
    pub(super) fn sync_method(
        &self,
        o: &Rc<Obj>,
        name: &str,
        a: &mut Vec<Value>,
        at: Span,
    ) -> Option<R> {
        let arg = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.remove(0)
            }
        };
        if let Some(r) = self.watch_method(o, name, a, at) {
            return Some(r);
        }
        let r = match (&**o, name) {
            // ---- Mutex
            (Obj::Mutex(m), "lock" | "lock_owned") => {
                let lock = m.lock();
                Ok(self.traced(
                    name,
                    at,
                    async move { Ok(guard(lock.await, GuardKind::Mutex)) },
                ))
            }
            (Obj::Mutex(m), "try_lock" | "try_lock_owned") => Ok(match m.try_lock() {
                Ok(g) => Value::ok(guard(g, GuardKind::Mutex)),
                Err(_) => Value::err(try_lock_error()),
            }),
            (Obj::Mutex(m), "into_inner" | "get_mut") => Ok(m.value().borrow().clone()),
            (Obj::Mutex(_) | Obj::RwLock(_) | Obj::Semaphore(_) | Obj::Notify(_), "clone") => {
                // `Arc::clone`: the same primitive.
                Ok(Value::Tokio(o.clone()))
            }
            // ---- RwLock
            (Obj::RwLock(l), "read" | "read_owned" | "write" | "write_owned") => {
                let write = name.starts_with("write");
                let lock = if write { l.write() } else { l.read() };
                let kind = if write {
                    GuardKind::Write
                } else {
                    GuardKind::Read
                };
                Ok(self.traced(name, at, async move { Ok(guard(lock.await, kind)) }))
            }
            (Obj::RwLock(l), "try_read" | "try_read_owned" | "try_write" | "try_write_owned") => {
                let write = name.starts_with("try_write");
                let got = if write { l.try_write() } else { l.try_read() };
                let kind = if write {
                    GuardKind::Write
                } else {
                    GuardKind::Read
                };
                Ok(match got {
                    Ok(g) => Value::ok(guard(g, kind)),
                    Err(_) => Value::err(try_lock_error()),
                })
            }
            (Obj::RwLock(l), "into_inner" | "get_mut") => Ok(l.value().borrow().clone()),
            // ---- guards
            (Obj::Guard(g, kind), "downgrade") if kind.get() == GuardKind::Write => {
                g.borrow_mut().downgrade();
                kind.set(GuardKind::Read);
                Ok(Value::Tokio(o.clone()))
            }
            // ---- Semaphore
            (
                Obj::Semaphore(s),
                "acquire" | "acquire_owned" | "acquire_many" | "acquire_many_owned",
            ) => {
                let n = if name.starts_with("acquire_many") {
                    match self.as_usize(&arg(a), at) {
                        Ok(n) => n,
                        Err(e) => return Some(Err(e)),
                    }
                } else {
                    1
                };
                let acquire = s.acquire(n);
                let s = s.clone();
                Ok(self.traced(name, at, async move {
                    Ok(match acquire.await {
                        Ok(()) => Value::ok(permit(&s, n)),
                        Err(_) => Value::err(error_value("AcquireError(())", "semaphore closed")),
                    })
                }))
            }
            (
                Obj::Semaphore(s),
                "try_acquire" | "try_acquire_owned" | "try_acquire_many" | "try_acquire_many_owned",
            ) => {
                let n = if name.starts_with("try_acquire_many") {
                    match self.as_usize(&arg(a), at) {
                        Ok(n) => n,
                        Err(e) => return Some(Err(e)),
                    }
                } else {
                    1
                };
                Ok(match s.try_acquire(n) {
                    Ok(()) => Value::ok(permit(s, n)),
                    Err(e) => Value::err(try_acquire_error(e)),
                })
            }
            (Obj::Semaphore(s), "add_permits") => match self.as_usize(&arg(a), at) {
                Ok(n) => {
                    s.release(n);
                    Ok(Value::Unit)
                }
                Err(e) => Err(e),
            },
            (Obj::Semaphore(s), "available_permits") => Ok(Value::usize(s.available_permits())),
            (Obj::Semaphore(s), "close") => {
                s.close();
                Ok(Value::Unit)
            }
            (Obj::Semaphore(s), "is_closed") => Ok(Value::Bool(s.is_closed())),
            (Obj::Semaphore(s), "forget_permits") => match self.as_usize(&arg(a), at) {
                Ok(n) => Ok(Value::usize(s.forget(n))),
                Err(e) => Err(e),
            },
            (Obj::Permit(_, n), "forget") => {
                n.set(0);
                Ok(Value::Unit)
            }
            (Obj::Permit(_, n), "num_permits") => Ok(Value::usize(n.get())),
            // ---- mpsc permits and weak senders
            (Obj::MpscPermit(p, owner), "send") => {
                if let Some(p) = p.borrow_mut().take() {
                    p.send(arg(a));
                }
                Ok(match owner {
                    Some(tx) => Value::Sender(tx.clone()),
                    None => Value::Unit,
                })
            }
            (Obj::WeakSender(w), "upgrade") => {
                Ok(Value::Opt(w.upgrade().map(|s| Box::new(Value::Sender(s)))))
            }
            (Obj::WeakSender(w), "clone") => Ok(Obj::WeakSender(w.clone()).value()),
            // ---- time::Sleep
            (Obj::Sleep(s), "reset") => match a.first() {
                Some(Value::Instant(t)) => {
                    s.borrow_mut().reset(*t);
                    Ok(Value::Unit)
                }
                _ => Err(self.panic(at, "`reset` takes an `Instant`")),
            },
            (Obj::Sleep(s), "deadline") => Ok(Value::Instant(s.borrow().deadline_us())),
            (Obj::Sleep(s), "is_elapsed") => Ok(Value::Bool(s.borrow().is_elapsed())),
            (Obj::WatchReceiver(rx), "is_closed") => Ok(Value::Bool(rx.borrow().is_closed())),
            // ---- oneshot
            (Obj::OneshotReceiver(rx), "try_recv") => Ok(match rx.borrow_mut().try_recv() {
                Ok(v) => Value::ok(v),
                Err(e) => Value::err(error_value(format!("{e:?}"), e.to_string())),
            }),
            (Obj::OneshotReceiver(rx), "close") => {
                rx.borrow_mut().close();
                Ok(Value::Unit)
            }
            (Obj::OneshotReceiver(rx), "is_empty") => Ok(Value::Bool(rx.borrow().is_empty())),
            (Obj::OneshotReceiver(rx), "is_terminated") => {
                Ok(Value::Bool(rx.borrow().is_terminated()))
            }
            // ---- Notify
            (Obj::Notify(n), "notified") => {
                // Made now: a `notify_waiters` from here on reaches it, polled or not.
                let notified = n.notified();
                Ok(self.traced("notified", at, async move {
                    notified.await;
                    Ok(Value::Unit)
                }))
            }
            (Obj::Notify(n), "notify_one") => {
                n.notify_one();
                Ok(Value::Unit)
            }
            (Obj::Notify(n), "notify_last") => {
                n.notify_last();
                Ok(Value::Unit)
            }
            (Obj::Notify(n), "notify_waiters") => {
                n.notify_waiters();
                Ok(Value::Unit)
            }
            // ---- Barrier
            (Obj::Barrier(b), "wait") => {
                let wait = b.wait();
                Ok(self.traced("wait", at, async move {
                    Ok(Obj::BarrierResult(wait.await).value())
                }))
            }
            (Obj::Barrier(_), "clone") => Ok(Value::Tokio(o.clone())),
            (Obj::BarrierResult(l), "is_leader") => Ok(Value::Bool(*l)),
            // ---- OnceCell
            (Obj::OnceCell(c), "get") => Ok(Value::Opt(c.get().map(Box::new))),
            (Obj::OnceCell(c), "initialized") => Ok(Value::Bool(c.initialized())),
            (Obj::OnceCell(c), "set") => Ok(match c.set(arg(a)) {
                Ok(()) => Value::ok(Value::Unit),
                Err(e) => {
                    let (kind, v) = match e {
                        crate::interp::rt::sync::once_cell::SetError::AlreadyInitializedError(
                            v,
                        ) => ("AlreadyInitializedError", v),
                        crate::interp::rt::sync::once_cell::SetError::InitializingError(v) => {
                            ("InitializingError", v)
                        }
                    };
                    let mut dbg = format!("{kind}(");
                    fmt::debug(&mut dbg, &v, None);
                    dbg.push(')');
                    Value::err(error_value(dbg, kind))
                }
            }),
            (Obj::OnceCell(c), "get_or_init" | "get_or_try_init") => {
                let c = c.clone();
                let f = arg(a);
                let me = self.clone();
                let fallible = name == "get_or_try_init";
                Ok(self.traced(name, at, async move {
                    let init = || async {
                        let fut = me.call_value(f, Vec::new(), at).await.map_err(Err)?;
                        let fut = me.to_future(fut, at).map_err(Err)?;
                        let v = fut.await.map_err(Err)?;
                        if !fallible {
                            return Ok(v);
                        }
                        match v {
                            Value::Res(Ok(v)) => Ok(*v),
                            Value::Res(Err(e)) => Err(Ok(*e)),
                            other => Ok(other),
                        }
                    };
                    match c.get_or_try_init(init).await {
                        Ok(v) if fallible => Ok(Value::ok(v)),
                        Ok(v) => Ok(v),
                        Err(Ok(user)) => Ok(Value::err(user)),
                        Err(Err(flow)) => Err(flow),
                    }
                }))
            }
            // ---- SetOnce
            (Obj::SetOnce(c, _), "get") => Ok(Value::Opt(c.get().map(Box::new))),
            (Obj::SetOnce(c, _), "initialized") => Ok(Value::Bool(c.initialized())),
            (Obj::SetOnce(c, n), "set") => Ok(match c.set(arg(a)) {
                Ok(()) => {
                    n.notify_waiters();
                    Value::ok(Value::Unit)
                }
                Err(
                    crate::interp::rt::sync::once_cell::SetError::AlreadyInitializedError(v)
                    | crate::interp::rt::sync::once_cell::SetError::InitializingError(v),
                ) => {
                    let mut dbg = String::from("SetOnceError(");
                    fmt::debug(&mut dbg, &v, None);
                    dbg.push(')');
                    Value::err(error_value(dbg, "SetOnceError"))
                }
            }),
            (Obj::SetOnce(c, n), "wait") => {
                let (c, n) = (c.clone(), n.clone());
                Ok(self.traced("wait", at, async move {
                    loop {
                        let notified = n.notified();
                        if let Some(v) = c.get() {
                            return Ok(v);
                        }
                        notified.await;
                    }
                }))
            }
            (Obj::SetOnce(..), "clone") => Ok(Value::Tokio(o.clone())),
            // ---- broadcast
            (Obj::BroadcastSender(tx), "send") => Ok(match tx.send(arg(a)) {
                Ok(n) => Value::ok(Value::usize(n)),
                Err(v) => Value::err(Value::SendError(Box::new(v))),
            }),
            (Obj::BroadcastSender(tx), "subscribe") => {
                Ok(Obj::BroadcastReceiver(Rc::new(RefCell::new(tx.subscribe()))).value())
            }
            (Obj::BroadcastSender(tx), "receiver_count") => Ok(Value::usize(tx.receiver_count())),
            (Obj::BroadcastSender(tx), "len") => Ok(Value::usize(tx.len())),
            (Obj::BroadcastSender(tx), "is_empty") => Ok(Value::Bool(tx.is_empty())),
            (Obj::BroadcastSender(tx), "clone") => Ok(Obj::BroadcastSender(tx.clone()).value()),
            (Obj::BroadcastSender(tx), "same_channel") => Ok(Value::Bool(match a.first() {
                Some(Value::Tokio(b)) => {
                    matches!(&**b, Obj::BroadcastSender(b) if tx.same_channel(b))
                }
                _ => false,
            })),
            (Obj::BroadcastReceiver(rx), "same_channel") => Ok(Value::Bool(match a.first() {
                Some(Value::Tokio(b)) => matches!(&**b, Obj::BroadcastReceiver(b)
                    if rx.borrow().same_channel(&b.borrow())),
                _ => false,
            })),
            (Obj::BroadcastReceiver(rx), "recv") => {
                let recv = broadcast::Recv::new(rx.clone());
                Ok(self.traced("recv", at, async move {
                    Ok(match recv.await {
                        Ok(v) => Value::ok(v),
                        Err(e) => Value::err(broadcast_error(e)),
                    })
                }))
            }
            (Obj::BroadcastReceiver(rx), "try_recv") => Ok(match rx.borrow_mut().try_recv() {
                Ok(v) => Value::ok(v),
                Err(e) => Value::err(broadcast_error(e)),
            }),
            (Obj::BroadcastReceiver(rx), "resubscribe") => Ok(Obj::BroadcastReceiver(Rc::new(
                RefCell::new(rx.borrow().resubscribe()),
            ))
            .value()),
            (Obj::BroadcastReceiver(rx), "len") => Ok(Value::usize(rx.borrow().len())),
            (Obj::BroadcastReceiver(rx), "is_empty") => Ok(Value::Bool(rx.borrow().is_empty())),
            (Obj::BroadcastReceiver(rx), "is_closed") => Ok(Value::Bool(rx.borrow().is_closed())),
            _ => return None,
        };
        Some(r)
    }

    /// The methods of `mpsc` beyond the general table.
    pub(super) fn channel_method(
        &self,
        v: &mut Value,
        name: &str,
        a: &mut Vec<Value>,
        at: Span,
    ) -> Option<R> {
        let _ = at;
        let r = match (&*v, name) {
            (Value::Sender(tx), "try_send") if !a.is_empty() => {
                Ok(match tx.try_send(a.remove(0)) {
                    Ok(()) => Value::ok(Value::Unit),
                    Err(e) => {
                        let (dbg, shown) = (format!("{e:?}"), e.to_string());
                        Value::err(error_value(dbg, shown))
                    }
                })
            }
            (Value::Sender(tx), "capacity") => Ok(Value::usize(tx.capacity())),
            (Value::Sender(tx), "reserve" | "reserve_owned") => {
                let reserve = tx.reserve();
                let owner = (name == "reserve_owned").then(|| tx.clone());
                Ok(self.traced(name, at, async move {
                    Ok(match reserve.await {
                        Ok(p) => Value::ok(Obj::MpscPermit(RefCell::new(Some(p)), owner).value()),
                        Err(_) => Value::err(Value::SendError(Box::new(Value::Unit))),
                    })
                }))
            }
            (Value::Sender(tx), "try_reserve" | "try_reserve_owned") => {
                let owner = (name == "try_reserve_owned").then(|| tx.clone());
                Ok(match tx.try_reserve() {
                    Ok(p) => Value::ok(Obj::MpscPermit(RefCell::new(Some(p)), owner).value()),
                    Err(closed) => Value::err(if closed {
                        error_value("\"Closed(..)\"", "channel closed")
                    } else {
                        error_value("\"Full(..)\"", "no available capacity")
                    }),
                })
            }
            (Value::Sender(tx), "send_timeout") if a.len() >= 2 => {
                let v = a.remove(0);
                let us = match self.as_us(&a.remove(0), at) {
                    Ok(us) => us,
                    Err(e) => return Some(Err(e)),
                };
                let t = self.0.rt.timeout(us, Box::pin(tx.reserve()));
                Ok(self.traced(name, at, async move {
                    Ok(match t.await {
                        Ok(Ok(p)) => {
                            p.send(v);
                            Value::ok(Value::Unit)
                        }
                        Ok(Err(_)) => Value::err(error_value("\"Closed(..)\"", "channel closed")),
                        Err(_) => Value::err(error_value(
                            "\"Timeout(..)\"",
                            "timed out waiting on send operation",
                        )),
                    })
                }))
            }
            (Value::Sender(tx), "closed") => {
                let tx = tx.clone();
                Ok(self.traced(name, at, async move {
                    std::future::poll_fn(|cx| tx.poll_closed(cx)).await;
                    Ok(Value::Unit)
                }))
            }
            (Value::UnboundedSender(tx), "closed") => {
                let tx = tx.clone();
                Ok(self.traced(name, at, async move {
                    std::future::poll_fn(|cx| tx.poll_closed(cx)).await;
                    Ok(Value::Unit)
                }))
            }
            (Value::Sender(tx), "downgrade") => Ok(Obj::WeakSender(tx.downgrade()).value()),
            (Value::Sender(tx), "strong_count") => Ok(Value::usize(tx.strong_count())),
            (Value::Sender(tx), "same_channel") => Ok(Value::Bool(
                matches!(a.first(), Some(Value::Sender(o)) if tx.same_channel(o)),
            )),
            (Value::UnboundedSender(tx), "same_channel") => Ok(Value::Bool(
                matches!(a.first(), Some(Value::UnboundedSender(o)) if tx.same_channel(o)),
            )),
            (Value::Receiver(rx), "capacity") => Ok(Value::usize(rx.capacity())),
            (Value::Receiver(rx), "max_capacity") => Ok(Value::usize(rx.max_capacity())),
            (Value::Receiver(rx), "recv_many") if a.len() >= 2 => {
                let buf = a.remove(0);
                let limit = match self.as_usize(&mem::deref(a.remove(0)), at) {
                    Ok(n) => n,
                    Err(e) => return Some(Err(e)),
                };
                let Value::Ref(place) = buf else {
                    return Some(Err(self.panic(at, "`recv_many` takes `&mut Vec<T>`")));
                };
                let rx = rx.clone();
                let me = self.clone();
                Ok(self.traced(name, at, async move {
                    let got = std::future::poll_fn(|cx| rx.poll_recv_many(cx, limit)).await;
                    let n = got.len();
                    place
                        .with_mut(|v| {
                            if let Value::Vec(items) = v {
                                Rc::make_mut(items).extend(got);
                            }
                        })
                        .map_err(|e| me.mem_err(at, e))?;
                    Ok(Value::usize(n))
                }))
            }
            (Value::Sender(tx), "max_capacity") => Ok(Value::usize(tx.max_capacity())),
            (Value::Receiver(rx), "len") => Ok(Value::usize(rx.len())),
            (Value::OneshotSender(tx), "is_closed") => Ok(Value::Bool(
                tx.borrow().as_ref().is_none_or(|t| t.is_closed()),
            )),
            (Value::OneshotSender(tx), "closed") => {
                let tx = tx.clone();
                Ok(self.traced(name, at, async move {
                    std::future::poll_fn(|cx| match tx.borrow().as_ref() {
                        Some(t) => t.poll_closed(cx),
                        None => Poll::Ready(()),
                    })
                    .await;
                    Ok(Value::Unit)
                }))
            }
            (Value::Interval(i), "reset" | "reset_immediately" | "reset_after" | "reset_at") => {
                let now = self.0.rt.now_us();
                let deadline = match name {
                    "reset" => now + i.period_us(),
                    "reset_immediately" => now,
                    "reset_after" => {
                        match self.as_us(&a.first().cloned().unwrap_or(Value::Unit), at) {
                            Ok(us) => now + us,
                            Err(e) => return Some(Err(e)),
                        }
                    }
                    _ => match a.first() {
                        Some(Value::Instant(t)) => *t,
                        _ => return Some(Err(self.panic(at, "`reset_at` takes an `Instant`"))),
                    },
                };
                i.reset_at(deadline);
                Ok(Value::Unit)
            }
            (Value::Interval(i), "set_missed_tick_behavior") => {
                let b = match a.first() {
                    Some(Value::Error(e)) if e.0 == "Delay" => rt::MissedTickBehavior::Delay,
                    Some(Value::Error(e)) if e.0 == "Skip" => rt::MissedTickBehavior::Skip,
                    _ => rt::MissedTickBehavior::Burst,
                };
                i.set_missed_tick_behavior(b);
                Ok(Value::Unit)
            }
            (Value::Interval(i), "missed_tick_behavior") => {
                let b = format!("{:?}", i.missed_tick_behavior());
                Ok(error_value(b.clone(), b))
            }
            (Value::Interval(i), "period") => Ok(Value::Duration(
                std::time::Duration::from_micros(i.period_us()),
            )),
            // `Pin::set`: the pinned future is replaced (the old one drops now).
            (Value::Future(cell), "set") if !a.is_empty() => {
                let new = match a.remove(0) {
                    Value::Future(new) => new.borrow_mut().take(),
                    other => {
                        return Some(Err(self.panic(
                            at,
                            format!("`set` takes a future, not `{}`", other.type_name()),
                        )))
                    }
                };
                let old = std::mem::replace(&mut *cell.borrow_mut(), new);
                drop(old);
                Ok(Value::Unit)
            }
            (Value::JoinHandle(h), "abort_handle" | "id") => match h.borrow().as_ref() {
                Some(h) if name == "id" => Ok(super::tokio_task::task_id(h.id())),
                Some(h) => Ok(Obj::AbortHandle(h.abort_handle()).value()),
                None => Err(self.panic(at, "`JoinHandle` used after it was awaited")),
            },
            (Value::JoinError(e), "id") => Ok(super::tokio_task::task_id(e.id())),
            (Value::JoinError(e), "into_panic") => {
                // The payload keeps the message (as its `Display`, which `Box<dyn Any>` never
                // shows) for `std::panic::resume_unwind`.
                if let rt::JoinError::Panic { message, .. } = e {
                    Ok(error_value("Any { .. }", message.clone()))
                } else {
                    Err(self.panic(at, "`JoinError` reason is not a panic."))
                }
            }
            (Value::Receiver(rx), "is_empty") => Ok(Value::Bool(rx.is_empty())),
            _ => return None,
        };
        Some(r)
    }
}
