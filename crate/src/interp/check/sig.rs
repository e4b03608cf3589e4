//! Signatures and written types: the types a program writes, resolved through its `use`s, and
//! the checks of a function's head (E0106) and of its body's end (E0308 for a `;` too many).

use super::ty::{of_type, Ty};
use super::walk::{join, Phase, Walker};
use crate::interp::diag::{Diagnostic, Span};
use syn::spanned::Spanned;

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
            let text = quote::ToTokens::to_token_stream(&*t.ty).to_string();
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
