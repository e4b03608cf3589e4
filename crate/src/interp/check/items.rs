//! The program's items, gathered once before any body is checked: functions and their signatures,
//! structs and their fields, methods by type, and every name that an item, a `use` or a generic
//! parameter brings in (resolution errs on the side of "found").

use super::ty::{of_type, Ty};
use crate::interp::diag::Span;
use crate::interp::span::Spanned;
use crate::interp::visit::{Node, Walk};
use std::collections::{HashMap, HashSet};
use syn::visit::Visit;

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfKind {
    /// `self` or `mut self`.
    Value,
    /// `&self`.
    Ref,
    /// `&mut self`.
    RefMut,
}

/// A function's signature, as far as the checks need it.
#[derive(Clone, Debug)]
pub struct Sig {
    /// `async fn`.
    pub is_async: bool,
    /// The parameters' types (without `self`) and their spans (`a: i32`).
    pub params: Vec<(Ty, Span)>,
    /// The return type; `()` when none is written.
    pub ret: Ty,
    /// The return type as written, spaced as rustc prints it.
    pub ret_text: String,
    /// `self`, `&self` or `&mut self`, for methods.
    pub receiver: Option<SelfKind>,
    /// Whether it has type parameters or `impl Trait` parameters (argument checks stay silent).
    pub generic: bool,
}

/// A struct of the program.
#[derive(Clone, Debug)]
pub struct StructDef {
    /// Named fields with their types, in order; `None` for tuple and unit structs.
    pub fields: Option<Vec<(String, Ty)>>,
    /// `#[derive(Copy)]`.
    pub copy: bool,
    /// `#[derive(Debug)]`.
    pub debug: bool,
    /// "struct" or "enum", as rustc names the kind.
    pub kind: &'static str,
}

/// Everything the bodies may refer to.
#[derive(Default)]
pub struct Items {
    /// Free functions by name (a name declared twice, e.g. in two modules, is left out).
    pub fns: HashMap<String, Sig>,
    /// Methods by type name, then method name (`None` when two impls define it).
    pub methods: HashMap<String, HashMap<String, Option<Sig>>>,
    /// Structs by name.
    pub structs: HashMap<String, StructDef>,
    /// Every name declared by an item, a `use`, a generic parameter or an enum variant.
    pub names: HashSet<String>,
    /// `use` names to their full paths (`sleep` → `tokio::time::sleep`).
    pub uses: HashMap<String, String>,
    /// A glob import or a `macro_rules!`: names may come from where the checker does not look.
    pub open: bool,
    /// A type of the program implements `Future` or `IntoFuture` by hand.
    pub own_futures: bool,
    /// Types with a hand-written `impl Display` / `impl Debug`.
    pub display: HashSet<String>,
    /// Types with a hand-written `impl Debug`.
    pub debug: HashSet<String>,
    /// Types with a hand-written `impl Copy` (`impl Copy for P {}`).
    pub copy: HashSet<String>,
    /// Types that implement some trait by hand other than `Display` or `Debug` (its methods,
    /// or `Deref`'s, are then theirs too).
    pub traited: HashSet<String>,
    /// The program declares a trait (a blanket impl may give any type its methods).
    pub traits: bool,
    /// Names declared twice as functions.
    dup: HashSet<String>,
    /// Types with a hand-written `impl Copy` (applied once every struct is known).
    hand_copy: HashSet<String>,
}

impl Items {
    /// Gathers the items of `file`, nested ones included.
    pub fn collect(file: &syn::File) -> Items {
        let mut items = Items::default();
        Walk(&mut |n| items.node(n)).visit_file(file);
        for d in std::mem::take(&mut items.dup) {
            items.fns.remove(&d);
        }
        for n in std::mem::take(&mut items.hand_copy) {
            if let Some(s) = items.structs.get_mut(&n) {
                s.copy = true;
            }
        }
        items
    }

    /// Whether `name` is a struct that is `Copy` (`None` for a type the checker does not know).
    pub fn struct_copy(&self, name: &str) -> Option<bool> {
        self.structs
            .get(name)
            .map(|s| s.copy || self.copy.contains(name))
    }

