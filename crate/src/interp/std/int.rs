//! The integer types (`Value::Int` carries its type: arithmetic overflows by it).

use super::{arg, Family, Method, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{in_range, wrap_int, Interp, R};
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Int(..)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("abs", Sync(abs)),
    ("pow", Sync(pow)),
    ("signum", Sync(signum)),
    ("is_positive", Sync(is_positive)),
    ("is_negative", Sync(is_negative)),
    ("rem_euclid", Sync(rem_euclid)),
    ("div_euclid", Sync(div_euclid)),
    ("abs_diff", Sync(abs_diff)),
    ("isqrt", Sync(isqrt)),
    ("count_ones", Sync(count_ones)),
    ("count_zeros", Sync(count_zeros)),
    ("leading_zeros", Sync(leading_zeros)),
    ("trailing_zeros", Sync(trailing_zeros)),
    ("is_power_of_two", Sync(is_power_of_two)),
    ("checked_add", Sync(checked_add)),
    ("checked_sub", Sync(checked_sub)),
    ("checked_mul", Sync(checked_mul)),
    ("checked_div", Sync(checked_div)),
    ("checked_rem", Sync(checked_rem)),
    ("checked_pow", Sync(checked_pow)),
    ("saturating_add", Sync(saturating_add)),
    ("saturating_sub", Sync(saturating_sub)),
    ("saturating_mul", Sync(saturating_mul)),
    ("saturating_pow", Sync(saturating_pow)),
    ("wrapping_add", Sync(wrapping_add)),
    ("wrapping_sub", Sync(wrapping_sub)),
    ("wrapping_mul", Sync(wrapping_mul)),
    ("wrapping_pow", Sync(wrapping_pow)),
    ("wrapping_neg", Sync(wrapping_neg)),
    ("overflowing_add", Sync(overflowing_add)),
    ("overflowing_sub", Sync(overflowing_sub)),
    ("overflowing_mul", Sync(overflowing_mul)),
];

fn this(i: &Interp, v: &Value, at: Span) -> R<(i128, IntTy)> {
    match v {
        Value::Int(n, t) => Ok((*n, *t)),
        other => Err(i.panic(
            at,
            format!("expected an integer, found `{}`", other.type_name()),
        )),
    }
}

/// The integer argument `n`, with the receiver's type unified with it (`5u8.pow(2)` is a `u8`).
fn int_arg(i: &Interp, a: &mut [Value], name: &str, at: Span) -> R<(i128, IntTy)> {
    let x = arg(i, a, 0, name, at)?;
    this(i, &x, at)
}

fn overflow(i: &Interp, what: &str, at: Span) -> crate::interp::value::Flow {
    i.panic(at, format!("attempt to {what} with overflow"))
}

