//! The spans of expressions, patterns and items (see the module above).

use super::{qpath_first, Tokens, S};
use syn::*;

/// The first token of an expression after its outer attributes.
fn expr_head(e: &Expr) -> S {
    match e {
        Expr::Array(x) => x.bracket_token.lo(),
        Expr::Assign(x) => x.left.lo(),
        Expr::Async(x) => x.async_token.lo(),
        Expr::Await(x) => x.base.lo(),
        Expr::Binary(x) => x.left.lo(),
        Expr::Block(x) => any!(x.label.lo(), x.block.lo()),
        Expr::Break(x) => x.break_token.lo(),
        Expr::Call(x) => x.func.lo(),
        Expr::Cast(x) => x.expr.lo(),
        Expr::Closure(x) => any!(
            x.lifetimes.as_ref().and_then(|l| l.for_token.lo()),
            x.constness.lo(),
            x.movability.lo(),
            x.asyncness.lo(),
            x.capture.lo(),
            x.or1_token.lo()
        ),
        Expr::Const(x) => x.const_token.lo(),
        Expr::Continue(x) => x.continue_token.lo(),
        Expr::Field(x) => x.base.lo(),
        Expr::ForLoop(x) => any!(x.label.lo(), x.for_token.lo()),
        Expr::Group(x) => x.group_token.lo(),
        Expr::If(x) => x.if_token.lo(),
        Expr::Index(x) => x.expr.lo(),
        Expr::Infer(x) => x.underscore_token.lo(),
        Expr::Let(x) => x.let_token.lo(),
        Expr::Lit(x) => x.lit.lo(),
        Expr::Loop(x) => any!(x.label.lo(), x.loop_token.lo()),
        Expr::Macro(x) => x.mac.lo(),
        Expr::Match(x) => x.match_token.lo(),
        Expr::MethodCall(x) => x.receiver.lo(),
        Expr::Paren(x) => x.paren_token.lo(),
        Expr::Path(x) => qpath_first(&x.qself, &x.path),
        Expr::Range(x) => any!(x.start.lo(), x.limits.lo()),
        Expr::RawAddr(x) => x.and_token.lo(),
        Expr::Reference(x) => x.and_token.lo(),
        Expr::Repeat(x) => x.bracket_token.lo(),
        Expr::Return(x) => x.return_token.lo(),
        Expr::Struct(x) => qpath_first(&x.qself, &x.path),
        Expr::Try(x) => x.expr.lo(),
        Expr::TryBlock(x) => x.try_token.lo(),
        Expr::Tuple(x) => x.paren_token.lo(),
        Expr::Unary(x) => x.op.lo(),
        Expr::Unsafe(x) => x.unsafe_token.lo(),
        Expr::Verbatim(x) => x.lo(),
        Expr::While(x) => any!(x.label.lo(), x.while_token.lo()),
        Expr::Yield(x) => x.yield_token.lo(),
        _ => None,
    }
}

fn expr_attrs(e: &Expr) -> &[Attribute] {
    match e {
        Expr::Array(x) => &x.attrs,
        Expr::Assign(x) => &x.attrs,
        Expr::Async(x) => &x.attrs,
        Expr::Await(x) => &x.attrs,
        Expr::Binary(x) => &x.attrs,
        Expr::Block(x) => &x.attrs,
        Expr::Break(x) => &x.attrs,
        Expr::Call(x) => &x.attrs,
        Expr::Cast(x) => &x.attrs,
        Expr::Closure(x) => &x.attrs,
        Expr::Const(x) => &x.attrs,
        Expr::Continue(x) => &x.attrs,
        Expr::Field(x) => &x.attrs,
        Expr::ForLoop(x) => &x.attrs,
        Expr::Group(x) => &x.attrs,
        Expr::If(x) => &x.attrs,
        Expr::Index(x) => &x.attrs,
        Expr::Infer(x) => &x.attrs,
        Expr::Let(x) => &x.attrs,
        Expr::Lit(x) => &x.attrs,
        Expr::Loop(x) => &x.attrs,
        Expr::Macro(x) => &x.attrs,
        Expr::Match(x) => &x.attrs,
        Expr::MethodCall(x) => &x.attrs,
        Expr::Paren(x) => &x.attrs,
        Expr::Path(x) => &x.attrs,
        Expr::Range(x) => &x.attrs,
        Expr::RawAddr(x) => &x.attrs,
        Expr::Reference(x) => &x.attrs,
        Expr::Repeat(x) => &x.attrs,
        Expr::Return(x) => &x.attrs,
        Expr::Struct(x) => &x.attrs,
        Expr::Try(x) => &x.attrs,
        Expr::TryBlock(x) => &x.attrs,
        Expr::Tuple(x) => &x.attrs,
        Expr::Unary(x) => &x.attrs,
        Expr::Unsafe(x) => &x.attrs,
        Expr::While(x) => &x.attrs,
        Expr::Yield(x) => &x.attrs,
        _ => &[],
    }
}

