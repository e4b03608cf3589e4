//! Expressions: their types, and what each use of a local means for moves and borrows.

use super::errors;
use super::infer::{self, PRELUDE_TYPES, PRELUDE_VALUES, ROOTS};
use super::scope::{FrameKind, Use};
use super::ty::Ty;
use super::walk::{join, Phase, Walker};
use crate::interp::diag::Span;
use crate::interp::span::Spanned;
use syn::Expr;

fn span(s: &impl Spanned) -> Span {
    Span::of(s.span())
}

/// The type of a literal.
pub fn lit_ty(l: &syn::Lit) -> Ty {
    match l {
        syn::Lit::Str(_) => Ty::Str,
        syn::Lit::Bool(_) => Ty::Bool,
        syn::Lit::Char(_) => Ty::Char,
        syn::Lit::Int(i) if i.suffix().is_empty() => Ty::Int(None),
        syn::Lit::Int(i) => super::ty::named(i.suffix(), Vec::new()),
        syn::Lit::Float(f) if f.suffix().is_empty() => Ty::Float(None),
        syn::Lit::Float(f) => Ty::Float(Some(f.suffix().into())),
        _ => Ty::Unknown,
    }
}

impl<'a> Walker<'a> {
    /// The local a path expression names, if it is a plain local.
    pub fn path_local(&self, e: &Expr) -> Option<usize> {
        match e {
            Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                let name = p.path.segments[0].ident.to_string();
                self.lookup(&name)
            }
            Expr::Paren(p) => self.path_local(&p.expr),
            _ => None,
        }
    }

    /// Whether a single name is a value the program or the prelude declares.
    pub fn value_known(&self, name: &str) -> bool {
        self.lookup(name).is_some()
            || self.items.names.contains(name)
            || self.items.fns.contains_key(name)
            || PRELUDE_VALUES.contains(&name)
            || self.generics.iter().any(|g| g == name)
    }

    /// E0433 for a path whose first segment is an undeclared type.
    pub(super) fn check_root(&mut self, path: &syn::Path) {
        if self.items.open || path.segments.len() < 2 || path.leading_colon.is_some() {
            return;
        }
        let first = &path.segments[0];
        let name = first.ident.to_string();
        if !name.starts_with(char::is_uppercase) {
            if let Some(m) = infer::module_hint(&name) {
                if !self.items.names.contains(&name) && self.lookup(&name).is_none() {
                    let d = crate::interp::Diagnostic::error(
                        Span::of(first.ident.span()),
                        format!("cannot find module or crate `{name}` in this scope"),
                    )
                    .with_code("E0433")
                    .label(format!("use of unresolved module or unlinked crate `{name}`"))
                    .with(format!("help: if you wanted to use a crate named `{name}`, use `cargo add {name}` to add it to your `Cargo.toml`"))
                    .with(format!("help: consider importing this module: `use {m};`"));
                    self.report(Phase::Late, d);
                }
            }
            return;
        }
        if self.items.names.contains(&name)
            || PRELUDE_TYPES.contains(&name.as_str())
            || ROOTS.contains(&name.as_str())
            || self.generics.contains(&name)
        {
            return;
        }
        self.report(
            Phase::Late,
            errors::no_type(Span::of(first.ident.span()), &name),
        );
    }

    /// Walks an expression used as `u`; its type.
    pub fn expr(&mut self, e: &Expr, u: Use) -> Ty {
        if self.gave_up || self.depth >= self.max_depth {
            self.gave_up = true;
            return Ty::Unknown;
        }
        self.depth += 1;
        let t = self.expr_inner(e, u);
        self.depth -= 1;
        t
    }

    // Each kind of expression has its own function, so that the recursion's frames stay small
    // (a debug build's one big match would take kilobytes of stack per level).
    pub(super) fn expr_inner(&mut self, e: &Expr, u: Use) -> Ty {
        match e {
            Expr::Lit(l) => lit_ty(&l.lit),
            Expr::Path(p) => self.path(p, u),
            Expr::Call(c) => self.call(c, span(e)),
            Expr::MethodCall(m) => self.method_call(m, span(e)),
            Expr::Await(a) => self.await_expr(a),
            Expr::Field(f) => self.field(f),
            Expr::Index(i) => self.index(i),
            Expr::Reference(r) => self.reference(r, span(e)),
            Expr::Unary(un) => self.unary(un),
            Expr::Binary(b) => self.binary(b, span(e)),
            Expr::Assign(a) => {
                self.expr(&a.right, Use::Move);
                self.assign(&a.left, span(e));
                Ty::Unit
            }
            Expr::Block(b) => self.block(&b.block),
            Expr::Unsafe(b) => self.block(&b.block),
            Expr::Const(b) => self.block(&b.block),
            Expr::If(i) => self.if_expr(i),
            Expr::Match(m) => self.match_expr(m),
            Expr::While(w) => self.while_expr(w),
            Expr::ForLoop(f) => self.for_expr(f),
            Expr::Loop(l) => self.loop_expr(l),
            Expr::Closure(c) => self.closure(c),
            Expr::Async(a) => self.async_block(a),
            Expr::Return(r) => {
                if let Some(v) = &r.expr {
                    if matches!(self.frame().kind, FrameKind::Fn { .. }) {
                        let found = self.expr(v, Use::Move);
                        self.check_return(v, &found);
                        self.diverged = true;
                        return Ty::Unknown;
                    }
                }
                self.leave_with(r.expr.as_deref())
            }
            Expr::Break(b) => self.leave_with(b.expr.as_deref()),
            Expr::Continue(_) => self.leave_with(None),
            Expr::Try(t) => self.try_expr(t),
            Expr::Macro(m) => self.mac(&m.mac),
            Expr::Paren(p) => self.expr(&p.expr, u),
            Expr::Group(g) => self.expr(&g.expr, u),
            Expr::Tuple(t) => self.tuple(t),
            Expr::Array(a) => self.elems(a.elems.iter()),
            Expr::Repeat(r) => self.elems(std::iter::once(&*r.expr)),
            Expr::Struct(s) => self.struct_lit(s),
            Expr::Cast(c) => self.cast(c),
            Expr::Range(r) => self.range(r),
            Expr::Let(l) => self.let_expr(l),
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    pub(super) fn field(&mut self, f: &syn::ExprField) -> Ty {
        // A closure captures the field, not the value (edition 2021): `Maybe`.
        let base = self.expr(&f.base, Use::Maybe);
        if let Ty::Future(_) = &base {
            // A field of the output read on the future (`.await` forgotten): a future has none.
            if !matches!(&base, Ty::Future(o) if **o == Ty::Unknown) && !self.items.open {
                let field = match &f.member {
                    syn::Member::Named(m) => m.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let d = crate::interp::Diagnostic::error(
                    Span::of(f.member.span()),
                    format!("no field `{field}` on type `{}`", base.show()),
                )
                .with_code("E0609")
                .label("unknown field");
                self.report(Phase::Typeck, d);
            }
            return Ty::Unknown;
        }
        match &f.member {
            syn::Member::Named(m) => {
                let n = match &base {
                    Ty::Adt(n, _) => n.clone(),
                    Ty::Ref(_, t) => t.head().unwrap_or("").to_string(),
                    _ => String::new(),
                };
                let field = m.to_string();
                let fields = self.items.structs.get(&n).and_then(|s| s.fields.clone());
                if let Some(fields) = fields {
                    let exists = fields.iter().any(|(f, _)| *f == field);
                    if !exists && !self.items.traited.contains(&n) {
                        let names: Vec<String> =
                            fields.iter().map(|(f, _)| format!("`{f}`")).collect();
                        let avail = if names.len() == 1 {
                            format!("note: available field is: {}", names[0])
                        } else {
                            format!("note: available fields are: {}", names.join(", "))
                        };
                        let d = crate::interp::Diagnostic::error(
                            Span::of(m.span()),
                            format!("no field `{field}` on type `{n}`"),
                        )
                        .with_code("E0609")
                        .label("unknown field")
                        .with(avail);
                        self.report(Phase::Typeck, d);
                    }
                }
                self.items
                    .structs
                    .get(&n)
                    .and_then(|s| s.fields.as_ref())
                    .and_then(|fs| fs.iter().find(|(f, _)| *f == field))
                    .map_or(Ty::Unknown, |(_, t)| self.canon(t.clone()))
            }
            syn::Member::Unnamed(i) => match &base {
                Ty::Tuple(ts) => ts.get(i.index as usize).cloned().unwrap_or(Ty::Unknown),
                _ => Ty::Unknown,
            },
        }
    }

    #[inline(never)]
    pub(super) fn index(&mut self, i: &syn::ExprIndex) -> Ty {
        let base = self.expr(&i.expr, Use::Borrow);
        self.expr(&i.index, Use::Move);
        match base {
            Ty::Adt(n, a) if n == "Vec" && matches!(*i.index, Expr::Lit(_)) => {
                a.first().cloned().unwrap_or(Ty::Unknown)
            }
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    pub(super) fn reference(&mut self, r: &syn::ExprReference, whole: Span) -> Ty {
        let mutable = r.mutability.is_some();
        if let Some(idx) = self.path_local(&r.expr) {
            if mutable {
                self.check_mut(idx, whole, true);
            }
            self.conflict(idx, whole, mutable);
        }
        let u = if mutable { Use::BorrowMut } else { Use::Borrow };
        match self.expr(&r.expr, u) {
            Ty::Str => Ty::Str,
            t => Ty::Ref(mutable, Box::new(t)),
        }
    }

    #[inline(never)]
    pub(super) fn unary(&mut self, un: &syn::ExprUnary) -> Ty {
        match un.op {
            syn::UnOp::Deref(_) => match self.expr(&un.expr, Use::Borrow) {
                Ty::Ref(_, t) => *t,
                t @ Ty::Adt(..) if matches!(t.head(), Some("Result" | "Option")) => {
                    let d = crate::interp::Diagnostic::error(
                        span(un),
                        format!("type `{}` cannot be dereferenced", t.show()),
                    )
                    .with_code("E0614")
                    .label("can't be dereferenced");
                    self.report(Phase::Typeck, d);
                    Ty::Unknown
                }
                // A forgotten `.await` on a lock (`*m.lock()`): the future has no `Deref`.
                t @ Ty::Future(_) if !matches!(t, Ty::Future(ref o) if **o == Ty::Unknown) => {
                    let d = crate::interp::Diagnostic::error(
                        span(un),
                        format!("type `{}` cannot be dereferenced", t.show()),
                    )
                    .with_code("E0614")
                    .label("can't be dereferenced");
                    self.report(Phase::Typeck, d);
                    Ty::Unknown
                }
                t if super::tokio_futures::guard_target(&t).is_some() => {
                    super::tokio_futures::guard_target(&t).unwrap_or(Ty::Unknown)
                }
                Ty::Adt(n, a) if matches!(n.as_str(), "Box" | "std::sync::MutexGuard") => {
                    a.first().cloned().unwrap_or(Ty::Unknown)
                }
                _ => Ty::Unknown,
            },
            _ => self.expr(&un.expr, Use::Move),
        }
    }

    #[inline(never)]
    pub(super) fn while_expr(&mut self, w: &syn::ExprWhile) -> Ty {
        let header = join(span(&w.while_token), span(&w.cond));
        self.looped(header, &w.body, &mut |s: &mut Self| {
            s.push_scope();
            let cond = s.expr(&w.cond, Use::Move);
            s.check_cond(&w.cond, &cond);
            s.block(&w.body);
            s.pop_scope();
        });
        Ty::Unit
    }

    #[inline(never)]
    pub(super) fn for_expr(&mut self, f: &syn::ExprForLoop) -> Ty {
        let iter = self.expr(&f.expr, Use::Move);
        let loan = self.loop_loan(&f.expr);
        if let Some(l) = &loan {
            self.iterating.push(l.clone());
        }
        let elem = match &iter {
            Ty::Adt(n, a) if n == "Vec" || n == "Range" => {
                infer::settle(a.first().cloned().unwrap_or(Ty::Unknown))
            }
            _ => Ty::Unknown,
        };
        let of_param = self.loop_param(&f.pat, &f.expr);
        let header = join(span(&f.for_token), span(&f.expr));
        self.looped(header, &f.body, &mut |s: &mut Self| {
            s.push_scope();
            s.loop_binding(&f.pat, elem.clone(), &of_param);
            s.block(&f.body);
            s.pop_scope();
        });
        if loan.is_some() {
            self.iterating.pop();
        }
        Ty::Unit
    }

    #[inline(never)]
    pub(super) fn loop_expr(&mut self, l: &syn::ExprLoop) -> Ty {
        let header = span(&l.loop_token);
        self.looped(header, &l.body, &mut |s: &mut Self| {
            s.block(&l.body);
        });
        let text = crate::interp::span::text(&l.body);
        if !text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|w| w == "break")
        {
            self.diverged = true;
        }
        Ty::Unknown
    }

    #[inline(never)]
    pub(super) fn closure(&mut self, c: &syn::ExprClosure) -> Ty {
        let is_move = c.capture.is_some();
        let bars = join(span(&c.or1_token), span(&c.or2_token));
        let head = match &c.capture {
            Some(m) => join(span(m), bars),
            None => bars,
        };
        let kind = FrameKind::Closure {
            is_move,
            is_async: c.asyncness.is_some(),
        };
        let saved = self.enter(kind, head);
        for p in &c.inputs {
            self.pattern(p, Ty::Unknown, true, true);
        }
        self.expr(&c.body, Use::Move);
        self.leave(saved);
        Ty::Unknown
    }

    #[inline(never)]
    pub(super) fn async_block(&mut self, a: &syn::ExprAsync) -> Ty {
        let is_move = a.capture.is_some();
        let head = match &a.capture {
            Some(m) => join(span(&a.async_token), span(m)),
            None => span(&a.async_token),
        };
        let saved = self.enter(FrameKind::Async { is_move }, head);
        self.block(&a.block);
        self.leave(saved);
        Ty::Future(Box::new(Ty::Unknown))
    }

    /// `return`, `break` (with their value) and `continue`: the rest is unreachable.
    pub(super) fn leave_with(&mut self, e: Option<&Expr>) -> Ty {
        if let Some(e) = e {
            self.expr(e, Use::Move);
        }
        self.diverged = true;
        Ty::Unknown
    }

    pub(super) fn tuple(&mut self, t: &syn::ExprTuple) -> Ty {
        let ts = t.elems.iter().map(|e| self.expr(e, Use::Move)).collect();
        Ty::Tuple(ts)
    }

    pub(super) fn elems<'e>(&mut self, es: impl Iterator<Item = &'e Expr>) -> Ty {
        for e in es {
            self.expr(e, Use::Move);
        }
        Ty::Unknown
    }

    pub(super) fn cast(&mut self, c: &syn::ExprCast) -> Ty {
        self.expr(&c.expr, Use::Move);
        self.written(&c.ty)
    }

    #[inline(never)]
    pub(super) fn range(&mut self, r: &syn::ExprRange) -> Ty {
        let mut t = Ty::Unknown;
        if let Some(s) = &r.start {
            t = self.expr(s, Use::Move);
        }
        if let Some(e) = &r.end {
            let te = self.expr(e, Use::Move);
            if matches!(t, Ty::Unknown | Ty::Int(None)) {
                t = te;
            }
        }
        Ty::Adt("Range".into(), vec![t])
    }

    pub(super) fn let_expr(&mut self, l: &syn::ExprLet) -> Ty {
        let t = self.expr(&l.expr, Use::Place);
        self.pattern_on_future(&l.pat, &l.expr, &t);
        self.pattern(&l.pat, t, true, false);
        Ty::Bool
    }

    #[inline(never)]
    pub(super) fn path(&mut self, p: &syn::ExprPath, u: Use) -> Ty {
        if p.qself.is_some() {
            return Ty::Unknown;
        }
        let at = span(p);
        let segs: Vec<String> = p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if let [name] = segs.as_slice() {
            if let Some(idx) = self.lookup(name) {
                return self.use_local(idx, at, u, None);
            }
            if name == "None" {
                return Ty::Adt("Option".into(), vec![Ty::Unknown]);
            }
            if !self.value_known(name) && !self.items.open && p.path.leading_colon.is_none() {
                self.report(Phase::Value, errors::no_value(at, name));
            }
            if self.items.structs.contains_key(name) {
                return Ty::Adt(name.clone(), Vec::new());
            }
            return Ty::Unknown;
        }
        self.check_root(&p.path);
        match segs.as_slice() {
            [t, c] if super::ty::INTS.contains(&t.as_str()) && (c == "MAX" || c == "MIN") => {
                Ty::Int(Some(t.clone()))
            }
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    pub(super) fn binary(&mut self, b: &syn::ExprBinary, whole: Span) -> Ty {
        use syn::BinOp::*;
        match b.op {
            Eq(_) | Lt(_) | Le(_) | Ne(_) | Ge(_) | Gt(_) => {
                self.expr(&b.left, Use::Borrow);
                self.expr(&b.right, Use::Borrow);
                Ty::Bool
            }
            And(_) | Or(_) => {
                self.expr(&b.left, Use::Move);
                self.expr(&b.right, Use::Move);
                Ty::Bool
            }
            AddAssign(_) | SubAssign(_) | MulAssign(_) | DivAssign(_) | RemAssign(_)
            | BitXorAssign(_) | BitAndAssign(_) | BitOrAssign(_) | ShlAssign(_) | ShrAssign(_) => {
                self.expr(&b.right, Use::Move);
                let lhs = match &*b.left {
                    Expr::MethodCall(_) | Expr::Call(_) => self.expr(&b.left, Use::Place),
                    l => {
                        let t = self.path_local(l).map(|i| self.locals[i].ty.clone());
                        self.assign_as(&b.left, whole, true);
                        t.unwrap_or(Ty::Unknown)
                    }
                };
                if matches!(lhs.head(), Some("std::sync::MutexGuard" | "RefMut")) {
                    let op = crate::interp::span::binop_text(&b.op);
                    let ty = lhs.show();
                    let d = crate::interp::Diagnostic::error(
                        whole,
                        format!("binary assignment operation `{op}` cannot be applied to type `{ty}`"),
                    )
                    .with_code("E0368")
                    .also(span(&b.left), format!("cannot use `{op}` on type `{ty}`"))
                    .with(format!("help: `{op}` can be used on the value inside if you dereference the left-hand side: `*`"));
                    self.report(Phase::Typeck, d);
                }
                Ty::Unit
            }
            _ => {
                let l = self.expr(&b.left, Use::Move);
                let r = self.expr(&b.right, Use::Move);
                match (l, r) {
                    (Ty::Int(None), r @ Ty::Int(_)) => r,
                    (l @ Ty::Int(_), _) => l,
                    (Ty::Float(None), r @ Ty::Float(_)) => r,
                    (l @ Ty::Float(_), _) => l,
                    (Ty::String, _) => Ty::String,
                    _ => Ty::Unknown,
                }
            }
        }
    }

    #[inline(never)]
    pub(super) fn if_expr(&mut self, i: &syn::ExprIf) -> Ty {
        self.push_scope();
        let cond = self.expr(&i.cond, Use::Move);
        self.check_cond(&i.cond, &cond);
        let mut tys = Vec::new();
        let then = &i.then_branch;
        let els = i.else_branch.as_ref().map(|(_, e)| &**e);
        self.branches(&mut |s: &mut Self, k| match k {
            0 => {
                tys.push(s.block(then));
                Some(())
            }
            1 => {
                if let Some(e) = els {
                    tys.push(s.expr(e, Use::Move));
                }
                Some(())
            }
            _ => None,
        });
        self.pop_scope();
        match tys.as_slice() {
            [a, b] if a == b => a.clone(),
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    pub(super) fn match_expr(&mut self, m: &syn::ExprMatch) -> Ty {
        let t = self.expr(&m.expr, Use::Place);
        if let Some(arm) = m.arms.first() {
            self.pattern_on_future(&arm.pat, &m.expr, &t);
        }
        self.branches(&mut |s: &mut Self, k| {
            let arm = m.arms.get(k)?;
            s.push_scope();
            s.pattern(&arm.pat, t.clone(), true, false);
            if let Some((_, g)) = &arm.guard {
                s.expr(g, Use::Move);
            }
            s.expr(&arm.body, Use::Move);
            s.pop_scope();
            Some(())
        });
        Ty::Unknown
    }

    #[inline(never)]
    pub(super) fn struct_lit(&mut self, s: &syn::ExprStruct) -> Ty {
        let segs: Vec<String> = s
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let name = match segs.as_slice() {
            [n] if n == "Self" => self.self_ty.clone().unwrap_or_default(),
            [n] => n.clone(),
            _ => String::new(),
        };
        let fields = self.items.structs.get(&name).and_then(|d| d.fields.clone());
        if let (Some(fields), None, None) = (&fields, &s.rest, &s.qself) {
            let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
            let given: Vec<String> = s
                .fields
                .iter()
                .filter_map(|f| match &f.member {
                    syn::Member::Named(i) => Some(i.to_string()),
                    _ => None,
                })
                .collect();
            let mut left: Vec<String> = names
                .iter()
                .filter(|n| !given.contains(n))
                .cloned()
                .collect();
            let mut unknown = false;
            for f in &s.fields {
                if let syn::Member::Named(i) = &f.member {
                    let g = i.to_string();
                    if !names.contains(&g) {
                        unknown = true;
                        let sim = errors::similar(&g, &left).map(str::to_string);
                        let d = errors::unknown_field(
                            Span::of(i.span()),
                            &name,
                            &g,
                            sim.as_deref(),
                            &left,
                        );
                        self.report(Phase::Typeck, d);
                    }
                }
            }
            crate::interp::sort::sort_by(&mut left, String::cmp);
            if !unknown && !left.is_empty() {
                self.report(
                    Phase::Typeck,
                    errors::missing_fields(span(&s.path), &name, &left),
                );
            }
        } else if segs.len() >= 2 {
            self.check_root(&s.path);
        }
        for f in &s.fields {
            self.expr(&f.expr, Use::Move);
        }
        if let Some(r) = &s.rest {
            self.expr(r, Use::Place);
        }
        if name.is_empty() {
            Ty::Unknown
        } else {
            Ty::Adt(name, Vec::new())
        }
    }
}
