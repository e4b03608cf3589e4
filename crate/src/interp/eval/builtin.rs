//! The free functions of std and Tokio that the lowering resolved (`sleep`, `spawn`, `channel`, …).

use super::*;

impl Interp {
    pub(super) fn builtin(&self, b: Builtin, a: Vec<Value>, at: Span) -> R {
        if let Builtin::Mem(f) = b {
            return self.mem_builtin(f, a, at);
        }
        if let Builtin::Std(path) = b {
            return crate::interp::stdlib::collections::call(self, path, a, at);
        }
        // The library functions below take values: a reference argument is read through.
        let mut a: Vec<Value> = a.into_iter().map(mem::deref).collect();
        let int_arg = |a: &[Value], i: usize| -> R<i128> {
            match a.get(i) {
                Some(Value::Int(n, _)) => Ok(*n),
                Some(Value::Float(f)) => Ok(*f as i128),
                _ => Err(self.panic(at, "expected an integer argument")),
            }
        };
        let u64_arg = |a: &[Value], i: usize| -> R<u64> {
            let n = int_arg(a, i)?;
            u64::try_from(n).map_err(|_| self.panic(at, format!("`{n}` does not fit in a `u64`")))
        };
        let take = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.swap_remove(0)
            }
        };
        let rt = &self.0.rt;
        match b {
            Builtin::Tokio(f) => self.tokio_fn(f, a, at),
            Builtin::DurationFromSecs => Ok(Value::Duration(Duration::from_secs(u64_arg(&a, 0)?))),
            Builtin::DurationFromMillis => {
                Ok(Value::Duration(Duration::from_millis(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromMicros => {
                Ok(Value::Duration(Duration::from_micros(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromNanos => {
                Ok(Value::Duration(Duration::from_nanos(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromSecsF64 => {
                let f = match a.first() {
                    Some(Value::Float(f)) => *f,
                    Some(Value::Int(n, _)) => *n as f64,
                    _ => 0.0,
                };
                Duration::try_from_secs_f64(f)
                    .map(Value::Duration)
                    .map_err(|e| {
                        self.panic(
                            at,
                            format!(
                                "cannot convert float seconds to Duration: {}",
                                duration_err(&e.to_string())
                            ),
                        )
                    })
            }
            Builtin::DurationNew => {
                let secs = u64_arg(&a, 0)?;
                let nanos = u32::try_from(int_arg(&a, 1)?).unwrap_or(u32::MAX);
                match secs.checked_add(u64::from(nanos / 1_000_000_000)) {
                    Some(_) => Ok(Value::Duration(Duration::new(secs, nanos))),
                    None => Err(self.panic(at, "overflow in Duration::new")),
                }
            }
            Builtin::DurationZero => Ok(Value::Duration(
                if matches!(a.first(), Some(Value::Bool(true))) {
                    Duration::MAX
                } else {
                    Duration::ZERO
                },
            )),
            Builtin::InstantNow => Ok(Value::Instant(rt.now_us())),
            Builtin::Sleep | Builtin::SleepUntil | Builtin::Timeout => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let when = a.first().cloned().unwrap_or(Value::Unit);
                let sleep = match (b, &when) {
                    (Builtin::SleepUntil, Value::Instant(t)) => rt.sleep_until(*t),
                    (Builtin::SleepUntil, _) => {
                        return Err(self.panic(at, "`sleep_until` takes an `Instant`"))
                    }
                    _ => rt.sleep(self.as_us(&when, at)?),
                };
                if b != Builtin::Timeout {
                    // A value of its own: `Sleep::reset`, `deadline`, `is_elapsed`.
                    return Ok(crate::interp::tokio::Obj::Sleep(RefCell::new(sleep)).value());
                }
                drop(sleep);
                let us = self.as_us(&when, at)?;
                let inner = a.get(1).cloned().unwrap_or(Value::Unit);
                let inner = self.to_future(inner, at)?;
                let t = rt.timeout(us, inner);
                Ok(future_value(Box::pin(async move {
                    match t.await {
                        Ok(Ok(v)) => Ok(Value::ok(v)),
                        Ok(Err(f)) => Err(f),
                        Err(rt::Elapsed) => Ok(Value::err(Value::Elapsed)),
                    }
                })))
            }
            Builtin::Spawn => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let fut = self.to_future(take(&mut a), at)?;
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
                let handle = rt.spawn(Box::pin(task));
                Ok(Value::JoinHandle(Rc::new(RefCell::new(Some(handle)))))
            }
            Builtin::YieldNow => {
                let y = rt.yield_now();
                Ok(future_value(Box::pin(async move {
                    y.await;
                    Ok(Value::Unit)
                })))
            }
            Builtin::JoinAll => {
                let items = match take(&mut a) {
                    Value::Vec(items) => Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone()),
                    other => {
                        return Err(self.panic(
                            at,
                            format!(
                                "`join_all` takes a `Vec` of futures, not `{}`",
                                other.type_name()
                            ),
                        ))
                    }
                };
                let futs = items
                    .into_iter()
                    .map(|v| self.to_future(v, at))
                    .collect::<R<Vec<_>>>()?;
                // `futures::future::join_all` polls its futures in order, from the first, each time.
                let j = rt::try_join(futs, true);
                Ok(future_value(Box::pin(async move {
                    Ok(Value::Vec(Rc::new(j.await?)))
                })))
            }
            Builtin::MpscChannel => {
                let n = self.as_usize(a.first().unwrap_or(&Value::Unit), at)?;
                if n == 0 {
                    return Err(self.panic(at, "mpsc bounded channel requires buffer > 0"));
                }
                let (tx, rx) = rt::mpsc::channel(n);
                Ok(Value::Tuple(Rc::new(vec![
                    Value::Sender(tx),
                    Value::Receiver(Rc::new(rx)),
                ])))
            }
            Builtin::MpscUnbounded => {
                let (tx, rx) = rt::mpsc::unbounded_channel();
                Ok(Value::Tuple(Rc::new(vec![
                    Value::UnboundedSender(tx),
                    Value::Receiver(Rc::new(rx)),
                ])))
            }
            Builtin::OneshotChannel => {
                let (tx, rx) = rt::oneshot::channel();
                // A value of its own (not a plain future): it has methods (`try_recv`, `close`).
                let rx = crate::interp::tokio::Obj::OneshotReceiver(RefCell::new(rx)).value();
                Ok(Value::Tuple(Rc::new(vec![
                    Value::OneshotSender(Rc::new(RefCell::new(Some(tx)))),
                    rx,
                ])))
            }
            Builtin::ThreadSleep => {
                let us = self.as_us(a.first().unwrap_or(&Value::Unit), at)?;
                if us > self.0.limits.max_block_us {
                    return Err(self.halt(self.0.limits.block_too_long(us)));
                }
                // Blocking is what the learner asked for: it does not count as a runaway poll. It is
                // measured in wall time, like the guard it is subtracted from (at speed 0.1 a
                // program-time second blocks the page for ten real ones).
                let before = rt.wall_us();
                rt.block(us);
                let took = rt.wall_us().saturating_sub(before);
                self.0
                    .blocked
                    .set(self.0.blocked.get().saturating_add(took));
                Ok(Value::Unit)
            }
            Builtin::StringFrom => Ok(match take(&mut a) {
                Value::Str(s) => Value::Str(s),
                other => Value::str(fmt::display(&other, None)),
            }),
            Builtin::StringNew => Ok(Value::str("")),
            Builtin::VecNew | Builtin::VecWithCapacity => Ok(Value::Vec(Rc::new(Vec::new()))),
            Builtin::Drop | Builtin::Mem(_) | Builtin::Std(_) => Ok(Value::Unit),
            Builtin::BoxPin | Builtin::BoxNew | Builtin::Identity => Ok(take(&mut a)),
            Builtin::Stdout => Ok(Value::Unit),
            Builtin::Interval => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let us = self.as_us(a.first().unwrap_or(&Value::Unit), at)?;
                if us == 0 {
                    return Err(self.panic(at, "`period` must be non-zero."));
                }
                Ok(Value::Interval(rt.interval(us)))
            }
        }
    }
}

fn duration_err(e: &str) -> String {
    e.trim_start_matches("cannot convert float seconds to Duration: ")
        .to_string()
}
