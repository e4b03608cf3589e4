//! Items: the file, `use` trees, `fn` items and their signatures, and types.

use super::*;

impl Lowerer<'_> {
    pub(super) fn file(mut self, file: &syn::File) -> Result<Program, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut flat = Vec::new();
        if let Err(e) = types::flatten(&file.items, &[], &mut flat) {
            return Err(vec![e]);
        }
        for (module, item) in &flat {
            self.declare(module, item);
        }
        for (n, (module, item)) in flat.iter().enumerate() {
            if let syn::Item::Use(u) = item {
                self.module = module.clone();
                self.use_item = n;
                self.use_single =
                    !matches!(&u.tree, syn::UseTree::Group(_) | syn::UseTree::Glob(_))
                        && !use_has_group(&u.tree);
                if let Err(e) = self.use_tree(&u.tree, String::new(), None) {
                    errors.push(e);
                }
            }
        }
        // Aliases, then type definitions (their fields may name aliases and each other).
        for (module, item) in &flat {
            self.module = module.clone();
            let r = match item {
                syn::Item::Type(t) => self.alias(module, t),
                _ => Ok(()),
            };
            if let Err(e) = r {
                errors.push(e);
            }
        }
        for (module, item) in &flat {
            self.module = module.clone();
            if let Err(e) = self.type_def(module, item) {
                errors.push(e);
            }
        }
        let mut traits = HashMap::new();
        for (module, item) in &flat {
            if let syn::Item::Trait(t) = item {
                let mut p = module.join("::");
                if !p.is_empty() {
                    p.push_str("::");
                }
                p.push_str(&t.ident.to_string());
                traits.insert(p, t);
            }
        }
        let mut fns = HashMap::new();
        let mut consts = HashMap::new();
        let mut main = None;
        for (module, item) in &flat {
            self.module = module.clone();
            let prefix = |id: &syn::Ident| {
                let mut p = module.join("::");
                if !p.is_empty() {
                    p.push_str("::");
                }
                p.push_str(&id.to_string());
                Name::from(p)
            };
            match item {
                syn::Item::Use(_)
                | syn::Item::Struct(_)
                | syn::Item::Enum(_)
                | syn::Item::Type(_) => {}
                syn::Item::Trait(t) => {
                    if let Err(e) = self.item_trait(t) {
                        errors.push(e);
                    }
                }
                syn::Item::Impl(i) => {
                    if let Err(e) = self.item_impl(i, &traits) {
                        errors.push(e);
                    }
                }
                syn::Item::Static(st) if !matches!(st.mutability, syn::StaticMutability::None) => {
                    errors.push(not_available(item_span(item), "a `static mut`"));
                }
                syn::Item::Const(_) | syn::Item::Static(_) => {
                    let (ident, ty, expr) = match item {
                        syn::Item::Const(c) => (&c.ident, &c.ty, &c.expr),
                        syn::Item::Static(c) => (&c.ident, &c.ty, &c.expr),
                        _ => continue,
                    };
                    let r = self.ty(ty).and_then(|ty| Ok((ty, self.expr(expr)?)));
                    match r {
                        Ok((ty, e)) => {
                            consts.insert(prefix(ident), (ty, Rc::new(e)));
                        }
                        Err(e) => errors.push(e),
                    }
                }
                syn::Item::Fn(f) => match self.item_fn(f) {
                    Ok((mut def, kind)) => {
                        if module.is_empty() {
                            if let Some(kind) = kind {
                                main = Some(kind);
                            }
                        }
                        def.name = prefix(&f.sig.ident);
                        if fns.contains_key(&def.name) {
                            errors.push(Diagnostic::error(
                                def.span,
                                format!("the name `{}` is defined multiple times", def.name),
                            ));
                        }
                        fns.insert(def.name.clone(), Rc::new(def));
                    }
                    Err(e) => errors.push(e),
                },
                other => errors.push(not_available(item_span(other), &item_kind(other))),
            }
        }
        self.module.clear();
        if errors.is_empty() && main.is_none() {
            let end = Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
            };
            errors.push(
                Diagnostic::error(end, "`main` function not found in crate `main`")
                    .with("help: consider adding a `main` function to `main.rs`"),
            );
        }
        match main {
            Some(main) if errors.is_empty() => {
                let mut warnings = self.unused_imports();
                warnings.append(&mut self.warnings);
                crate::interp::sort::sort_by_key(&mut warnings, |w| (w.line, w.column));
                // A trait's default method is lowered once per impl: its warnings, once.
                warnings.dedup_by(|a, b| {
                    (a.line, a.column, &a.message) == (b.line, b.column, &b.message)
                });
                Ok(Program {
                    fns,
                    consts,
                    main,
                    warnings,
                    types: Rc::new(std::mem::take(&mut self.reg)),
                })
            }
            _ => Err(errors),
        }
    }

    /// One `use` tree; `start` is where its path began (the error points at the whole path).
    pub(super) fn use_tree(
        &mut self,
        tree: &syn::UseTree,
        prefix: String,
        start: Option<Span>,
    ) -> R<()> {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}::{name}")
            }
        };
        let whole = |leaf: Span| match start {
            Some(s) => Span {
                end_line: leaf.end_line,
                end_column: leaf.end_column,
                ..s
            },
            None => leaf,
        };
        let first = start.or(Some(span(tree)));
        match tree {
            syn::UseTree::Path(p) => self.use_tree(&p.tree, join(&p.ident.to_string()), first),
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                let (full, local) = if name == "self" {
                    let last = prefix.rsplit("::").next().unwrap_or("").to_string();
                    (prefix.clone(), last)
                } else {
                    (join(&name), name)
                };
                self.use_one(&full, local, whole(span(tree)))
            }
            syn::UseTree::Rename(r) => {
                let full = join(&r.ident.to_string());
                self.use_one(&full, r.rename.to_string(), whole(span(tree)))
            }
            syn::UseTree::Glob(_) => {
                let segs: Vec<String> = prefix.split("::").map(String::from).collect();
                if let Some(key) = self.own_type(&segs) {
                    // `use Direction::*;`: the variants by their names.
                    self.items.enum_globs.push(key);
                    return Ok(());
                }
                let module = self.full_path(&segs).join("::");
                let inside = |p: &String| {
                    p.strip_prefix(module.as_str())
                        .and_then(|r| r.strip_prefix("::"))
                        .is_some_and(|r| !r.contains("::"))
                };
                let own: Vec<String> = (self.items.type_names.iter())
                    .chain(self.items.fns.iter())
                    .chain(self.items.consts.iter())
                    .chain(self.items.traits.iter())
                    .filter(|p| inside(p))
                    .cloned()
                    .collect();
                if !own.is_empty() {
                    // `use shapes::*;`: every item of the module by its name.
                    for p in own {
                        let local = p.rsplit("::").next().unwrap_or_default().to_string();
                        self.items.uses.insert(local, p);
                    }
                    // `use std::future::*;`: the library's items too (`stdlib::task`'s prelude
                    // writes part of that module in the subset).
                    if known(&prefix) == Some(Known::Module) {
                        self.globs.push(prefix);
                    }
                    return Ok(());
                }
                if known(&prefix) != Some(Known::Module) {
                    return Err(not_available(whole(span(tree)), &format!("`{prefix}`")));
                }
                self.globs.push(prefix);
                Ok(())
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(t, prefix.clone(), None)?;
                }
                Ok(())
            }
        }
    }

    pub(super) fn use_one(&mut self, full: &str, local: String, at: Span) -> R<()> {
        let macro_ok = matches!(
            full,
            "std::println" | "std::print" | "std::eprintln" | "std::format" | "std::vec"
        );
        let segs: Vec<String> = full.split("::").map(String::from).collect();
        let own = self.own(&segs, |i, p| {
            i.type_names.contains(p)
                || i.fns.contains(p)
                || i.consts.contains(p)
                || i.traits.contains(p)
                || i.aliases.contains_key(p)
        });
        if let Some(own) = own {
            // The library items written in the subset (`stdlib::task`'s prelude) warn when
            // unused, as every library import does.
            let library = own.starts_with("std::") || own.starts_with("futures::");
            if library && local != "_" {
                self.note_use(full, &local, at);
            }
            if local != "_" {
                self.items.uses.insert(local, own);
            }
            return Ok(());
        }
        if known(full).is_none() && self.use_own_variant(&segs) {
            return Ok(());
        }
        if known(full).is_none() && !macro_ok {
            return Err(not_available(at, &format!("`{full}`")));
        }
        if local != "_" {
            self.note_use(full, &local, at);
        }
        self.uses.insert(local, full.to_string());
        Ok(())
    }

    /// Records an imported name for rustc's `unused_imports`.
    fn note_use(&mut self, full: &str, local: &str, at: Span) {
        let shown = if self.use_single {
            full.to_string()
        } else {
            local.to_string()
        };
        self.use_index
            .insert(local.to_string(), self.use_entries.len());
        self.use_entries.push(UseEntry {
            item: self.use_item,
            shown,
            span: at,
            used: std::cell::Cell::new(false),
        });
    }

    /// Notes that the imported name `name` is used.
    pub(super) fn use_name(&self, name: &str) {
        if let Some(e) = self
            .use_index
            .get(name)
            .and_then(|i| self.use_entries.get(*i))
        {
            e.used.set(true);
        }
    }

    /// rustc's `unused_imports`: one warning per `use` item, naming its unused imports.
    pub(super) fn unused_imports(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut items: Vec<usize> = self.use_entries.iter().map(|e| e.item).collect();
        items.dedup();
        for item in items {
            let unused: Vec<&UseEntry> = self
                .use_entries
                .iter()
                .filter(|e| e.item == item && !e.used.get())
                .collect();
            let Some(first) = unused.first() else {
                continue;
            };
            let names: Vec<String> = unused.iter().map(|e| format!("`{}`", e.shown)).collect();
            let message = match names.as_slice() {
                [one] => format!("unused import: {one}"),
                [a, b] => format!("unused imports: {a} and {b}"),
                [rest @ .., last] => format!("unused imports: {}, and {last}", rest.join(", ")),
                [] => continue,
            };
            out.push(Diagnostic::warning(first.span, message));
        }
        out
    }

    /// The full path a written path stands for, through `use` declarations and globs.
    pub(super) fn expand(&self, segments: &[String]) -> Option<String> {
        let first = segments.first()?;
        let rest = segments.get(1..).unwrap_or(&[]).join("::");
        let with = |base: &str| {
            if rest.is_empty() {
                base.to_string()
            } else {
                format!("{base}::{rest}")
            }
        };
        if let Some(full) = self.uses.get(first.as_str()) {
            self.use_name(first);
            return Some(with(full));
        }
        let direct = segments.join("::");
        if known(&direct).is_some() {
            return Some(direct);
        }
        for g in &self.globs {
            let full = format!("{g}::{direct}");
            if known(&full).is_some() {
                return Some(full);
            }
        }
        None
    }

    pub(super) fn item_fn(&mut self, f: &syn::ItemFn) -> R<(FnDef, Option<MainKind>)> {
        let n = self.generics.len();
        self.note_generics(&f.sig.generics);
        self.generics
            .extend(f.sig.generics.type_params().map(|t| t.ident.to_string()));
        let r = self.item_fn_inner(f);
        self.generics.truncate(n);
        r
    }

    /// [`Lowerer::item_fn_parts`] with what its type parameters stand for bound.
    fn item_fn_inner(&mut self, f: &syn::ItemFn) -> R<(FnDef, Option<MainKind>)> {
        let ((mut def, main), params, body) = self.with_tparams(&f.sig, &f.block, true, |me| {
            let (mut def, main) = me.item_fn_parts(f)?;
            let params = std::mem::take(&mut def.params);
            let body = std::mem::take(&mut def.body);
            let body = Rc::try_unwrap(body).unwrap_or_default();
            Ok(((def, main), params, body))
        })?;
        def.params = params;
        def.body = Rc::new(body);
        Ok((def, main))
    }

    fn item_fn_parts(&mut self, f: &syn::ItemFn) -> R<(FnDef, Option<MainKind>)> {
        let sig = &f.sig;
        let name = sig.ident.to_string();
        if let Some(u) = &sig.unsafety {
            return Err(not_available(span(u), "`unsafe`"));
        }
        let mut main = None;
        let mut tokio_main = None;
        for attr in &f.attrs {
            let path: Vec<String> = attr
                .path()
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let is_tokio_main = path == ["tokio", "main"]
                || (path == ["main"] && self.uses.get("main").is_some_and(|p| p == "tokio::main"));
            if is_tokio_main && path == ["main"] {
                self.use_name("main");
            }
            if is_tokio_main {
                let mut current_thread = false;
                if let syn::Meta::List(list) = &attr.meta {
                    let tokens = list.tokens.to_string();
                    current_thread = tokens.contains("current_thread");
                }
                tokio_main = Some(current_thread);
            } else if path == ["allow"] || path == ["warn"] || path == ["deny"] || path == ["doc"] {
                // Lint attributes change nothing here.
            } else {
                return Err(not_available(
                    span(attr),
                    &format!("`#[{}]`", path.join("::")),
                ));
            }
        }
        let is_async = sig.asyncness.is_some();
        if name == "main" {
            if !sig.inputs.is_empty() {
                return Err(Diagnostic::error(
                    span(&sig.inputs),
                    "`main` function has wrong type: it takes no arguments",
                ));
            }
            main = Some(match (is_async, tokio_main) {
                (true, Some(current_thread)) => MainKind::Tokio { current_thread },
                (false, None) => MainKind::Plain,
                (true, None) => {
                    return Err(Diagnostic::error(
                        span(&sig.asyncness),
                        "`main` function is not allowed to be `async`",
                    )
                    .with("help: add `#[tokio::main]` above `async fn main()` to run it on Tokio"))
                }
                (false, Some(_)) => {
                    return Err(Diagnostic::error(
                        span(&sig.fn_token),
                        "the `async` keyword is missing from the function declaration",
                    ))
                }
            });
        } else if tokio_main.is_some() && sig.asyncness.is_none() {
            return Err(Diagnostic::error(
                span(&sig.ident),
                "`#[tokio::main]` goes on `async fn main` only in this playground",
            ));
        }
        let base = self.locals.len();
        let mut params = Vec::new();
        for input in &sig.inputs {
            match input {
                syn::FnArg::Typed(pt) => {
                    let ty = self.ty(&pt.ty)?;
                    let pat = self.pat(&pt.pat)?;
                    params.push((pat, ty));
                }
                syn::FnArg::Receiver(r) => return Err(not_available(span(r), "`self`")),
            }
        }
        let ret = match &sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) => self.ty(t)?,
        };
        self.in_async.push(is_async);
        let err = self.error_key(&sig.output);
        self.ret_err.push(err);
        let mut body = self.block(&f.block);
        self.ret_err.pop();
        self.in_async.pop();
        if let (Ok(b), syn::ReturnType::Type(_, t)) = (&mut body, &sig.output) {
            if let Some(tail) = b.tail.as_deref_mut() {
                target::apply(tail, t);
            }
        }
        self.end_scope(base);
        Ok((
            FnDef {
                name: name.into(),
                is_async,
                params,
                ret,
                body: Rc::new(body?),
                span: span(&sig.ident),
            },
            main,
        ))
    }

    pub(super) fn ty(&self, t: &syn::Type) -> R<Ty> {
        Ok(match t {
            syn::Type::Tuple(tt) if tt.elems.is_empty() => Ty::Unit,
            syn::Type::Tuple(tt) => {
                Ty::Tuple(tt.elems.iter().map(|e| self.ty(e)).collect::<R<Vec<_>>>()?)
            }
            syn::Type::Reference(r) => self.ty(&r.elem)?,
            syn::Type::Paren(p) => self.ty(&p.elem)?,
            syn::Type::Group(g) => self.ty(&g.elem)?,
            syn::Type::Slice(s) => Ty::Vec(Box::new(self.ty(&s.elem)?)),
            syn::Type::Array(a) => Ty::Vec(Box::new(self.ty(&a.elem)?)),
            syn::Type::Infer(_) | syn::Type::Never(_) => Ty::Other,
            syn::Type::Path(p) if p.qself.is_none() => {
                if let Some(first) = p.path.segments.first() {
                    self.use_name(&first.ident.to_string());
                }
                let last = p.path.segments.last();
                let name = last.map(|s| s.ident.to_string()).unwrap_or_default();
                let args: Vec<Ty> = match last.map(|s| &s.arguments) {
                    Some(syn::PathArguments::AngleBracketed(a)) => a
                        .args
                        .iter()
                        .filter_map(|g| match g {
                            syn::GenericArgument::Type(t) => Some(self.ty(t)),
                            _ => None,
                        })
                        .collect::<R<Vec<_>>>()?,
                    _ => Vec::new(),
                };
                let arg = |i: usize| Box::new(args.get(i).cloned().unwrap_or(Ty::Other));
                if let Some(i) = IntTy::from_name(&name) {
                    Ty::Int(i)
                } else {
                    match name.as_str() {
                        "f64" | "f32" => Ty::Float,
                        "Vec" => Ty::Vec(arg(0)),
                        "Option" => Ty::Option(arg(0)),
                        "Result" => Ty::Result(arg(0), arg(1)),
                        "Box" => *arg(0),
                        "String" | "str" | "bool" | "char" | "Duration" | "Instant"
                        | "JoinHandle" | "JoinError" | "Elapsed" | "Sender" | "Receiver"
                        | "UnboundedSender" | "UnboundedReceiver" | "Pin" | "Future" => Ty::Other,
                        // The std collections and library types of `interp/std/`.
                        "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" | "VecDeque"
                        | "ParseIntError" | "ParseFloatError" | "Ordering" => Ty::Other,
                        "Rc" | "Arc" | "Cell" | "RefCell" | "Ref" | "RefMut" | "Mutex"
                        | "MutexGuard" | "RwLock" | "RwLockReadGuard" | "RwLockWriteGuard" => {
                            Ty::Other
                        }
                        n if crate::interp::tokio::is_type(n) => Ty::Other,
                        "Self" | "Formatter" => Ty::Other,
                        // `Self::Err`, `T::Item`: an associated type.
                        _ if p.path.segments.len() > 1
                            && p.path.segments.first().is_some_and(|s| {
                                s.ident == "Self" || self.generics.contains(&s.ident.to_string())
                            }) =>
                        {
                            Ty::Other
                        }
                        _ if p.path.segments.len() == 1 && self.generics.contains(&name) => {
                            Ty::Other
                        }
                        _ => {
                            let segs = Self::segments(&p.path);
                            match self.own(&segs, |i, p| i.aliases.contains_key(p)) {
                                Some(a) => match self.items.aliases.get(&a) {
                                    Some((ty, _)) => ty.clone(),
                                    None => Ty::Other,
                                },
                                None if self.own_type(&segs).is_some() => Ty::Other,
                                None => {
                                    return Err(not_available(
                                        span(t),
                                        &format!("the type `{name}`"),
                                    ))
                                }
                            }
                        }
                    }
                }
            }
            syn::Type::TraitObject(_) | syn::Type::ImplTrait(_) => {
                use syn::visit::Visit;
                for h in impls::path_heads(|f| {
                    crate::interp::visit::Walk(&mut impls::paths(f)).visit_type(t)
                }) {
                    self.use_name(&h);
                }
                Ty::Other
            }
            // `fn(i32) -> i32`: a function pointer, called as any function value is.
            syn::Type::BareFn(_) => Ty::Other,
            other => {
                return Err(not_available(span(other), "this kind of type"));
            }
        })
    }
}