impl Tokens for Expr {
    fn lo(&self) -> S {
        any!(outer(expr_attrs(self)), expr_head(self))
    }
    fn hi(&self) -> S {
        match self {
            Expr::Array(x) => x.bracket_token.hi(),
            Expr::Assign(x) => x.right.hi(),
            Expr::Async(x) => x.block.hi(),
            Expr::Await(x) => x.await_token.hi(),
            Expr::Binary(x) => x.right.hi(),
            Expr::Block(x) => x.block.hi(),
            Expr::Break(x) => any!(x.expr.hi(), x.label.hi(), x.break_token.hi()),
            Expr::Call(x) => x.paren_token.hi(),
            Expr::Cast(x) => x.ty.hi(),
            Expr::Closure(x) => x.body.hi(),
            Expr::Const(x) => x.block.hi(),
            Expr::Continue(x) => any!(x.label.hi(), x.continue_token.hi()),
            Expr::Field(x) => match &x.member {
                Member::Named(i) => i.hi(),
                Member::Unnamed(i) => Some(i.span),
            },
            Expr::ForLoop(x) => x.body.hi(),
            Expr::Group(x) => x.group_token.hi(),
            Expr::If(x) => any!(
                x.else_branch.as_ref().and_then(|e| e.1.hi()),
                x.then_branch.hi()
            ),
            Expr::Index(x) => x.bracket_token.hi(),
            Expr::Infer(x) => x.underscore_token.hi(),
            Expr::Let(x) => x.expr.hi(),
            Expr::Lit(x) => x.lit.hi(),
            Expr::Loop(x) => x.body.hi(),
            Expr::Macro(x) => x.mac.hi(),
            Expr::Match(x) => x.brace_token.hi(),
            Expr::MethodCall(x) => x.paren_token.hi(),
            Expr::Paren(x) => x.paren_token.hi(),
            Expr::Path(x) => any!(x.path.hi(), x.qself.as_ref().and_then(|q| q.gt_token.hi())),
            Expr::Range(x) => any!(x.end.hi(), x.limits.hi()),
            Expr::RawAddr(x) => x.expr.hi(),
            Expr::Reference(x) => x.expr.hi(),
            Expr::Repeat(x) => x.bracket_token.hi(),
            Expr::Return(x) => any!(x.expr.hi(), x.return_token.hi()),
            Expr::Struct(x) => x.brace_token.hi(),
            Expr::Try(x) => x.question_token.hi(),
            Expr::TryBlock(x) => x.block.hi(),
            Expr::Tuple(x) => x.paren_token.hi(),
            Expr::Unary(x) => x.expr.hi(),
            Expr::Unsafe(x) => x.block.hi(),
            Expr::Verbatim(x) => x.hi(),
            Expr::While(x) => x.body.hi(),
            Expr::Yield(x) => any!(x.expr.hi(), x.yield_token.hi()),
            _ => None,
        }
    }
}

/// The outer attributes' first token (syn prints only the outer ones before a node).
fn outer(attrs: &[Attribute]) -> S {
    attrs
        .iter()
        .find(|a| matches!(a.style, AttrStyle::Outer))
        .and_then(Tokens::lo)
}

