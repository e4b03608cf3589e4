//! `task_local!` keys (`tokio/src/task/task_local.rs`): `scope(value, fut)` sets the value for
//! each poll of `fut` only, as Tokio's `TaskLocalFuture` swaps it in and out around every poll;
//! `get`, `try_get`, `with`, `try_with` read it; `sync_scope` sets it around a closure.
//!
//! What is set lives in one table per thread, by the key's name: it is only ever set during a
//! poll or a call, and taken back before that returns, so nothing outlives a run.

use super::tokio::error_value;
use super::*;
use crate::interp::tokio::obj::Obj;
use std::collections::HashMap;

thread_local! {
    static SET: RefCell<HashMap<Rc<str>, Value>> = RefCell::new(HashMap::new());
}

const NOT_SET: &str = "cannot access a task-local storage value without setting it first";

/// Sets `key` to `v` (or unsets it); gives back what was there.
fn swap(key: &Rc<str>, v: Option<Value>) -> Option<Value> {
    SET.with(|s| {
        let mut s = s.borrow_mut();
        match v {
            Some(v) => s.insert(key.clone(), v),
            None => s.remove(key),
        }
    })
}

fn current(key: &str) -> Option<Value> {
    SET.with(|s| s.borrow().get(key).cloned())
}

/// `KEY.scope(value, fut)`: `fut` sees `value` while it is polled.
struct Scoped {
    key: Rc<str>,
    value: Option<Value>,
    inner: ValFut,
}

impl Future for Scoped {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let this = &mut *self;
        let before = swap(&this.key, this.value.take());
        let r = this.inner.as_mut().poll(cx);
        this.value = swap(&this.key, before);
        r
    }
}

impl Interp {
    /// The methods of a `LocalKey` that call no closure.
    pub(super) fn local_key_method(
        &self,
        key: &Rc<str>,
        name: &str,
        a: &mut [Value],
        at: Span,
    ) -> Option<R> {
        Some(match name {
            "get" => current(key).ok_or_else(|| self.panic(at, NOT_SET)),
            "try_get" => Ok(match current(key) {
                Some(v) => Value::ok(v),
                None => Value::err(access_error()),
            }),
            "scope" if a.len() == 2 => {
                let value = std::mem::replace(&mut a[0], Value::Unit);
                let fut = match self.to_future(std::mem::replace(&mut a[1], Value::Unit), at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                Ok(future_value(Box::pin(Scoped {
                    key: key.clone(),
                    value: Some(value),
                    inner: fut,
                })))
            }
            _ => return None,
        })
    }

    /// `with(|v| ..)`, `try_with(|v| ..)` and `sync_scope(value, || ..)`, which call the program's
    /// closure; the arguments back if the receiver is not a `LocalKey`.
    #[allow(clippy::type_complexity)]
    pub(super) fn local_key_call(
        &self,
        place: &Place,
        name: &str,
        mut a: Vec<Value>,
        at: Span,
    ) -> Result<Pin<Box<dyn Future<Output = R> + '_>>, Vec<Value>> {
        let key = match place.read().map(mem::deref) {
            Ok(Value::Tokio(o)) => match &*o {
                Obj::LocalKey(key) => key.clone(),
                _ => return Err(a),
            },
            _ => return Err(a),
        };
        match (name, a.len()) {
            ("with" | "try_with", 1) => {
                let f = a.remove(0);
                let fallible = name == "try_with";
                Ok(Box::pin(async move {
                    let Some(v) = current(&key) else {
                        return if fallible {
                            Ok(Value::err(access_error()))
                        } else {
                            Err(self.panic(at, NOT_SET))
                        };
                    };
                    let arg = Value::reference(Place::root(mem::alloc(v)));
                    let r = self.call_value(f, vec![arg], at).await?;
                    Ok(if fallible { Value::ok(r) } else { r })
                }))
            }
            ("sync_scope", 2) => {
                let f = a.remove(1);
                let value = a.remove(0);
                Ok(Box::pin(async move {
                    let before = swap(&key, Some(value));
                    let r = self.call_value(f, Vec::new(), at).await;
                    swap(&key, before);
                    r
                }))
            }
            _ => Err(a),
        }
    }
}

/// `task::AccessError`, as Tokio prints it.
fn access_error() -> Value {
    error_value("AccessError { _private: () }", "task-local value not set")
}
