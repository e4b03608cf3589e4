//! `char`.

use super::{arg, Family, Method, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::value::Value;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Char(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("is_alphabetic", Sync(is_alphabetic)),
    ("is_numeric", Sync(is_numeric)),
    ("is_alphanumeric", Sync(is_alphanumeric)),
    ("is_whitespace", Sync(is_whitespace)),
    ("is_uppercase", Sync(is_uppercase)),
    ("is_lowercase", Sync(is_lowercase)),
    ("is_control", Sync(is_control)),
    ("is_ascii", Sync(is_ascii)),
    ("is_ascii_digit", Sync(is_ascii_digit)),
    ("is_ascii_alphabetic", Sync(is_ascii_alphabetic)),
    ("is_ascii_alphanumeric", Sync(is_ascii_alphanumeric)),
    ("is_ascii_uppercase", Sync(is_ascii_uppercase)),
    ("is_ascii_lowercase", Sync(is_ascii_lowercase)),
    ("is_ascii_punctuation", Sync(is_ascii_punctuation)),
    ("is_ascii_whitespace", Sync(is_ascii_whitespace)),
    ("to_ascii_uppercase", Sync(to_ascii_uppercase)),
    ("to_ascii_lowercase", Sync(to_ascii_lowercase)),
    ("to_uppercase", Sync(to_uppercase)),
    ("to_lowercase", Sync(to_lowercase)),
    ("to_digit", Sync(to_digit)),
    ("is_digit", Sync(is_digit)),
    ("len_utf8", Sync(len_utf8)),
];

fn this(i: &Interp, v: &Value, at: Span) -> R<char> {
    match v {
        Value::Char(c) => Ok(*c),
        other => Err(i.panic(
            at,
            format!("expected `char`, found `{}`", other.type_name()),
        )),
    }
}

/// One row per predicate: `is_alphabetic` is `char::is_alphabetic`.
macro_rules! test {
    ($($f:ident => $e:expr),* $(,)?) => {
        $(fn $f(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
            let c = this(i, v, at)?;
            let f: fn(&char) -> bool = $e;
            Ok(Value::Bool(f(&c)))
        })*
    };
}
test! {
    is_alphabetic => |c| c.is_alphabetic(), is_numeric => |c| c.is_numeric(),
    is_alphanumeric => |c| c.is_alphanumeric(), is_whitespace => |c| c.is_whitespace(),
    is_uppercase => |c| c.is_uppercase(), is_lowercase => |c| c.is_lowercase(),
    is_control => |c| c.is_control(), is_ascii => |c| c.is_ascii(),
    is_ascii_digit => char::is_ascii_digit, is_ascii_alphabetic => char::is_ascii_alphabetic,
    is_ascii_alphanumeric => char::is_ascii_alphanumeric,
    is_ascii_uppercase => char::is_ascii_uppercase, is_ascii_lowercase => char::is_ascii_lowercase,
    is_ascii_punctuation => char::is_ascii_punctuation,
    is_ascii_whitespace => char::is_ascii_whitespace,
}

fn to_ascii_uppercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Char(this(i, v, at)?.to_ascii_uppercase()))
}
fn to_ascii_lowercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Char(this(i, v, at)?.to_ascii_lowercase()))
}
/// `char::to_uppercase` is an iterator of chars (`ß` → `SS`) that prints with `{}` as its text:
/// a string here, which iterates, collects and prints the same.
fn to_uppercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(
        this(i, v, at)?.to_uppercase().collect::<String>(),
    ))
}
fn to_lowercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(
        this(i, v, at)?.to_lowercase().collect::<String>(),
    ))
}
fn radix(i: &Interp, a: &mut [Value], name: &str, at: Span) -> R<u32> {
    match arg(i, a, 0, name, at)? {
        Value::Int(n, _) if (2..=36).contains(&n) => Ok(n as u32),
        _ => Err(i.panic(
            at,
            "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive",
        )),
    }
}
fn to_digit(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let r = radix(i, &mut a, "to_digit", at)?;
    let c = this(i, v, at)?;
    Ok(Value::Opt(
        c.to_digit(r)
            .map(|d| Box::new(Value::Int(i128::from(d), IntTy::U32))),
    ))
}
fn is_digit(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let r = radix(i, &mut a, "is_digit", at)?;
    Ok(Value::Bool(this(i, v, at)?.is_digit(r)))
}
fn len_utf8(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.len_utf8()))
}