fn abs(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    match n.checked_abs().filter(|r| in_range(*r, t)) {
        Some(r) => Ok(Value::Int(r, t)),
        None => Err(overflow(i, "negate", at)),
    }
}
fn pow(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    let (e, _) = int_arg(i, &mut a, "pow", at)?;
    let e = u32::try_from(e).unwrap_or(u32::MAX);
    match n.checked_pow(e).filter(|r| in_range(*r, t)) {
        Some(r) => Ok(Value::Int(r, t)),
        None => Err(overflow(i, "multiply", at)),
    }
}
fn signum(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    Ok(Value::Int(n.signum(), t))
}
fn is_positive(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.0 > 0))
}
fn is_negative(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.0 < 0))
}
fn divisor(i: &Interp, a: &mut [Value], name: &str, at: Span) -> R<(i128, IntTy)> {
    let (d, t) = int_arg(i, a, name, at)?;
    if d == 0 {
        return Err(i.panic(
            at,
            "attempt to calculate the remainder with a divisor of zero",
        ));
    }
    Ok((d, t))
}
fn rem_euclid(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    let (d, t2) = divisor(i, &mut a, "rem_euclid", at)?;
    Ok(Value::Int(n.rem_euclid(d), t.unify(t2)))
}
fn div_euclid(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    let (d, t2) = int_arg(i, &mut a, "div_euclid", at)?;
    if d == 0 {
        return Err(i.panic(at, "attempt to divide by zero"));
    }
    Ok(Value::Int(n.div_euclid(d), t.unify(t2)))
}
fn abs_diff(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    let (m, t2) = int_arg(i, &mut a, "abs_diff", at)?;
    let t = match t.unify(t2) {
        IntTy::I8 => IntTy::U8,
        IntTy::I16 => IntTy::U16,
        IntTy::I32 | IntTy::Infer => IntTy::U32,
        IntTy::I64 => IntTy::U64,
        IntTy::Isize => IntTy::Usize,
        IntTy::I128 => IntTy::U128,
        u => u,
    };
    Ok(Value::Int((n - m).abs(), t))
}
fn isqrt(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    if n < 0 {
        return Err(i.panic(at, "argument of integer square root cannot be negative"));
    }
    let mut r = (n as f64).sqrt() as i128;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    Ok(Value::Int(r, t))
}
fn count_ones(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    let bits = wrap_int(n, t) as u128 & mask(t);
    Ok(Value::Int(i128::from(bits.count_ones()), IntTy::U32))
}
/// The value's bits in its type's width, and that width.
fn bits_of(i: &Interp, v: &Value, at: Span) -> R<(u128, u32)> {
    let (n, t) = this(i, v, at)?;
    Ok((
        wrap_int(n, t) as u128 & mask(t),
        crate::interp::eval::int_bits(t),
    ))
}
fn count_zeros(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (b, w) = bits_of(i, v, at)?;
    Ok(Value::Int(i128::from(w - b.count_ones()), IntTy::U32))
}
fn leading_zeros(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (b, w) = bits_of(i, v, at)?;
    Ok(Value::Int(
        i128::from(b.leading_zeros() - (128 - w)),
        IntTy::U32,
    ))
}
fn trailing_zeros(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (b, w) = bits_of(i, v, at)?;
    Ok(Value::Int(
        i128::from(b.trailing_zeros().min(w)),
        IntTy::U32,
    ))
}
fn is_power_of_two(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, _) = this(i, v, at)?;
    Ok(Value::Bool(n > 0 && (n & (n - 1)) == 0))
}
fn mask(t: IntTy) -> u128 {
    let bits = crate::interp::eval::int_bits(t);
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// The exact result of `op` (the part of the name after `checked_`, `wrapping_`, …), if it fits
/// in an `i128`.
fn exact(op: &str, n: i128, r: i128) -> Option<i128> {
    match op {
        "add" => n.checked_add(r),
        "sub" => n.checked_sub(r),
        "mul" => n.checked_mul(r),
        "div" => n.checked_div(r),
        "rem" => n.checked_rem(r),
        _ => n.checked_pow(u32::try_from(r).ok()?),
    }
}

/// The method's operator and the operands: `checked_add` → ("add", n, r, type).
fn operands(
    i: &Interp,
    v: &Value,
    a: &mut [Value],
    op: &'static str,
    at: Span,
) -> R<(&'static str, i128, i128, IntTy)> {
    let (n, t) = this(i, v, at)?;
    let (r, t2) = int_arg(i, a, op, at)?;
    // `pow`'s exponent is a `u32` whatever the receiver's type.
    let t = if op == "pow" { t } else { t.unify(t2) };
    Ok((op, n, r, t))
}

/// One row per method, one function per kind: `checked_add` is `checked("add", ..)`.
macro_rules! rows {
    ($($f:ident => $g:ident($op:literal)),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, a: Vec<Value>, at: Span) -> R {
            $g($op, i, v, a, at)
        })*
    };
}
rows! {
    checked_add => checked("add"), checked_sub => checked("sub"), checked_mul => checked("mul"),
    checked_div => checked("div"), checked_rem => checked("rem"), checked_pow => checked("pow"),
    saturating_add => saturating("add"), saturating_sub => saturating("sub"),
    saturating_mul => saturating("mul"), saturating_pow => saturating("pow"),
    wrapping_add => wrapping("add"), wrapping_sub => wrapping("sub"),
    wrapping_mul => wrapping("mul"), wrapping_pow => wrapping("pow"),
    overflowing_add => overflowing("add"), overflowing_sub => overflowing("sub"),
    overflowing_mul => overflowing("mul"),
}

fn checked(op: &'static str, i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (op, n, r, t) = operands(i, v, &mut a, op, at)?;
    Ok(Value::Opt(
        exact(op, n, r)
            .filter(|x| in_range(*x, t))
            .map(|x| Box::new(Value::Int(x, t))),
    ))
}
fn saturating(op: &'static str, i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (op, n, r, t) = operands(i, v, &mut a, op, at)?;
    let (lo, hi) = t.range();
    let x = match exact(op, n, r) {
        Some(x) => x.clamp(lo, hi),
        // Beyond i128 (only for 128-bit types): the sign of the true result decides.
        None => {
            let negative = match op {
                "add" => r < 0,
                "sub" => r > 0,
                "mul" => (n < 0) != (r < 0),
                _ => n < 0 && r % 2 == 1,
            };
            if negative {
                lo
            } else {
                hi
            }
        }
    };
    Ok(Value::Int(x, t))
}
fn wrapping(op: &'static str, i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (op, n, r, t) = operands(i, v, &mut a, op, at)?;
    let x = match op {
        "add" => n.wrapping_add(r),
        "sub" => n.wrapping_sub(r),
        "mul" => n.wrapping_mul(r),
        _ => n.wrapping_pow(u32::try_from(r).unwrap_or(u32::MAX)),
    };
    Ok(Value::Int(wrap_int(x, t), t))
}
fn wrapping_neg(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, t) = this(i, v, at)?;
    Ok(Value::Int(wrap_int(n.wrapping_neg(), t), t))
}
fn overflowing(op: &'static str, i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (op, n, r, t) = operands(i, v, &mut a, op, at)?;
    let x = match op {
        "add" => n.wrapping_add(r),
        "sub" => n.wrapping_sub(r),
        _ => n.wrapping_mul(r),
    };
    let w = wrap_int(x, t);
    let over = exact(op, n, r).is_none_or(|e| e != w);
    Ok(Value::Tuple(std::rc::Rc::new(vec![
        Value::Int(w, t),
        Value::Bool(over),
    ])))
}
