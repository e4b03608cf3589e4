//! Expressions: their types, and what each use of a local means for moves and borrows.

use super::errors;
use super::infer::{self, PRELUDE_TYPES, PRELUDE_VALUES, ROOTS};
use super::items::{SelfKind, Sig};
use super::scope::{FrameKind, Held, Use};
use super::ty::Ty;
use super::walk::{join, Phase, Walker};
use crate::interp::diag::Span;
use syn::spanned::Spanned;
use syn::Expr;

fn span(s: &impl Spanned) -> Span {
    Span::of(s.span())
}

/// Methods a future has (by `FutureExt` and friends): never reported as missing.
const FUTURE_METHODS: &[&str] = &[
    "poll",
    "boxed",
    "boxed_local",
    "fuse",
    "map",
    "then",
    "left_future",
    "right_future",
    "into_stream",
    "flatten",
    "inspect",
    "catch_unwind",
    "shared",
    "remote_handle",
    "now_or_never",
    "unit_error",
    "never_error",
    "poll_unpin",
    "into_future",
    "as_mut",
];

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

/// The literal an expression is, if it is one (`-1` included).
fn literal(e: &Expr) -> Option<Ty> {
    match e {
        Expr::Lit(l) => Some(lit_ty(&l.lit)),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => literal(&u.expr),
        Expr::Paren(p) => literal(&p.expr),
        _ => None,
    }
}

