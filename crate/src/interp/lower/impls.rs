//! `impl` blocks and traits of your own: methods and their `self`, a trait's default methods
//! lowered for each impl that uses them, and what a generic function's type parameters stand for.

use super::*;
use crate::interp::types::{Method, Receiver, TraitImpl};
use crate::interp::visit::{Node, Walk};
use syn::visit::Visit;

/// The type parameters a function body calls through: `T::f(..)`, `T::CONST`.
pub(super) fn called_through(sig: &syn::Signature, body: &syn::Block) -> Vec<String> {
    let params: Vec<String> = sig
        .generics
        .type_params()
        .map(|t| t.ident.to_string())
        .collect();
    let mut used = Vec::new();
    let heads = path_heads(|f| {
        let mut only_long = |p: &syn::Path| {
            if p.segments.len() >= 2 {
                f(p)
            }
        };
        Walk(&mut paths(&mut only_long)).visit_block(body);
    });
    // Inside macros (`format!("{}", T::name())`) the paths are tokens: `T` then `::`.
    fn scan(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
        let toks: Vec<proc_macro2::TokenTree> = ts.into_iter().collect();
        for (k, t) in toks.iter().enumerate() {
            match t {
                proc_macro2::TokenTree::Ident(i) => {
                    let colons = matches!(
                        (toks.get(k + 1), toks.get(k + 2)),
                        (
                            Some(proc_macro2::TokenTree::Punct(a)),
                            Some(proc_macro2::TokenTree::Punct(b))
                        ) if a.as_char() == ':' && b.as_char() == ':'
                    );
                    if colons {
                        out.push(i.to_string());
                    }
                }
                proc_macro2::TokenTree::Group(g) => scan(g.stream(), out),
                _ => {}
            }
        }
    }
    let mut macros = Vec::new();
    Walk(&mut |n| match n {
        Node::Macro(m) => {
            scan(m.tokens.clone(), &mut macros);
            false
        }
        _ => true,
    })
    .visit_block(body);
    for h in heads.into_iter().chain(macros) {
        if params.contains(&h) && !used.contains(&h) {
            used.push(h);
        }
    }
    used
}

/// The parameter (by name) whose value tells what `t` stands for: one declared `t`, `&t` or
/// `&mut t`.
pub(super) fn param_of(sig: &syn::Signature, t: &str) -> Option<String> {
    for input in &sig.inputs {
        let syn::FnArg::Typed(pt) = input else {
            continue;
        };
        let mut ty = &*pt.ty;
        while let syn::Type::Reference(r) = ty {
            ty = &r.elem;
        }
        let is_t = matches!(ty, syn::Type::Path(p) if p.path.is_ident(t));
        if let (true, syn::Pat::Ident(pi)) = (is_t, &*pt.pat) {
            if pi.subpat.is_none() {
                return Some(pi.ident.to_string());
            }
        }
    }
    None
}

impl Lowerer<'_> {
    /// The registry key a trait's type argument names (`From<ParseIntError>` → `ParseIntError`).
    fn arg_key(&self, t: &syn::Type) -> String {
        match t {
            syn::Type::Reference(r) => self.arg_key(&r.elem),
            syn::Type::Tuple(t) if t.elems.is_empty() => "()".into(),
            syn::Type::Tuple(_) => "tuple".into(),
            syn::Type::Path(p) => {
                let segs = Self::segments(&p.path);
                self.own_type(&segs)
                    .unwrap_or_else(|| segs.last().cloned().unwrap_or_default())
            }
            _ => "?".into(),
        }
    }
}

/// A function's lowered parts that its type parameters' bindings change: its parameters and body.
type Parts<T> = (T, Vec<(Pat, Ty)>, Block);

