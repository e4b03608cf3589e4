//! Items of your own: `struct`, `enum`, `impl`, `trait`, `mod`, `type`, `static`, and items written
//! inside functions. They are gathered first (every module flattened, every name known), so that
//! the bodies lowered after them can use them in any order, as in Rust.

use super::*;
use crate::interp::types::{Derives, Method, Receiver, Shape, TraitImpl, TypeDef, VariantDef};
use std::collections::HashSet;
use syn::visit::Visit;

/// The program's own item names, by full path (`shapes::Circle`).
#[derive(Default)]
pub(super) struct Items {
    /// Types, complete once their definitions are lowered.
    pub types: HashMap<String, Rc<TypeDef>>,
    /// Type names (known before their definitions are lowered).
    pub type_names: HashSet<String>,
    /// `type` aliases: what they stand for, and the own type they name, if any.
    pub aliases: HashMap<String, (Ty, Option<String>)>,
    /// Traits.
    pub traits: HashSet<String>,
    /// Functions.
    pub fns: HashSet<String>,
    /// `const` and `static` items.
    pub consts: HashSet<String>,
    /// `use` of own items: local name → full path.
    pub uses: HashMap<String, String>,
    /// Every function name of an `impl` or a `trait`: a method call may name them.
    pub method_names: HashSet<String>,
    /// Generic functions whose callers pass what a type parameter stands for (see [`Hidden`]).
    pub hidden: HashMap<String, Vec<Hidden>>,
}

/// A type parameter that a generic function calls through (`T::default()`) and that no
/// parameter's value tells (`fn make<T: Default>() -> T`): the caller passes it, as a last
/// argument.
#[derive(Clone, Debug)]
pub(super) struct Hidden {
    /// Its name.
    pub name: String,
    /// Its position among the function's type parameters (for the turbofish).
    pub index: usize,
    /// The function returns exactly `T` (a declared `let` type tells it).
    pub is_return: bool,
}

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
        Paths(&mut only_long).visit_block(body)
    });
    // Inside macros (`format!("{}", T::name())`) the paths are tokens: `T` then `::`.
    struct Macros(Vec<String>);
    impl<'a> Visit<'a> for Macros {
        fn visit_macro(&mut self, m: &'a syn::Macro) {
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
            scan(m.tokens.clone(), &mut self.0);
        }
    }
    let mut macros = Macros(Vec::new());
    macros.visit_block(body);
    for h in heads.into_iter().chain(macros.0) {
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

/// Items nested in function bodies: lowered as items of the enclosing module.
#[derive(Default)]
struct Nested<'f> {
    found: Vec<&'f syn::Item>,
}

impl<'f> Visit<'f> for Nested<'f> {
    fn visit_item(&mut self, i: &'f syn::Item) {
        self.found.push(i);
    }
}

/// Every item of the file with its module, modules flattened, items inside functions included.
pub(super) fn flatten<'f>(
    items: &'f [syn::Item],
    module: &[String],
    out: &mut Vec<(Vec<String>, &'f syn::Item)>,
) -> R<()> {
    for item in items {
        match item {
            syn::Item::Mod(m) => {
                let Some((_, content)) = &m.content else {
                    return Err(not_available(
                        item_span(item),
                        "a module in another file (`mod name;`)",
                    ));
                };
                let mut inner = module.to_vec();
                inner.push(m.ident.to_string());
                flatten(content, &inner, out)?;
            }
            other => {
                out.push((module.to_vec(), other));
                let mut nested = Nested::default();
                match other {
                    syn::Item::Fn(f) => nested.visit_block(&f.block),
                    syn::Item::Impl(i) => {
                        for ii in &i.items {
                            if let syn::ImplItem::Fn(f) = ii {
                                nested.visit_block(&f.block);
                            }
                        }
                    }
                    _ => {}
                }
                for n in nested.found {
                    flatten(std::slice::from_ref(n), module, out)?;
                }
            }
        }
    }
    Ok(())
}

