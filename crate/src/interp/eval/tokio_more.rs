//! The smaller methods of Tokio's values that `tokio_sync.rs` and `tokio_task.rs` leave out: the
//! weak senders of unbounded `mpsc` and `broadcast`, a permit's `split` and `merge`, `mpsc`'s
//! `try_reserve_many`/`reserve_many` and a permit's `same_channel` and `release`,
//! `Notified::enable`, `JoinError::try_into_panic`, `LocalSet::id`, the mapped guards and the
//! guards' locks, `blocking_acquire*`, and collecting futures into (or extending) a `JoinSet`.

use super::*;
use crate::interp::tokio::obj::{GuardKind, Obj};
use crate::interp::tokio::TokioFn;

impl Interp {
    /// A method of this file's, or `None` to let the other tables answer.
    pub(super) fn more_method(
        &self,
        v: &mut Value,
        name: &str,
        a: &mut [Value],
        at: Span,
    ) -> Option<R> {
        let r = match (&*v, name) {
            (Value::Sender(tx), "try_reserve_many") => {
                let n = match a.first().map(|x| self.as_usize(x, at)) {
                    Some(Ok(n)) => n,
                    Some(Err(e)) => return Some(Err(e)),
                    None => return None,
                };
                // Tokio's order: more than the channel holds is `Full`, then the semaphore's
                // `try_acquire(n)`: `Closed` first, then `Full`.
                if n > tx.max_capacity() || (!tx.is_closed() && tx.capacity() < n) {
                    return Some(Ok(Value::err(super::tokio::error_value(
                        "\"Full(..)\"",
                        "no available capacity",
                    ))));
                }
                if tx.is_closed() {
                    return Some(Ok(Value::err(super::tokio::error_value(
                        "\"Closed(..)\"",
                        "channel closed",
                    ))));
                }
                let permits: Vec<Value> = (0..n)
                    .filter_map(|_| tx.try_reserve().ok())
                    .map(|p| Obj::MpscPermit(RefCell::new(Some(p)), None).value())
                    .collect();
                self.permit_iter(permits, at).map(Value::ok)
            }
            (Value::Sender(tx), "reserve_many") => {
                let n = match a.first().map(|x| self.as_usize(x, at)) {
                    Some(Ok(n)) => n,
                    Some(Err(e)) => return Some(Err(e)),
                    None => return None,
                };
                let tx = tx.clone();
                let me = self.clone();
                Ok(self.traced("reserve_many", at, async move {
                    if n > tx.max_capacity() {
                        return Ok(Value::err(Value::SendError(Box::new(Value::Unit))));
                    }
                    let mut permits = Vec::with_capacity(n);
                    for _ in 0..n {
                        match tx.reserve().await {
                            Ok(p) => {
                                permits.push(Obj::MpscPermit(RefCell::new(Some(p)), None).value())
                            }
                            Err(_) => {
                                return Ok(Value::err(Value::SendError(Box::new(Value::Unit))))
                            }
                        }
                    }
                    me.permit_iter(permits, at).map(Value::ok)
                }))
            }
            // `try_into_panic()`: the payload (its message kept, see `into_panic`) or the error.
            (Value::JoinError(e), "try_into_panic") => Ok(match e {
                rt::JoinError::Panic { message, .. } => {
                    Value::ok(super::tokio::error_value("Any { .. }", message.clone()))
                }
                other => Value::err(Value::JoinError(other.clone())),
            }),
            (Value::UnboundedSender(tx), "downgrade") => {
                Ok(Obj::WeakUnbounded(tx.downgrade()).value())
            }
            // `Notified::enable()`: the future registers as a waiter now (polled once; a
            // notification already there makes it ready, kept for its `.await`).
            (Value::Future(cell), "enable") => {
                let mut slot = cell.borrow_mut();
                let Some(fut) = slot.as_mut() else {
                    return Some(Ok(Value::Bool(true)));
                };
                let mut cx = Context::from_waker(std::task::Waker::noop());
                match fut.as_mut().poll(&mut cx) {
                    Poll::Ready(r) => {
                        *slot = Some(Box::pin(async move { r }));
                        Ok(Value::Bool(true))
                    }
                    Poll::Pending => Ok(Value::Bool(false)),
                }
            }
            (Value::Tokio(o), _) => return self.more_obj_method(o.clone(), name, a, at),
            _ => return None,
        };
        Some(r)
    }