impl Lowerer<'_> {
    /// An `impl` block: inherent functions, or a trait's (its defaults lowered for this type).
    pub(super) fn item_impl(
        &mut self,
        i: &syn::ItemImpl,
        traits: &HashMap<String, &syn::ItemTrait>,
    ) -> R<()> {
        if let Some(u) = &i.unsafety {
            return Err(not_available(span(u), "`unsafe`"));
        }
        let saved = std::mem::replace(&mut self.generics, Self::generic_names(&i.generics));
        self.note_generics(&i.generics);
        let r = (|| {
            let key = self.impl_key(&i.self_ty)?;
            let saved_self =
                std::mem::replace(&mut self.self_ty, (key != "*").then(|| key.clone()));
            let r = self.impl_body(i, &key, traits);
            self.self_ty = saved_self;
            r
        })();
        self.generics = saved;
        r
    }

    fn impl_body(
        &mut self,
        i: &syn::ItemImpl,
        key: &str,
        traits: &HashMap<String, &syn::ItemTrait>,
    ) -> R<()> {
        let mut methods = HashMap::new();
        let mut consts = HashMap::new();
        for item in &i.items {
            match item {
                syn::ImplItem::Fn(f) => {
                    let m = self.method(&f.sig, &f.block)?;
                    self.reg.names.insert(m.def.name.clone());
                    methods.insert(m.def.name.clone(), m);
                }
                syn::ImplItem::Const(c) => {
                    let ty = self.ty(&c.ty)?;
                    let e = self.expr(&c.expr)?;
                    consts.insert(Name::from(c.ident.to_string()), (ty, Rc::new(e)));
                }
                // `type IntoFuture = Pin<Box<dyn Future<..>>>;`: its names are uses.
                syn::ImplItem::Type(t) => {
                    for h in path_heads(|f| Walk(&mut paths(f)).visit_type(&t.ty)) {
                        self.use_name(&h);
                    }
                }
                other => return Err(not_available(span(other), "this kind of `impl` item")),
            }
        }
        let Some((bang, path, _)) = &i.trait_ else {
            let k: Name = key.into();
            self.reg
                .inherent
                .entry(k.clone())
                .or_default()
                .extend(methods);
            self.reg.consts.entry(k).or_default().extend(consts);
            return Ok(());
        };
        if let Some(b) = bang {
            return Err(not_available(span(b), "a negative `impl`"));
        }
        let segs = Self::segments(path);
        if let Some(first) = segs.first() {
            self.use_name(first);
        }
        let own = self.own(&segs, |i, p| i.traits.contains(p));
        let trait_name: Name = match &own {
            Some(p) => p.as_str().into(),
            None => {
                let last = segs.last().cloned().unwrap_or_default();
                if !STD_TRAITS.contains(&last.as_str()) {
                    return Err(not_available(
                        span(path),
                        &format!("implementing the trait `{}`", segs.join("::")),
                    ));
                }
                last.into()
            }
        };
        // The trait's default methods and consts that this impl leaves out, with `Self` = this type.
        if let Some(t) = own.as_ref().and_then(|p| traits.get(p)) {
            for ti in &t.items {
                match ti {
                    syn::TraitItem::Fn(f) => {
                        let name = f.sig.ident.to_string();
                        if methods.contains_key(name.as_str()) {
                            continue;
                        }
                        if let Some(block) = &f.default {
                            if key == "*" && uses_self_type(block) {
                                return Err(not_available(
                                    span(&f.sig.ident),
                                    "`Self` in a default method of a blanket impl",
                                ));
                            }
                            let m = self.method(&f.sig, block)?;
                            self.reg.names.insert(m.def.name.clone());
                            methods.insert(m.def.name.clone(), m);
                        }
                    }
                    syn::TraitItem::Const(c) => {
                        let name: Name = c.ident.to_string().into();
                        if let (false, Some((_, e))) = (consts.contains_key(&name), &c.default) {
                            let ty = self.ty(&c.ty)?;
                            let e = self.expr(e)?;
                            consts.insert(name, (ty, Rc::new(e)));
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(def) = self.items.types.get(key) {
            match trait_name.as_ref() {
                "Drop" => def.has_drop.set(true),
                "Copy" => def.copy.set(true),
                _ => {}
            }
        }
        let args = match path.segments.last().map(|s| &s.arguments) {
            Some(syn::PathArguments::AngleBracketed(a)) => a
                .args
                .iter()
                .filter_map(|g| match g {
                    syn::GenericArgument::Type(t) => Some(self.arg_key(t).into()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        self.reg.impls.push(TraitImpl {
            args,
            trait_: trait_name,
            ty: key.into(),
            methods,
            consts,
        });
        Ok(())
    }

    /// A `trait` item: its signatures are checked when lowered through an impl; here only what
    /// the subset refuses.
    pub(super) fn item_trait(&mut self, t: &syn::ItemTrait) -> R<()> {
        for h in path_heads(|f| Walk(&mut paths(f)).visit_item_trait(t)) {
            self.use_name(&h);
        }
        if let Some(u) = &t.unsafety {
            return Err(not_available(span(u), "`unsafe`"));
        }
        for item in &t.items {
            match item {
                syn::TraitItem::Fn(_) | syn::TraitItem::Const(_) | syn::TraitItem::Type(_) => {}
                other => return Err(not_available(span(other), "this kind of trait item")),
            }
        }
        Ok(())
    }

    /// A function of an `impl` (or a trait's default for one): `self`, if any, is its first
    /// parameter.
    pub(super) fn method(&mut self, sig: &syn::Signature, block: &syn::Block) -> R<Method> {
        if let Some(u) = &sig.unsafety {
            return Err(not_available(span(u), "`unsafe`"));
        }
        let added = Self::generic_names(&sig.generics);
        self.note_generics(&sig.generics);
        let n = self.generics.len();
        self.generics.extend(added);
        let outer = std::mem::replace(&mut self.in_poll, sig.ident == "poll");
        let r = self.method_inner(sig, block);
        self.in_poll = outer;
        self.generics.truncate(n);
        r
    }

    fn method_inner(&mut self, sig: &syn::Signature, block: &syn::Block) -> R<Method> {
        let ((receiver, ret), params, body) =
            self.with_tparams(sig, block, false, |me| me.method_parts(sig, block))?;
        Ok(Method {
            def: Rc::new(FnDef {
                name: sig.ident.to_string().into(),
                is_async: sig.asyncness.is_some(),
                params,
                ret,
                body: Rc::new(body),
                span: span(&sig.ident),
            }),
            receiver,
        })
    }

    fn method_parts(
        &mut self,
        sig: &syn::Signature,
        block: &syn::Block,
    ) -> R<Parts<(Receiver, Ty)>> {
        let is_async = sig.asyncness.is_some();
        let base = self.locals.len();
        let mut params = Vec::new();
        let mut receiver = Receiver::None;
        for input in &sig.inputs {
            match input {
                syn::FnArg::Receiver(r) => {
                    receiver = match (&r.reference, &r.mutability) {
                        (Some(_), Some(_)) => Receiver::RefMut,
                        (Some(_), None) => Receiver::Ref,
                        (None, _) => Receiver::Value,
                    };
                    if r.colon_token.is_some() {
                        for h in path_heads(|f| Walk(&mut paths(f)).visit_type(&r.ty)) {
                            self.use_name(&h);
                        }
                        receiver = typed_receiver(&r.ty)
                            .ok_or_else(|| not_available(span(r), "`self` with this type"))?;
                    }
                    self.locals.push(Local {
                        name: "self".into(),
                        span: span(r),
                        used: true,
                        mut_span: None,
                        mutated: true,
                    });
                    params.push((
                        Pat::Bind {
                            name: "self".into(),
                            span: span(r),
                        },
                        Ty::Other,
                    ));
                }
                syn::FnArg::Typed(pt) => {
                    let ty = self.ty(&pt.ty)?;
                    let pat = self.pat(&pt.pat)?;
                    params.push((pat, ty));
                }
            }
        }
        let ret = match &sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) => self.ty(t)?,
        };
        self.in_async.push(is_async);
        let err = self.error_key(&sig.output);
        self.ret_err.push(err);
        let body = self.block(block);
        self.ret_err.pop();
        self.in_async.pop();
        self.end_scope(base);
        Ok(((receiver, ret), params, body?))
    }
}

/// The first segment of every path in a syntax node (bounds, `where` clauses, trait signatures):
/// the imports they use.
pub(super) fn path_heads(node: impl FnOnce(&mut dyn FnMut(&syn::Path))) -> Vec<String> {
    let mut out = Vec::new();
    node(&mut |p: &syn::Path| {
        if let Some(s) = p.segments.first() {
            out.push(s.ident.to_string());
        }
    });
    out
}

/// The walk's closure that calls `f` for every path: `Walk(&mut paths(f)).visit_type(t)`.
pub(super) fn paths<'a>(f: &mut dyn FnMut(&syn::Path)) -> impl FnMut(Node<'a>) -> bool + '_ {
    move |n| {
        if let Node::Path(p) = n {
            f(p);
        }
        true
    }
}

impl Lowerer<'_> {
    /// Lowers a function's body with its type parameters in scope, then binds what those it calls
    /// through stand for: from a parameter's value (`x: T`), or from a hidden last parameter the
    /// caller fills (`hidden`; a method cannot have one).
    pub(super) fn with_tparams<T>(
        &mut self,
        sig: &syn::Signature,
        block: &syn::Block,
        hidden_ok: bool,
        lower: impl FnOnce(&mut Self) -> R<Parts<T>>,
    ) -> R<Parts<T>> {
        let names: Vec<String> = sig
            .generics
            .type_params()
            .map(|t| t.ident.to_string())
            .collect();
        let saved_g = std::mem::replace(&mut self.fn_generics, names);
        let saved_u = std::mem::take(&mut self.tparams_used);
        let r = lower(self);
        self.fn_generics = saved_g;
        let used = std::mem::replace(&mut self.tparams_used, saved_u);
        let (t, mut params, mut body) = r?;
        if used.is_empty() {
            return Ok((t, params, body));
        }
        let mut lets = Vec::new();
        for name in called_through(sig, block) {
            if !used.contains(&name) {
                continue;
            }
            let var: Name = format!("<{name}>").into();
            let at = span(&sig.ident);
            match param_of(sig, &name) {
                Some(p) => lets.push(Stmt::Let {
                    pat: Pat::Bind {
                        name: var,
                        span: at,
                    },
                    ty: None,
                    init: Some(Expr {
                        kind: ExprKind::TypeOf(Box::new(Expr {
                            kind: ExprKind::Var(p.into()),
                            span: at,
                        })),
                        span: at,
                    }),
                    otherwise: None,
                }),
                None if hidden_ok => params.push((
                    Pat::Bind {
                        name: var,
                        span: at,
                    },
                    Ty::Other,
                )),
                None => {
                    return Err(not_available(
                        at,
                        &format!("calling through `{name}`, which no parameter's type is,"),
                    ))
                }
            }
        }
        lets.append(&mut body.stmts);
        body.stmts = lets;
        Ok((t, params, body))
    }

    /// Notes the imports that generics' bounds and `where` clauses use.
    pub(super) fn note_generics(&self, g: &syn::Generics) {
        for h in path_heads(|f| Walk(&mut paths(f)).visit_generics(g)) {
            self.use_name(&h);
        }
    }
}

/// Does a block mention `Self`?
fn uses_self_type(b: &syn::Block) -> bool {
    let mut found = false;
    Walk(&mut |n| {
        if matches!(n, Node::Ident(i) if i == "Self") {
            found = true;
        }
        true
    })
    .visit_block(b);
    found
}

/// The std traits a program may implement for its types.
pub(super) const STD_TRAITS: &[&str] = &[
    "Display",
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Default",
    "Add",
    "Sub",
    "Mul",
    "Div",
    "Rem",
    "Neg",
    "Not",
    "AddAssign",
    "SubAssign",
    "MulAssign",
    "DivAssign",
    "Index",
    "From",
    "TryFrom",
    "FromStr",
    "Iterator",
    "Drop",
    "Error",
    // Futures written by hand: `poll` is called by `.await` (eval/user_future.rs).
    "Future",
    "IntoFuture",
    "Unpin",
];

/// The receiver a typed `self` stands for: `self: Pin<&mut Self>` is `&mut self` here (every
/// value already stays in its place, so pinning changes nothing the program can observe).
fn typed_receiver(ty: &syn::Type) -> Option<Receiver> {
    match ty {
        syn::Type::Reference(r) if is_self(&r.elem) => Some(if r.mutability.is_some() {
            Receiver::RefMut
        } else {
            Receiver::Ref
        }),
        syn::Type::Path(p) if is_self(ty) && p.qself.is_none() => Some(Receiver::Value),
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            if last.ident != "Pin" {
                return None;
            }
            match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => match a.args.first()? {
                    syn::GenericArgument::Type(syn::Type::Reference(r)) if is_self(&r.elem) => {
                        Some(if r.mutability.is_some() {
                            Receiver::RefMut
                        } else {
                            Receiver::Ref
                        })
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_self(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"))
}
