//! Operators, integer types and casts.

use super::*;

impl Interp {
    // ---------------------------------------------------------------- operators

    pub(super) fn binop(&self, op: BinOp, l: Value, r: Value, at: Span) -> R {
        use BinOp::*;
        if matches!(l, Value::Adt(_)) || matches!(r, Value::Adt(_)) {
            return self.user_binop(op, l, r, at);
        }
        let overflow = |what: &str| self.panic(at, format!("attempt to {what} with overflow"));
        // Operators see through references (`*a + b`, `&x == &y`).
        let (l, r) = (mem::deref(l), mem::deref(r));
        match (l, r) {
            (Value::Int(a, ta), Value::Int(b, tb)) => {
                let mut t = ta.unify(tb);
                // Two unsuffixed literals whose values don't fit an `i32`: Rust would have inferred
                // a wider type from their context (`Duration::from_secs(5_000_000_000)`).
                if t == IntTy::Infer && !(in_range(a, IntTy::I32) && in_range(b, IntTy::I32)) {
                    t = IntTy::I64;
                }
                let checked = |x: Option<i128>, what: &str| match x.filter(|x| in_range(*x, t)) {
                    Some(x) => Ok(Value::Int(x, t)),
                    None => Err(overflow(what)),
                };
                match op {
                    Add => checked(a.checked_add(b), "add"),
                    Sub => checked(a.checked_sub(b), "subtract"),
                    Mul => checked(a.checked_mul(b), "multiply"),
                    Div if b == 0 => Err(self.panic(at, "attempt to divide by zero")),
                    Div => checked(a.checked_div(b), "divide"),
                    Rem if b == 0 => Err(self.panic(
                        at,
                        "attempt to calculate the remainder with a divisor of zero",
                    )),
                    Rem => checked(a.checked_rem(b), "calculate the remainder"),
                    BitAnd => Ok(Value::Int(a & b, t)),
                    BitOr => Ok(Value::Int(a | b, t)),
                    BitXor => Ok(Value::Int(a ^ b, t)),
                    Shl | Shr => {
                        let bits = int_bits(t);
                        if b < 0 || b >= i128::from(bits) {
                            return Err(overflow(if op == Shl {
                                "shift left"
                            } else {
                                "shift right"
                            }));
                        }
                        let s = u32::try_from(b).unwrap_or(0);
                        Ok(Value::Int(
                            if op == Shl {
                                wrap_int(a.wrapping_shl(s), t)
                            } else {
                                a >> s
                            },
                            t,
                        ))
                    }
                    _ => compare(op, Value::Int(a, ta), Value::Int(b, tb))
                        .ok_or_else(|| self.panic(at, "cannot compare")),
                }
            }
            (Value::Float(a), Value::Float(b)) => {
                float_op(op, a, b).ok_or_else(|| self.panic(at, "unsupported float operation"))
            }
            (Value::Int(a, _), Value::Float(b)) => {
                float_op(op, a as f64, b).ok_or_else(|| self.panic(at, "unsupported operation"))
            }
            (Value::Float(a), Value::Int(b, _)) => {
                float_op(op, a, b as f64).ok_or_else(|| self.panic(at, "unsupported operation"))
            }
            (Value::Str(a), r) if op == Add => {
                let mut s = a;
                Rc::make_mut(&mut s).push_str(&fmt::display(&r, None));
                self.check_len(s.len(), "String")?;
                Ok(Value::Str(s))
            }
            (Value::Duration(a), Value::Duration(b)) => match op {
                Add => a
                    .checked_add(b)
                    .map(Value::Duration)
                    .ok_or_else(|| self.panic(at, "overflow when adding durations")),
                Sub => a
                    .checked_sub(b)
                    .map(Value::Duration)
                    .ok_or_else(|| self.panic(at, "overflow when subtracting durations")),
                _ => compare(op, Value::Duration(a), Value::Duration(b))
                    .ok_or_else(|| self.panic(at, "unsupported operation on `Duration`")),
            },
            (Value::Duration(d), Value::Int(n, _)) | (Value::Int(n, _), Value::Duration(d))
                if matches!(op, Mul | Div) =>
            {
                let n = u32::try_from(n).map_err(|_| {
                    self.panic(at, "a `Duration` is multiplied or divided by a `u32`")
                })?;
                match op {
                    Mul => d.checked_mul(n).map(Value::Duration).ok_or_else(|| {
                        self.panic(at, "overflow when multiplying duration by scalar")
                    }),
                    _ if n == 0 => {
                        Err(self.panic(at, "divide by zero error when dividing duration by scalar"))
                    }
                    _ => Ok(Value::Duration(d / n)),
                }
            }
            (Value::Instant(t), Value::Duration(d)) if matches!(op, Add | Sub) => {
                let us = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
                match op {
                    Add => Ok(Value::Instant(t.saturating_add(us))),
                    _ => t.checked_sub(us).map(Value::Instant).ok_or_else(|| {
                        self.panic(at, "overflow when subtracting duration from instant")
                    }),
                }
            }
            (Value::Instant(a), Value::Instant(b)) if op == Sub => {
                Ok(Value::Duration(Duration::from_micros(a.saturating_sub(b))))
            }
            (l, r) => compare(op, l.clone(), r.clone()).ok_or_else(|| {
                self.panic(
                    at,
                    format!(
                        "cannot apply `{op:?}` to `{}` and `{}`",
                        l.type_name(),
                        r.type_name()
                    ),
                )
            }),
        }
    }
}