    fn more_obj_method(&self, o: Rc<Obj>, name: &str, a: &mut [Value], at: Span) -> Option<R> {
        let r = match (&*o, name) {
            (Obj::WeakUnbounded(w), "upgrade") => Ok(Value::Opt(
                w.upgrade_unbounded()
                    .map(|tx| Box::new(Value::UnboundedSender(tx))),
            )),
            (Obj::WeakUnbounded(w), "clone") => Ok(Obj::WeakUnbounded(w.clone()).value()),
            (Obj::BroadcastSender(tx), "downgrade") => {
                Ok(Obj::BroadcastWeak(tx.downgrade()).value())
            }
            (Obj::BroadcastSender(tx), "strong_count") => Ok(Value::usize(tx.strong_count())),
            (Obj::BroadcastWeak(w), "upgrade") => Ok(Value::Opt(
                w.upgrade()
                    .map(|tx| Box::new(Obj::BroadcastSender(tx).value())),
            )),
            (Obj::BroadcastWeak(w), "clone") => Ok(Obj::BroadcastWeak(w.clone()).value()),
            // `SemaphorePermit::split(n)`: `None` when it holds fewer than `n`.
            (Obj::Permit(sem, held), "split") => {
                let n = match a.first().map(|x| self.as_usize(x, at)) {
                    Some(Ok(n)) => n,
                    Some(Err(e)) => return Some(Err(e)),
                    None => return None,
                };
                Ok(Value::Opt((n <= held.get()).then(|| {
                    held.set(held.get() - n);
                    Box::new(Obj::Permit(sem.clone(), Cell::new(n)).value())
                })))
            }
            // `merge(other)`: the other's permits join this one (Tokio's `assert!` of one
            // semaphore is its panic).
            (Obj::Permit(sem, held), "merge") => match a.first() {
                Some(Value::Tokio(other)) => match &**other {
                    Obj::Permit(s2, n2) if sem.same(s2) => {
                        held.set(held.get() + n2.replace(0));
                        Ok(Value::Unit)
                    }
                    Obj::Permit(..) => {
                        Err(self.panic(at, "merging permits from different semaphore instances"))
                    }
                    _ => return None,
                },
                _ => return None,
            },
            (Obj::MpscPermit(p, _), "same_channel") => match a.first() {
                Some(Value::Tokio(other)) => match &**other {
                    Obj::MpscPermit(q, _) => Ok(Value::Bool(match (&*p.borrow(), &*q.borrow()) {
                        (Some(p), Some(q)) => p.same_channel(q),
                        _ => false,
                    })),
                    _ => return None,
                },
                _ => return None,
            },
            (Obj::MpscPermit(p, _), "same_channel_as_sender") => match a.first() {
                Some(Value::Sender(tx)) => Ok(Value::Bool(
                    p.borrow()
                        .as_ref()
                        .is_some_and(|p| p.same_channel_as_sender(tx)),
                )),
                _ => return None,
            },
            // An `OwnedPermit`'s `release()`: the slot back, the sender returned.
            (Obj::MpscPermit(p, Some(tx)), "release") => {
                drop(p.borrow_mut().take());
                Ok(Value::Sender(tx.clone()))
            }
            (Obj::Notify(_), "notified_owned") => {
                let mut a = a.to_vec();
                return self.sync_method(&o, "notified", &mut a, at);
            }
            (Obj::LocalSet(set), "id") => Ok(super::tokio_task::task_id(set.id())),
            (Obj::LocalKey(key), _) => return self.local_key_method(key, name, a, at),
            _ => return None,
        };
        Some(r)
    }