/// Whether a value of `found` (a literal's type) can never be `expected`.
fn literal_mismatch(expected: &Ty, found: &Ty) -> bool {
    if matches!(expected, Ty::Adt(n, a) if n == "Duration" && a.is_empty()) {
        return true;
    }
    let concrete = matches!(
        expected,
        Ty::Int(Some(_)) | Ty::Float(Some(_)) | Ty::Bool | Ty::Char | Ty::Str | Ty::String
    );
    if !concrete {
        return false;
    }
    match found {
        Ty::Int(None) => {
            !matches!(expected, Ty::Int(_) | Ty::Float(_)) || matches!(expected, Ty::Float(_))
        }
        Ty::Float(None) => !matches!(expected, Ty::Float(_)),
        Ty::Int(Some(_)) | Ty::Float(Some(_)) => expected != found,
        Ty::Str => !matches!(expected, Ty::Str),
        Ty::Bool => !matches!(expected, Ty::Bool),
        Ty::Char => !matches!(expected, Ty::Char),
        _ => false,
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

    /// The user `async fn` a call expression calls directly, if any.
    fn async_call(&self, e: &Expr) -> Option<&'a Sig> {
        let Expr::Call(c) = e else { return None };
        let Expr::Path(p) = &*c.func else { return None };
        if p.path.segments.len() != 1 {
            return None;
        }
        let name = p.path.segments[0].ident.to_string();
        if self.lookup(&name).is_some() {
            return None;
        }
        let items: &'a super::items::Items = self.items;
        items.fns.get(&name).filter(|s| s.is_async)
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
    fn check_root(&mut self, path: &syn::Path) {
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
    fn expr_inner(&mut self, e: &Expr, u: Use) -> Ty {
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

    /// E0599 for a method that a type of the program does not have (when no trait may give
    /// it one).
    fn own_method_exists(&mut self, recv: &Ty, name: &str, at: Span) {
        let t: &Ty = match recv {
            Ty::Ref(_, t) => t,
            t => t,
        };
        let Ty::Adt(n, _) = t else { return };
        let Some(def) = self.items.structs.get(n) else {
            return;
        };
        let known = self
            .items
            .methods
            .get(n)
            .is_some_and(|ms| ms.contains_key(name));
        if known
            || self.items.traits
            || self.items.open
            || self.items.traited.contains(n)
            || infer::BLANKET.contains(&name)
        {
            return;
        }
        let d = crate::interp::Diagnostic::error(
            at,
            format!(
                "no method named `{name}` found for {} `{n}` in the current scope",
                def.kind
            ),
        )
        .with_code("E0599")
        .label(format!("method not found in `{}`", t.show()));
        self.report(Phase::Typeck, d);
    }

    #[inline(never)]
    fn field(&mut self, f: &syn::ExprField) -> Ty {
        // A closure captures the field, not the value (edition 2021): `Maybe`.
        let base = self.expr(&f.base, Use::Maybe);
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
    fn index(&mut self, i: &syn::ExprIndex) -> Ty {
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
    fn reference(&mut self, r: &syn::ExprReference, whole: Span) -> Ty {
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
    fn unary(&mut self, un: &syn::ExprUnary) -> Ty {
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
                Ty::Adt(n, a) if matches!(n.as_str(), "Box" | "std::sync::MutexGuard") => {
                    a.first().cloned().unwrap_or(Ty::Unknown)
                }
                _ => Ty::Unknown,
            },
            _ => self.expr(&un.expr, Use::Move),
        }
    }

    #[inline(never)]
    fn while_expr(&mut self, w: &syn::ExprWhile) -> Ty {
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
    fn for_expr(&mut self, f: &syn::ExprForLoop) -> Ty {
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
        let header = join(span(&f.for_token), span(&f.expr));
        self.looped(header, &f.body, &mut |s: &mut Self| {
            s.push_scope();
            s.pattern(&f.pat, elem.clone(), true, false);
            s.block(&f.body);
            s.pop_scope();
        });
        if loan.is_some() {
            self.iterating.pop();
        }
        Ty::Unit
    }

    #[inline(never)]
    fn loop_expr(&mut self, l: &syn::ExprLoop) -> Ty {
        let header = span(&l.loop_token);
        self.looped(header, &l.body, &mut |s: &mut Self| {
            s.block(&l.body);
        });
        let text = quote::ToTokens::to_token_stream(&l.body).to_string();
        if !text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|w| w == "break")
        {
            self.diverged = true;
        }
        Ty::Unknown
    }

    #[inline(never)]
    fn closure(&mut self, c: &syn::ExprClosure) -> Ty {
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
    fn async_block(&mut self, a: &syn::ExprAsync) -> Ty {
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
    fn leave_with(&mut self, e: Option<&Expr>) -> Ty {
        if let Some(e) = e {
            self.expr(e, Use::Move);
        }
        self.diverged = true;
        Ty::Unknown
    }

    fn tuple(&mut self, t: &syn::ExprTuple) -> Ty {
        let ts = t.elems.iter().map(|e| self.expr(e, Use::Move)).collect();
        Ty::Tuple(ts)
    }

    fn elems<'e>(&mut self, es: impl Iterator<Item = &'e Expr>) -> Ty {
        for e in es {
            self.expr(e, Use::Move);
        }
        Ty::Unknown
    }

    fn cast(&mut self, c: &syn::ExprCast) -> Ty {
        self.expr(&c.expr, Use::Move);
        self.written(&c.ty)
    }

    #[inline(never)]
    fn range(&mut self, r: &syn::ExprRange) -> Ty {
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

    fn let_expr(&mut self, l: &syn::ExprLet) -> Ty {
        let t = self.expr(&l.expr, Use::Place);
        self.pattern(&l.pat, t, true, false);
        Ty::Bool
    }

    #[inline(never)]
    fn path(&mut self, p: &syn::ExprPath, u: Use) -> Ty {
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
    fn call(&mut self, c: &syn::ExprCall, whole: Span) -> Ty {
        let Expr::Path(p) = &*c.func else {
            self.expr(&c.func, Use::Borrow);
            for a in &c.args {
                self.expr(a, Use::Move);
            }
            return Ty::Unknown;
        };
        let at_f = span(&c.func);
        let segs: Vec<String> = p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if p.qself.is_none() {
            if let [name] = segs.as_slice() {
                if let Some(idx) = self.lookup(name) {
                    self.use_local(idx, at_f, Use::Borrow, None);
                    for a in &c.args {
                        self.expr(a, Use::Move);
                    }
                    return Ty::Unknown;
                }
                if let Some(sig) = self.items.fns.get(name) {
                    return self.user_call(sig, at_f, &c.args, whole, false);
                }
                const MACROS: &[&str] = &[
                    "println",
                    "print",
                    "eprintln",
                    "eprint",
                    "format",
                    "vec",
                    "panic",
                    "write",
                    "writeln",
                    "assert",
                    "assert_eq",
                    "dbg",
                    "todo",
                    "unreachable",
                ];
                if !self.value_known(name) && MACROS.contains(&name.as_str()) {
                    let d = crate::interp::Diagnostic::error(
                        at_f,
                        format!("expected function, found macro `{name}`"),
                    )
                    .with_code("E0423")
                    .label("not a function")
                    .with(format!("help: use `!` to invoke the macro: `{name}!`"));
                    self.report(Phase::Late, d);
                } else if !self.value_known(name)
                    && !self.items.open
                    && p.path.leading_colon.is_none()
                {
                    let phase = if name.starts_with(char::is_uppercase) {
                        Phase::Late
                    } else {
                        Phase::Func
                    };
                    self.report(phase, errors::no_function(at_f, name));
                }
            } else {
                self.check_root(&p.path);
            }
            if let [ty, m] = segs.as_slice() {
                let ty = if ty == "Self" {
                    self.self_ty.clone().unwrap_or_default()
                } else {
                    ty.clone()
                };
                if let Some(sig) = self.items.method(&ty, m) {
                    if sig.receiver.is_none() {
                        let t = self.user_call(sig, at_f, &c.args, whole, false);
                        return match t {
                            Ty::Unknown if sig.ret_text == "Self" => Ty::Adt(ty, Vec::new()),
                            t => t,
                        };
                    }
                }
            }
        }
        let full = self.items.expand(&segs);
        let spawn = infer::spawn_kind(&full);
        if let Some((params, what)) = infer::library_params(&full) {
            if params.len() == c.args.len() {
                for (a, expected) in c.args.iter().zip(&params) {
                    if let Some(d) = self.mismatch(expected, &Ty::Unknown, a) {
                        let d = d
                            .also(at_f, format!("arguments to this {what} are incorrect"))
                            .with(format!("note: {what} defined here"));
                        self.report(Phase::Typeck, d);
                        break;
                    }
                }
            }
        }
        if let (Some(super::walk::SpawnKind::Tokio), Some(Expr::Closure(cl))) =
            (spawn, c.args.first())
        {
            let bars = join(span(&cl.or1_token), span(&cl.or2_token));
            let name = format!(
                "{{closure@src/main.rs:{}:{}: {}:{}}}",
                bars.line, bars.column, bars.end_line, bars.end_column
            );
            let d = crate::interp::Diagnostic::error(span(cl), format!("`{name}` is not a future"))
                .with_code("E0277")
                .label(format!("`{name}` is not a future"))
                .also(at_f, "required by a bound introduced by this call")
                .with(format!(
                    "help: the trait `Future` is not implemented for closure `{name}`"
                ))
                .with("help: use parentheses to call this closure");
            self.report(Phase::Typeck, d);
        }
        let mut tys = Vec::new();
        for (i, a) in c.args.iter().enumerate() {
            let direct = matches!(a, Expr::Async(_) | Expr::Closure(_));
            if i == 0 && direct {
                self.spawn_next = spawn.map(|k| (k, whole));
            }
            tys.push(self.expr(a, Use::Move));
            self.spawn_next = None;
        }
        if full == "std::process::exit" {
            self.diverged = true;
        }
        infer::call_ty(&full, &tys, self.items)
    }

    /// A call of a function or associated function of the program: E0061, E0308 on arguments.
    #[inline(never)]
    fn user_call(
        &mut self,
        sig: &'a Sig,
        at_f: Span,
        args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
        whole: Span,
        method: bool,
    ) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a, Use::Move)).collect();
        if !sig.generic {
            let (takes, given) = (sig.params.len(), args.len());
            if takes != given {
                let mut d = errors::arg_count(at_f, takes, given, method);
                if given + 1 == takes {
                    let rest = Span {
                        line: at_f.end_line,
                        column: at_f.end_column,
                        end_line: whole.end_line,
                        end_column: whole.end_column,
                    };
                    let ty = sig.params[given].0.show();
                    d = d.also(rest, format!("argument #{takes} of type `{ty}` is missing"));
                } else if given == takes + 1 {
                    if let Some(extra) = args.iter().nth(takes) {
                        let ty = tys[takes].show();
                        d = d.also(
                            span(extra),
                            format!("unexpected argument #{given} of type `{ty}`"),
                        );
                    }
                }
                let what = if method { "method" } else { "function" };
                self.report(Phase::Typeck, d.with(format!("note: {what} defined here")));
            } else {
                for ((a, found), (expected, _)) in args.iter().zip(&tys).zip(&sig.params) {
                    if let Some(d) = self.mismatch(expected, found, a) {
                        let what = if method { "method" } else { "function" };
                        let d = d
                            .also(at_f, format!("arguments to this {what} are incorrect"))
                            .with(format!("note: {what} defined here"));
                        self.report(Phase::Typeck, d);
                        break;
                    }
                }
            }
        }
        let ret = self.canon(sig.ret.clone());
        if sig.is_async {
            Ty::Future(Box::new(ret))
        } else {
            ret
        }
    }

    /// E0308 for a value that can never be of the `expected` type: a literal of another kind,
    /// or the future of an `async fn` where its output is expected.
    pub fn mismatch(
        &self,
        expected: &Ty,
        found: &Ty,
        e: &Expr,
    ) -> Option<crate::interp::Diagnostic> {
        if !expected.known() {
            return None;
        }
        if let Some(lit) = literal(e) {
            if literal_mismatch(expected, &lit) {
                let mut d = errors::mismatched(span(e), &expected.show(), &lit.found());
                if *expected == Ty::String && matches!(lit, Ty::Str | Ty::Int(_) | Ty::Float(_)) {
                    d = d.with("help: try using a conversion method: `.to_string()`");
                }
                return Some(d);
            }
            return None;
        }
        let concrete = matches!(
            expected,
            Ty::Int(Some(_)) | Ty::Float(Some(_)) | Ty::Bool | Ty::Char | Ty::Str | Ty::String
        );
        if concrete && matches!(found.head(), Some("Result" | "Option")) {
            let d = errors::mismatched(span(e), &expected.show(), &format!("`{}`", found.show()));
            return Some(d.with(format!(
                "help: consider using `{}::expect` to unwrap the `{}` value",
                found.head().unwrap_or_default(),
                found.show()
            )));
        }
        if self.async_call(e).is_some()
            && matches!(found, Ty::Future(_))
            && infer::surely_not_future(expected, self.items)
        {
            let d = errors::mismatched(span(e), &expected.show(), "future");
            return Some(errors::forgot_await(d));
        }
        None
    }

    /// E0308 for a condition that is an `async fn`'s future.
    pub fn check_cond(&mut self, e: &Expr, found: &Ty) {
        if self.async_call(e).is_some() && matches!(found, Ty::Future(_)) {
            let d = errors::forgot_await(errors::mismatched(span(e), "bool", "future"));
            self.report(Phase::Typeck, d);
        }
    }

    /// E0308 for a returned value (the body's tail or `return v`) of the wrong kind.
    pub fn check_return(&mut self, e: &Expr, found: &Ty) {
        let Some((expected, at)) = self.ret.clone() else {
            return;
        };
        if let Some(d) = self.mismatch(&expected, found, e) {
            let d = d.also(
                at,
                format!("expected `{}` because of return type", expected.show()),
            );
            self.report(Phase::Typeck, d);
        }
    }

    /// `let x: T = init;`.
    pub fn check_let_type(&mut self, t: &syn::Type, declared: &Ty, init: &Expr, found: &Ty) {
        if let Some(d) = self.mismatch(declared, found, init) {
            let d = d.also(span(t), "expected due to this");
            self.report(Phase::Typeck, d);
        }
    }

    #[inline(never)]
    fn method_call(&mut self, m: &syn::ExprMethodCall, whole: Span) -> Ty {
        let name = m.method.to_string();
        let local = self.path_local(&m.receiver);
        let recv_ty = match local {
            Some(idx) => self.locals[idx].ty.clone(),
            None => self.expr(&m.receiver, Use::Borrow),
        };
        let kind = infer::self_kind(&recv_ty, &name, self.items);
        if let Some(idx) = local {
            let at = span(&m.receiver);
            let u = match kind {
                Some(SelfKind::Value) => Use::Move,
                Some(SelfKind::RefMut) => {
                    self.check_mut(idx, at, false);
                    self.conflict(idx, whole, true);
                    Use::BorrowMut
                }
                Some(SelfKind::Ref) => {
                    self.conflict(idx, whole, false);
                    Use::Borrow
                }
                None => Use::Maybe,
            };
            let call = join(span(&m.method), whole);
            self.use_local(idx, at, u, Some((call, name.clone())));
        }
        if let Ty::Future(out) = &recv_ty {
            if !FUTURE_METHODS.contains(&name.as_str()) && !self.items.open {
                let shown = match self.async_call(&m.receiver) {
                    Some(sig) => Some(sig.ret_text.clone()),
                    None if !matches!(**out, Ty::Unknown) => Some(out.show()),
                    None => None,
                };
                if let Some(o) = shown {
                    self.report(
                        Phase::Typeck,
                        errors::method_on_future(span(&m.method), &name, &o),
                    );
                }
            }
        }
        let head = match &recv_ty {
            Ty::Ref(_, t) => t.head().map(str::to_string),
            t => t.head().map(str::to_string),
        };
        if let Some(h) = head {
            let user_has = self.items.methods.values().any(|ms| ms.contains_key(&name));
            if let (Some(fix), false, false) =
                (infer::wrong_method(&h, &name), user_has, self.items.open)
            {
                let shown = match &recv_ty {
                    Ty::Ref(_, t) => t.show(),
                    t => t.show(),
                };
                let (kind_ty, shown) = if h == "JoinHandle" {
                    (
                        "tokio::task::JoinHandle<T>".to_string(),
                        format!("tokio::task::{shown}"),
                    )
                } else {
                    (shown.clone(), shown)
                };
                let mut d = crate::interp::Diagnostic::error(
                    span(&m.method),
                    format!("no method named `{name}` found for struct `{kind_ty}` in the current scope"),
                )
                .with_code("E0599");
                d = match fix {
                    Some(f) => d.with(format!("help: you might have meant to use `{f}`")),
                    None => d.label(format!("method not found in `{shown}`")),
                };
                self.report(Phase::Typeck, d);
            }
        }
        self.own_method_exists(&recv_ty, &name, span(&m.method));
        // A method of the program's own types: argument count and types.
        let own = match &recv_ty {
            Ty::Adt(n, _) => self.items.method(n, &name),
            Ty::Ref(_, t) => t.head().and_then(|n| self.items.method(n, &name)),
            _ => None,
        };
        if let Some(sig) = own {
            if sig.receiver.is_some() {
                return self.user_call(sig, span(&m.method), &m.args, whole, true);
            }
        }
        for a in &m.args {
            self.expr(a, Use::Move);
        }
        infer::method_ty(&recv_ty, &name)
    }

    #[inline(never)]
    fn await_expr(&mut self, a: &syn::ExprAwait) -> Ty {
        let at = Span::of(a.await_token.span);
        let outside = !self.frame().is_async();
        if outside {
            let head = self.frame().head;
            self.report(Phase::Lower, errors::await_outside_async(at, head));
        }
        let t = match self.path_local(&a.base) {
            Some(idx) => {
                let dot = join(span(&a.dot_token), at);
                self.use_local(idx, span(&a.base), Use::Move, Some((dot, "await".into())))
            }
            None => self.expr(&a.base, Use::Move),
        };
        if !outside && infer::surely_not_future(&t, self.items) {
            let call = match &*a.base {
                Expr::Call(_) | Expr::MethodCall(_) => Some(span(&a.base)),
                _ => None,
            };
            self.report(Phase::Typeck, errors::not_a_future(at, &t.show(), call));
        }
        if self.frame().not_send.is_none() && self.frame().is_async() {
            let base = self.frame().base;
            let held = self.locals[base..]
                .iter()
                .find(|l| infer::not_send(&l.ty))
                .map(|l| Held {
                    name: if l.mutable {
                        format!("mut {}", l.name)
                    } else {
                        l.name.clone()
                    },
                    decl: l.decl,
                    ty: l.ty.show(),
                    at,
                });
            if let Some(f) = self.frames.last_mut() {
                f.not_send = held;
            }
        }
        match t {
            Ty::Future(t) => *t,
            Ty::Adt(n, a) if n == "JoinHandle" => Ty::Adt(
                "Result".into(),
                vec![
                    a.first().cloned().unwrap_or(Ty::Unknown),
                    Ty::Adt("JoinError".into(), Vec::new()),
                ],
            ),
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    fn try_expr(&mut self, t: &syn::ExprTry) -> Ty {
        let at = Span::of(t.question_token.span);
        let inner = self.expr(&t.expr, Use::Move);
        let f = self.frame();
        if let (FrameKind::Fn { is_async }, Some(head)) = (f.kind, f.returns_unit) {
            let what = if self.tokio_main {
                "an async block"
            } else if is_async {
                "an async function"
            } else {
                "a function"
            };
            self.report(Phase::Typeck, errors::question_in_unit(at, head, what));
        }
        match inner {
            Ty::Adt(n, a) if n == "Option" || n == "Result" => {
                a.first().cloned().unwrap_or(Ty::Unknown)
            }
            _ => Ty::Unknown,
        }
    }

    #[inline(never)]
    fn binary(&mut self, b: &syn::ExprBinary, whole: Span) -> Ty {
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
                        self.assign(&b.left, whole);
                        t.unwrap_or(Ty::Unknown)
                    }
                };
                if matches!(lhs.head(), Some("std::sync::MutexGuard" | "RefMut")) {
                    let op = quote::ToTokens::to_token_stream(&b.op).to_string();
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
    fn if_expr(&mut self, i: &syn::ExprIf) -> Ty {
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
    fn match_expr(&mut self, m: &syn::ExprMatch) -> Ty {
        let t = self.expr(&m.expr, Use::Place);
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
    fn struct_lit(&mut self, s: &syn::ExprStruct) -> Ty {
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
            left.sort();
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
