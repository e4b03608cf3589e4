//! Expressions and patterns over your own types: constructors, struct literals, named fields,
//! associated functions and consts, `write!`, and struct, tuple-struct, enum, `@` and slice
//! patterns.

use super::*;
use crate::interp::types::{Shape, TypeDef};

impl Lowerer<'_> {
    /// The own struct, or enum variant, that `segs` names.
    pub(super) fn ctor(&self, segs: &[String]) -> Option<(Rc<TypeDef>, usize)> {
        if segs.len() >= 2 && segs.iter().any(|s| s == "Ordering") {
            let full = self.expand(segs).map(|f| canonical(&f))?;
            let v = full.strip_prefix("std::cmp::Ordering::")?;
            let def = crate::interp::types::ordering_def();
            let i = def.variants.iter().position(|x| x.name.as_ref() == v)?;
            return Some((def, i));
        }
        if let Some(key) = self.own_type(segs) {
            let def = self.items.types.get(&key)?;
            return (!def.is_enum).then(|| (def.clone(), 0));
        }
        if let [one] = segs {
            for g in &self.items.enum_globs {
                let Some(def) = self.items.types.get(g) else {
                    continue;
                };
                if let Some(v) = def.variants.iter().position(|v| v.name.as_ref() == one) {
                    return Some((def.clone(), v));
                }
            }
        }
        let (last, ty) = segs.split_last()?;
        let key = self.own_type(ty)?;
        let def = self.items.types.get(&key)?;
        let v = def.variants.iter().position(|v| v.name.as_ref() == last)?;
        def.is_enum.then(|| (def.clone(), v))
    }

    /// A path with more than one segment, or an own item's single name, as a value: a unit
    /// struct or variant, an own function or const, or an associated const or function.
    pub(super) fn own_path_expr(&mut self, segs: &[String], at: Span) -> R<Option<ExprKind>> {
        if let Some((def, v)) = self.ctor(segs) {
            let var = def.variants.get(v).map(|v| v.shape);
            let n = def.variants.get(v).map(|x| x.fields.len()).unwrap_or(0);
            return match var {
                Some(Shape::Unit) => Ok(Some(ExprKind::Ctor(def, v, Vec::new()))),
                // `.map(Shape::Circle)`: a closure that constructs.
                Some(Shape::Tuple) => {
                    let names: Vec<Name> = (0..n).map(|i| format!("__ctor{i}").into()).collect();
                    let args = names
                        .iter()
                        .map(|x| Expr {
                            kind: ExprKind::Var(x.clone()),
                            span: at,
                        })
                        .collect();
                    Ok(Some(ExprKind::Closure(
                        Capturing {
                            body: Rc::new(Expr {
                                kind: ExprKind::Ctor(def, v, args),
                                span: at,
                            }),
                            captures: Vec::new(),
                            is_move: false,
                        },
                        names
                            .into_iter()
                            .map(|name| Pat::Bind { name, span: at })
                            .collect(),
                        false,
                    )))
                }
                _ => Err(Diagnostic::error(
                    at,
                    format!("expected value, found struct variant `{}`", segs.join("::")),
                )),
            };
        }
        if let Some(f) = self.own(segs, |i, p| i.fns.contains(p)) {
            return Ok(Some(ExprKind::FnRef(f.into())));
        }
        if let Some(c) = self.own(segs, |i, p| i.consts.contains(p)) {
            return Ok(Some(ExprKind::ConstRef(c.into())));
        }
        if let Some((name, ty)) = segs.split_last() {
            if let Some(key) = self.own_type(ty) {
                return Ok(Some(ExprKind::AssocValue(key.into(), name.as_str().into())));
            }
            if let Some(t) = self.tparam(ty) {
                return Ok(Some(ExprKind::AssocValue(t.into(), name.as_str().into())));
            }
            if ty.len() == 1 && ty.first().is_some_and(|t| self.generics.contains(t)) {
                return Err(not_available(at, "an associated item of a type parameter"));
            }
        }
        Ok(None)
    }

    /// A call of an own function, a tuple struct or variant, or an associated function.
    pub(super) fn own_call(&mut self, segs: &[String], c: &syn::ExprCall) -> R<Option<ExprKind>> {
        if let Some((def, v)) = self.ctor(segs) {
            let n = def.variants.get(v).map(|v| v.fields.len()).unwrap_or(0);
            if c.args.len() != n {
                return Err(Diagnostic::error(
                    span(c),
                    format!(
                        "this {} takes {n} arguments but {} were supplied",
                        if def.is_enum {
                            "enum variant"
                        } else {
                            "struct"
                        },
                        c.args.len()
                    ),
                ));
            }
            let keys: Vec<String> = def
                .variants
                .get(v)
                .map(|var| var.keys.iter().map(|k| k.to_string()).collect())
                .unwrap_or_default();
            let mut args = Vec::with_capacity(c.args.len());
            for (i, a) in c.args.iter().enumerate() {
                args.push(match keys.get(i) {
                    Some(k) => self.expr_for(a, k)?,
                    None => self.expr(a)?,
                });
            }
            return Ok(Some(ExprKind::Ctor(def, v, args)));
        }
        if let Some(f) = self.own(segs, |i, p| i.fns.contains(p)) {
            let mut args = self.exprs(&c.args)?;
            self.hidden_args(&f, c, &mut args)?;
            return Ok(Some(ExprKind::Call(Callee::Fn(f.into()), args)));
        }
        if let Some((name, ty)) = segs.split_last() {
            if let Some(key) = self.own_type(ty) {
                let args = self.exprs(&c.args)?;
                return Ok(Some(ExprKind::AssocCall(
                    key.into(),
                    name.as_str().into(),
                    args,
                )));
            }
            if let Some(t) = self.tparam(ty) {
                let args = self.exprs(&c.args)?;
                return Ok(Some(ExprKind::AssocCall(
                    t.into(),
                    name.as_str().into(),
                    args,
                )));
            }
            let own_trait = !ty.is_empty() && self.own(ty, |i, p| i.traits.contains(p)).is_some();
            let std_trait = ty.len() == 1
                && ty
                    .first()
                    .is_some_and(|t| super::impls::STD_TRAITS.contains(&t.as_str()));
            let known = crate::interp::stdlib::is_known(name)
                || self.items.method_names.contains(name)
                || crate::interp::types::METHODS.contains(&name.as_str());
            if (own_trait || std_trait) && !c.args.is_empty() && known {
                // `Shape::area(&c)`, `Iterator::next(&mut it)`: a method call on the first argument.
                if let Some(first) = ty.first() {
                    self.use_name(first);
                }
                let mut args = self.exprs(&c.args)?;
                let recv = args.remove(0);
                return Ok(Some(ExprKind::Method(
                    Box::new(recv),
                    name.as_str().into(),
                    args,
                    span(&c.func),
                )));
            }
            if ty.len() == 1 && ty.first().is_some_and(|t| self.generics.contains(t)) {
                return Err(not_available(
                    span(&c.func),
                    "calling a function through a type parameter of an `impl`",
                ));
            }
        }
        Ok(None)
    }

    /// `T` of the function being lowered, as the variable `<T>` that holds what it stands for.
    fn tparam(&mut self, ty: &[String]) -> Option<String> {
        let [t] = ty else { return None };
        if !self.fn_generics.contains(t) {
            return None;
        }
        if !self.tparams_used.contains(t) {
            self.tparams_used.push(t.clone());
        }
        Some(format!("<{t}>"))
    }

    /// The type arguments a generic function needs to be told (`make::<Point>()`): from the
    /// turbofish, or from the declared type of the `let` the call initializes.
    fn hidden_args(&mut self, f: &str, c: &syn::ExprCall, args: &mut Vec<Expr>) -> R<()> {
        let Some(hidden) = self.items.hidden.get(f).cloned() else {
            return Ok(());
        };
        let turbofish: Vec<&syn::Type> = match &*c.func {
            syn::Expr::Path(p) => match p.path.segments.last().map(|s| &s.arguments) {
                Some(syn::PathArguments::AngleBracketed(a)) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        for h in hidden {
            let at = span(c);
            let kind = match turbofish.get(h.index) {
                Some(t) => self.type_arg(t)?,
                None => match (&self.expect, h.is_return) {
                    (Some(k), true) => ExprKind::Lit(Lit::Str(k.as_str().into())),
                    _ => {
                        return Err(
                            Diagnostic::error(at, "type annotations needed").with(format!(
                                "help: say which type `{}` is: `{}::<Type>(..)`",
                                h.name, f
                            )),
                        )
                    }
                },
            };
            args.push(Expr { kind, span: at });
        }
        Ok(())
    }

    /// A type argument as the registry key it stands for (a type parameter of the caller passes
    /// on what it stands for).
    fn type_arg(&mut self, t: &syn::Type) -> R<ExprKind> {
        if let syn::Type::Path(p) = t {
            let segs = Self::segments(&p.path);
            if let Some(v) = self.tparam(&segs) {
                return Ok(ExprKind::Var(v.into()));
            }
            if let Some(k) = self.own_type(&segs) {
                return Ok(ExprKind::Lit(Lit::Str(k.into())));
            }
            if let [one] = segs.as_slice() {
                return Ok(ExprKind::Lit(Lit::Str(one.as_str().into())));
            }
        }
        Err(not_available(span(t), "this type argument"))
    }

    /// `Point { x, y: 2, ..base }`.
    pub(super) fn struct_lit(&mut self, s: &syn::ExprStruct, at: Span) -> R<ExprKind> {
        if s.qself.is_some() {
            return Err(not_available(at, "a qualified path"));
        }
        let segs = Self::segments(&s.path);
        let Some((def, v)) = self.ctor(&segs) else {
            return Err(Diagnostic::error(
                span(&s.path),
                format!(
                    "cannot find struct, variant or union type `{}` in this scope",
                    segs.join("::")
                ),
            ));
        };
        let Some(var) = def.variants.get(v) else {
            return Err(not_available(at, "this struct expression"));
        };
        let mut fields = Vec::new();
        for f in &s.fields {
            let name = match &f.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            let Some(i) = var.field(&name) else {
                return Err(Diagnostic::error(
                    span(&f.member),
                    format!("struct `{}` has no field named `{name}`", var.name),
                ));
            };
            // `retries: Default::default()`: the field's type's default.
            let key = var.keys.get(i).map(|k| k.to_string()).unwrap_or_default();
            fields.push((i, self.expr_for(&f.expr, &key)?));
        }
        let base = match &s.rest {
            Some(r) => Some(Box::new(self.expr_for(r, &def.path)?)),
            None => {
                let missing: Vec<String> = var
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !fields.iter().any(|(j, _)| j == i))
                    .map(|(_, n)| format!("`{n}`"))
                    .collect();
                if !missing.is_empty() {
                    return Err(Diagnostic::error(
                        span(&s.path),
                        format!(
                            "missing field{} {} in initializer of `{}`",
                            if missing.len() == 1 { "" } else { "s" },
                            missing.join(", "),
                            var.name
                        ),
                    ));
                }
                None
            }
        };
        Ok(ExprKind::StructLit(def, v, fields, base))
    }

    /// `e` where the type `key` is expected: `Default::default()` is that type's.
    pub(super) fn expr_for(&mut self, e: &syn::Expr, key: &str) -> R<Expr> {
        let saved = self.expect.replace(key.to_string());
        let r = self.expr_for_inner(e, key);
        self.expect = saved;
        r
    }

    fn expr_for_inner(&mut self, e: &syn::Expr, key: &str) -> R<Expr> {
        if let Some(k) = self.parse_into(e, key)? {
            return Ok(k);
        }
        if let syn::Expr::MethodCall(m) = e {
            // `x.into()` into your type: its `From` impl.
            if m.method == "into" && m.args.is_empty() && self.items.types.contains_key(key) {
                let recv = self.expr(&m.receiver)?;
                return Ok(Expr {
                    kind: ExprKind::AssocCall(key.into(), "from".into(), vec![recv]),
                    span: span(e),
                });
            }
        }
        if let syn::Expr::Call(c) = e {
            if let syn::Expr::Path(p) = &*c.func {
                let segs = Self::segments(&p.path);
                let default = matches!(segs.as_slice(), [d, f] if d == "Default" && f == "default")
                    || segs == ["std", "default", "Default", "default"];
                let std_default = matches!(
                    key,
                    "String" | "bool" | "char" | "f64" | "f32" | "Vec" | "Option"
                ) || IntTy::from_name(key).is_some();
                if default
                    && c.args.is_empty()
                    && (self.items.types.contains_key(key) || std_default)
                {
                    return Ok(Expr {
                        kind: ExprKind::AssocCall(key.into(), "default".into(), Vec::new()),
                        span: span(e),
                    });
                }
            }
        }
        let mut x = self.expr(e)?;
        // `P { x: s.parse().unwrap() }`, `Token::Num(s.parse()?)`: the field's type is the
        // target of a `parse`/`collect`/`sum` at the end of the expression.
        let std_target = matches!(
            key,
            "String"
                | "char"
                | "bool"
                | "f64"
                | "Vec"
                | "HashMap"
                | "HashSet"
                | "BTreeMap"
                | "BTreeSet"
                | "VecDeque"
        ) || IntTy::from_name(key).is_some_and(|t| t != IntTy::Infer);
        if std_target {
            super::target::apply_named(&mut x, key);
        }
        Ok(x)
    }

    /// `s.parse()` (and `s.parse().unwrap()`, `.expect(..)`, `?`) where your type is expected:
    /// its `FromStr` impl.
    fn parse_into(&mut self, e: &syn::Expr, key: &str) -> R<Option<Expr>> {
        if !self.items.types.contains_key(key) {
            return Ok(None);
        }
        let at = span(e);
        match e {
            syn::Expr::MethodCall(m) if m.method == "parse" && m.args.is_empty() => {
                let recv = self.expr(&m.receiver)?;
                Ok(Some(Expr {
                    kind: ExprKind::AssocCall(key.into(), "from_str".into(), vec![recv]),
                    span: at,
                }))
            }
            syn::Expr::MethodCall(m) if m.method == "unwrap" || m.method == "expect" => {
                let Some(inner) = self.parse_into(&m.receiver, key)? else {
                    return Ok(None);
                };
                let args = self.exprs(&m.args)?;
                Ok(Some(Expr {
                    kind: ExprKind::Method(
                        Box::new(inner),
                        m.method.to_string().into(),
                        args,
                        span(&m.method),
                    ),
                    span: at,
                }))
            }
            syn::Expr::Try(t) => Ok(self.parse_into(&t.expr, key)?.map(|inner| Expr {
                kind: ExprKind::Try(Box::new(inner)),
                span: at,
            })),
            _ => Ok(None),
        }
    }

    /// `E` of a declared `-> Result<T, E>`, when `E` is your type.
    pub(super) fn error_key(&self, out: &syn::ReturnType) -> Option<String> {
        let syn::ReturnType::Type(_, t) = out else {
            return None;
        };
        let syn::Type::Path(p) = &**t else {
            return None;
        };
        let last = p.path.segments.last()?;
        if last.ident != "Result" {
            return None;
        }
        let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
            return None;
        };
        let e = a.args.iter().nth(1).and_then(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })?;
        self.declared_key(e)
    }

    /// The key of an own type that a declared type names (`let p: Point = ..`).
    pub(super) fn declared_key(&self, t: &syn::Type) -> Option<String> {
        match t {
            syn::Type::Path(p) if p.qself.is_none() => self.own_type(&Self::segments(&p.path)),
            _ => None,
        }
    }

    /// `write!(f, ..)` / `writeln!(f, ..)`.
    pub(super) fn write_mac(&mut self, tokens: TokenStream, at: Span, line: bool) -> R<ExprKind> {
        let (target, rest) = (|input: ParseStream| {
            let e: syn::Expr = input.parse()?;
            let rest: TokenStream = if input.is_empty() {
                TokenStream::new()
            } else {
                input.parse::<Token![,]>()?;
                input.parse()?
            };
            Ok((e, rest))
        })
        .parse2(tokens)
        .map_err(|e| syntax_error(&e))?;
        self.mark_mutated(&target);
        // `fmt::Write` is what `write!` into a `String` needs (a `Formatter` has its own).
        self.use_name("Write");
        let target = self.boxed(&target)?;
        let f = self.format(rest, at, true)?;
        Ok(ExprKind::Write(target, f, line))
    }

    /// Patterns over own types: `Point { x, .. }`, `Shape::Circle(r)`, `Color::Red`.
    /// `use Command::Increment;`: one variant of an own enum, by its name (as `use Command::*;`
    /// gives them all: a program rustc accepts has no other item of that name).
    pub(super) fn use_own_variant(&mut self, segs: &[String]) -> bool {
        let [ty @ .., _] = segs else { return false };
        if ty.is_empty() {
            return false;
        }
        let Some(key) = self.own_type(ty) else {
            return false;
        };
        if !self.items.enum_globs.contains(&key) {
            self.items.enum_globs.push(key);
        }
        true
    }

    pub(super) fn adt_pat(&mut self, p: &syn::Pat) -> R<Option<Pat>> {
        let (path, at) = match p {
            syn::Pat::TupleStruct(ts) => (&ts.path, span(&ts.path)),
            syn::Pat::Struct(s) => (&s.path, span(&s.path)),
            syn::Pat::Path(pp) => (&pp.path, span(&pp.path)),
            syn::Pat::Ident(pi) if pi.subpat.is_none() => {
                let segs = vec![pi.ident.to_string()];
                return Ok(self
                    .ctor(&segs)
                    .filter(|(d, v)| d.variants.get(*v).is_some_and(|v| v.shape == Shape::Unit))
                    .map(|(d, v)| Pat::Adt(d, v, Vec::new())));
            }
            _ => return Ok(None),
        };
        let segs = Self::segments(path);
        let Some((def, v)) = self.ctor(&segs) else {
            return Ok(None);
        };
        let Some(var) = def.variants.get(v) else {
            return Ok(None);
        };
        let name = segs.join("::");
        let mut fields = Vec::new();
        match p {
            syn::Pat::TupleStruct(ts) => {
                let rest = ts.elems.iter().position(|e| matches!(e, syn::Pat::Rest(_)));
                let n = var.fields.len();
                let given = ts.elems.len() - usize::from(rest.is_some());
                if (rest.is_none() && given != n) || given > n || var.shape != Shape::Tuple {
                    return Err(Diagnostic::error(
                        span(ts),
                        format!(
                            "this pattern has {given} field{}, but the corresponding tuple {} has {n} field{}",
                            if given == 1 { "" } else { "s" },
                            if def.is_enum { "variant" } else { "struct" },
                            if n == 1 { "" } else { "s" },
                        ),
                    ));
                }
                for (k, e) in ts.elems.iter().enumerate() {
                    let i = match rest {
                        Some(r) if k == r => continue,
                        Some(r) if k > r => n - (ts.elems.len() - k),
                        _ => k,
                    };
                    fields.push((i, self.pat(e)?));
                }
            }
            syn::Pat::Struct(s) => {
                for f in &s.fields {
                    let fname = match &f.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    let Some(i) = var.field(&fname) else {
                        return Err(Diagnostic::error(
                            span(&f.member),
                            format!("`{name}` does not have a field named `{fname}`"),
                        ));
                    };
                    fields.push((i, self.pat(&f.pat)?));
                }
                if s.rest.is_none() && fields.len() != var.fields.len() {
                    return Err(Diagnostic::error(
                        span(s),
                        format!("pattern does not mention all fields of `{name}`"),
                    )
                    .with(
                        "help: include the missing fields in the pattern, or ignore them with `..`",
                    ));
                }
            }
            _ => {
                if var.shape != Shape::Unit {
                    return Err(Diagnostic::error(
                        at,
                        format!("expected unit struct, unit variant or constant, found `{name}`"),
                    ));
                }
            }
        }
        Ok(Some(Pat::Adt(def, v, fields)))
    }

    /// `[first, .., last]`, `[x, rest @ ..]`.
    pub(super) fn slice_pat(&mut self, s: &syn::PatSlice) -> R<Pat> {
        let mut out = Vec::new();
        for e in &s.elems {
            out.push(self.pat(e)?);
        }
        if out
            .iter()
            .filter(|p| {
                matches!(p, Pat::Rest) || matches!(p, Pat::At(_, _, r) if matches!(**r, Pat::Rest))
            })
            .count()
            > 1
        {
            return Err(Diagnostic::error(
                span(s),
                "`..` can only be used once per slice pattern",
            ));
        }
        Ok(Pat::Slice(out))
    }
}
