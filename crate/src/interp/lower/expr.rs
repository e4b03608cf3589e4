//! Expressions, operators, paths and calls.

use super::*;

impl Lowerer<'_> {
    pub(super) fn expr(&mut self, e: &syn::Expr) -> R<Expr> {
        self.depth += 1;
        if self.depth > self.limits.max_nesting {
            self.depth -= 1;
            return Err(Diagnostic::error(
                span(e),
                "this expression nests too deeply for the playground",
            ));
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    pub(super) fn expr_inner(&mut self, e: &syn::Expr) -> R<Expr> {
        let at = span(e);
        let kind = match e {
            syn::Expr::Lit(l) => ExprKind::Lit(self.lit(&l.lit, false)?),
            syn::Expr::Paren(p) => return self.expr(&p.expr),
            syn::Expr::Group(g) => return self.expr(&g.expr),
            syn::Expr::Path(p) => self.path_expr(p, at)?,
            syn::Expr::Call(c) => self.call(c, at)?,
            syn::Expr::MethodCall(m) => {
                self.mark_mutated(&m.receiver);
                // A trait import is used by calling its methods.
                if matches!(
                    m.method.to_string().as_str(),
                    // `map` may be an iterator's: counting it never warns where rustc doesn't.
                    "fuse"
                        | "boxed"
                        | "boxed_local"
                        | "poll_unpin"
                        | "now_or_never"
                        | "then"
                        | "map"
                ) {
                    self.use_name("FutureExt");
                }
                // `Future::poll` is a trait method: calling it uses the import of `Future`.
                if m.method == "poll" {
                    self.use_name("Future");
                }
                if m.method == "flush" {
                    self.use_name("Write");
                }
                let name = m.method.to_string();
                // One source of truth: the std tables (`interp/std/`) say which methods of std
                // values exist; the program's own methods and the traits' are known too.
                if !crate::interp::stdlib::is_known(&name)
                    && !self.items.method_names.contains(&name)
                    && !crate::interp::types::METHODS.contains(&name.as_str())
                    && !crate::interp::tokio::is_method(&name)
                    && !crate::interp::stdlib::task::is_method(&name)
                {
                    return Err(not_available(
                        span(&m.method),
                        &format!("the method `{name}`"),
                    ));
                }
                // `watch::Ref::has_changed`: `borrow()` gives the value itself here, not a `Ref`.
                if let (true, syn::Expr::MethodCall(inner)) = (name == "has_changed", &*m.receiver)
                {
                    if inner.method == "borrow" || inner.method == "borrow_and_update" {
                        return Err(not_available(span(&m.method), "`watch::Ref::has_changed`"));
                    }
                }
                let mut args = self.exprs(&m.args)?;
                let own_target = match m.turbofish.as_ref().and_then(|t| t.args.first()) {
                    Some(syn::GenericArgument::Type(t)) if name == "parse" => self.declared_key(t),
                    _ => None,
                };
                if let Some(key) = own_target {
                    // `parse::<MyType>()`: its `FromStr` impl.
                    let recv = self.expr(&m.receiver)?;
                    return Ok(Expr {
                        kind: ExprKind::AssocCall(key.into(), "from_str".into(), vec![recv]),
                        span: at,
                    });
                }
                if matches!(name.as_str(), "parse" | "collect" | "sum" | "product") {
                    // Types decide: `parse::<T>()`, `collect::<T>()` (or the `let`'s type, later).
                    let target = m
                        .turbofish
                        .as_ref()
                        .and_then(|t| t.args.first())
                        .map(|g| match g {
                            syn::GenericArgument::Type(t) => target::target_of(t),
                            _ => String::new(),
                        })
                        .unwrap_or_default();
                    args = vec![target::target_arg(&name, &target, span(&m.method))];
                }
                let mut recv = self.boxed(&m.receiver)?;
                target::hint_default(&mut recv, &name, args.len());
                ExprKind::Method(recv, name.into(), args, span(&m.method))
            }
            syn::Expr::Unary(u) => {
                if let (syn::UnOp::Neg(_), syn::Expr::Lit(l)) = (&u.op, &*u.expr) {
                    if matches!(l.lit, syn::Lit::Int(_) | syn::Lit::Float(_)) {
                        return Ok(Expr {
                            kind: ExprKind::Lit(self.lit(&l.lit, true)?),
                            span: at,
                        });
                    }
                }
                let op = match u.op {
                    syn::UnOp::Neg(_) => UnOp::Neg,
                    syn::UnOp::Not(_) => UnOp::Not,
                    syn::UnOp::Deref(_) => UnOp::Deref,
                    _ => return Err(not_available(at, "this operator")),
                };
                ExprKind::Unary(op, self.boxed(&u.expr)?)
            }
            syn::Expr::Binary(b) => self.binary(b)?,
            syn::Expr::Assign(a) => {
                self.mark_mutated(&a.left);
                ExprKind::Assign(self.boxed(&a.left)?, self.boxed(&a.right)?)
            }
            syn::Expr::Reference(r) => {
                if r.mutability.is_some() {
                    self.mark_mutated(&r.expr);
                    // `&mut v[1..3]` would be a copy here, and writes through it lost.
                    if let syn::Expr::Index(ix) = &*r.expr {
                        if matches!(&*ix.index, syn::Expr::Range(_)) {
                            return Err(not_available(span(r), "a `&mut` to a range of a slice"));
                        }
                    }
                }
                ExprKind::Ref(self.boxed(&r.expr)?)
            }
            syn::Expr::If(i) => {
                let base = self.locals.len();
                let cond = self.boxed(&i.cond)?;
                let then = self.block(&i.then_branch);
                self.end_scope(base);
                let then = then?;
                let otherwise = match &i.else_branch {
                    Some((_, e)) => Some(self.boxed(e)?),
                    None => None,
                };
                ExprKind::If(cond, then, otherwise)
            }
            syn::Expr::Let(l) => {
                let value = self.boxed(&l.expr)?;
                ExprKind::Let(self.pat(&l.pat)?, value)
            }
            syn::Expr::While(w) => {
                let base = self.locals.len();
                let cond = self.boxed(&w.cond)?;
                let body = self.block(&w.body);
                self.end_scope(base);
                ExprKind::While(Self::label(&w.label), cond, body?)
            }
            syn::Expr::Loop(l) => ExprKind::Loop(Self::label(&l.label), self.block(&l.body)?),
            syn::Expr::ForLoop(f) => {
                let iter = self.boxed(&f.expr)?;
                let base = self.locals.len();
                let pat = self.pat(&f.pat);
                let body = pat.and_then(|p| Ok((p, self.block(&f.body)?)));
                self.end_scope(base);
                let (pat, body) = body?;
                ExprKind::For(Self::label(&f.label), pat, iter, body)
            }
            syn::Expr::Match(m) => {
                let scrut = self.boxed(&m.expr)?;
                let mut arms = Vec::new();
                for arm in &m.arms {
                    let base = self.locals.len();
                    let r = (|| {
                        let pat = self.pat(&arm.pat)?;
                        let guard = match &arm.guard {
                            Some((_, g)) => Some(self.expr(g)?),
                            None => None,
                        };
                        let body = self.expr(&arm.body)?;
                        Ok(Arm { pat, guard, body })
                    })();
                    self.end_scope(base);
                    arms.push(r?);
                }
                ExprKind::Match(scrut, arms)
            }
            syn::Expr::Block(b) => {
                if let Some(l) = &b.label {
                    return Err(not_available(span(l), "a labelled block"));
                }
                ExprKind::Block(self.block(&b.block)?)
            }
            syn::Expr::Unsafe(u) => return Err(not_available(span(&u.unsafe_token), "`unsafe`")),
            syn::Expr::Async(a) => {
                self.captures.push((self.locals.len(), Vec::new()));
                self.in_async.push(true);
                self.ret_err.push(None);
                let body = self.block(&a.block);
                self.ret_err.pop();
                self.in_async.pop();
                let (_, captures) = self.captures.pop().unwrap_or_default();
                ExprKind::Async(Capturing {
                    body: Rc::new(body?),
                    captures,
                    is_move: a.capture.is_some(),
                })
            }
            syn::Expr::Closure(c) => {
                self.captures.push((self.locals.len(), Vec::new()));
                self.in_async.push(c.asyncness.is_some());
                self.ret_err.push(None);
                let base = self.locals.len();
                let r = (|| {
                    let params = c
                        .inputs
                        .iter()
                        .map(|p| self.pat(p))
                        .collect::<R<Vec<_>>>()?;
                    let body = self.expr(&c.body)?;
                    Ok((params, body))
                })();
                self.ret_err.pop();
                self.in_async.pop();
                self.end_scope(base);
                let (_, captures) = self.captures.pop().unwrap_or_default();
                let (params, body) = r?;
                ExprKind::Closure(
                    Capturing {
                        body: Rc::new(body),
                        captures,
                        is_move: c.capture.is_some(),
                    },
                    params,
                    c.asyncness.is_some(),
                )
            }
            syn::Expr::Await(a) => {
                if self.in_async.last() != Some(&true) {
                    return Err(Diagnostic::error(
                        span(&a.await_token),
                        "`await` is only allowed inside `async` functions and blocks",
                    )
                    .with("note: `.await` needs an `async fn` or an `async` block; `main` becomes `async` with `#[tokio::main]`"));
                }
                ExprKind::Await(self.boxed(&a.base)?)
            }
            syn::Expr::Try(t) => match self.ret_err.last().cloned().flatten() {
                Some(key) => ExprKind::TryFrom(self.boxed(&t.expr)?, key.into()),
                None => ExprKind::Try(self.boxed(&t.expr)?),
            },
            syn::Expr::Return(r) => ExprKind::Return(match &r.expr {
                Some(e) => Some(self.boxed(e)?),
                None => None,
            }),
            syn::Expr::Break(b) => ExprKind::Break(
                b.label.as_ref().map(|l| l.ident.to_string().into()),
                match &b.expr {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
            ),
            syn::Expr::Continue(c) => {
                ExprKind::Continue(c.label.as_ref().map(|l| l.ident.to_string().into()))
            }
            syn::Expr::Tuple(t) if t.elems.is_empty() => ExprKind::Tuple(Vec::new()),
            syn::Expr::Tuple(t) => ExprKind::Tuple(self.exprs(&t.elems)?),
            syn::Expr::Array(a) => ExprKind::Array(self.exprs(&a.elems)?),
            syn::Expr::Repeat(r) => ExprKind::Repeat(self.boxed(&r.expr)?, self.boxed(&r.len)?),
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Unnamed(i) => ExprKind::Field(self.boxed(&f.base)?, i.index as usize),
                syn::Member::Named(n) => {
                    ExprKind::NamedField(self.boxed(&f.base)?, n.to_string().into())
                }
            },
            syn::Expr::Index(i) => ExprKind::Index(self.boxed(&i.expr)?, self.boxed(&i.index)?),
            syn::Expr::Range(r) => ExprKind::Range(
                match &r.start {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
                match &r.end {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
                matches!(r.limits, syn::RangeLimits::Closed(_)),
            ),
            // `b as char`: a `u8` to its char (the cast types have no `char`).
            syn::Expr::Cast(c) if matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident("char")) => {
                ExprKind::Method(
                    self.boxed(&c.expr)?,
                    "__as_char".into(),
                    Vec::new(),
                    span(c),
                )
            }
            syn::Expr::Cast(c) => ExprKind::Cast(self.boxed(&c.expr)?, self.ty(&c.ty)?),
            syn::Expr::Macro(m) => return self.mac(&m.mac),
            syn::Expr::Struct(s) => self.struct_lit(s, at)?,
            _ => return Err(not_available(at, "this kind of expression")),
        };
        Ok(Expr { kind, span: at })
    }

    pub(super) fn binary(&mut self, b: &syn::ExprBinary) -> R<ExprKind> {
        use syn::BinOp as S;
        let (op, assign) = match b.op {
            S::Add(_) => (BinOp::Add, false),
            S::Sub(_) => (BinOp::Sub, false),
            S::Mul(_) => (BinOp::Mul, false),
            S::Div(_) => (BinOp::Div, false),
            S::Rem(_) => (BinOp::Rem, false),
            S::And(_) => (BinOp::And, false),
            S::Or(_) => (BinOp::Or, false),
            S::BitXor(_) => (BinOp::BitXor, false),
            S::BitAnd(_) => (BinOp::BitAnd, false),
            S::BitOr(_) => (BinOp::BitOr, false),
            S::Shl(_) => (BinOp::Shl, false),
            S::Shr(_) => (BinOp::Shr, false),
            S::Eq(_) => (BinOp::Eq, false),
            S::Lt(_) => (BinOp::Lt, false),
            S::Le(_) => (BinOp::Le, false),
            S::Ne(_) => (BinOp::Ne, false),
            S::Ge(_) => (BinOp::Ge, false),
            S::Gt(_) => (BinOp::Gt, false),
            S::AddAssign(_) => (BinOp::Add, true),
            S::SubAssign(_) => (BinOp::Sub, true),
            S::MulAssign(_) => (BinOp::Mul, true),
            S::DivAssign(_) => (BinOp::Div, true),
            S::RemAssign(_) => (BinOp::Rem, true),
            S::BitXorAssign(_) => (BinOp::BitXor, true),
            S::BitAndAssign(_) => (BinOp::BitAnd, true),
            S::BitOrAssign(_) => (BinOp::BitOr, true),
            S::ShlAssign(_) => (BinOp::Shl, true),
            S::ShrAssign(_) => (BinOp::Shr, true),
            _ => return Err(not_available(span(&b.op), "this operator")),
        };
        if assign {
            self.mark_mutated(&b.left);
        }
        let l = self.boxed(&b.left)?;
        let r = self.boxed(&b.right)?;
        Ok(if assign {
            ExprKind::AssignOp(op, l, r)
        } else {
            ExprKind::Binary(op, l, r)
        })
    }

    pub(super) fn segments(path: &syn::Path) -> Vec<String> {
        path.segments.iter().map(|s| s.ident.to_string()).collect()
    }

    pub(super) fn path_expr(&mut self, p: &syn::ExprPath, at: Span) -> R<ExprKind> {
        if p.qself.is_some() {
            return Err(not_available(at, "a qualified path"));
        }
        let segs = Self::segments(&p.path);
        if let [one] = segs.as_slice() {
            if let Some(name) = self.var(one) {
                return Ok(ExprKind::Var(name));
            }
            if one == "None" {
                return Ok(ExprKind::None);
            }
            // `Some`, `Ok` and `Err` as functions (`.map(Ok)`): a closure of one argument.
            let variant = match one.as_str() {
                "Some" => Some(Variant::Some),
                "Ok" => Some(Variant::Ok),
                "Err" => Some(Variant::Err),
                _ => None,
            };
            if let Some(v) = variant {
                let arg = Expr {
                    kind: ExprKind::Var("__arg".into()),
                    span: at,
                };
                return Ok(ExprKind::Closure(
                    Capturing {
                        body: Rc::new(Expr {
                            kind: ExprKind::Call(Callee::Variant(v), vec![arg]),
                            span: at,
                        }),
                        captures: Vec::new(),
                        is_move: false,
                    },
                    vec![Pat::Bind {
                        name: "__arg".into(),
                        span: at,
                    }],
                    false,
                ));
            }
        }
        if let Some(k) = self.own_path_expr(&segs, at)? {
            return Ok(k);
        }
        if let [one] = segs.as_slice() {
            return Err(Diagnostic::error(
                at,
                format!("cannot find value `{one}` in this scope"),
            ));
        }
        if let [.., ty, name] = segs.as_slice() {
            if let Some(lit) = int_const(ty, name) {
                return Ok(ExprKind::Const(lit));
            }
        }
        let full = self.expand(&segs);
        match full.as_deref().map(|f| (canonical(f), known(f))) {
            Some((c, Some(Known::Const))) if c.starts_with("tokio::") => Ok(ExprKind::Call(
                Callee::Builtin(Builtin::Tokio(crate::interp::tokio::TokioFn::Const)),
                vec![Expr {
                    kind: ExprKind::Lit(Lit::Str(c.as_str().into())),
                    span: at,
                }],
            )),
            Some((c, Some(Known::Const))) => Ok(ExprKind::Call(
                Callee::Builtin(Builtin::DurationZero),
                vec![Expr {
                    kind: ExprKind::Lit(Lit::Bool(c.ends_with("MAX"))),
                    span: at,
                }],
            )),
            Some((c, Some(Known::Fn(b)))) => {
                // A function used as a value: a closure of one argument, or of none for a
                // constructor (`or_insert_with(Vec::new)`).
                let nullary = c.ends_with("::new");
                let (params, args) = if nullary {
                    (Vec::new(), Vec::new())
                } else {
                    (
                        vec![Pat::Bind {
                            name: "__arg".into(),
                            span: at,
                        }],
                        vec![Expr {
                            kind: ExprKind::Var("__arg".into()),
                            span: at,
                        }],
                    )
                };
                Ok(ExprKind::Closure(
                    Capturing {
                        body: Rc::new(Expr {
                            kind: ExprKind::Call(Callee::Builtin(b), args),
                            span: at,
                        }),
                        captures: Vec::new(),
                        is_move: false,
                    },
                    params,
                    false,
                ))
            }
            _ => match prim::method_value(&segs, at) {
                Some(k) => Ok(k),
                None => Err(not_available(at, &format!("`{}`", segs.join("::")))),
            },
        }
    }

    pub(super) fn call(&mut self, c: &syn::ExprCall, _at: Span) -> R<ExprKind> {
        let path = match &*c.func {
            syn::Expr::Path(p) if p.qself.is_none() => &p.path,
            other => {
                // Calling the value of an expression: `(f)(x)`.
                let f = self.expr(other)?;
                if let ExprKind::Var(name) = f.kind {
                    return Ok(ExprKind::Call(Callee::Local(name), self.exprs(&c.args)?));
                }
                return Ok(ExprKind::Call(
                    Callee::Value(Rc::new(f)),
                    self.exprs(&c.args)?,
                ));
            }
        };
        let segs = Self::segments(path);
        if segs.len() > 1 || segs.first().is_some_and(|s| self.var_shadowed(s).is_none()) {
            if let Some(k) = self.own_call(&segs, c)? {
                return Ok(k);
            }
            if let Some(k) = self.prim_call(&segs, c)? {
                return Ok(k);
            }
        }
        let args = self.exprs(&c.args)?;
        if let [one] = segs.as_slice() {
            match one.as_str() {
                "Some" => return Ok(ExprKind::Call(Callee::Variant(Variant::Some), args)),
                "Ok" => return Ok(ExprKind::Call(Callee::Variant(Variant::Ok), args)),
                "Err" => return Ok(ExprKind::Call(Callee::Variant(Variant::Err), args)),
                _ => {}
            }
            if let Some(name) = self.var(one) {
                // Calling an `FnMut` closure needs `mut`: never claim it does not.
                self.mark_mutated(&c.func);
                return Ok(ExprKind::Call(Callee::Local(name), args));
            }
        }
        let full = self.expand(&segs);
        if let Some(Known::Fn(b)) = full.as_deref().and_then(known) {
            return Ok(ExprKind::Call(Callee::Builtin(b), args));
        }
        let written = segs.join("::");
        if let [one] = segs.as_slice() {
            // rustc's hint when a library function is used without its `use`.
            let hint = KNOWN.iter().find(|(p, k)| {
                matches!(k, Known::Fn(_))
                    && p.rsplit("::").next() == Some(one.as_str())
                    && p.contains("::")
            });
            let mut d = Diagnostic::error(
                span(&c.func),
                format!("cannot find function `{one}` in this scope"),
            );
            if let Some((p, _)) = hint {
                let p = if p.starts_with("std::time::Duration") {
                    "std::time::Duration"
                } else {
                    p
                };
                d = d.with(format!(
                    "help: consider importing this function: `use {p};`"
                ));
            }
            return Err(d);
        }
        Err(not_available(span(&c.func), &format!("`{written}`")))
    }
}
