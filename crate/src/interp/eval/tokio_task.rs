//! The methods of `tokio::task`'s values: `JoinSet`, `AbortHandle`, and the rest of
//! `JoinHandle` and `JoinError`.

use super::tokio::error_value;
use super::*;
use crate::interp::tokio::obj::Obj;

/// `Option<Result<T, JoinError>>` as the program sees it.
fn joined(out: Option<Result<Value, rt::JoinError>>) -> Value {
    Value::Opt(out.map(|r| {
        Box::new(match r {
            Ok(v) => Value::ok(v),
            Err(e) => Value::err(Value::JoinError(e)),
        })
    }))
}

/// A `task::Id`: printed as Tokio prints it.
pub(super) fn task_id(id: u64) -> Value {
    error_value(format!("Id({id})"), id.to_string())
}

impl Interp {
    pub(super) fn task_method(
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
            (Obj::JoinSet(set), "spawn" | "spawn_local") => {
                if !self.0.in_runtime {
                    return Some(Err(self.panic(at, rt::NO_RUNTIME)));
                }
                let fut = match self.to_future(arg(a), at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                let h = self.spawn_value_task(fut);
                let abort = h.abort_handle();
                set.insert(h);
                Ok(Obj::AbortHandle(abort).value())
            }
            (Obj::JoinSet(set), "spawn_blocking") => match self.spawn_blocking(arg(a), at) {
                Ok(h) => {
                    let abort = h.abort_handle();
                    set.insert(h);
                    Ok(Obj::AbortHandle(abort).value())
                }
                Err(e) => Err(e),
            },
            (Obj::JoinSet(set), "join_next") => {
                let next = rt::JoinNext::new(set.clone());
                Ok(self.traced("join_next", at, async move { Ok(joined(next.await)) }))
            }
            (Obj::JoinSet(set), "try_join_next") => Ok(match set.poll_join_next(None) {
                Poll::Ready(Some(out)) => joined(Some(out)),
                _ => Value::Opt(None),
            }),
            (Obj::JoinSet(set), "join_all") => {
                let set = set.clone();
                let me = self.clone();
                Ok(self.traced("join_all", at, async move {
                    let mut all = Vec::new();
                    while let Some(out) = rt::JoinNext::new(set.clone()).await {
                        match out {
                            Ok(v) => all.push(v),
                            // Tokio resumes the task's panic in the caller.
                            Err(rt::JoinError::Panic { message, .. }) => {
                                return Err(me.panic(at, message));
                            }
                            Err(e) => {
                                let mut dbg = String::new();
                                fmt::debug(&mut dbg, &Value::JoinError(e), None);
                                return Err(me.panic(
                                    at,
                                    format!("called `Result::unwrap()` on an `Err` value: {dbg}"),
                                ));
                            }
                        }
                    }
                    Ok(Value::Vec(Rc::new(all)))
                }))
            }
            (Obj::JoinSet(set), "abort_all") => {
                set.abort_all();
                Ok(Value::Unit)
            }
            (Obj::JoinSet(set), "detach_all") => {
                set.detach_all();
                Ok(Value::Unit)
            }
            (Obj::JoinSet(set), "shutdown") => {
                set.abort_all();
                let set = set.clone();
                Ok(self.traced("shutdown", at, async move {
                    while rt::JoinNext::new(set.clone()).await.is_some() {}
                    Ok(Value::Unit)
                }))
            }
            (Obj::JoinSet(set), "len") => Ok(Value::usize(set.len())),
            (Obj::LocalSet(local), "spawn_local") => {
                let fut = match self.to_future(arg(a), at) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                let token = local.enter();
                let fut: ValFut = Box::pin(async move {
                    let r = fut.await;
                    drop(token);
                    r
                });
                let h = self.spawn_value_task(fut);
                Ok(Value::JoinHandle(Rc::new(RefCell::new(Some(h)))))
            }
            // `run_until(fut)`: the future runs here, its `spawn_local`s on the runtime.
            (Obj::LocalSet(_), "run_until") => Ok(arg(a)),
            (Obj::JoinSet(set), "is_empty") => Ok(Value::Bool(set.is_empty())),
            (Obj::AbortHandle(h), "abort") => {
                h.abort();
                Ok(Value::Unit)
            }
            (Obj::AbortHandle(h), "is_finished") => Ok(Value::Bool(h.is_finished())),
            (Obj::AbortHandle(h), "id") => Ok(task_id(h.id())),
            (Obj::AbortHandle(h), "clone") => Ok(Obj::AbortHandle(h.clone()).value()),
            _ => return None,
        };
        Some(r)
    }
}
