//! Signatures and written types: the types a program writes, resolved through its `use`s, and
//! the checks of a function's head (E0106) and of its body's end (E0308 for a `;` too many).

use super::scope::OfParam;
use super::ty::{of_type, Ty};
use super::walk::{join, Phase, Walker};
use crate::interp::diag::{Diagnostic, Span};
use crate::interp::span::Spanned;

impl Walker<'_> {
    /// A written type with its library names resolved through the `use`s: std's `Mutex` and
    /// Tokio's differ (`Send` guards), so do their `Receiver`s (`recv` takes `&mut self` in Tokio).
    pub fn canon(&self, t: Ty) -> Ty {
        match t {
            Ty::Adt(name, args) => {
                let args: Vec<Ty> = args.into_iter().map(|a| self.canon(a)).collect();
                if self.items.structs.contains_key(&name) {
                    return Ty::Adt(name, args);
                }
                let segs: Vec<String> = name.split("::").map(str::to_string).collect();
                let full = self.items.expand(&segs);
                match super::infer::canon_name(&name, &full) {
                    Some(n) => Ty::Adt(n, args),
                    None => Ty::Unknown,
                }
            }
            Ty::Ref(m, t) => Ty::Ref(m, Box::new(self.canon(*t))),
            Ty::Tuple(ts) => Ty::Tuple(ts.into_iter().map(|t| self.canon(t)).collect()),
            Ty::Future(t) => Ty::Future(Box::new(self.canon(*t))),
            t => t,
        }
    }

    /// A written type, resolved.
    pub fn written(&self, t: &syn::Type) -> Ty {
        self.canon(of_type(t, &self.generics))
    }
}

impl Walker<'_> {
    /// E0106: a returned reference without a lifetime, when the parameters give none or several
    /// to choose from (only with plain parameter types, where elision is clear).
    pub(super) fn check_lifetime(&mut self, sig: &syn::Signature, ret: &syn::Type) {
        let syn::Type::Reference(r) = ret else { return };
        if r.lifetime.is_some() || !sig.generics.params.is_empty() {
            return;
        }
        let mut refs = Vec::new();
        for input in &sig.inputs {
            let syn::FnArg::Typed(t) = input else { return };
            let text = crate::interp::span::text(&*t.ty);
            if text.contains('\'') || text.contains("dyn") || text.contains("impl") {
                return;
            }
            let simple = text
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    super::ty::INTS.contains(&w)
                        || matches!(
                            w,
                            "str"
                                | "String"
                                | "bool"
                                | "char"
                                | "f32"
                                | "f64"
                                | "Vec"
                                | "mut"
                                | "u8"
                        )
                });
            if !simple {
                return;
            }
            if text.contains('&') {
                if text.matches('&').count() > 1 {
                    return;
                }
                let name = match &*t.pat {
                    syn::Pat::Ident(i) => i.ident.to_string(),
                    _ => return,
                };
                refs.push((name, Span::of(t.ty.span())));
            }
        }
        if refs.len() == 1 {
            return;
        }
        let at = Span::of(r.and_token.span);
        let mut d = Diagnostic::error(at, "missing lifetime specifier")
            .with_code("E0106")
            .label("expected named lifetime parameter");
        for (_, s) in &refs {
            d = d.also(*s, "");
        }
        let help = if refs.is_empty() {
            "help: this function's return type contains a borrowed value, but there is no value for it to be borrowed from".to_string()
        } else {
            let names: Vec<String> = refs.iter().map(|(n, _)| format!("`{n}`")).collect();
            let list = if names.len() == 2 {
                format!("{} or {}", names[0], names[1])
            } else {
                format!(
                    "{}, or {}",
                    names[..names.len() - 1].join(", "),
                    names[names.len() - 1]
                )
            };
            format!("help: this function's return type contains a borrowed value, but the signature does not say whether it is borrowed from {list}")
        };
        self.report(Phase::Value, d.with(help));
    }

    /// E0308 for a body that ends in a statement where a value is to be returned (a `;` too
    /// many). Checked after the walk: only if the end of the body is reachable.
    pub(super) fn check_unit_body(&mut self, sig: &syn::Signature, body: &syn::Block) {
        let syn::ReturnType::Type(_, t) = &sig.output else {
            return;
        };
        let generic = matches!(&**t, syn::Type::Path(p) if p.path.get_ident().is_some_and(|i| self.generics.contains(&i.to_string())));
        if generic
            || matches!(
                &**t,
                syn::Type::ImplTrait(_) | syn::Type::Never(_) | syn::Type::Infer(_)
            )
            || matches!(&**t, syn::Type::Tuple(tt) if tt.elems.is_empty())
        {
            return;
        }
        let semi = match body.stmts.last() {
            Some(syn::Stmt::Expr(_, Some(_))) => true,
            Some(syn::Stmt::Local(_)) | None => false,
            Some(syn::Stmt::Macro(m)) if m.semi_token.is_some() => false,
            _ => return,
        };
        let shown = super::items::type_text(t);
        self.pending_unit = Some((Span::of(body.brace_token.span.join()), shown, semi));
    }
}

/// `async fn name(..)`: where E0752 points.
pub(super) fn head_span_async(sig: &syn::Signature) -> Span {
    let h = head_span(sig);
    match &sig.asyncness {
        Some(a) => join(Span::of(a.span), h),
        None => h,
    }
}

