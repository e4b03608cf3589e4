//! The hidden rows behind the primitive types' associated functions (`lower/prim.rs` writes
//! `u8::try_from(x)` as `x.__try_from(0u8)`): conversions whose errors print what std's print.

use super::{arg, Family, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Int(..) | Value::Str(_) | Value::Vec(_)),
    methods: &[
        ("__as_char", Sync(as_char)),
        ("__try_from", Sync(try_from)),
        ("__from_str_radix", Sync(from_str_radix)),
        ("__from_digit", Sync(from_digit)),
        ("__from_u32", Sync(from_u32)),
        ("__from_utf8", Sync(from_utf8)),
    ],
};

/// A `u8`'s ASCII methods (`b.is_ascii_digit()`, `b.to_ascii_uppercase()`), std's own.
macro_rules! bytes {
    (tests [$($t:ident),*], maps [$($m:ident),*]) => {
        /// The family of a `u8`'s ASCII methods.
        pub(crate) const BYTE: Family = Family {
            accepts: |v| matches!(v, Value::Int(_, IntTy::U8)),
            methods: &[$((stringify!($t), Sync($t)),)* $((stringify!($m), Sync($m)),)*],
        };
        $(fn $t(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            Ok(Value::Bool(u8::try_from(int(i, v, at)?.0).unwrap_or(0).$t()))
        })*
        $(fn $m(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            let b = u8::try_from(int(i, v, at)?.0).unwrap_or(0).$m();
            Ok(Value::Int(i128::from(b), IntTy::U8))
        })*
    };
}
bytes! {
    tests [is_ascii, is_ascii_lowercase, is_ascii_uppercase, is_ascii_digit, is_ascii_hexdigit,
        is_ascii_alphabetic, is_ascii_alphanumeric, is_ascii_whitespace, is_ascii_punctuation,
        is_ascii_graphic, is_ascii_control],
    maps [to_ascii_uppercase, to_ascii_lowercase]
}

fn int(i: &Interp, v: &Value, at: Span) -> R<(i128, IntTy)> {
    match v {
        Value::Int(n, t) => Ok((*n, *t)),
        other => Err(i.panic(
            at,
            format!("expected an integer, found `{}`", other.type_name()),
        )),
    }
}

/// Std's error value: its `{:?}` and its `Display`.
fn error(debug: String, display: String) -> Value {
    Value::err(Value::Error(Rc::new((debug, display))))
}

/// `b as char` (rustc only casts a `u8` to `char`).
fn as_char(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, _) = int(i, v, at)?;
    Ok(Value::Char(char::from(u8::try_from(n & 0xff).unwrap_or(0))))
}
fn try_from(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (n, _) = int(i, v, at)?;
    let (_, t) = int(i, &arg(i, &mut a, 0, "try_from", at)?, at)?;
    let (lo, hi) = t.range();
    Ok(if (lo..=hi).contains(&n) {
        Value::ok(Value::Int(n, t))
    } else {
        let e = u8::try_from(-1i32).unwrap_err();
        error(format!("{e:?}"), e.to_string())
    })
}
fn from_str_radix(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let Value::Str(s) = &*v else {
        return Err(i.panic(at, "expected a string"));
    };
    let (radix, _) = int(i, &arg(i, &mut a, 0, "from_str_radix", at)?, at)?;
    let (_, t) = int(i, &arg(i, &mut a, 1, "from_str_radix", at)?, at)?;
    let radix = u32::try_from(radix).unwrap_or(0);
    if !(2..=36).contains(&radix) {
        return Err(i.panic(
            at,
            format!("from_ascii_radix: radix must lie in the range `[2, 36]` - found {radix}"),
        ));
    }
    // Std's own parse of the same type, for its errors (`PosOverflow`, `InvalidDigit`, …).
    macro_rules! parse {
        ($($k:ident => $t:ty),*) => {
            match t {
                $(IntTy::$k => <$t>::from_str_radix(s, radix).map(i128::from),)*
                IntTy::U128 => u128::from_str_radix(s, radix).map(|n| n as i128),
                _ => i32::from_str_radix(s, radix).map(i128::from),
            }
        };
    }
    Ok(
        match parse!(I8 => i8, I16 => i16, I32 => i32, I64 => i64, I128 => i128, Isize => i64,
                     U8 => u8, U16 => u16, U32 => u32, U64 => u64, Usize => u64)
        {
            Ok(n) => Value::ok(Value::Int(n, t)),
            Err(e) => error(format!("{e:?}"), e.to_string()),
        },
    )
}
fn from_digit(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let (d, _) = int(i, v, at)?;
    let (radix, _) = int(i, &arg(i, &mut a, 0, "from_digit", at)?, at)?;
    let radix = u32::try_from(radix).unwrap_or(0);
    if radix > 36 {
        return Err(i.panic(at, "from_digit: radix is too high (maximum 36)"));
    }
    let c = u32::try_from(d)
        .ok()
        .and_then(|d| char::from_digit(d, radix));
    Ok(Value::Opt(c.map(|c| Box::new(Value::Char(c)))))
}
fn from_u32(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let (n, _) = int(i, v, at)?;
    let c = u32::try_from(n).ok().and_then(char::from_u32);
    Ok(Value::Opt(c.map(|c| Box::new(Value::Char(c)))))
}
fn from_utf8(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let Value::Vec(items) = &*v else {
        return Err(i.panic(at, "expected a `Vec<u8>`"));
    };
    let bytes: Vec<u8> = items
        .iter()
        .map(|b| match b {
            Value::Int(n, _) => u8::try_from(*n).unwrap_or(0),
            _ => 0,
        })
        .collect();
    Ok(match String::from_utf8(bytes) {
        Ok(s) => Value::ok(Value::str(s)),
        Err(e) => error(format!("{e:?}"), e.to_string()),
    })
}