/// `#[derive(..)]` of an item; other attributes are refused unless harmless.
fn derives(attrs: &[syn::Attribute]) -> R<Derives> {
    let mut d = Derives::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("derive") {
            let mut err = None;
            let _ = attr.parse_nested_meta(|meta| {
                let name = meta
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                match name.as_str() {
                    "Debug" => d.debug = true,
                    "Clone" => d.clone = true,
                    "Copy" => d.copy = true,
                    "PartialEq" | "Eq" => d.partial_eq = true,
                    "PartialOrd" | "Ord" => d.partial_ord = true,
                    "Default" => d.default = true,
                    "Hash" => d.hash = true,
                    other => {
                        err = Some(not_available(
                            span(&meta.path),
                            &format!("`#[derive({other})]`"),
                        ))
                    }
                }
                Ok(())
            });
            if let Some(e) = err {
                return Err(e);
            }
        } else if ![
            "allow", "warn", "deny", "doc", "repr", "must_use", "default",
        ]
        .iter()
        .any(|a| path.is_ident(a))
        {
            return Err(not_available(span(attr), "this attribute"));
        }
    }
    Ok(d)
}

impl Lowerer<'_> {
    /// `crate::a::b`, `self::b`, `super::b`, or a path relative to the current module, as a full
    /// path (without checking that it names anything).
    pub(super) fn full_path(&self, segs: &[String]) -> Vec<String> {
        let mut base: Vec<String> = Vec::new();
        let mut rest = segs;
        match segs.first().map(String::as_str) {
            Some("crate") => rest = segs.get(1..).unwrap_or(&[]),
            Some("self") => {
                base = self.module.clone();
                rest = segs.get(1..).unwrap_or(&[]);
            }
            Some("super") => {
                base = self.module.clone();
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest = rest.get(1..).unwrap_or(&[]);
                }
            }
            Some(first) => {
                if let Some(full) = self.items.uses.get(first) {
                    self.use_name(first);
                    let mut v: Vec<String> = full.split("::").map(String::from).collect();
                    v.extend(segs.get(1..).unwrap_or(&[]).iter().cloned());
                    return v;
                }
                base = self.module.clone();
            }
            None => {}
        }
        base.extend(rest.iter().cloned());
        base
    }

    /// The full path of an own item that `segs` names and `is` accepts: relative to the module,
    /// then to the crate root.
    pub(super) fn own(&self, segs: &[String], is: impl Fn(&Items, &str) -> bool) -> Option<String> {
        let full = self.full_path(segs).join("::");
        if is(&self.items, &full) {
            return Some(full);
        }
        let root = segs.join("::");
        is(&self.items, &root).then_some(root)
    }

    /// An own type (or an alias of one) that `segs` names: its key.
    pub(super) fn own_type(&self, segs: &[String]) -> Option<String> {
        if segs.len() == 1 && segs.first().map(String::as_str) == Some("Self") {
            return self.self_ty.clone();
        }
        let p = self.own(segs, |i, p| {
            i.type_names.contains(p) || i.aliases.contains_key(p)
        })?;
        match self.items.aliases.get(&p) {
            Some((_, target)) => target.clone(),
            None => Some(p),
        }
    }

    /// The key of the type an `impl` is for: an own type, a std type's name, or `*` (a type
    /// parameter: a blanket impl).
    fn impl_key(&self, t: &syn::Type) -> R<String> {
        match t {
            syn::Type::Reference(r) => self.impl_key(&r.elem),
            syn::Type::Slice(_) | syn::Type::Array(_) => Ok("Vec".into()),
            syn::Type::Tuple(t) if t.elems.is_empty() => Ok("()".into()),
            syn::Type::Path(p) if p.qself.is_none() => {
                let segs = Self::segments(&p.path);
                if let Some(k) = self.own_type(&segs) {
                    return Ok(k);
                }
                let last = segs.last().cloned().unwrap_or_default();
                if segs.len() == 1 && self.generics.contains(&last) {
                    return Ok("*".into());
                }
                match last.as_str() {
                    "String" | "str" | "Vec" | "bool" | "char" | "f64" | "f32" | "Option"
                    | "Result" | "Duration" => Ok(last),
                    n if IntTy::from_name(n).is_some() => Ok(last),
                    _ => Err(not_available(span(t), "an `impl` for this type")),
                }
            }
            other => Err(not_available(span(other), "an `impl` for this type")),
        }
    }

    /// Declares the names of every item (before any body is lowered).
    pub(super) fn declare(&mut self, module: &[String], item: &syn::Item) {
        let path = |id: &syn::Ident| {
            let mut p = module.join("::");
            if !p.is_empty() {
                p.push_str("::");
            }
            p.push_str(&id.to_string());
            p
        };
        match item {
            syn::Item::Fn(f) => {
                self.items.fns.insert(path(&f.sig.ident));
                let params: Vec<String> = f
                    .sig
                    .generics
                    .type_params()
                    .map(|t| t.ident.to_string())
                    .collect();
                let hidden: Vec<Hidden> = called_through(&f.sig, &f.block)
                    .into_iter()
                    .filter(|t| param_of(&f.sig, t).is_none())
                    .map(|t| Hidden {
                        index: params.iter().position(|p| *p == t).unwrap_or(0),
                        is_return: matches!(&f.sig.output,
                            syn::ReturnType::Type(_, ty) if matches!(&**ty, syn::Type::Path(p) if p.path.is_ident(&t))),
                        name: t,
                    })
                    .collect();
                if !hidden.is_empty() {
                    self.items.hidden.insert(path(&f.sig.ident), hidden);
                }
            }
            syn::Item::Const(c) => {
                self.items.consts.insert(path(&c.ident));
            }
            syn::Item::Static(s) => {
                self.items.consts.insert(path(&s.ident));
            }
            syn::Item::Impl(i) => {
                for ii in &i.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        self.items.method_names.insert(f.sig.ident.to_string());
                    }
                }
            }
            syn::Item::Struct(s) => {
                self.items.type_names.insert(path(&s.ident));
            }
            syn::Item::Enum(e) => {
                self.items.type_names.insert(path(&e.ident));
            }
            syn::Item::Trait(t) => {
                self.items.traits.insert(path(&t.ident));
                for ti in &t.items {
                    if let syn::TraitItem::Fn(f) = ti {
                        self.items.method_names.insert(f.sig.ident.to_string());
                    }
                }
            }
            _ => {}
        }
    }

    /// `type Name = T;`: what it stands for.
    pub(super) fn alias(&mut self, module: &[String], t: &syn::ItemType) -> R<()> {
        if !t.generics.params.is_empty() {
            return Err(not_available(span(&t.generics), "a generic `type` alias"));
        }
        let ty = self.ty(&t.ty)?;
        let target = match &*t.ty {
            syn::Type::Path(p) => self.own_type(&Self::segments(&p.path)),
            _ => None,
        };
        let mut p = module.join("::");
        if !p.is_empty() {
            p.push_str("::");
        }
        p.push_str(&t.ident.to_string());
        self.items.aliases.insert(p, (ty, target));
        Ok(())
    }

    fn generic_names(g: &syn::Generics) -> Vec<String> {
        g.type_params().map(|t| t.ident.to_string()).collect()
    }

    /// A `struct` or `enum` definition.
    pub(super) fn type_def(&mut self, module: &[String], item: &syn::Item) -> R<()> {
        let (ident, generics, attrs) = match item {
            syn::Item::Struct(s) => (&s.ident, &s.generics, &s.attrs),
            syn::Item::Enum(e) => (&e.ident, &e.generics, &e.attrs),
            _ => return Ok(()),
        };
        let derives = derives(attrs)?;
        self.note_generics(generics);
        let saved = std::mem::replace(&mut self.generics, Self::generic_names(generics));
        let r = (|| {
            let variant =
                |me: &mut Self, name: Name, fields: &syn::Fields, d: i128| -> R<VariantDef> {
                    let (shape, list): (Shape, Vec<&syn::Field>) = match fields {
                        syn::Fields::Unit => (Shape::Unit, Vec::new()),
                        syn::Fields::Unnamed(u) => (Shape::Tuple, u.unnamed.iter().collect()),
                        syn::Fields::Named(n) => (Shape::Named, n.named.iter().collect()),
                    };
                    let mut names = Vec::new();
                    let mut tys = Vec::new();
                    let mut keys = Vec::new();
                    for (i, f) in list.iter().enumerate() {
                        names.push(match &f.ident {
                            Some(id) => Name::from(id.to_string()),
                            None => Name::from(i.to_string()),
                        });
                        tys.push(me.ty(&f.ty)?);
                        keys.push(me.ty_key(&f.ty));
                    }
                    Ok(VariantDef {
                        name,
                        shape,
                        fields: names,
                        tys,
                        keys,
                        discriminant: d,
                    })
                };
            let mut p = module.join("::");
            if !p.is_empty() {
                p.push_str("::");
            }
            p.push_str(&ident.to_string());
            let (is_enum, variants, default) = match item {
                syn::Item::Struct(s) => (
                    false,
                    vec![variant(self, ident.to_string().into(), &s.fields, 0)?],
                    0,
                ),
                syn::Item::Enum(e) => {
                    let mut vs = Vec::new();
                    let mut d = 0i128;
                    let mut default = 0;
                    for (i, v) in e.variants.iter().enumerate() {
                        if let Some((_, x)) = &v.discriminant {
                            d = match self.pat_lit(x)? {
                                Lit::Int(n, _) => n,
                                _ => return Err(not_available(span(x), "this discriminant")),
                            };
                        }
                        if v.attrs.iter().any(|a| a.path().is_ident("default")) {
                            default = i;
                        }
                        vs.push(variant(self, v.ident.to_string().into(), &v.fields, d)?);
                        d += 1;
                    }
                    (true, vs, default)
                }
                _ => return Ok(()),
            };
            let def = Rc::new(TypeDef {
                name: ident.to_string().into(),
                path: p.clone().into(),
                is_enum,
                variants,
                derives,
                default_variant: default,
                has_drop: std::cell::Cell::new(false),
            });
            self.items.types.insert(p.clone(), def.clone());
            self.reg.types.insert(p.into(), def);
            Ok(())
        })();
        self.generics = saved;
        r
    }

    /// The registry key of a field's type, for `#[derive(Default)]`: an own type's path or a std
    /// type's name.
    fn ty_key(&self, t: &syn::Type) -> Name {
        match t {
            syn::Type::Reference(r) => self.ty_key(&r.elem),
            syn::Type::Tuple(t) if t.elems.is_empty() => "()".into(),
            syn::Type::Array(_) | syn::Type::Slice(_) => "Vec".into(),
            syn::Type::Path(p) if p.qself.is_none() => {
                let segs = Self::segments(&p.path);
                if let Some(k) = self.own_type(&segs) {
                    return k.into();
                }
                segs.last().cloned().unwrap_or_default().into()
            }
            _ => "?".into(),
        }
    }

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
                syn::ImplItem::Type(_) => {}
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
        if trait_name.as_ref() == "Drop" {
            if let Some(def) = self.items.types.get(key) {
                def.has_drop.set(true);
            }
        }
        self.reg.impls.push(TraitImpl {
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
        for h in path_heads(|f| Paths(f).visit_item_trait(t)) {
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
        let r = self.method_inner(sig, block);
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

    #[allow(clippy::type_complexity)]
    fn method_parts(
        &mut self,
        sig: &syn::Signature,
        block: &syn::Block,
    ) -> R<((Receiver, Ty), Vec<(Pat, Ty)>, Block)> {
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
                        return Err(not_available(span(r), "`self` with a type"));
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
        let body = self.block(block);
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

/// Calls `f` for every path inside `node`.
pub(super) struct Paths<'a>(pub &'a mut dyn FnMut(&syn::Path));

impl<'ast> Visit<'ast> for Paths<'_> {
    fn visit_path(&mut self, p: &'ast syn::Path) {
        (self.0)(p);
        syn::visit::visit_path(self, p);
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
        lower: impl FnOnce(&mut Self) -> R<(T, Vec<(Pat, Ty)>, Block)>,
    ) -> R<(T, Vec<(Pat, Ty)>, Block)> {
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
        for h in path_heads(|f| Paths(f).visit_generics(g)) {
            self.use_name(&h);
        }
    }
}

/// Does a block mention `Self`?
fn uses_self_type(b: &syn::Block) -> bool {
    #[derive(Default)]
    struct Find(bool);
    impl<'a> Visit<'a> for Find {
        fn visit_ident(&mut self, i: &'a proc_macro2::Ident) {
            if i == "Self" {
                self.0 = true;
            }
        }
    }
    let mut f = Find::default();
    f.visit_block(b);
    f.0
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
    "IndexMut",
    "From",
    "Into",
    "TryFrom",
    "FromStr",
    "Iterator",
    "Drop",
    "Error",
];
