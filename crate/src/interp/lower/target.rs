//! Types decide behaviour: the type a program names for `collect`, `sum`, `product` and `parse`
//! (a turbofish, a `let` annotation, a function's return type) travels to the call as a hidden
//! argument, so `let v: Vec<char> = s.chars().collect()` makes a `Vec`, and `sum::<u8>()`
//! overflows as a `u8`.
//!
//! The target is written as a short string: `"Vec"`, `"String"`, `"HashMap"`, `"u8"`, `"f64"`,
//! and `"Result:Vec"` for `Result<Vec<_>, _>` (read by `std/iter.rs`).

use super::*;

/// The methods whose result type is chosen by the program, not by their receiver.
const TARGETED: &[&str] = &["collect", "sum", "product", "parse"];

/// The target string of type `t` (`""` when it names nothing useful: `_`, a type parameter).
pub(super) fn target_of(t: &syn::Type) -> String {
    match t {
        syn::Type::Reference(r) => target_of(&r.elem),
        syn::Type::Paren(p) => target_of(&p.elem),
        syn::Type::Group(g) => target_of(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return String::new();
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "Result" | "Option" => {
                    let inner = match &last.arguments {
                        syn::PathArguments::AngleBracketed(a) => a
                            .args
                            .iter()
                            .find_map(|g| match g {
                                syn::GenericArgument::Type(t) => Some(target_of(t)),
                                _ => None,
                            })
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    format!("{name}:{inner}")
                }
                _ => name,
            }
        }
        _ => String::new(),
    }
}

/// The hidden argument that carries `target` to one of the [`TARGETED`] methods.
pub(super) fn target_arg(method: &str, target: &str, at: Span) -> Expr {
    let lit = if method == "parse" {
        // `parse`'s target travels as a literal of that type (see `std/string.rs`).
        match target {
            "f64" | "f32" => Lit::Float(0.0),
            t => Lit::Int(0, IntTy::from_name(t).unwrap_or(IntTy::Infer)),
        }
    } else {
        Lit::Str(target.into())
    };
    Expr {
        kind: ExprKind::Lit(lit),
        span: at,
    }
}

/// Gives `e` the type `t` the program wrote for it (`let x: t = e`, a function's tail): the
/// targeted call at the end of `e`'s method chain, seen through `?`, `unwrap` and `expect` (which
/// only unwrap a `parse`'s result), takes `t` unless a turbofish already chose.
pub(super) fn apply(e: &mut Expr, t: &syn::Type) {
    apply_target(e, &target_of(t), false);
    apply_map(e, t);
}

/// `let m: HashMap<K, V> = HashMap::new()`: the map learns `V`, for `entry(k).or_default()`.
pub(super) fn apply_map(e: &mut Expr, t: &syn::Type) {
    let ExprKind::Call(Callee::Builtin(Builtin::Std(path)), args) = &mut e.kind else {
        return;
    };
    if !(path.contains("Map::") && args.is_empty()) {
        return;
    }
    let syn::Type::Path(p) = t else { return };
    let Some(syn::PathArguments::AngleBracketed(a)) = p.path.segments.last().map(|s| &s.arguments)
    else {
        return;
    };
    let mut value = a.args.iter().filter_map(|g| match g {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    if let Some(v) = value.nth(1) {
        args.push(Expr {
            kind: ExprKind::Lit(Lit::Str(target_of(v).into())),
            span: e.span,
        });
    }
}

/// [`apply`] for a type known by its name (a field's: `f64`, `String`, `Vec`).
pub(super) fn apply_named(e: &mut Expr, name: &str) {
    apply_target(e, name, false);
}

fn apply_target(e: &mut Expr, target: &str, unwrapped: bool) {
    match &mut e.kind {
        ExprKind::Try(inner) => apply_target(inner, target, true),
        ExprKind::Method(recv, name, args, at) => match name.as_ref() {
            "unwrap_or_default" => {
                // `let s: String = opt.unwrap_or_default()`: the default of the named type.
                if args.is_empty() {
                    args.push(target_arg("unwrap_or_default", target, *at));
                }
                apply_target(recv, target, true)
            }
            "unwrap" | "expect" | "unwrap_or" | "unwrap_or_else" => {
                apply_target(recv, target, true)
            }
            // The `Ok` type goes through: `s.parse().map_err(..)?`.
            "map_err" => apply_target(recv, target, unwrapped),
            // `let r: Result<f64, _> = s.parse()`: the `Ok` type is what is parsed.
            "parse" if target.starts_with("Result:") => {
                apply_target(e, target.trim_start_matches("Result:"), unwrapped)
            }
            m if TARGETED.contains(&m) => {
                let fixed = match m {
                    "parse" => !matches!(
                        args.first().map(|a| &a.kind),
                        Some(ExprKind::Lit(Lit::Int(0, IntTy::Infer)))
                    ),
                    _ => !matches!(
                        args.first().map(|a| &a.kind),
                        Some(ExprKind::Lit(Lit::Str(s))) if s.is_empty()
                    ),
                };
                // `collect()?` names the collection inside the `Result`, which Rust can't infer
                // from the `let` alone: leave it.
                if fixed || (unwrapped && m != "parse") {
                    return;
                }
                *args = vec![target_arg(m, target, *at)];
            }
            _ => {}
        },
        _ => {}
    }
}

/// `map.entry(k).or_default().push(x)`: when the map's value type was not written down, the
/// method called on the default says what it is (a `Vec` for `push`, a `String` for `push_str`).
pub(super) fn hint_default(recv: &mut Expr, method: &str, n_args: usize) {
    let ExprKind::Method(_, name, args, at) = &mut recv.kind else {
        return;
    };
    if !matches!(name.as_ref(), "or_default" | "unwrap_or_default") || !args.is_empty() {
        return;
    }
    let ty = match (method, n_args) {
        // `opt.unwrap_or_default().len()`: a string's methods (an empty `Vec`'s `len` and
        // `is_empty` say the same).
        (
            "len" | "is_empty" | "chars" | "trim" | "to_uppercase" | "to_lowercase" | "as_str"
            | "split" | "lines" | "bytes" | "starts_with" | "ends_with",
            _,
        ) if name.as_ref() == "unwrap_or_default" => "String",
        ("push" | "pop" | "extend" | "sort" | "len" | "last" | "first" | "iter", _) => "Vec",
        ("push_str", _) => "String",
        ("insert", 2) => "HashMap",
        ("insert" | "contains", 1) => "HashSet",
        ("push_back" | "push_front" | "pop_front", _) => "VecDeque",
        _ => return,
    };
    args.push(Expr {
        kind: ExprKind::Lit(Lit::Str(ty.into())),
        span: *at,
    });
}
