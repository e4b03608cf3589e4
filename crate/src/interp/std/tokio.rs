//! Tokio's values that std-like code calls methods on: `JoinHandle`, `JoinError`, the `mpsc` and
//! `oneshot` channel ends, `Interval` (their behaviour lives in `rt/`; these rows only reach it).
//! Also `io::stdout().flush()`, a no-op: lines are shown when complete.

use super::{arg, Family, Method, Method::Sync};
use crate::interp::diag::Span;
use crate::interp::eval::{future_value, Interp, R};
use crate::interp::rt;
use crate::interp::value::Value;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| {
        matches!(
            v,
            Value::JoinHandle(_)
                | Value::JoinError(_)
                | Value::Sender(_)
                | Value::UnboundedSender(_)
                | Value::OneshotSender(_)
                | Value::Receiver(_)
                | Value::Interval(_)
                | Value::Unit
        )
    },
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("abort", Sync(abort)),
    ("is_finished", Sync(is_finished)),
    ("is_cancelled", Sync(is_cancelled)),
    ("is_panic", Sync(is_panic)),
    ("send", Sync(send)),
    ("is_closed", Sync(is_closed)),
    ("recv", Sync(recv)),
    ("try_recv", Sync(try_recv)),
    ("close", Sync(close)),
    ("tick", Sync(tick)),
    ("flush", Sync(flush)),
];

fn wrong(i: &Interp, name: &str, v: &Value, at: Span) -> crate::interp::value::Flow {
    i.panic(
        at,
        format!("no method named `{name}` found for `{}`", v.type_name()),
    )
}

fn abort(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::JoinHandle(h) = v else {
        return Err(wrong(i, "abort", v, at));
    };
    if let Some(h) = h.borrow().as_ref() {
        h.abort();
    }
    Ok(Value::Unit)
}
fn is_finished(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::JoinHandle(h) = v else {
        return Err(wrong(i, "is_finished", v, at));
    };
    Ok(Value::Bool(
        h.borrow().as_ref().is_none_or(|h| h.is_finished()),
    ))
}
fn is_cancelled(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::JoinError(e) => Ok(Value::Bool(e.is_cancelled())),
        other => Err(wrong(i, "is_cancelled", other, at)),
    }
}
fn is_panic(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::JoinError(e) => Ok(Value::Bool(e.is_panic())),
        other => Err(wrong(i, "is_panic", other, at)),
    }
}
fn send(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let x = arg(i, &mut a, 0, "send", at)?;
    match v {
        Value::Sender(tx) => {
            let send = tx.send(x);
            Ok(future_value(Box::pin(async move {
                Ok(match send.await {
                    Ok(()) => Value::ok(Value::Unit),
                    Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
                })
            })))
        }
        Value::UnboundedSender(tx) => Ok(match tx.send(x) {
            Ok(()) => Value::ok(Value::Unit),
            Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
        }),
        Value::OneshotSender(cell) => {
            let tx = cell.borrow_mut().take();
            match tx {
                Some(tx) => Ok(match tx.send(x) {
                    Ok(()) => Value::ok(Value::Unit),
                    Err(v) => Value::err(v),
                }),
                None => Err(i.panic(
                    at,
                    "use of moved value: the oneshot sender was already used",
                )),
            }
        }
        other => Err(wrong(i, "send", other, at)),
    }
}
fn is_closed(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::Sender(tx) => Ok(Value::Bool(tx.is_closed())),
        Value::UnboundedSender(tx) => Ok(Value::Bool(tx.is_closed())),
        Value::Receiver(rx) => Ok(Value::Bool(rx.is_closed())),
        other => Err(wrong(i, "is_closed", other, at)),
    }
}
fn recv(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::Receiver(rx) = v else {
        return Err(wrong(i, "recv", v, at));
    };
    let recv = rx.recv();
    let keep = rx.clone();
    Ok(future_value(Box::pin(async move {
        let v = recv.await;
        drop(keep);
        Ok(Value::Opt(v.map(Box::new)))
    })))
}
fn try_recv(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::Receiver(rx) = v else {
        return Err(wrong(i, "try_recv", v, at));
    };
    Ok(match rx.try_recv() {
        Ok(v) => Value::ok(v),
        Err(e) => Value::err(Value::Error(Rc::new((format!("{e:?}"), e.to_string())))),
    })
}
fn close(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::Receiver(rx) = v else {
        return Err(wrong(i, "close", v, at));
    };
    rx.close();
    Ok(Value::Unit)
}
fn tick(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::Interval(iv) = v else {
        return Err(wrong(i, "tick", v, at));
    };
    let tick = iv.tick();
    Ok(future_value(Box::pin(async move {
        Ok(Value::Instant(tick.await))
    })))
}
fn flush(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    match v {
        Value::Unit => Ok(Value::ok(Value::Unit)),
        other => Err(wrong(i, "flush", other, at)),
    }
}