/// The `Expr*` structs the interpreter takes spans of (also the expressions of those kinds).
macro_rules! expr_structs {
    ($x:ident; $($v:ident => $head:expr, $tail:expr;)*) => {$(
        impl Tokens for $v {
            fn lo(&self) -> S {
                let $x = self;
                any!(outer(&$x.attrs), $head)
            }
            fn hi(&self) -> S {
                let $x = self;
                $tail
            }
        }
    )*};
}

expr_structs! { x;
    ExprCall => x.func.lo(), x.paren_token.hi();
    ExprClosure => any!(
            x.lifetimes.as_ref().and_then(|l| l.for_token.lo()),
            x.constness.lo(),
            x.movability.lo(),
            x.asyncness.lo(),
            x.capture.lo(),
            x.or1_token.lo()
        ), x.body.hi();
    ExprPath => qpath_first(&x.qself, &x.path),
        any!(x.path.hi(), x.qself.as_ref().and_then(|q| q.gt_token.hi()));
    ExprStruct => qpath_first(&x.qself, &x.path), x.brace_token.hi();
    ExprLit => x.lit.lo(), x.lit.hi();
    ExprUnary => x.op.lo(), x.expr.hi();
    ExprRange => any!(x.start.lo(), x.limits.lo()), any!(x.end.hi(), x.limits.hi());
    ExprMacro => x.mac.lo(), x.mac.hi();
    ExprConst => x.const_token.lo(), x.block.hi();
    ExprReference => x.and_token.lo(), x.expr.hi();
    ExprCast => x.expr.lo(), x.ty.hi();
}

impl Tokens for Pat {
    fn lo(&self) -> S {
        match self {
            Pat::Const(x) => x.lo(),
            Pat::Ident(x) => x.lo(),
            Pat::Lit(x) => x.lo(),
            Pat::Macro(x) => x.lo(),
            Pat::Or(x) => any!(outer(&x.attrs), x.leading_vert.lo(), x.cases.lo()),
            Pat::Paren(x) => any!(outer(&x.attrs), x.paren_token.lo()),
            Pat::Path(x) => x.lo(),
            Pat::Range(x) => x.lo(),
            Pat::Reference(x) => any!(outer(&x.attrs), x.and_token.lo()),
            Pat::Rest(x) => x.lo(),
            Pat::Slice(x) => x.lo(),
            Pat::Struct(x) => x.lo(),
            Pat::Tuple(x) => any!(outer(&x.attrs), x.paren_token.lo()),
            Pat::TupleStruct(x) => x.lo(),
            Pat::Type(x) => x.lo(),
            Pat::Verbatim(x) => x.lo(),
            Pat::Wild(x) => any!(outer(&x.attrs), x.underscore_token.lo()),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            Pat::Const(x) => x.hi(),
            Pat::Ident(x) => x.hi(),
            Pat::Lit(x) => x.hi(),
            Pat::Macro(x) => x.hi(),
            Pat::Or(x) => any!(x.cases.hi(), x.leading_vert.hi()),
            Pat::Paren(x) => x.paren_token.hi(),
            Pat::Path(x) => x.hi(),
            Pat::Range(x) => x.hi(),
            Pat::Reference(x) => x.pat.hi(),
            Pat::Rest(x) => x.hi(),
            Pat::Slice(x) => x.hi(),
            Pat::Struct(x) => x.hi(),
            Pat::Tuple(x) => x.paren_token.hi(),
            Pat::TupleStruct(x) => x.hi(),
            Pat::Type(x) => x.hi(),
            Pat::Verbatim(x) => x.hi(),
            Pat::Wild(x) => x.underscore_token.hi(),
            _ => None,
        }
    }
}

impl Tokens for PatIdent {
    fn lo(&self) -> S {
        any!(
            outer(&self.attrs),
            self.by_ref.lo(),
            self.mutability.lo(),
            self.ident.lo()
        )
    }
    fn hi(&self) -> S {
        any!(self.subpat.as_ref().and_then(|s| s.1.hi()), self.ident.hi())
    }
}

impl Tokens for PatSlice {
    fn lo(&self) -> S {
        any!(outer(&self.attrs), self.bracket_token.lo())
    }
    fn hi(&self) -> S {
        self.bracket_token.hi()
    }
}

