//! The methods of `tokio::sync::watch`'s sender and receivers (`tokio/src/sync/watch.rs`).
//!
//! Each awaitable method makes a future the timeline shows on its own (`changed at main.rs:9:12`).

use super::*;
use crate::interp::tokio::obj::Obj;

impl Interp {
    /// A method of a `watch` sender or receiver, or `None`.
    pub(super) fn watch_method(
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
        let r = match (&**o, name) {
            (Obj::WatchSender(tx), "send") => Ok(match tx.send(arg(a)) {
                Ok(()) => Value::ok(Value::Unit),
                Err(v) => Value::err(Value::SendError(Box::new(v))),
            }),
            (Obj::WatchSender(tx), "send_replace") => Ok(tx.send_replace(arg(a))),
            (Obj::WatchSender(tx), "borrow") => Ok(tx.borrow().clone()),
            (Obj::WatchSender(tx), "subscribe") => {
                Ok(Obj::WatchReceiver(Rc::new(RefCell::new(tx.subscribe()))).value())
            }
            (Obj::WatchSender(tx), "receiver_count") => Ok(Value::usize(tx.receiver_count())),
            (Obj::WatchSender(tx), "is_closed") => Ok(Value::Bool(tx.is_closed())),
            (Obj::WatchSender(tx), "clone") => Ok(Obj::WatchSender(tx.clone()).value()),
            (Obj::WatchSender(tx), "same_channel") => Ok(Value::Bool(match a.first() {
                Some(Value::Tokio(b)) => matches!(&**b, Obj::WatchSender(b) if tx.same_channel(b)),
                _ => false,
            })),
            (Obj::WatchSender(tx), "closed") => {
                let o = o.clone();
                let _ = tx;
                Ok(self.traced("closed", at, async move {
                    std::future::poll_fn(|cx| match &*o {
                        Obj::WatchSender(tx) => tx.poll_closed(cx),
                        _ => Poll::Ready(()),
                    })
                    .await;
                    Ok(Value::Unit)
                }))
            }
            (Obj::WatchReceiver(rx), "borrow") => Ok(rx.borrow().borrow().clone()),
            (Obj::WatchReceiver(rx), "borrow_and_update") => {
                Ok(rx.borrow_mut().borrow_and_update().clone())
            }
            (Obj::WatchReceiver(rx), "has_changed") => Ok(match rx.borrow().has_changed() {
                Ok(b) => Value::ok(Value::Bool(b)),
                Err(_) => Value::err(Value::RecvError),
            }),
            (Obj::WatchReceiver(rx), "mark_changed" | "mark_unchanged") => {
                rx.borrow_mut().mark(name == "mark_changed");
                Ok(Value::Unit)
            }
            (Obj::WatchReceiver(rx), "changed") => {
                let changed = crate::interp::rt::sync::watch::Changed::new(rx.clone());
                Ok(self.traced("changed", at, async move {
                    Ok(match changed.await {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(_) => Value::err(Value::RecvError),
                    })
                }))
            }
            (Obj::WatchReceiver(rx), "clone") => {
                Ok(Obj::WatchReceiver(Rc::new(RefCell::new(rx.borrow().clone()))).value())
            }
            (Obj::WatchReceiver(a0), "same_channel") => Ok(Value::Bool(match a.first() {
                Some(Value::Tokio(b)) => match &**b {
                    Obj::WatchReceiver(b0) => a0.borrow().same_channel(&b0.borrow()),
                    _ => false,
                },
                _ => false,
            })),
            (Obj::WatchSender(tx), "sender_count") => Ok(Value::usize(tx.sender_count())),
            _ => return None,
        };
        Some(r)
    }

    /// `rx.wait_for(|v| ..)` (`tokio/src/sync/watch.rs`): the latest value is tried first, then
    /// each new one; `Err(RecvError)` once the sender is gone and the last value was tried.
    #[allow(clippy::type_complexity)]
    pub(super) fn watch_wait_for(
        &self,
        place: &Place,
        mut a: Vec<Value>,
        at: Span,
    ) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = R> + '_>>, Vec<Value>> {
        let rx = match place.read().map(mem::deref) {
            Ok(Value::Tokio(o)) if a.len() == 1 => match &*o {
                Obj::WatchReceiver(rx) => rx.clone(),
                _ => return Err(a),
            },
            _ => return Err(a),
        };
        let f = a.remove(0);
        let me = self.clone();
        let fut = async move {
            let mut closed = false;
            loop {
                let changed = rx.borrow_mut().update_seen();
                if !closed || changed {
                    let v = rx.borrow().borrow().clone();
                    let arg = Value::reference(Place::root(mem::alloc(v.clone())));
                    if super::truthy(&me.call_value(f.clone(), vec![arg], at).await?) {
                        return Ok(Value::ok(v));
                    }
                }
                if closed {
                    return Ok(Value::err(Value::RecvError));
                }
                closed = rt::sync::watch::Changed::new(rx.clone()).await.is_err();
            }
        };
        // The method gives the future; the program awaits it.
        let v = self.traced("wait_for", at, fut);
        Ok(Box::pin(async move { Ok(v) }))
    }

    /// `MutexGuard::mutex(&guard)`, `RwLockReadGuard::rwlock(&guard)`: the lock itself.
    pub(super) fn guard_lock(&self, mut a: Vec<Value>, at: Span) -> R {
        let mut g = if a.is_empty() {
            Value::Unit
        } else {
            a.remove(0)
        };
        // `&guard`: through the reference to the guard itself (not to its value).
        while let Value::Ref(p) = &g {
            g = p.read().map_err(|e| self.mem_err(at, e))?;
        }
        let lock = match &g {
            Value::Tokio(o) => match &**o {
                Obj::Mapped(inner, _) => inner.lock_of(),
                other => other.lock_of(),
            },
            _ => None,
        };
        match lock {
            Some(l) => Ok(l.value()),
            None => Err(self.panic(at, "`mutex` needs a guard")),
        }
    }
}