    /// The full path a name stands for through the `use` declarations.
    pub fn expand(&self, segs: &[String]) -> String {
        match segs.split_first() {
            Some((first, rest)) => {
                let head = self
                    .uses
                    .get(first)
                    .cloned()
                    .unwrap_or_else(|| first.clone());
                let mut out = head;
                for s in rest {
                    out.push_str("::");
                    out.push_str(s);
                }
                out
            }
            None => String::new(),
        }
    }

    /// A method of a type of the program, if exactly one is known.
    pub fn method(&self, ty: &str, name: &str) -> Option<&Sig> {
        self.methods.get(ty)?.get(name)?.as_ref()
    }
}

/// Type parameter names of a generics list.
pub fn generic_names(g: &syn::Generics) -> Vec<String> {
    g.params
        .iter()
        .filter_map(|p| match p {
            syn::GenericParam::Type(t) => Some(t.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// Bounds that imply neither `Debug` nor `Display` (a trait of the program may have either as a
/// supertrait, so only std's marker and comparison traits are here).
const PLAIN_BOUNDS: &[&str] = &[
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Default",
    "Hash",
];

/// Traits of std's prelude among [`PLAIN_BOUNDS`] (`Hash` must be imported).
const PRELUDE_BOUNDS: &[&str] = &[
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Default",
];

/// Whether a written bound is surely one of std's [`PLAIN_BOUNDS`].
fn plain_bound(b: &syn::TypeParamBound, items: &Items) -> bool {
    let t = match b {
        syn::TypeParamBound::Lifetime(_) => return true,
        syn::TypeParamBound::Trait(t) => t,
        _ => return false,
    };
    if t.lifetimes.is_some() || t.paren_token.is_some() {
        return false;
    }
    let segs: Vec<String> = t
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let Some(last) = segs.last() else {
        return false;
    };
    if matches!(t.modifier, syn::TraitBoundModifier::Maybe(_)) {
        return last == "Sized";
    }
    if !PLAIN_BOUNDS.contains(&last.as_str()) {
        return false;
    }
    if segs.len() == 1 {
        // A name of the program's own (or a glob import) may shadow the prelude's trait.
        return match items.uses.get(last) {
            Some(full) => {
                (full.starts_with("std::") || full.starts_with("core::"))
                    && full.ends_with(&format!("::{last}"))
            }
            None => {
                PRELUDE_BOUNDS.contains(&last.as_str())
                    && !items.names.contains(last)
                    && !items.open
            }
        };
    }
    t.path.leading_colon.is_none() && (segs[0] == "std" || segs[0] == "core")
}

/// The type parameters of `gs` (an impl's, then a function's) that surely implement neither
/// `Debug` nor `Display`: each bound on them is one of std's [`PLAIN_BOUNDS`]. With each, whether
/// it has bounds at all (rustc then says "further restricting").
pub fn bare_params(gs: &[&syn::Generics], items: &Items) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool, bool)> = Vec::new();
    for g in gs {
        for p in &g.params {
            if let syn::GenericParam::Type(t) = p {
                let plain = t.bounds.iter().all(|b| plain_bound(b, items));
                out.push((t.ident.to_string(), plain, !t.bounds.is_empty()));
            }
        }
    }
    for g in gs {
        let Some(w) = &g.where_clause else {
            continue;
        };
        for pred in &w.predicates {
            let syn::WherePredicate::Type(pt) = pred else {
                continue;
            };
            let on = match &pt.bounded_ty {
                syn::Type::Path(p) if p.qself.is_none() && pt.lifetimes.is_none() => {
                    p.path.get_ident().map(|i| i.to_string())
                }
                _ => None,
            };
            let plain = pt.bounds.iter().all(|b| plain_bound(b, items));
            let text = crate::interp::span::text(&pt.bounded_ty);
            for (name, ok, bounded) in out.iter_mut() {
                if on.as_deref() == Some(name.as_str()) {
                    *ok &= plain;
                    *bounded = true;
                } else if text
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == name)
                {
                    // `Vec<T>: Debug`, `for<'a> &'a T: Display`: left to rustc.
                    *ok = false;
                }
            }
        }
    }
    out.into_iter()
        .filter(|(_, ok, _)| *ok)
        .map(|(n, _, b)| (n, b))
        .collect()
}

/// The signature of `sig`; `self_ty` is the impl's type for methods.
pub fn signature(sig: &syn::Signature, outer: &[String]) -> Sig {
    let mut generics = generic_names(&sig.generics);
    generics.extend(outer.iter().cloned());
    let mut receiver = None;
    let mut params = Vec::new();
    let mut generic = !generic_names(&sig.generics).is_empty() || sig.variadic.is_some();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => {
                receiver = Some(match (&r.reference, &r.mutability) {
                    (Some(_), Some(_)) => SelfKind::RefMut,
                    (Some(_), None) => SelfKind::Ref,
                    _ => SelfKind::Value,
                });
            }
            syn::FnArg::Typed(t) => {
                if matches!(*t.ty, syn::Type::ImplTrait(_)) {
                    generic = true;
                }
                params.push((of_type(&t.ty, &generics), Span::of(t.span())));
            }
        }
    }
    let (ret, ret_text) = match &sig.output {
        syn::ReturnType::Default => (Ty::Unit, "()".to_string()),
        syn::ReturnType::Type(_, t) => (of_type(t, &generics), type_text(t)),
    };
    Sig {
        is_async: sig.asyncness.is_some(),
        params,
        ret,
        ret_text,
        receiver,
        generic,
    }
}

