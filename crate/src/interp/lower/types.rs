//! Items of your own: `struct`, `enum`, `impl`, `trait`, `mod`, `type`, `static`, and items written
//! inside functions. They are gathered first (every module flattened, every name known), so that
//! the bodies lowered after them can use them in any order, as in Rust.

use super::impls::{called_through, param_of};
use super::*;
use crate::interp::types::{Derives, Shape, TypeDef, VariantDef};
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
    /// Enums whose variants a `use Enum::*;` brought into scope.
    pub enum_globs: Vec<String>,
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
                // A `use` inside a function applies to its block only: lowered there.
                for n in nested.found {
                    if !matches!(n, syn::Item::Use(_)) {
                        flatten(std::slice::from_ref(n), module, out)?;
                    }
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
    pub(super) fn impl_key(&self, t: &syn::Type) -> R<String> {
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
        // `type Result<T> = std::result::Result<T, MyError>;`: the parameters are erased, as a
        // generic function's are.
        if t.generics.lifetimes().next().is_some() || t.generics.const_params().next().is_some() {
            return Err(not_available(
                span(&t.generics),
                "a `type` alias with lifetimes or consts",
            ));
        }
        let saved = self.generics.clone();
        self.generics.extend(Self::generic_names(&t.generics));
        let ty = self.ty(&t.ty);
        self.generics = saved;
        let ty = ty?;
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

    pub(super) fn generic_names(g: &syn::Generics) -> Vec<String> {
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
                copy: std::cell::Cell::new(derives.copy),
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
}