impl Tokens for PatStruct {
    fn lo(&self) -> S {
        any!(outer(&self.attrs), qpath_first(&self.qself, &self.path))
    }
    fn hi(&self) -> S {
        self.brace_token.hi()
    }
}

impl Tokens for PatRest {
    fn lo(&self) -> S {
        any!(outer(&self.attrs), self.dot2_token.lo())
    }
    fn hi(&self) -> S {
        self.dot2_token.hi()
    }
}

impl Tokens for PatTupleStruct {
    fn lo(&self) -> S {
        any!(outer(&self.attrs), qpath_first(&self.qself, &self.path))
    }
    fn hi(&self) -> S {
        self.paren_token.hi()
    }
}

impl Tokens for PatType {
    fn lo(&self) -> S {
        any!(outer(&self.attrs), self.pat.lo())
    }
    fn hi(&self) -> S {
        self.ty.hi()
    }
}

impl Tokens for Receiver {
    fn lo(&self) -> S {
        any!(
            outer(&self.attrs),
            self.reference.as_ref().and_then(|r| r.0.lo()),
            self.mutability.lo(),
            self.self_token.lo()
        )
    }
    fn hi(&self) -> S {
        match self.colon_token {
            Some(_) => self.ty.hi(),
            None => self.self_token.hi(),
        }
    }
}

impl Tokens for FnArg {
    fn lo(&self) -> S {
        match self {
            FnArg::Receiver(r) => r.lo(),
            FnArg::Typed(t) => t.lo(),
        }
    }
    fn hi(&self) -> S {
        match self {
            FnArg::Receiver(r) => r.hi(),
            FnArg::Typed(t) => t.hi(),
        }
    }
}

impl Tokens for Member {
    fn lo(&self) -> S {
        match self {
            Member::Named(i) => i.lo(),
            Member::Unnamed(i) => Some(i.span),
        }
    }
    fn hi(&self) -> S {
        self.lo()
    }
}

impl Tokens for UseTree {
    fn lo(&self) -> S {
        match self {
            UseTree::Path(u) => u.ident.lo(),
            UseTree::Name(u) => u.ident.lo(),
            UseTree::Rename(u) => u.ident.lo(),
            UseTree::Glob(u) => u.star_token.lo(),
            UseTree::Group(u) => u.brace_token.lo(),
        }
    }
    fn hi(&self) -> S {
        match self {
            UseTree::Path(u) => u.tree.hi(),
            UseTree::Name(u) => u.ident.hi(),
            UseTree::Rename(u) => u.rename.hi(),
            UseTree::Glob(u) => u.star_token.hi(),
            UseTree::Group(u) => u.brace_token.hi(),
        }
    }
}

/// The start of an item after its outer attributes: its visibility, else `head`.
fn item_head(attrs: &[Attribute], vis: &Visibility, head: S) -> S {
    any!(outer(attrs), vis.lo(), head)
}

impl Tokens for Signature {
    fn lo(&self) -> S {
        any!(
            self.constness.lo(),
            self.asyncness.lo(),
            self.unsafety.lo(),
            self.abi.as_ref().and_then(|a| a.extern_token.lo()),
            self.fn_token.lo()
        )
    }
    fn hi(&self) -> S {
        any!(self.output.hi(), self.paren_token.hi())
    }
}

