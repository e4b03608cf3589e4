//! The methods of the std and Tokio values, by receiver and name.

use super::*;

impl Interp {
    pub(super) fn method_on(&self, v: &mut Value, name: &str, mut a: Vec<Value>, at: Span) -> R {
        if let Some(r) = self.cell_method(v, name, &mut a, at) {
            return r;
        }
        if let Some(r) = self.tokio_method(v, name, &mut a, at) {
            return r;
        }
        // The std methods below take their arguments as values: references are read through.
        let mut a: Vec<Value> = a.into_iter().map(mem::deref).collect();
        // rustc refuses a call with too few arguments (E0061) before anything runs; the checker and
        // the lowering catch most, and this keeps the methods below from indexing past the end.
        if a.is_empty() && matches!(name, "push" | "send") {
            return Err(self.panic(
                at,
                format!("this method takes 1 argument but 0 arguments were supplied: `{name}`"),
            ));
        }
        let arg0 = a.first().cloned().unwrap_or(Value::Unit);
        let mut dbg = String::new();
        match (name, &mut *v) {
            // ---- generic
            (
                "clone" | "to_owned" | "into" | "as_ref" | "as_mut" | "cloned" | "copied" | "iter"
                | "iter_mut" | "into_iter" | "collect",
                Value::Range(..) | Value::Str(_),
            ) if matches!(name, "iter" | "into_iter" | "collect" | "cloned" | "copied") => {
                let items = self.items(v.clone(), at)?;
                if name == "collect" {
                    if let Value::Str(_) = v {
                        return Ok(v.clone());
                    }
                }
                Ok(Value::Vec(Rc::new(items)))
            }
            (
                "clone" | "to_owned" | "into" | "as_ref" | "as_mut" | "cloned" | "copied" | "iter"
                | "iter_mut" | "into_iter" | "fuse",
                x,
            ) => {
                if name == "clone" {
                    if let Value::Sender(s) = x {
                        return Ok(Value::Sender(s.clone()));
                    }
                    if let Value::UnboundedSender(s) = x {
                        return Ok(Value::UnboundedSender(s.clone()));
                    }
                }
                Ok(x.clone())
            }
            ("collect", Value::Vec(items)) => {
                // `collect::<String>()` of chars or strings.
                if items.iter().all(|i| matches!(i, Value::Char(_))) && !items.is_empty() {
                    return Ok(Value::str(
                        items
                            .iter()
                            .map(|c| fmt::display(c, None))
                            .collect::<String>(),
                    ));
                }
                Ok(v.clone())
            }
            ("to_string", x) => Ok(Value::str(fmt::display(x, None))),
            // ---- Option / Result
            ("unwrap", Value::Opt(o)) => match o.take() {
                Some(x) => Ok(*x),
                None => Err(self.panic(at, "called `Option::unwrap()` on a `None` value")),
            },
            ("unwrap", Value::Res(r)) => match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                Ok(x) => Ok(*x),
                Err(e) => {
                    fmt::debug(&mut dbg, &e, None);
                    Err(self.panic(
                        at,
                        format!("called `Result::unwrap()` on an `Err` value: {dbg}"),
                    ))
                }
            },
            ("expect", Value::Opt(o)) => match o.take() {
                Some(x) => Ok(*x),
                None => Err(self.panic(at, fmt::display(&arg0, None))),
            },
            ("expect", Value::Res(r)) => match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                Ok(x) => Ok(*x),
                Err(e) => {
                    fmt::debug(&mut dbg, &e, None);
                    Err(self.panic(at, format!("{}: {dbg}", fmt::display(&arg0, None))))
                }
            },
            ("unwrap_err" | "expect_err", Value::Res(r)) => {
                match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                    Err(e) => Ok(*e),
                    Ok(x) => {
                        fmt::debug(&mut dbg, &x, None);
                        let head = if name == "unwrap_err" {
                            "called `Result::unwrap_err()` on an `Ok` value".to_string()
                        } else {
                            fmt::display(&arg0, None)
                        };
                        Err(self.panic(at, format!("{head}: {dbg}")))
                    }
                }
            }
            ("unwrap_or", Value::Opt(o)) => Ok(o.take().map(|x| *x).unwrap_or(arg0)),
            ("unwrap_or", Value::Res(r)) => Ok(match r {
                Ok(x) => (**x).clone(),
                Err(_) => arg0,
            }),
            ("unwrap_or_default", Value::Opt(None) | Value::Res(Err(_))) => {
                Ok(Value::Int(0, IntTy::Infer))
            }
            ("unwrap_or_default", Value::Opt(Some(x)) | Value::Res(Ok(x))) => Ok((**x).clone()),
            ("is_some", Value::Opt(o)) => Ok(Value::Bool(o.is_some())),
            ("is_none", Value::Opt(o)) => Ok(Value::Bool(o.is_none())),
            ("is_ok", Value::Res(r)) => Ok(Value::Bool(r.is_ok())),
            ("is_err", Value::Res(r)) => Ok(Value::Bool(r.is_err())),
            ("ok", Value::Res(r)) => {
                Ok(Value::Opt(r.as_ref().ok().map(|x| Box::new((**x).clone()))))
            }
            ("err", Value::Res(r)) => Ok(Value::Opt(
                r.as_ref().err().map(|x| Box::new((**x).clone())),
            )),
            // ---- strings
            ("len", Value::Str(s)) => Ok(Value::usize(s.len())),
            ("is_empty", Value::Str(s)) => Ok(Value::Bool(s.is_empty())),
            ("as_str" | "trim", Value::Str(s)) => Ok(Value::str(if name == "trim" {
                s.trim()
            } else {
                s.as_str()
            })),
            ("push_str", Value::Str(s)) => {
                let add = fmt::display(&arg0, None);
                Rc::make_mut(s).push_str(&add);
                self.check_len(s.len(), "String")?;
                Ok(Value::Unit)
            }
            ("push", Value::Str(s)) => {
                Rc::make_mut(s).push_str(&fmt::display(&arg0, None));
                self.check_len(s.len(), "String")?;
                Ok(Value::Unit)
            }
            ("to_uppercase", Value::Str(s)) => Ok(Value::str(s.to_uppercase())),
            ("to_lowercase", Value::Str(s)) => Ok(Value::str(s.to_lowercase())),
            ("contains", Value::Str(s)) => {
                Ok(Value::Bool(s.contains(fmt::display(&arg0, None).as_str())))
            }
            ("starts_with", Value::Str(s)) => Ok(Value::Bool(
                s.starts_with(fmt::display(&arg0, None).as_str()),
            )),
            ("ends_with", Value::Str(s)) => {
                Ok(Value::Bool(s.ends_with(fmt::display(&arg0, None).as_str())))
            }
            ("chars", Value::Str(s)) => {
                Ok(Value::Vec(Rc::new(s.chars().map(Value::Char).collect())))
            }
            ("split_whitespace", Value::Str(s)) => Ok(Value::Vec(Rc::new(
                s.split_whitespace().map(Value::str).collect(),
            ))),
            ("repeat", Value::Str(s)) => {
                let n = self.as_usize(&arg0, at)?;
                self.check_len(s.len().saturating_mul(n), "String")?;
                self.bulk(s.len().saturating_mul(n), "String")?;
                Ok(Value::str(s.repeat(n)))
            }
            // ---- Vec and iterators
            ("len" | "count", Value::Vec(items)) => Ok(Value::usize(items.len())),
            ("len" | "count", Value::Range(a, b, _)) => {
                Ok(Value::usize(usize::try_from(*b - *a).unwrap_or(0)))
            }
            ("is_empty", Value::Vec(items)) => Ok(Value::Bool(items.is_empty())),
            ("push", Value::Vec(items)) => {
                self.check_len(items.len() + 1, "Vec")?;
                Rc::make_mut(items).push(a.swap_remove(0));
                Ok(Value::Unit)
            }
            ("pop", Value::Vec(items)) => Ok(Value::Opt(Rc::make_mut(items).pop().map(Box::new))),
            ("first", Value::Vec(items)) => Ok(Value::Opt(items.first().cloned().map(Box::new))),
            ("last", Value::Vec(items)) => Ok(Value::Opt(items.last().cloned().map(Box::new))),
            ("get", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                Ok(Value::Opt(items.get(i).cloned().map(Box::new)))
            }
            ("contains", Value::Vec(items)) => {
                Ok(Value::Bool(items.iter().any(|x| x.equals(&arg0))))
            }
            ("contains", Value::Range(lo, hi, _)) => Ok(Value::Bool(
                matches!(arg0, Value::Int(n, _) if n >= *lo && n < *hi),
            )),
            ("insert", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                if i > items.len() {
                    return Err(self.panic(
                        at,
                        format!(
                            "insertion index (is {i}) should be <= len (is {})",
                            items.len()
                        ),
                    ));
                }
                self.check_len(items.len() + 1, "Vec")?;
                let x = a.pop().unwrap_or(Value::Unit);
                Rc::make_mut(items).insert(i, x);
                Ok(Value::Unit)
            }
            ("remove", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                if i >= items.len() {
                    return Err(self.panic(
                        at,
                        format!(
                            "removal index (is {i}) should be < len (is {})",
                            items.len()
                        ),
                    ));
                }
                Ok(Rc::make_mut(items).remove(i))
            }
            ("clear", Value::Vec(items)) => {
                Rc::make_mut(items).clear();
                Ok(Value::Unit)
            }
            ("extend", Value::Vec(items)) => {
                let more = self.items(arg0, at)?;
                self.check_len(items.len() + more.len(), "Vec")?;
                Rc::make_mut(items).extend(more);
                Ok(Value::Unit)
            }
            ("reverse", Value::Vec(items)) => {
                Rc::make_mut(items).reverse();
                Ok(Value::Unit)
            }
            ("sort", Value::Vec(items)) => {
                Rc::make_mut(items)
                    .sort_by(|x, y| x.compare(y).unwrap_or(std::cmp::Ordering::Equal));
                Ok(Value::Unit)
            }
            ("join", Value::Vec(items)) => {
                let sep = fmt::display(&arg0, None);
                let s = items
                    .iter()
                    .map(|x| fmt::display(x, None))
                    .collect::<Vec<_>>()
                    .join(&sep);
                self.check_len(s.len(), "String")?;
                Ok(Value::str(s))
            }
            (
                "enumerate" | "rev" | "sum" | "skip" | "take" | "zip" | "min" | "max",
                seq @ (Value::Vec(_) | Value::Range(..)),
            ) => {
                let items = self.items(seq.clone(), at)?;
                match name {
                    "enumerate" => Ok(Value::Vec(Rc::new(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| Value::Tuple(Rc::new(vec![Value::usize(i), x])))
                            .collect(),
                    ))),
                    "rev" => Ok(Value::Vec(Rc::new(items.into_iter().rev().collect()))),
                    "skip" => Ok(Value::Vec(Rc::new(
                        items.into_iter().skip(self.as_usize(&arg0, at)?).collect(),
                    ))),
                    "take" => Ok(Value::Vec(Rc::new(
                        items.into_iter().take(self.as_usize(&arg0, at)?).collect(),
                    ))),
                    "zip" => {
                        let other = self.items(arg0, at)?;
                        Ok(Value::Vec(Rc::new(
                            items
                                .into_iter()
                                .zip(other)
                                .map(|(x, y)| Value::Tuple(Rc::new(vec![x, y])))
                                .collect(),
                        )))
                    }
                    "min" | "max" => {
                        let want = if name == "min" {
                            std::cmp::Ordering::Less
                        } else {
                            std::cmp::Ordering::Greater
                        };
                        let mut best: Option<Value> = None;
                        for x in items {
                            best = match best {
                                // `max` keeps the last of equal elements, `min` the first.
                                Some(b) => match x.compare(&b) {
                                    Some(o) if o == want => Some(x),
                                    Some(std::cmp::Ordering::Equal) if name == "max" => Some(x),
                                    _ => Some(b),
                                },
                                None => Some(x),
                            };
                        }
                        Ok(Value::Opt(best.map(Box::new)))
                    }
                    _ => {
                        let mut total = Value::Int(0, IntTy::Infer);
                        for x in items {
                            if let (Value::Int(0, IntTy::Infer), Value::Float(_)) = (&total, &x) {
                                total = Value::Float(0.0);
                            }
                            total = self.binop(BinOp::Add, total, x, at)?;
                        }
                        Ok(total)
                    }
                }
            }
            // ---- numbers
            ("abs", Value::Int(n, t)) => match n.checked_abs().filter(|r| in_range(*r, *t)) {
                Some(r) => Ok(Value::Int(r, *t)),
                None => Err(self.panic(at, "attempt to negate with overflow")),
            },
            ("abs", Value::Float(f)) => Ok(Value::Float(f.abs())),
            ("pow", Value::Int(..)) => {
                let e = u32::try_from(self.as_usize(&arg0, at)?).unwrap_or(u32::MAX);
                let mut acc = Value::Int(1, int_ty(v));
                for _ in 0..e.min(200) {
                    acc = self
                        .binop(BinOp::Mul, acc, v.clone(), at)
                        .map_err(|_| self.panic(at, "attempt to multiply with overflow"))?;
                }
                Ok(acc)
            }
            (
                "min" | "max",
                x @ (Value::Int(..) | Value::Float(_) | Value::Duration(_) | Value::Str(_)),
            ) => {
                let o = x.compare(&arg0).unwrap_or(std::cmp::Ordering::Equal);
                let pick_self = if name == "min" {
                    o != std::cmp::Ordering::Greater
                } else {
                    o == std::cmp::Ordering::Greater
                };
                Ok(if pick_self { x.clone() } else { arg0 })
            }
            (m, Value::Int(n, t))
                if m.starts_with("checked_")
                    || m.starts_with("saturating_")
                    || m.starts_with("wrapping_") =>
            {
                let (n, t) = (*n, *t);
                let Value::Int(r, t2) = arg0 else {
                    return Err(self.panic(at, format!("`{m}` takes an integer")));
                };
                let t = t.unify(t2);
                let exact = match m.rsplit('_').next() {
                    Some("add") => n.checked_add(r),
                    Some("sub") => n.checked_sub(r),
                    Some("mul") => n.checked_mul(r),
                    _ => n.checked_div(r),
                };
                let (lo, hi) = t.range();
                Ok(if m.starts_with("checked_") {
                    Value::Opt(
                        exact
                            .filter(|x| in_range(*x, t))
                            .map(|x| Box::new(Value::Int(x, t))),
                    )
                } else if m.starts_with("saturating_") {
                    let x = exact.unwrap_or(if (r < 0) == m.ends_with("add") {
                        lo
                    } else {
                        hi
                    });
                    Value::Int(x.clamp(lo, hi), t)
                } else {
                    Value::Int(wrap_int(exact.unwrap_or(0), t), t)
                })
            }
            ("sqrt", Value::Float(f)) => Ok(Value::Float(f.sqrt())),
            ("round", Value::Float(f)) => Ok(Value::Float(f.round())),
            ("floor", Value::Float(f)) => Ok(Value::Float(f.floor())),
            ("ceil", Value::Float(f)) => Ok(Value::Float(f.ceil())),
            ("powi", Value::Float(f)) => Ok(Value::Float(
                f.powi(i32::try_from(self.as_usize(&arg0, at)?).unwrap_or(i32::MAX)),
            )),
            // ---- time
            ("as_secs", Value::Duration(d)) => Ok(Value::Int(i128::from(d.as_secs()), IntTy::U64)),
            ("as_millis", Value::Duration(d)) => Ok(Value::Int(d.as_millis() as i128, IntTy::U128)),
            ("as_micros", Value::Duration(d)) => Ok(Value::Int(d.as_micros() as i128, IntTy::U128)),
            ("as_nanos", Value::Duration(d)) => Ok(Value::Int(d.as_nanos() as i128, IntTy::U128)),
            ("as_secs_f64" | "as_secs_f32", Value::Duration(d)) => {
                Ok(Value::Float(d.as_secs_f64()))
            }
            ("subsec_millis", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_millis()), IntTy::U32))
            }
            ("subsec_micros", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_micros()), IntTy::U32))
            }
            ("subsec_nanos", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_nanos()), IntTy::U32))
            }
            ("elapsed", Value::Instant(t)) => Ok(Value::Duration(Duration::from_micros(
                self.0.rt.now_us().saturating_sub(*t),
            ))),
            ("duration_since" | "saturating_duration_since", Value::Instant(t)) => match arg0 {
                Value::Instant(o) => {
                    Ok(Value::Duration(Duration::from_micros(t.saturating_sub(o))))
                }
                _ => Err(self.panic(at, "`duration_since` takes an `Instant`")),
            },
            ("checked_duration_since", Value::Instant(t)) => match arg0 {
                Value::Instant(o) => {
                    Ok(Value::Opt(t.checked_sub(o).map(|d| {
                        Box::new(Value::Duration(Duration::from_micros(d)))
                    })))
                }
                _ => Err(self.panic(at, "`checked_duration_since` takes an `Instant`")),
            },
            // ---- tasks
            ("abort", Value::JoinHandle(h)) => {
                if let Some(h) = h.borrow().as_ref() {
                    h.abort();
                }
                Ok(Value::Unit)
            }
            ("is_finished", Value::JoinHandle(h)) => Ok(Value::Bool(
                h.borrow().as_ref().is_none_or(|h| h.is_finished()),
            )),
            ("is_cancelled", Value::JoinError(e)) => Ok(Value::Bool(e.is_cancelled())),
            ("is_panic", Value::JoinError(e)) => Ok(Value::Bool(e.is_panic())),
            // ---- channels
            ("send", Value::Sender(tx)) => {
                let send = tx.send(a.swap_remove(0));
                Ok(future_value(Box::pin(async move {
                    Ok(match send.await {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
                    })
                })))
            }
            ("send", Value::UnboundedSender(tx)) => Ok(match tx.send(a.swap_remove(0)) {
                Ok(()) => Value::ok(Value::Unit),
                Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
            }),
            ("send", Value::OneshotSender(cell)) => {
                let tx = cell.borrow_mut().take();
                match tx {
                    Some(tx) => Ok(match tx.send(a.swap_remove(0)) {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(v) => Value::err(v),
                    }),
                    None => Err(self.panic(
                        at,
                        "use of moved value: the oneshot sender was already used",
                    )),
                }
            }
            ("is_closed", Value::Sender(tx)) => Ok(Value::Bool(tx.is_closed())),
            ("is_closed", Value::UnboundedSender(tx)) => Ok(Value::Bool(tx.is_closed())),
            ("is_closed", Value::Receiver(rx)) => Ok(Value::Bool(rx.is_closed())),
            ("recv", Value::Receiver(rx)) => {
                let recv = rx.recv();
                let keep = rx.clone();
                Ok(future_value(Box::pin(async move {
                    let v = recv.await;
                    drop(keep);
                    Ok(Value::Opt(v.map(Box::new)))
                })))
            }
            ("tick", Value::Interval(i)) => {
                let tick = i.tick();
                Ok(future_value(Box::pin(async move {
                    Ok(Value::Instant(tick.await))
                })))
            }
            ("try_recv", Value::Receiver(rx)) => Ok(match rx.try_recv() {
                Ok(v) => Value::ok(v),
                Err(e) => Value::err(Value::Error(Rc::new((format!("{e:?}"), e.to_string())))),
            }),
            ("parse", Value::Str(s)) => Ok(parse(s, &arg0)),
            ("flush", Value::Unit) => Ok(Value::ok(Value::Unit)),
            ("step_by", seq @ (Value::Vec(_) | Value::Range(..))) => {
                let n = self.as_usize(&arg0, at)?;
                if n == 0 {
                    return Err(self.panic(at, "assertion failed: step != 0"));
                }
                let items = self.items(seq.clone(), at)?;
                Ok(Value::Vec(Rc::new(items.into_iter().step_by(n).collect())))
            }
            ("close", Value::Receiver(rx)) => {
                rx.close();
                Ok(Value::Unit)
            }
            (_, other) => Err(self.panic(
                at,
                format!(
                    "no method named `{name}` found for `{}` in this playground",
                    other.type_name()
                ),
            )),
        }
    }
}