/// A written type, spaced as rustc prints it (`Vec<String>`, `&str`, `Result<(), String>`).
pub fn type_text(t: &syn::Type) -> String {
    let raw = crate::interp::span::text(t);
    let mut out = String::new();
    let chars: Vec<char> = raw.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().last().unwrap_or(' ');
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let glue_prev = matches!(prev, '<' | '&' | ':' | '(' | '[' | '\'');
            let glue_next = matches!(next, '<' | '>' | ',' | ':' | ')' | ']' | ';');
            if glue_prev || glue_next {
                continue;
            }
        }
        out.push(c);
    }
    out
}

impl Items {
    fn add_fn(&mut self, name: String, sig: Sig) {
        if self.fns.insert(name.clone(), sig).is_some() {
            self.dup.insert(name.clone());
        }
        self.names.insert(name);
    }

    fn add_use(&mut self, tree: &syn::UseTree, prefix: &str) {
        let join = |p: &str, s: &str| {
            if p.is_empty() {
                s.to_string()
            } else {
                format!("{p}::{s}")
            }
        };
        match tree {
            syn::UseTree::Path(p) => self.add_use(&p.tree, &join(prefix, &p.ident.to_string())),
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                if name == "self" {
                    if let Some(last) = prefix.rsplit("::").next() {
                        self.names.insert(last.to_string());
                        self.uses.insert(last.to_string(), prefix.to_string());
                    }
                } else {
                    self.uses.insert(name.clone(), join(prefix, &name));
                    self.names.insert(name);
                }
            }
            syn::UseTree::Rename(r) => {
                let name = r.rename.to_string();
                self.uses
                    .insert(name.clone(), join(prefix, &r.ident.to_string()));
                self.names.insert(name);
            }
            syn::UseTree::Glob(_) => self.open = true,
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.add_use(t, prefix);
                }
            }
        }
    }
}

fn derives(attrs: &[syn::Attribute], what: &str) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("derive")
            && match &a.meta {
                syn::Meta::List(l) => l.tokens.to_string(),
                _ => String::new(),
            }
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == what)
    })
}

