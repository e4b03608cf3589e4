//! Blocks, statements, bindings and their scopes, patterns and literals.

use super::*;

impl Lowerer<'_> {
    pub(super) fn block(&mut self, b: &syn::Block) -> R<Block> {
        let base = self.locals.len();
        let result = self.block_inner(b);
        self.end_scope(base);
        result
    }

    pub(super) fn block_inner(&mut self, b: &syn::Block) -> R<Block> {
        let mut out = Block::default();
        let n = b.stmts.len();
        for (i, stmt) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match stmt {
                syn::Stmt::Local(local) => {
                    let (pat, ty) = match &local.pat {
                        syn::Pat::Type(pt) => (&*pt.pat, Some(self.ty(&pt.ty)?)),
                        p => (p, None),
                    };
                    let key = match &local.pat {
                        syn::Pat::Type(pt) => self.declared_key(&pt.ty).or_else(|| match &*pt.ty {
                            // `let n: u32 = Default::default();`
                            syn::Type::Path(p) => {
                                p.path.segments.last().map(|s| s.ident.to_string())
                            }
                            _ => None,
                        }),
                        _ => None,
                    };
                    let (init, otherwise) = match &local.init {
                        Some(init) => {
                            let mut e = match &key {
                                Some(k) => self.expr_for(&init.expr, k)?,
                                None => self.expr(&init.expr)?,
                            };
                            if let syn::Pat::Type(pt) = &local.pat {
                                target::apply(&mut e, &pt.ty);
                            }
                            let o = match &init.diverge {
                                Some((_, d)) => Some(self.else_block(d)?),
                                None => None,
                            };
                            (Some(e), o)
                        }
                        None => (None, None),
                    };
                    // The pattern's names come into scope after the initializer.
                    let pat = self.pat(pat)?;
                    out.stmts.push(Stmt::Let {
                        pat,
                        ty,
                        init,
                        otherwise,
                    });
                }
                // Items inside a function were lowered with the module's (see `types::flatten`);
                // a `use` there applies from here on.
                syn::Stmt::Item(syn::Item::Use(u)) => {
                    self.use_tree(&u.tree, String::new(), None)?
                }
                syn::Stmt::Item(
                    syn::Item::Fn(_)
                    | syn::Item::Struct(_)
                    | syn::Item::Enum(_)
                    | syn::Item::Impl(_)
                    | syn::Item::Trait(_)
                    | syn::Item::Const(_)
                    | syn::Item::Static(_)
                    | syn::Item::Type(_),
                ) => {}
                syn::Stmt::Item(item) => {
                    return Err(not_available(
                        item_span(item),
                        &format!("{} inside a function", item_kind(item)),
                    ))
                }
                syn::Stmt::Expr(e, semi) => {
                    let e = match semi.as_ref().and_then(|_| self.thread_spawn_stmt(e)) {
                        Some(call) => call?,
                        None => self.expr(e)?,
                    };
                    if last && semi.is_none() {
                        out.tail = Some(Box::new(e));
                    } else {
                        out.stmts.push(Stmt::Expr(e));
                    }
                }
                syn::Stmt::Macro(m) if crate::interp::tokio::pin_lets(&m.mac).is_some() => {
                    let stmts = crate::interp::tokio::pin_lets(&m.mac).unwrap_or_default();
                    let brace_token = Default::default();
                    let inner = self.block_inner(&syn::Block { brace_token, stmts })?;
                    out.stmts.extend(inner.stmts);
                    out.tail = inner.tail;
                }
                syn::Stmt::Macro(m) => {
                    let e = self.mac(&m.mac)?;
                    if last && m.semi_token.is_none() {
                        out.tail = Some(Box::new(e));
                    } else {
                        out.stmts.push(Stmt::Expr(e));
                    }
                }
            }
        }
        Ok(out)
    }

    /// `std::thread::spawn(f);` as a statement in a hand-written `poll`: a virtual thread
    /// (eval/thread.rs), as in Tokio's tutorial. Its `JoinHandle` is not in the subset, so a
    /// `thread::spawn` whose value is used stays refused.
    fn thread_spawn_stmt(&mut self, e: &syn::Expr) -> Option<R<Expr>> {
        let syn::Expr::Call(c) = e else { return None };
        let syn::Expr::Path(p) = &*c.func else {
            return None;
        };
        let segs = Self::segments(&p.path);
        if self.own(&segs, |i, p| i.fns.contains(p)).is_some() {
            return None;
        }
        let full = self.expand(&segs).map(|f| canonical(&f))?;
        if full != "std::thread::spawn" || c.args.len() != 1 {
            return None;
        }
        if !self.in_poll {
            // Elsewhere the spawner may block (`thread::sleep`, `join`) while the thread runs,
            // which one event loop cannot show faithfully.
            return Some(Err(not_available(
                span(e),
                "`std::thread::spawn` outside a hand-written `Future::poll`",
            )));
        }
        Some(self.exprs(&c.args).map(|args| Expr {
            kind: ExprKind::Call(
                Callee::Builtin(Builtin::Tokio(crate::interp::tokio::TokioFn::ThreadSpawn)),
                args,
            ),
            span: span(e),
        }))
    }

    pub(super) fn else_block(&mut self, e: &syn::Expr) -> R<Block> {
        match e {
            syn::Expr::Block(b) => self.block(&b.block),
            other => Ok(Block {
                stmts: Vec::new(),
                tail: Some(self.boxed(other)?),
            }),
        }
    }

    pub(super) fn bind(&mut self, name: Name, at: Span, mut_span: Option<Span>) {
        self.locals.push(Local {
            name,
            span: at,
            used: false,
            mut_span,
            mutated: false,
        });
    }

    /// Notes that the variable at the root of place `e` is mutated (for `unused_mut`). Method
    /// receivers count too: without types we cannot tell `&self` from `&mut self` methods, and a
    /// missed warning is better than a wrong one.
    pub(super) fn mark_mutated(&mut self, e: &syn::Expr) {
        match e {
            syn::Expr::Path(p) => {
                if let Some(id) = p.path.get_ident() {
                    let name = id.to_string();
                    if let Some(l) = self
                        .locals
                        .iter_mut()
                        .rev()
                        .find(|l| l.name.as_ref() == name)
                    {
                        l.mutated = true;
                    }
                }
            }
            syn::Expr::Field(f) => self.mark_mutated(&f.base),
            syn::Expr::Index(i) => self.mark_mutated(&i.expr),
            syn::Expr::Paren(p) => self.mark_mutated(&p.expr),
            syn::Expr::Reference(r) => self.mark_mutated(&r.expr),
            syn::Expr::Unary(u) => self.mark_mutated(&u.expr),
            syn::Expr::MethodCall(m) => self.mark_mutated(&m.receiver),
            _ => {}
        }
    }

    /// Leaves a scope: its variables go out of scope, and rustc's `unused_variables` lint runs.
    pub(super) fn end_scope(&mut self, base: usize) {
        while self.locals.len() > base {
            let Some(local) = self.locals.pop() else {
                break;
            };
            let name = &local.name;
            if !local.used && !name.starts_with('_') {
                self.warnings.push(
                    Diagnostic::warning(local.span, format!("unused variable: `{name}`")).with(
                        format!(
                            "help: if this is intentional, prefix it with an underscore: `_{name}`"
                        ),
                    ),
                );
            } else if let (Some(at), false) = (local.mut_span, local.mutated) {
                self.warnings.push(
                    Diagnostic::warning(at, "variable does not need to be mutable")
                        .with("help: remove this `mut`"),
                );
            }
        }
    }

    pub(super) fn pat(&mut self, p: &syn::Pat) -> R<Pat> {
        if let Some(p) = self.adt_pat(p)? {
            return Ok(p);
        }
        if let Some(p) = self.tokio_error_pat(p)? {
            return Ok(p);
        }
        Ok(match p {
            syn::Pat::Wild(_) => Pat::Wild,
            syn::Pat::Slice(s) => self.slice_pat(s)?,
            syn::Pat::Ident(pi) => {
                if let (Some(_), Some(m)) = (&pi.by_ref, &pi.mutability) {
                    // Binding a copy would lose what the arm writes through it.
                    return Err(not_available(span(m), "`ref mut` in a pattern"));
                }
                let name: Name = pi.ident.to_string().into();
                if name.as_ref() == "None" {
                    return Ok(Pat::None);
                }
                if let Some((_, sub)) = &pi.subpat {
                    let inner = self.pat(sub)?;
                    let mut_span = pi.mutability.as_ref().map(|_| span(pi));
                    self.bind(name.clone(), span(&pi.ident), mut_span);
                    return Ok(Pat::At(name, span(&pi.ident), Box::new(inner)));
                }
                let mut_span = pi.mutability.as_ref().map(|_| span(pi));
                self.bind(name.clone(), span(&pi.ident), mut_span);
                Pat::Bind {
                    name,
                    span: span(&pi.ident),
                }
            }
            syn::Pat::Tuple(t) => {
                Pat::Tuple(t.elems.iter().map(|e| self.pat(e)).collect::<R<Vec<_>>>()?)
            }
            syn::Pat::Paren(pp) => self.pat(&pp.pat)?,
            syn::Pat::Reference(r) => self.pat(&r.pat)?,
            syn::Pat::Type(pt) => {
                // Only to note the imports the type names (`|d: Duration|`).
                let _ = self.ty(&pt.ty);
                self.pat(&pt.pat)?
            }
            syn::Pat::Rest(_) => Pat::Rest,
            syn::Pat::Lit(l) => Pat::Lit(self.lit(&l.lit, false)?),
            syn::Pat::Range(r) => {
                // An open end (`90..`, `..=9`) is as far as any integer goes.
                let end = |e: &Option<Box<syn::Expr>>, me: &mut Self, open: i128| -> R<Lit> {
                    match e.as_deref() {
                        Some(e) => me.pat_lit(e),
                        None => Ok(Lit::Int(open, IntTy::Infer)),
                    }
                };
                let lo = end(&r.start, self, i128::MIN)?;
                let hi = end(&r.end, self, i128::MAX)?;
                Pat::Range(lo, hi, matches!(r.limits, syn::RangeLimits::Closed(_)))
            }
            syn::Pat::Or(o) => Pat::Or(o.cases.iter().map(|c| self.pat(c)).collect::<R<Vec<_>>>()?),
            syn::Pat::Path(pp) if pp.path.is_ident("None") => Pat::None,
            syn::Pat::TupleStruct(ts) => {
                let name = ts
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                let variant = match name.as_str() {
                    "Some" => Variant::Some,
                    "Ok" => Variant::Ok,
                    "Err" => Variant::Err,
                    _ => {
                        return Err(not_available(
                            span(&ts.path),
                            &format!("the pattern `{name}(..)`"),
                        ))
                    }
                };
                if ts.elems.len() != 1 {
                    return Err(Diagnostic::error(
                        span(ts),
                        format!(
                            "this pattern has {} fields, but `{name}` has 1 field",
                            ts.elems.len()
                        ),
                    ));
                }
                let inner = match ts.elems.first() {
                    Some(e) => self.pat(e)?,
                    None => Pat::Wild,
                };
                Pat::Variant(variant, Box::new(inner))
            }
            syn::Pat::Const(_) | syn::Pat::Macro(_) | syn::Pat::Struct(_) => {
                return Err(not_available(span(p), "this kind of pattern"))
            }
            _ => return Err(not_available(span(p), "this kind of pattern")),
        })
    }

    /// `TryRecvError::Empty`, `RecvError::Lagged(n)`: a variant of Tokio's error enums
    /// (`tokio/errors.rs`).
    fn tokio_error_pat(&mut self, p: &syn::Pat) -> R<Option<Pat>> {
        use crate::interp::tokio::errors;
        let (path, elems) = match p {
            syn::Pat::Path(pp) => (&pp.path, None),
            syn::Pat::TupleStruct(ts) => (&ts.path, Some(&ts.elems)),
            _ => return Ok(None),
        };
        let segs = Self::segments(path);
        if segs.len() < 2 {
            return Ok(None);
        }
        let Some(full) = self.expand(&segs).map(|f| super::paths::canonical(&f)) else {
            return Ok(None);
        };
        let name: Name = segs.last().map(String::as_str).unwrap_or("").into();
        match elems {
            None if errors::unit(&full).is_some() => Ok(Some(Pat::TokioError(name, None))),
            Some(elems) if errors::with_payload(&full) => {
                let inner = match elems.iter().collect::<Vec<_>>().as_slice() {
                    [] => None,
                    [one] => {
                        let inner = self.pat(one)?;
                        let bindable = name.as_ref() == "Lagged";
                        if !bindable && !matches!(inner, Pat::Wild | Pat::Rest) {
                            return Err(not_available(
                                span(one),
                                &format!("binding the value inside `{name}(..)`"),
                            ));
                        }
                        Some(Box::new(inner))
                    }
                    _ => return Ok(None),
                };
                Ok(Some(Pat::TokioError(name, inner)))
            }
            _ => Ok(None),
        }
    }

    pub(super) fn pat_lit(&mut self, e: &syn::Expr) -> R<Lit> {
        match e {
            syn::Expr::Lit(l) => self.lit(&l.lit, false),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
                syn::Expr::Lit(l) => self.lit(&l.lit, true),
                other => Err(not_available(span(other), "this pattern")),
            },
            // `i32::MIN..=-1`, `u8::MAX`: a primitive type's constant.
            syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 2 => {
                let seg = |i: usize| p.path.segments[i].ident.to_string();
                int_const(&seg(0), &seg(1)).ok_or_else(|| not_available(span(p), "this pattern"))
            }
            other => Err(not_available(span(other), "this pattern")),
        }
    }

    pub(super) fn lit(&self, l: &syn::Lit, negative: bool) -> R<Lit> {
        let sign: i32 = if negative { -1 } else { 1 };
        Ok(match l {
            syn::Lit::Int(i) => {
                let ty = match i.suffix() {
                    "" => IntTy::Infer,
                    s => IntTy::from_name(s).ok_or_else(|| {
                        Diagnostic::error(
                            span(l),
                            format!("invalid suffix `{s}` for number literal"),
                        )
                    })?,
                };
                if matches!(i.suffix(), "f64" | "f32") {
                    return Ok(Lit::Float(
                        i.base10_parse::<f64>().unwrap_or(0.0) * f64::from(sign),
                    ));
                }
                // A pattern's `-1` arrives as one literal with its sign.
                let v: i128 = i
                    .base10_parse::<u128>()
                    .ok()
                    .and_then(|v| i128::try_from(v).ok())
                    .or_else(|| i.base10_parse::<i128>().ok())
                    .ok_or_else(|| Diagnostic::error(span(l), "integer literal is too large"))?;
                let v = v * i128::from(sign);
                let (min, max) = ty.range();
                if ty != IntTy::Infer && (v < min || v > max) {
                    return Err(Diagnostic::error(
                        span(l),
                        format!("literal out of range for `{}`", i.suffix()),
                    ));
                }
                Lit::Int(v, ty)
            }
            syn::Lit::Float(f) => {
                Lit::Float(f.base10_parse::<f64>().unwrap_or(0.0) * f64::from(sign))
            }
            syn::Lit::Str(s) => Lit::Str(s.value().into()),
            syn::Lit::Char(c) => Lit::Char(c.value()),
            syn::Lit::Bool(b) => Lit::Bool(b.value),
            syn::Lit::Byte(b) => Lit::Int(i128::from(b.value()), IntTy::U8),
            other => return Err(not_available(span(other), "this kind of literal")),
        })
    }

    pub(super) fn label(l: &Option<syn::Label>) -> Option<Name> {
        l.as_ref().map(|l| l.name.ident.to_string().into())
    }

    pub(super) fn boxed(&mut self, e: &syn::Expr) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    pub(super) fn exprs<'a>(
        &mut self,
        es: impl IntoIterator<Item = &'a syn::Expr>,
    ) -> R<Vec<Expr>> {
        es.into_iter().map(|e| self.expr(e)).collect()
    }

    /// Is `name` a local variable in scope (without using it)?
    pub(super) fn var_shadowed(&self, name: &str) -> Option<usize> {
        self.locals.iter().rposition(|l| l.name.as_ref() == name)
    }

    /// Resolves a variable reference, noting captures for open async blocks and closures.
    pub(super) fn var(&mut self, name: &str) -> Option<Name> {
        let i = self.locals.iter().rposition(|l| l.name.as_ref() == name)?;
        let captured = self.captures.iter().any(|(base, _)| i < *base);
        let local = self.locals.get_mut(i)?;
        local.used = true;
        // A closure or async block may mutate what it captures; don't claim `mut` is unneeded.
        local.mutated |= captured;
        let found = local.name.clone();
        for (base, caps) in self.captures.iter_mut() {
            if i < *base && !caps.contains(&found) {
                caps.push(found.clone());
            }
        }
        Some(found)
    }
}
