//! `tokio::task_local! { static NAME: T; }`: each declaration becomes a plain `static` of type
//! `tokio::task::LocalKey<T>` before the checker and the lowering see the file, so both know the
//! name like any other static. Its value names the key (`LocalKey::__new("NAME")`); what a task
//! has set lives in the evaluator (`eval/tokio_local.rs`).

use syn::parse::{ParseStream, Parser};

/// Rewrites every `task_local!` of `file` (at the top, and in function bodies) into statics.
pub fn expand(file: &mut syn::File) {
    let items = std::mem::take(&mut file.items);
    file.items = items.into_iter().flat_map(expand_item).collect();
}

fn expand_item(item: syn::Item) -> Vec<syn::Item> {
    match item {
        syn::Item::Macro(m) if is_task_local(&m.mac) => {
            statics(&m.mac).unwrap_or_else(|| vec![syn::Item::Macro(m)])
        }
        syn::Item::Fn(mut f) => {
            expand_block(&mut f.block);
            vec![syn::Item::Fn(f)]
        }
        syn::Item::Mod(mut m) => {
            if let Some((_, items)) = m.content.take() {
                let items = items.into_iter().flat_map(expand_item).collect();
                m.content = Some((Default::default(), items));
            }
            vec![syn::Item::Mod(m)]
        }
        other => vec![other],
    }
}

fn expand_block(block: &mut syn::Block) {
    let stmts = std::mem::take(&mut block.stmts);
    for stmt in stmts {
        match stmt {
            syn::Stmt::Macro(m) if is_task_local(&m.mac) => match statics(&m.mac) {
                Some(items) => block.stmts.extend(items.into_iter().map(syn::Stmt::Item)),
                None => block.stmts.push(syn::Stmt::Macro(m)),
            },
            syn::Stmt::Item(item) => block
                .stmts
                .extend(expand_item(item).into_iter().map(syn::Stmt::Item)),
            syn::Stmt::Local(mut l) => {
                if let Some(init) = &mut l.init {
                    expand_expr(&mut init.expr);
                }
                block.stmts.push(syn::Stmt::Local(l));
            }
            syn::Stmt::Expr(mut e, semi) => {
                expand_expr(&mut e);
                block.stmts.push(syn::Stmt::Expr(e, semi));
            }
            other => block.stmts.push(other),
        }
    }
}

/// The blocks inside an expression (`async { .. }` passed to `scope`, closures, branches).
fn expand_expr(e: &mut syn::Expr) {
    use syn::Expr as E;
    match e {
        E::Block(b) => expand_block(&mut b.block),
        E::Async(b) => expand_block(&mut b.block),
        E::Unsafe(b) => expand_block(&mut b.block),
        E::Loop(b) => expand_block(&mut b.body),
        E::While(w) => expand_block(&mut w.body),
        E::ForLoop(f) => expand_block(&mut f.body),
        E::If(i) => {
            expand_block(&mut i.then_branch);
            if let Some((_, other)) = &mut i.else_branch {
                expand_expr(other);
            }
        }
        E::Match(m) => m.arms.iter_mut().for_each(|a| expand_expr(&mut a.body)),
        E::Closure(c) => expand_expr(&mut c.body),
        E::Await(a) => expand_expr(&mut a.base),
        E::Paren(p) => expand_expr(&mut p.expr),
        E::Call(c) => c.args.iter_mut().for_each(expand_expr),
        E::MethodCall(m) => {
            expand_expr(&mut m.receiver);
            m.args.iter_mut().for_each(expand_expr);
        }
        _ => {}
    }
}

fn is_task_local(m: &syn::Macro) -> bool {
    m.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "task_local")
}

/// The statics of one `task_local!` body, or `None` if it does not parse as one.
fn statics(m: &syn::Macro) -> Option<Vec<syn::Item>> {
    let parse = |input: ParseStream| {
        let mut out = Vec::new();
        while !input.is_empty() {
            let attrs = input.call(syn::Attribute::parse_outer)?;
            let vis: syn::Visibility = input.parse()?;
            input.parse::<syn::Token![static]>()?;
            let ident: syn::Ident = input.parse()?;
            input.parse::<syn::Token![:]>()?;
            let ty: syn::Type = input.parse()?;
            input.parse::<syn::Token![;]>()?;
            let name = syn::LitStr::new(&ident.to_string(), ident.span());
            out.push(syn::Item::Static(local_key(attrs, vis, ident, ty, name)));
        }
        Ok(out)
    };
    parse.parse2(m.tokens.clone()).ok()
}

/// `#attrs #vis static #ident: tokio::task::LocalKey<#ty> = tokio::task::LocalKey::__new(#name);`,
/// built from a parsed template rather than `parse_quote!`: syn's `printing` (and quote) are left
/// out of the wasm (interp/span/).
fn local_key(
    attrs: Vec<syn::Attribute>,
    vis: syn::Visibility,
    ident: syn::Ident,
    ty: syn::Type,
    name: syn::LitStr,
) -> syn::ItemStatic {
    let mut item: syn::ItemStatic =
        syn::parse_str("static K: tokio::task::LocalKey<()> = tokio::task::LocalKey::__new(\"\");")
            .expect("the template of a task-local key parses");
    item.attrs = attrs;
    item.vis = vis;
    item.ident = ident;
    if let syn::Type::Path(p) = &mut *item.ty {
        if let Some(syn::PathArguments::AngleBracketed(a)) =
            p.path.segments.last_mut().map(|s| &mut s.arguments)
        {
            a.args[0] = syn::GenericArgument::Type(ty);
        }
    }
    if let syn::Expr::Call(c) = &mut *item.expr {
        c.args[0] = syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: syn::Lit::Str(name),
        });
    }
    item
}