impl Tokens for Item {
    fn lo(&self) -> S {
        match self {
            Item::Const(i) => item_head(&i.attrs, &i.vis, i.const_token.lo()),
            Item::Enum(i) => item_head(&i.attrs, &i.vis, i.enum_token.lo()),
            Item::ExternCrate(i) => item_head(&i.attrs, &i.vis, i.extern_token.lo()),
            Item::Fn(i) => item_head(&i.attrs, &i.vis, i.sig.lo()),
            Item::ForeignMod(i) => any!(outer(&i.attrs), i.unsafety.lo(), i.abi.extern_token.lo()),
            Item::Impl(i) => any!(
                outer(&i.attrs),
                i.defaultness.lo(),
                i.unsafety.lo(),
                i.impl_token.lo()
            ),
            Item::Macro(i) => any!(outer(&i.attrs), i.mac.lo()),
            Item::Mod(i) => item_head(&i.attrs, &i.vis, any!(i.unsafety.lo(), i.mod_token.lo())),
            Item::Static(i) => item_head(&i.attrs, &i.vis, i.static_token.lo()),
            Item::Struct(i) => item_head(&i.attrs, &i.vis, i.struct_token.lo()),
            Item::Trait(i) => item_head(
                &i.attrs,
                &i.vis,
                any!(i.unsafety.lo(), i.auto_token.lo(), i.trait_token.lo()),
            ),
            Item::TraitAlias(i) => item_head(&i.attrs, &i.vis, i.trait_token.lo()),
            Item::Type(i) => item_head(&i.attrs, &i.vis, i.type_token.lo()),
            Item::Union(i) => item_head(&i.attrs, &i.vis, i.union_token.lo()),
            Item::Use(i) => item_head(&i.attrs, &i.vis, i.use_token.lo()),
            Item::Verbatim(t) => t.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            Item::Const(i) => i.semi_token.hi(),
            Item::Enum(i) => i.brace_token.hi(),
            Item::ExternCrate(i) => i.semi_token.hi(),
            Item::Fn(i) => i.block.hi(),
            Item::ForeignMod(i) => i.brace_token.hi(),
            Item::Impl(i) => i.brace_token.hi(),
            Item::Macro(i) => any!(i.semi_token.hi(), i.mac.hi()),
            Item::Mod(i) => any!(i.semi.hi(), i.content.as_ref().and_then(|c| c.0.hi())),
            Item::Static(i) => i.semi_token.hi(),
            Item::Struct(i) => any!(
                i.semi_token.hi(),
                match &i.fields {
                    Fields::Named(f) => f.brace_token.hi(),
                    Fields::Unnamed(f) => f.paren_token.hi(),
                    Fields::Unit => None,
                }
            ),
            Item::Trait(i) => i.brace_token.hi(),
            Item::TraitAlias(i) => i.semi_token.hi(),
            Item::Type(i) => i.semi_token.hi(),
            Item::Union(i) => i.fields.brace_token.hi(),
            Item::Use(i) => i.semi_token.hi(),
            Item::Verbatim(t) => t.hi(),
            _ => None,
        }
    }
}

impl Tokens for ImplItem {
    fn lo(&self) -> S {
        match self {
            ImplItem::Const(i) => item_head(
                &i.attrs,
                &i.vis,
                any!(i.defaultness.lo(), i.const_token.lo()),
            ),
            ImplItem::Fn(i) => item_head(&i.attrs, &i.vis, any!(i.defaultness.lo(), i.sig.lo())),
            ImplItem::Type(i) => item_head(
                &i.attrs,
                &i.vis,
                any!(i.defaultness.lo(), i.type_token.lo()),
            ),
            ImplItem::Macro(i) => any!(outer(&i.attrs), i.mac.lo()),
            ImplItem::Verbatim(t) => t.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            ImplItem::Const(i) => i.semi_token.hi(),
            ImplItem::Fn(i) => i.block.hi(),
            ImplItem::Type(i) => i.semi_token.hi(),
            ImplItem::Macro(i) => any!(i.semi_token.hi(), i.mac.hi()),
            ImplItem::Verbatim(t) => t.hi(),
            _ => None,
        }
    }
}

impl Tokens for TraitItem {
    fn lo(&self) -> S {
        match self {
            TraitItem::Const(i) => any!(outer(&i.attrs), i.const_token.lo()),
            TraitItem::Fn(i) => any!(outer(&i.attrs), i.sig.lo()),
            TraitItem::Type(i) => any!(outer(&i.attrs), i.type_token.lo()),
            TraitItem::Macro(i) => any!(outer(&i.attrs), i.mac.lo()),
            TraitItem::Verbatim(t) => t.lo(),
            _ => None,
        }
    }
    fn hi(&self) -> S {
        match self {
            TraitItem::Const(i) => i.semi_token.hi(),
            TraitItem::Fn(i) => any!(i.semi_token.hi(), i.default.hi()),
            TraitItem::Type(i) => i.semi_token.hi(),
            TraitItem::Macro(i) => any!(i.semi_token.hi(), i.mac.hi()),
            TraitItem::Verbatim(t) => t.hi(),
            _ => None,
        }
    }
}
