//! Associated functions of the primitive types: `i32::pow(2, 10)`, `f64::max(a, b)`,
//! `u8::try_from(x)`, `i64::from(n)`, `char::from_digit(d, 10)`, `u32::from_str_radix(s, 16)`,
//! `String::from_utf8(bytes)`. Each becomes a method of its first argument, that argument given
//! the type the path names (`i32::pow(2, 10)` is `(2 as i32).pow(10)`), or one of the hidden
//! rows of `std/prim.rs` (named `__…`, which no program writes).

use super::*;
use crate::interp::value::Value;

/// The conversion `x as t` (a lossless `T::from(x)` is the same as the cast).
fn cast(x: Expr, t: &str, at: Span) -> ExprKind {
    if t == "char" {
        return ExprKind::Method(Box::new(x), "__as_char".into(), Vec::new(), at);
    }
    let ty = match IntTy::from_name(t) {
        Some(i) => Ty::Int(i),
        None => Ty::Float,
    };
    ExprKind::Cast(Box::new(x), ty)
}

/// The literal `0` of integer type `t`: how a hidden row learns its target type.
fn target(t: &str, at: Span) -> Expr {
    Expr {
        kind: ExprKind::Lit(Lit::Int(0, IntTy::from_name(t).unwrap_or(IntTy::Infer))),
        span: at,
    }
}

impl Lowerer<'_> {
    /// `ty::name(args)` for a primitive `ty` (or `String::from_utf8`), if the subset has it.
    pub(super) fn prim_call(&mut self, segs: &[String], c: &syn::ExprCall) -> R<Option<ExprKind>> {
        let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
        let (ty, name) = match segs.as_slice() {
            [t, n] => (*t, *n),
            ["std" | "core", "char", n] => ("char", *n),
            ["std" | "core", "string", "String", n] => ("String", *n),
            _ => return Ok(None),
        };
        if self.var_shadowed(ty).is_some() || self.own_type(&[ty.to_string()]).is_some() {
            return Ok(None);
        }
        let int = IntTy::from_name(ty).filter(|t| *t != IntTy::Infer);
        let float = matches!(ty, "f64" | "f32");
        let at = span(&c.func);
        let sample = match (int, float, ty) {
            (Some(t), ..) => Value::Int(0, t),
            (_, true, _) => Value::Float(0.0),
            (.., "char") => Value::Char('a'),
            (.., "String") if name == "from_utf8" => Value::Unit,
            _ => return Ok(None),
        };
        let mut args = self.exprs(&c.args)?;
        if args.is_empty() {
            return Ok(None);
        }
        let first = args.remove(0);
        let hidden = |first: Expr, name: &str, rest: Vec<Expr>| {
            Ok(Some(ExprKind::Method(
                Box::new(first),
                name.into(),
                rest,
                at,
            )))
        };
        match (ty, name, args.len()) {
            ("String", "from_utf8", 0) => hidden(first, "__from_utf8", args),
            ("char", "from_digit", 1) => hidden(first, "__from_digit", args),
            ("char", "from_u32", 0) => hidden(first, "__from_u32", args),
            ("char", "from", 0) => Ok(Some(cast(first, "char", at))),
            (_, "from", 0) if int.is_some() || float => Ok(Some(cast(first, ty, at))),
            (_, "try_from", 0) if int.is_some() => {
                hidden(first, "__try_from", vec![target(ty, at)])
            }
            (_, "from_str_radix", 1) if int.is_some() => {
                args.push(target(ty, at));
                hidden(first, "__from_str_radix", args)
            }
            // `i32::pow(2, 10)`, `f64::max(a, b)`, `char::is_alphabetic(c)`: the method of the
            // first argument, when the tables have it for this type.
            _ if crate::interp::stdlib::lookup(&sample, name).is_some() => {
                let recv = match (int, float) {
                    (Some(_), _) | (_, true) => Expr {
                        span: first.span,
                        kind: cast(first, ty, at),
                    },
                    _ => first,
                };
                Ok(Some(ExprKind::Method(
                    Box::new(recv),
                    name.into(),
                    args,
                    at,
                )))
            }
            _ => Ok(None),
        }
    }
}

/// Methods that take one argument besides `self`, for [`method_value`].
const BINARY: &[&str] = &[
    "max",
    "min",
    "pow",
    "powi",
    "powf",
    "cmp",
    "partial_cmp",
    "total_cmp",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "abs_diff",
    "atan2",
    "hypot",
    "checked_add",
    "checked_sub",
    "checked_mul",
    "checked_div",
    "saturating_add",
    "saturating_sub",
    "saturating_mul",
    "wrapping_add",
    "wrapping_sub",
    "wrapping_mul",
    "rem_euclid",
    "div_euclid",
    "push_str",
    "contains",
    "starts_with",
    "ends_with",
];

/// The types whose methods a path may name as a value (`map(str::trim)`, `fold(f64::MIN,
/// f64::max)`, `filter(char::is_alphanumeric)`, `map(ToString::to_string)`).
const TYPES: &[&str] = &[
    "str",
    "String",
    "char",
    "f64",
    "f32",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "ToString",
    "Option",
    "Result",
    "Vec",
    "Clone",
    "Iterator",
    "IntoIterator",
];

/// A method named as a value: the closure `|a| a.name()`, or `|a, b| a.name(b)` for the
/// [`BINARY`] ones.
pub(super) fn method_value(segs: &[String], at: Span) -> Option<ExprKind> {
    let [ty, name] = segs else { return None };
    if !TYPES.contains(&ty.as_str()) || !crate::interp::stdlib::is_known(name) {
        return None;
    }
    let var = |n: &str| Expr {
        kind: ExprKind::Var(n.into()),
        span: at,
    };
    let bind = |n: &str| Pat::Bind {
        name: n.into(),
        span: at,
    };
    let (params, args) = if BINARY.contains(&name.as_str()) {
        (vec![bind("__a"), bind("__b")], vec![var("__b")])
    } else {
        (vec![bind("__a")], Vec::new())
    };
    Some(ExprKind::Closure(
        Capturing {
            body: Rc::new(Expr {
                kind: ExprKind::Method(Box::new(var("__a")), name.as_str().into(), args, at),
                span: at,
            }),
            captures: Vec::new(),
            is_move: false,
        },
        params,
        false,
    ))
}