pub(super) fn in_range(x: i128, t: IntTy) -> bool {
    let (lo, hi) = t.range();
    x >= lo && x <= hi
}

pub(super) fn int_bits(t: IntTy) -> u32 {
    match t {
        IntTy::I8 | IntTy::U8 => 8,
        IntTy::I16 | IntTy::U16 => 16,
        IntTy::I32 | IntTy::U32 | IntTy::Infer => 32,
        IntTy::I64 | IntTy::U64 | IntTy::Isize | IntTy::Usize => 64,
        IntTy::I128 | IntTy::U128 => 128,
    }
}

pub(super) fn int_ty(v: &Value) -> IntTy {
    match v {
        Value::Int(_, t) => *t,
        _ => IntTy::Infer,
    }
}

/// Two's-complement wrap of `x` into `t` (what `as` and `wrapping_*` do).
pub(super) fn wrap_int(x: i128, t: IntTy) -> i128 {
    let bits = int_bits(t);
    if bits >= 128 {
        return x;
    }
    let m = 1i128 << bits;
    let u = x.rem_euclid(m);
    let (lo, _) = t.range();
    if lo < 0 && u >= m / 2 {
        u - m
    } else {
        u
    }
}

pub(super) fn float_op(op: BinOp, a: f64, b: f64) -> Option<Value> {
    use BinOp::*;
    Some(match op {
        Add => Value::Float(a + b),
        Sub => Value::Float(a - b),
        Mul => Value::Float(a * b),
        Div => Value::Float(a / b),
        Rem => Value::Float(a % b),
        _ => return compare(op, Value::Float(a), Value::Float(b)),
    })
}

pub(super) fn compare(op: BinOp, l: Value, r: Value) -> Option<Value> {
    use std::cmp::Ordering::*;
    Some(Value::Bool(match op {
        BinOp::Eq => l.equals(&r),
        BinOp::Ne => !l.equals(&r),
        BinOp::Lt => l.compare(&r)? == Less,
        BinOp::Le => l.compare(&r)? != Greater,
        BinOp::Gt => l.compare(&r)? == Greater,
        BinOp::Ge => l.compare(&r)? != Less,
        _ => return None,
    }))
}

pub(super) fn cast(v: Value, ty: &Ty) -> Value {
    match (v, ty) {
        (Value::Int(n, _), Ty::Int(t)) => Value::Int(wrap_int(n, *t), *t),
        (Value::Float(f), Ty::Int(t)) => {
            let (lo, hi) = t.range();
            // `as` from float saturates, and NaN is 0.
            let n = if f.is_nan() {
                0
            } else {
                (f.trunc() as i128).clamp(lo, hi)
            };
            Value::Int(n, *t)
        }
        (Value::Bool(b), Ty::Int(t)) => Value::Int(i128::from(b), *t),
        (Value::Char(c), Ty::Int(t)) => Value::Int(wrap_int(i128::from(u32::from(c)), *t), *t),
        (Value::Int(n, _), Ty::Float) => Value::Float(n as f64),
        // `Color::Red as i32`: a fieldless variant's discriminant.
        (Value::Adt(a), Ty::Int(t)) => {
            let d = a.variant_def().map(|v| v.discriminant).unwrap_or(0);
            Value::Int(wrap_int(d, *t), *t)
        }
        (v, _) => v,
    }
}

/// Gives unsuffixed integer literals the type the context declares (`let x: u64 = 5`).
pub(super) fn coerce(v: Value, ty: &Ty) -> Value {
    match (v, ty) {
        (Value::Int(n, IntTy::Infer), Ty::Int(t)) => Value::Int(n, *t),
        (Value::Int(n, _), Ty::Float) => Value::Float(n as f64),
        (Value::Tuple(items), Ty::Tuple(tys)) => {
            let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
            Value::Tuple(Rc::new(
                items
                    .into_iter()
                    .zip(tys.iter().chain(std::iter::repeat(&Ty::Other)))
                    .map(|(v, t)| coerce(v, t))
                    .collect(),
            ))
        }
        (Value::Vec(items), Ty::Vec(t)) => {
            if !items
                .iter()
                .any(|v| matches!(v, Value::Int(_, IntTy::Infer)))
            {
                return Value::Vec(items);
            }
            let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
            Value::Vec(Rc::new(items.into_iter().map(|v| coerce(v, t)).collect()))
        }
        (Value::Opt(Some(x)), Ty::Option(t)) => Value::some(coerce(*x, t)),
        (Value::Res(Ok(x)), Ty::Result(t, _)) => Value::ok(coerce(*x, t)),
        (Value::Res(Err(x)), Ty::Result(_, e)) => Value::err(coerce(*x, e)),
        (v, _) => v,
    }
}