/// The span rustc calls the function's head: `fn name(..) -> T`.
pub fn head_span(sig: &syn::Signature) -> Span {
    let start = Span::of(sig.fn_token.span);
    let end = match &sig.output {
        syn::ReturnType::Default => Span::of(sig.paren_token.span.close()),
        syn::ReturnType::Type(_, t) => Span::of(t.span()),
    };
    Span {
        line: start.line,
        column: start.column,
        end_line: end.end_line,
        end_column: end.end_column,
    }
}

impl Walker<'_> {
    /// The type parameter a written type is exactly (`T`, `&T`) or holds as elements (`Vec<T>`,
    /// `&Vec<T>`, `&[T]`), if any.
    pub fn param_shape(&self, t: &syn::Type) -> Option<OfParam> {
        match t {
            syn::Type::Paren(p) => self.param_shape(&p.elem),
            syn::Type::Reference(r) => {
                let amp = if r.mutability.is_some() { "&mut " } else { "&" };
                match &*r.elem {
                    syn::Type::Slice(s) => self.param_name(&s.elem).map(|n| OfParam::Elems(n, amp)),
                    inner => match self.param_shape(inner)? {
                        OfParam::Value(n, "") => Some(OfParam::Value(n, amp)),
                        OfParam::Elems(n, "") => Some(OfParam::Elems(n, amp)),
                        _ => None,
                    },
                }
            }
            syn::Type::Path(p) if p.qself.is_none() => {
                if let Some(n) = self.param_name(t) {
                    return Some(OfParam::Value(n, ""));
                }
                let [seg] = p.path.segments.iter().collect::<Vec<_>>()[..] else {
                    return None;
                };
                // A `Vec` of the program's own would not be std's.
                if seg.ident != "Vec" || self.items.names.contains("Vec") {
                    return None;
                }
                let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
                    return None;
                };
                match a.args.iter().collect::<Vec<_>>()[..] {
                    [syn::GenericArgument::Type(e)] => {
                        self.param_name(e).map(|n| OfParam::Elems(n, ""))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `T`, a type parameter in scope, written alone.
    fn param_name(&self, t: &syn::Type) -> Option<String> {
        match t {
            syn::Type::Path(p) if p.qself.is_none() => {
                let id = p.path.get_ident()?.to_string();
                self.generics.contains(&id).then_some(id)
            }
            syn::Type::Paren(p) => self.param_name(&p.elem),
            _ => None,
        }
    }

    /// What a local named alone (`x`) holds in terms of a type parameter.
    fn local_param(&self, e: &syn::Expr) -> Option<OfParam> {
        match e {
            syn::Expr::Path(p) if p.qself.is_none() => {
                let i = self.lookup(&p.path.get_ident()?.to_string())?;
                self.locals[i].of_param.clone()
            }
            syn::Expr::Paren(p) => self.local_param(&p.expr),
            _ => None,
        }
    }

    /// A format argument that is exactly `T` or `&T`: `x`, or `&x` of such a local.
    pub fn arg_param(&self, e: &syn::Expr) -> Option<OfParam> {
        match e {
            syn::Expr::Reference(r) if r.mutability.is_none() => match self.local_param(&r.expr)? {
                OfParam::Value(n, "") => Some(OfParam::Value(n, "&")),
                _ => None,
            },
            e => match self.local_param(e)? {
                v @ OfParam::Value(..) => Some(v),
                OfParam::Elems(..) => None,
            },
        }
    }

    /// What the binding of `for pat in iter` is in terms of a type parameter, if `pat` is a name.
    pub fn loop_param(&self, pat: &syn::Pat, iter: &syn::Expr) -> Option<OfParam> {
        match pat {
            syn::Pat::Ident(i) if i.subpat.is_none() && i.by_ref.is_none() => self.elem_param(iter),
            _ => None,
        }
    }

    /// Binds a `for` loop's pattern (of type `ty`, and `of_param` if it is a name).
    pub fn loop_binding(&mut self, pat: &syn::Pat, ty: Ty, of_param: &Option<OfParam>) {
        let first = self.locals.len();
        self.pattern(pat, ty, true, false);
        if self.locals.len() == first + 1 {
            self.locals[first].of_param = of_param.clone();
        }
    }

    /// The element of a `for` loop over `items`, `&items`, `items.iter()` or `items.into_iter()`
    /// where `items` holds `T`s: `T`, `&T` or `&mut T`.
    pub fn elem_param(&self, e: &syn::Expr) -> Option<OfParam> {
        match e {
            syn::Expr::Paren(p) => self.elem_param(&p.expr),
            syn::Expr::Reference(r) => match self.local_param(&r.expr)? {
                OfParam::Elems(n, "") => {
                    let amp = if r.mutability.is_some() { "&mut " } else { "&" };
                    Some(OfParam::Value(n, amp))
                }
                _ => None,
            },
            syn::Expr::MethodCall(m) if m.args.is_empty() && m.turbofish.is_none() => {
                let OfParam::Elems(n, amp) = self.local_param(&m.receiver)? else {
                    return None;
                };
                match (m.method.to_string().as_str(), amp) {
                    ("iter", _) => Some(OfParam::Value(n, "&")),
                    ("iter_mut", "" | "&mut ") => Some(OfParam::Value(n, "&mut ")),
                    ("into_iter", amp) => Some(OfParam::Value(n, amp)),
                    _ => None,
                }
            }
            e => match self.local_param(e)? {
                OfParam::Elems(n, amp) => Some(OfParam::Value(n, amp)),
                OfParam::Value(..) => None,
            },
        }
    }
}