pub(super) fn use_has_group(t: &syn::UseTree) -> bool {
    match t {
        syn::UseTree::Path(p) => use_has_group(&p.tree),
        syn::UseTree::Group(_) | syn::UseTree::Glob(_) => true,
        _ => false,
    }
}

/// Where an item's error points: its keyword and name (`struct Point`), not its attributes.
pub(super) fn item_span(item: &syn::Item) -> Span {
    let (kw, name) = match item {
        syn::Item::Struct(i) => (span(&i.struct_token), span(&i.ident)),
        syn::Item::Enum(i) => (span(&i.enum_token), span(&i.ident)),
        syn::Item::Trait(i) => (span(&i.trait_token), span(&i.ident)),
        syn::Item::Const(i) => (span(&i.const_token), span(&i.ident)),
        syn::Item::Static(i) => (span(&i.static_token), span(&i.ident)),
        syn::Item::Mod(i) => (span(&i.mod_token), span(&i.ident)),
        syn::Item::Type(i) => (span(&i.type_token), span(&i.ident)),
        syn::Item::Fn(i) => (span(&i.sig.fn_token), span(&i.sig.ident)),
        syn::Item::Impl(i) => (span(&i.impl_token), span(&i.self_ty)),
        other => return span(other),
    };
    if kw.line == name.line {
        Span {
            end_line: name.end_line,
            end_column: name.end_column,
            ..kw
        }
    } else {
        kw
    }
}

pub(super) fn item_kind(item: &syn::Item) -> String {
    match item {
        syn::Item::Struct(_) => "a `struct`",
        syn::Item::Enum(_) => "an `enum`",
        syn::Item::Impl(_) => "an `impl` block",
        syn::Item::Trait(_) => "a `trait`",
        syn::Item::Const(_) => "a `const`",
        syn::Item::Static(_) => "a `static`",
        syn::Item::Mod(_) => "a `mod`",
        syn::Item::Macro(_) => "a `macro_rules!`",
        syn::Item::Type(_) => "a `type` alias",
        syn::Item::Use(_) => "a `use`",
        syn::Item::Fn(_) => "a nested `fn`",
        _ => "this kind of item",
    }
    .to_string()
}
