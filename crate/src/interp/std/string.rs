//! `String` and `&str` (one value here: `Value::Str`).

use super::{arg, iter_of, Family, Method, Method::Sync};
use crate::interp::ast::IntTy;
use crate::interp::diag::Span;
use crate::interp::eval::{Interp, R};
use crate::interp::fmt;
use crate::interp::value::Value;
use std::rc::Rc;

/// The family.
pub(crate) const FAMILY: Family = Family {
    accepts: |v| matches!(v, Value::Str(_)),
    methods: METHODS,
};

const METHODS: &[(&str, Method)] = &[
    ("len", Sync(len)),
    ("is_empty", Sync(is_empty)),
    ("as_str", Sync(as_str)),
    ("trim", Sync(trim)),
    ("trim_start", Sync(trim_start)),
    ("trim_end", Sync(trim_end)),
    ("trim_matches", Sync(trim_matches)),
    ("trim_start_matches", Sync(trim_start_matches)),
    ("trim_end_matches", Sync(trim_end_matches)),
    ("strip_prefix", Sync(strip_prefix)),
    ("strip_suffix", Sync(strip_suffix)),
    ("push_str", Sync(push_str)),
    ("push", Sync(push_str)),
    ("pop", Sync(pop)),
    ("clear", Sync(clear)),
    ("insert", Sync(insert)),
    ("insert_str", Sync(insert)),
    ("truncate", Sync(truncate)),
    ("to_uppercase", Sync(to_uppercase)),
    ("to_lowercase", Sync(to_lowercase)),
    ("to_ascii_uppercase", Sync(to_uppercase_ascii)),
    ("to_ascii_lowercase", Sync(to_lowercase_ascii)),
    ("contains", Sync(contains)),
    ("starts_with", Sync(starts_with)),
    ("ends_with", Sync(ends_with)),
    ("find", Sync(find)),
    ("rfind", Sync(rfind)),
    ("replace", Sync(replace)),
    ("replacen", Sync(replacen)),
    ("chars", Sync(chars)),
    ("char_indices", Sync(char_indices)),
    ("bytes", Sync(bytes)),
    ("as_bytes", Sync(as_bytes)),
    ("split", Sync(split)),
    ("rsplit", Sync(rsplit)),
    ("splitn", Sync(splitn)),
    ("split_once", Sync(split_once)),
    ("rsplit_once", Sync(rsplit_once)),
    ("split_terminator", Sync(split_terminator)),
    ("split_whitespace", Sync(split_whitespace)),
    ("split_ascii_whitespace", Sync(split_whitespace)),
    ("lines", Sync(lines)),
    ("repeat", Sync(repeat)),
    ("parse", Sync(parse)),
    ("is_char_boundary", Sync(is_char_boundary)),
    ("eq_ignore_ascii_case", Sync(eq_ignore_ascii_case)),
    ("get", Sync(get)),
];

fn this<'v>(i: &Interp, v: &'v mut Value, at: Span) -> R<&'v mut Rc<String>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(i.panic(
            at,
            format!("expected a `String`, found `{}`", other.type_name()),
        )),
    }
}

/// A pattern: a string (or a char), or a set of chars (`['-', '_']`, or a closure's answers for
/// the receiver's chars: see `eval/parts.rs`).
enum Pat {
    Str(String),
    Chars(Vec<char>),
}

impl Pat {
    /// The text of a pattern used as a replacement.
    fn text(&self) -> String {
        match self {
            Pat::Str(s) => s.clone(),
            Pat::Chars(c) => c.iter().collect(),
        }
    }
}

fn pat(a: &Value) -> Pat {
    match a {
        Value::Vec(items) if items.iter().all(|c| matches!(c, Value::Char(_))) => Pat::Chars(
            items
                .iter()
                .filter_map(|c| match c {
                    Value::Char(c) => Some(*c),
                    _ => None,
                })
                .collect(),
        ),
        a => Pat::Str(fmt::display(a, None)),
    }
}

/// `$e` with `$q` the pattern `$p` as std takes it (`&str` or `&[char]`).
macro_rules! with_pat {
    ($p:expr, |$q:ident| $e:expr) => {
        match &$p {
            Pat::Str(s) => {
                let $q = s.as_str();
                $e
            }
            Pat::Chars(c) => {
                let $q = &c[..];
                $e
            }
        }
    };
}

fn strs<'a>(it: impl Iterator<Item = &'a str>) -> Value {
    iter_of(it.map(Value::str).collect())
}