    /// `set.extend(futures)`: each one spawned into the set (the iterator may run closures, so
    /// this is a future); the arguments back if the receiver is not a `JoinSet`.
    #[allow(clippy::type_complexity)]
    pub(super) fn joinset_extend(
        &self,
        place: &Place,
        mut a: Vec<Value>,
        at: Span,
    ) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = R> + '_>>, Vec<Value>> {
        let set = match place.read().map(mem::deref) {
            Ok(Value::Tokio(o)) => match &*o {
                Obj::JoinSet(set) if a.len() == 1 => set.clone(),
                _ => return Err(a),
            },
            _ => return Err(a),
        };
        let iter = a.remove(0);
        Ok(Box::pin(async move {
            let items = crate::interp::stdlib::lazy::items(self, iter, at).await?;
            if !self.0.in_runtime {
                return Err(self.panic(at, rt::NO_RUNTIME));
            }
            for item in items {
                let fut = self.to_future(item, at)?;
                set.insert(self.spawn_value_task(fut));
            }
            Ok(Value::Unit)
        }))
    }

    /// `MutexGuard::map(guard, |v| &mut v.field)` and the rest: the closure gets `&mut` the
    /// guarded value; the reference it gives back names the part the mapped guard shows. The
    /// lock stays held by the guard inside.
    pub(super) async fn guard_map(&self, f: TokioFn, a: Vec<Value>, at: Span) -> R {
        let mut a = a.into_iter();
        let (Some(g), Some(closure)) = (a.next(), a.next()) else {
            return Err(self.panic(at, "`map` needs a guard and a closure"));
        };
        let Value::Tokio(o) = g.clone() else {
            return Err(self.panic(at, format!("`map` needs a guard, not {}", g.type_name())));
        };
        if matches!(
            f,
            TokioFn::GuardDowngradeMap | TokioFn::GuardTryDowngradeMap
        ) {
            if let Obj::Guard(guard, kind) = &*o {
                guard.borrow_mut().downgrade();
                kind.set(GuardKind::Read);
            }
        }
        let Some(base) = o.place() else {
            return Err(self.panic(at, "`map` needs a guard"));
        };
        let r = self
            .call_value(closure, vec![Value::reference(base.clone())], at)
            .await?;
        let fallible = matches!(f, TokioFn::GuardTryMap | TokioFn::GuardTryDowngradeMap);
        let target = match (fallible, r) {
            (true, Value::Opt(None)) => return Ok(Value::err(g)),
            (true, Value::Opt(Some(x))) => *x,
            (_, x) => x,
        };
        let path = match &target {
            Value::Ref(p) if Rc::ptr_eq(&p.alloc, &base.alloc) => p
                .path
                .iter()
                .copied()
                .filter(|s| !matches!(s, Step::Deref))
                .collect(),
            _ => {
                return Err(self.panic(
                    at,
                    "the closure of `map` must return a reference into the guarded value",
                ))
            }
        };
        let root = match &*o {
            Obj::Mapped(inner, _) => inner.clone(),
            _ => o.clone(),
        };
        let mapped = Obj::Mapped(root, path).value();
        Ok(if fallible { Value::ok(mapped) } else { mapped })
    }

    /// `blocking_acquire*` and `blocking_lock_owned`: the async method, awaited on this thread,
    /// which must not be a runtime's (Tokio panics there, as for `blocking_lock`).
    #[allow(clippy::type_complexity)]
    pub(super) fn blocking_call(
        &self,
        place: &Place,
        name: &str,
        mut a: Vec<Value>,
        at: Span,
    ) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = R> + '_>>, Vec<Value>> {
        let o = match place.read().map(mem::deref) {
            Ok(Value::Tokio(o)) if matches!(&*o, Obj::Semaphore(_) | Obj::Mutex(_)) => o,
            _ => return Err(a),
        };
        let inner: &'static str = match name {
            "blocking_acquire" => "acquire",
            "blocking_acquire_owned" => "acquire_owned",
            "blocking_acquire_many" => "acquire_many",
            "blocking_acquire_many_owned" => "acquire_many_owned",
            "blocking_lock_owned" => "lock_owned",
            _ => return Err(a),
        };
        Ok(Box::pin(async move {
            if !self.0.blocking.get() && self.0.in_runtime {
                return Err(self.panic(
                    at,
                    "Cannot block the current thread from within a runtime. This happens because \
                     a function attempted to block the current thread while the thread is being \
                     used to drive asynchronous tasks.",
                ));
            }
            let fut = match self.sync_method(&o, inner, &mut a, at) {
                Some(r) => r?,
                None => return Err(self.panic(at, format!("no method `{inner}` here"))),
            };
            self.to_future(fut, at)?.await
        }))
    }

    /// `PermitIterator`: the permits, one by one.
    fn permit_iter(&self, permits: Vec<Value>, at: Span) -> R {
        let it = crate::interp::stdlib::lazy::of(self, Value::Vec(Rc::new(permits)), at)?;
        Ok(Value::Iter(Rc::new(RefCell::new(Some(it)))))
    }

    /// `iter.collect::<JoinSet<_>>()`: each future spawned into a new set, in order.
    pub(crate) fn joinset_from(&self, items: Vec<Value>, at: Span) -> R {
        if !self.0.in_runtime {
            return Err(self.panic(at, rt::NO_RUNTIME));
        }
        let set = Rc::new(rt::JoinSet::new());
        for item in items {
            let fut = self.to_future(item, at)?;
            set.insert(self.spawn_value_task(fut));
        }
        Ok(Obj::JoinSet(set).value())
    }
}