impl Items {
    /// The walk's closure: notes what each item declares.
    fn node(&mut self, n: Node<'_>) -> bool {
        match n {
            Node::ItemFn(f) => {
                self.add_fn(f.sig.ident.to_string(), signature(&f.sig, &[]));
                for g in generic_names(&f.sig.generics) {
                    self.names.insert(g);
                }
            }
            Node::ItemStruct(s) => {
                let generics = generic_names(&s.generics);
                let fields = match &s.fields {
                    syn::Fields::Named(n) => Some(
                        n.named
                            .iter()
                            .map(|f| {
                                let name =
                                    f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                                (name, of_type(&f.ty, &generics))
                            })
                            .collect(),
                    ),
                    _ => None,
                };
                let name = s.ident.to_string();
                self.names.insert(name.clone());
                self.names.extend(generics);
                let def = StructDef {
                    fields,
                    copy: derives(&s.attrs, "Copy"),
                    debug: derives(&s.attrs, "Debug"),
                    kind: "struct",
                };
                if self.structs.insert(name.clone(), def).is_some() {
                    // Two structs of one name (in two modules): fields unknown, traits assumed.
                    self.display.insert(name.clone());
                    self.debug.insert(name.clone());
                    self.structs.insert(
                        name,
                        StructDef {
                            fields: None,
                            copy: false,
                            debug: true,
                            kind: "struct",
                        },
                    );
                }
            }
            Node::ItemEnum(e) => {
                self.names.insert(e.ident.to_string());
                let def = StructDef {
                    fields: None,
                    copy: derives(&e.attrs, "Copy"),
                    debug: derives(&e.attrs, "Debug"),
                    kind: "enum",
                };
                if self.structs.insert(e.ident.to_string(), def).is_some() {
                    self.display.insert(e.ident.to_string());
                    self.debug.insert(e.ident.to_string());
                }
                for v in &e.variants {
                    self.names.insert(v.ident.to_string());
                }
                self.names.extend(generic_names(&e.generics));
            }
            Node::ItemImpl(i) => {
                let generics = generic_names(&i.generics);
                self.names.extend(generics.iter().cloned());
                let ty_name = match &*i.self_ty {
                    syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                };
                if let Some((_, path, _)) = &i.trait_ {
                    let t = path.segments.last().map(|s| s.ident.to_string());
                    if matches!(t.as_deref(), Some("Future" | "IntoFuture")) {
                        self.own_futures = true;
                    }
                    if let Some(n) = &ty_name {
                        match t.as_deref() {
                            Some("Display") => {
                                self.display.insert(n.clone());
                            }
                            Some("Copy") => {
                                self.copy.insert(n.clone());
                            }
                            Some("Debug") => {
                                self.debug.insert(n.clone());
                            }
                            t => {
                                if t == Some("Copy") {
                                    self.hand_copy.insert(n.clone());
                                }
                                self.traited.insert(n.clone());
                            }
                        }
                    }
                }
                if let Some(ty_name) = ty_name {
                    for item in &i.items {
                        if let syn::ImplItem::Fn(f) = item {
                            let sig = signature(&f.sig, &generics);
                            let ms = self.methods.entry(ty_name.clone()).or_default();
                            let name = f.sig.ident.to_string();
                            // Two impls defining one name (a trait's and the type's): ambiguous.
                            ms.entry(name)
                                .and_modify(|m| *m = None)
                                .or_insert(Some(sig));
                        }
                    }
                }
                for item in &i.items {
                    match item {
                        syn::ImplItem::Const(c) => {
                            self.names.insert(c.ident.to_string());
                        }
                        syn::ImplItem::Type(t) => {
                            self.names.insert(t.ident.to_string());
                        }
                        _ => {}
                    }
                }
            }
            Node::ImplItemFn(f) => {
                self.names.extend(generic_names(&f.sig.generics));
            }
            Node::TraitItemFn(f) => {
                self.names.extend(generic_names(&f.sig.generics));
            }
            Node::ItemTrait(t) => {
                self.traits = true;
                self.names.insert(t.ident.to_string());
                self.names.extend(generic_names(&t.generics));
            }
            Node::ItemConst(c) => {
                self.names.insert(c.ident.to_string());
            }
            Node::ItemStatic(s) => {
                self.names.insert(s.ident.to_string());
            }
            Node::ItemType(t) => {
                self.names.insert(t.ident.to_string());
            }
            Node::ItemMod(m) => {
                self.names.insert(m.ident.to_string());
            }
            Node::ItemUnion(u) => {
                self.names.insert(u.ident.to_string());
            }
            Node::ItemMacro => {
                // `macro_rules!` may declare anything.
                self.open = true;
            }
            Node::ForeignItemFn(f) => {
                self.names.insert(f.sig.ident.to_string());
            }
            Node::ForeignItemStatic(s) => {
                self.names.insert(s.ident.to_string());
            }
            Node::ItemExternCrate => {
                self.open = true;
            }
            Node::ItemUse(u) => {
                self.add_use(&u.tree, "");
                return false;
            }
            Node::GenericParam(g) => match g {
                syn::GenericParam::Const(c) => {
                    self.names.insert(c.ident.to_string());
                }
                syn::GenericParam::Type(t) => {
                    self.names.insert(t.ident.to_string());
                }
                syn::GenericParam::Lifetime(_) => {}
            },
            _ => {}
        }
        true
    }
}