fn len(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::usize(this(i, v, at)?.len()))
}
fn is_empty(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Bool(this(i, v, at)?.is_empty()))
}
fn as_str(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::Str(this(i, v, at)?.clone()))
}
fn trim(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.trim()))
}
fn trim_start(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.trim_start()))
}
fn trim_end(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.trim_end()))
}
fn trim_matches(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "trim_matches", at)?);
    let s = this(i, v, at)?;
    with_pat!(p, |q| Ok(Value::str(
        s.trim_start_matches(q).trim_end_matches(q),
    )))
}
fn trim_start_matches(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "trim_start_matches", at)?);
    with_pat!(p, |q| Ok(Value::str(this(i, v, at)?.trim_start_matches(q))))
}
fn trim_end_matches(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "trim_end_matches", at)?);
    with_pat!(p, |q| Ok(Value::str(this(i, v, at)?.trim_end_matches(q))))
}
fn strip_prefix(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "strip_prefix", at)?);
    let s = this(i, v, at)?;
    with_pat!(p, |q| Ok(Value::Opt(
        s.strip_prefix(q).map(|x| Box::new(Value::str(x))),
    )))
}
fn strip_suffix(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "strip_suffix", at)?);
    let s = this(i, v, at)?;
    with_pat!(p, |q| Ok(Value::Opt(
        s.strip_suffix(q).map(|x| Box::new(Value::str(x))),
    )))
}
fn push_str(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let add = fmt::display(&arg(i, &mut a, 0, "push_str", at)?, None);
    let s = this(i, v, at)?;
    Rc::make_mut(s).push_str(&add);
    i.check_len(s.len(), "String")?;
    Ok(Value::Unit)
}
fn pop(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let s = this(i, v, at)?;
    Ok(Value::Opt(
        Rc::make_mut(s).pop().map(|c| Box::new(Value::Char(c))),
    ))
}
fn clear(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Rc::make_mut(this(i, v, at)?).clear();
    Ok(Value::Unit)
}
fn insert(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "insert", at)?, at)?;
    let add = fmt::display(&arg(i, &mut a, 1, "insert", at)?, None);
    let s = this(i, v, at)?;
    if !s.is_char_boundary(n) {
        return Err(i.panic(at, "assertion failed: self.is_char_boundary(idx)"));
    }
    Rc::make_mut(s).insert_str(n, &add);
    i.check_len(s.len(), "String")?;
    Ok(Value::Unit)
}
fn truncate(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "truncate", at)?, at)?;
    let s = this(i, v, at)?;
    if n < s.len() {
        if !s.is_char_boundary(n) {
            return Err(i.panic(at, "assertion failed: self.is_char_boundary(new_len)"));
        }
        Rc::make_mut(s).truncate(n);
    }
    Ok(Value::Unit)
}
fn to_uppercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.to_uppercase()))
}
fn to_lowercase(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.to_lowercase()))
}
fn to_uppercase_ascii(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.to_ascii_uppercase()))
}
fn to_lowercase_ascii(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(Value::str(this(i, v, at)?.to_ascii_lowercase()))
}
fn contains(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "contains", at)?);
    with_pat!(p, |q| Ok(Value::Bool(this(i, v, at)?.contains(q))))
}
fn starts_with(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "starts_with", at)?);
    with_pat!(p, |q| Ok(Value::Bool(this(i, v, at)?.starts_with(q))))
}
fn ends_with(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "ends_with", at)?);
    with_pat!(p, |q| Ok(Value::Bool(this(i, v, at)?.ends_with(q))))
}
fn find(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "find", at)?);
    let s = this(i, v, at)?;
    with_pat!(p, |q| Ok(Value::Opt(
        s.find(q).map(|n| Box::new(Value::usize(n))),
    )))
}
fn rfind(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "rfind", at)?);
    let s = this(i, v, at)?;
    with_pat!(p, |q| Ok(Value::Opt(
        s.rfind(q).map(|n| Box::new(Value::usize(n))),
    )))
}
fn replace(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let from = pat(&arg(i, &mut a, 0, "replace", at)?);
    let to = pat(&arg(i, &mut a, 1, "replace", at)?);
    let s = this(i, v, at)?;
    let grown = s
        .len()
        .saturating_add(to.text().len().saturating_mul(s.len() + 1));
    if to.text().len() > from.text().len() {
        i.check_len(grown.min(usize::MAX / 2), "String")?;
    }
    with_pat!(from, |q| Ok(Value::str(s.replace(q, &to.text()))))
}
fn replacen(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let from = pat(&arg(i, &mut a, 0, "replacen", at)?);
    let to = pat(&arg(i, &mut a, 1, "replacen", at)?);
    let n = i.as_usize(&arg(i, &mut a, 2, "replacen", at)?, at)?;
    let s = this(i, v, at)?;
    with_pat!(from, |q| Ok(Value::str(s.replacen(q, &to.text(), n))))
}
fn chars(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(this(i, v, at)?.chars().map(Value::Char).collect()))
}
fn char_indices(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(
        this(i, v, at)?
            .char_indices()
            .map(|(n, c)| Value::Tuple(Rc::new(vec![Value::usize(n), Value::Char(c)])))
            .collect(),
    ))
}
fn bytes(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(iter_of(
        this(i, v, at)?
            .bytes()
            .map(|b| Value::Int(i128::from(b), IntTy::U8))
            .collect(),
    ))
}
/// `as_bytes`: a `&[u8]`, a slice (it indexes, has `len` and `to_vec`), not an iterator.
fn as_bytes(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    let b = this(i, v, at)?.bytes();
    Ok(Value::Vec(Rc::new(
        b.map(|b| Value::Int(i128::from(b), IntTy::U8)).collect(),
    )))
}
fn split(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "split", at)?);
    with_pat!(p, |q| Ok(strs(this(i, v, at)?.split(q))))
}
fn rsplit(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "rsplit", at)?);
    with_pat!(p, |q| Ok(strs(this(i, v, at)?.rsplit(q))))
}
fn splitn(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "splitn", at)?, at)?;
    let p = pat(&arg(i, &mut a, 1, "splitn", at)?);
    with_pat!(p, |q| Ok(strs(this(i, v, at)?.splitn(n, q))))
}
fn split_terminator(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "split_terminator", at)?);
    with_pat!(p, |q| Ok(strs(this(i, v, at)?.split_terminator(q))))
}
fn pair(x: Option<(&str, &str)>) -> Value {
    Value::Opt(x.map(|(l, r)| Box::new(Value::Tuple(Rc::new(vec![Value::str(l), Value::str(r)])))))
}
fn split_once(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "split_once", at)?);
    with_pat!(p, |q| Ok(pair(this(i, v, at)?.split_once(q))))
}
fn rsplit_once(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let p = pat(&arg(i, &mut a, 0, "rsplit_once", at)?);
    with_pat!(p, |q| Ok(pair(this(i, v, at)?.rsplit_once(q))))
}
fn split_whitespace(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(strs(this(i, v, at)?.split_whitespace()))
}
fn lines(i: &Interp, v: &mut Value, _: Vec<Value>, at: Span) -> R {
    Ok(strs(this(i, v, at)?.lines()))
}
fn repeat(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "repeat", at)?, at)?;
    let s = this(i, v, at)?;
    i.check_len(s.len().saturating_mul(n), "String")?;
    i.bulk(s.len().saturating_mul(n), "String")?;
    Ok(Value::str(s.repeat(n)))
}
fn parse(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let target = arg(i, &mut a, 0, "parse", at)?;
    Ok(parse_to(this(i, v, at)?, &target))
}
fn is_char_boundary(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let n = i.as_usize(&arg(i, &mut a, 0, "is_char_boundary", at)?, at)?;
    Ok(Value::Bool(this(i, v, at)?.is_char_boundary(n)))
}
fn eq_ignore_ascii_case(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let o = pat(&arg(i, &mut a, 0, "eq_ignore_ascii_case", at)?);
    Ok(Value::Bool(this(i, v, at)?.eq_ignore_ascii_case(&o.text())))
}
fn get(i: &Interp, v: &mut Value, mut a: Vec<Value>, at: Span) -> R {
    let r = arg(i, &mut a, 0, "get", at)?;
    let s = this(i, v, at)?;
    Ok(match r {
        Value::Range(lo, hi, _) => {
            let (lo, hi) = (usize::try_from(lo).ok(), usize::try_from(hi).ok());
            Value::Opt(
                lo.zip(hi)
                    .and_then(|(lo, hi)| s.get(lo..hi))
                    .map(|x| Box::new(Value::str(x))),
            )
        }
        _ => return Err(i.panic(at, "`str::get` takes a range")),
    })
}

/// `str::parse` to the type `target` stands for (an integer or float literal), with Rust's own
/// errors (`ParseIntError { kind: InvalidDigit }`, "invalid digit found in string").
pub(crate) fn parse_to(s: &str, target: &Value) -> Value {
    fn res<T, E: std::fmt::Debug + std::fmt::Display>(
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
            // No type was named where the lowering could see it (`v.push(s.parse().unwrap())`
            // into a `Vec<f64>`): a number with a point or an exponent is taken as the `f64`
            // the program surely wants.
            IntTy::Infer if s.parse::<i32>().is_err() && s.contains(['.', 'e', 'E']) => {
                match s.parse::<f64>() {
                    Ok(f) if !s.contains("inf") && !s.contains("NaN") => Value::ok(Value::Float(f)),
                    _ => res(s.parse::<i32>().map(i128::from), int(*t)),
                }
            }
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