/// `str::parse` to the type `target` stands for (an integer or float literal), with Rust's own
/// errors (`ParseIntError { kind: InvalidDigit }`, "invalid digit found in string").
pub(super) fn parse(s: &str, target: &Value) -> Value {
    pub(super) fn res<T, E: std::fmt::Debug + std::fmt::Display>(
        r: Result<T, E>,
        ok: impl FnOnce(T) -> Value,
    ) -> Value {
        match r {
            Ok(v) => Value::ok(ok(v)),
            Err(e) => Value::err(Value::Error(Rc::new((format!("{e:?}"), e.to_string())))),
        }
    }
    let int = |t: IntTy| move |n: i128| Value::Int(n, t);
    match target {
        Value::Float(_) => res(s.parse::<f64>(), Value::Float),
        Value::Int(_, t) => match t {
            IntTy::I8 => res(s.parse::<i8>().map(i128::from), int(*t)),
            IntTy::I16 => res(s.parse::<i16>().map(i128::from), int(*t)),
            IntTy::I32 | IntTy::Infer => res(s.parse::<i32>().map(i128::from), int(*t)),
            IntTy::I64 | IntTy::Isize => res(s.parse::<i64>().map(i128::from), int(*t)),
            IntTy::I128 => res(s.parse::<i128>(), int(*t)),
            IntTy::U8 => res(s.parse::<u8>().map(i128::from), int(*t)),
            IntTy::U16 => res(s.parse::<u16>().map(i128::from), int(*t)),
            IntTy::U32 => res(s.parse::<u32>().map(i128::from), int(*t)),
            IntTy::U64 | IntTy::Usize => res(s.parse::<u64>().map(i128::from), int(*t)),
            IntTy::U128 => res(s.parse::<i128>().map(|n| n.max(0)), int(*t)),
        },
        _ => res(s.parse::<i32>().map(i128::from), int(IntTy::Infer)),
    }
}

pub(super) fn duration_err(e: &str) -> String {
    e.trim_start_matches("cannot convert float seconds to Duration: ")
        .to_string()
}
