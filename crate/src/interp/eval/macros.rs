//! The macros: `println!` and friends, `format!`, `panic!`, `assert!`, `join!`, `try_join!`, `select!`.

use super::*;

impl Interp {
    #[allow(unused_variables)]
    pub(super) async fn e_print(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Print(to, f) => {
                let text = boxed(self.format(f, env)).await?;
                match to {
                    PrintTo::StdoutLine => self.print(&format!("{text}\n"), false),
                    PrintTo::Stdout => self.print(&text, false),
                    PrintTo::StderrLine => self.print(&format!("{text}\n"), true),
                    PrintTo::Stderr => self.print(&text, true),
                }
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_format_str(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::FormatStr(f) => {
                let s = boxed(self.format(f, env)).await?;
                Ok(Value::str(s))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_panic(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Panic(f, prefix) => {
                let msg = match f {
                    Some(f) => boxed(self.format(f, env)).await?,
                    None if prefix.is_empty() => "explicit panic".to_string(),
                    None => String::new(),
                };
                let msg = match (prefix.is_empty(), msg.is_empty()) {
                    (true, _) => msg,
                    (false, true) => prefix.to_string(),
                    (false, false) => format!("{prefix}: {msg}"),
                };
                Err(self.panic(at, msg))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_assert(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Assert(c, f) => {
                let v = self.eval(c, env).await?;
                if truthy(&v) {
                    return Ok(Value::Unit);
                }
                let msg = match f {
                    Some(f) => boxed(self.format(f, env)).await?,
                    None => "assertion failed: condition".to_string(),
                };
                Err(self.panic(at, msg))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_assert_eq(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::AssertEq(a, b, f, eq) => {
                let l = self.eval_ref(a, env).await?;
                let r = self.eval_ref(b, env).await?;
                if l.equals(&r) == *eq {
                    return Ok(Value::Unit);
                }
                let (mut ls, mut rs) = (String::new(), String::new());
                fmt::debug(&mut ls, &l, None);
                fmt::debug(&mut rs, &r, None);
                let op = if *eq { "==" } else { "!=" };
                let mut msg = format!("assertion `left {op} right` failed");
                if let Some(f) = f {
                    msg.push_str(": ");
                    msg.push_str(&boxed(self.format(f, env)).await?);
                }
                Err(self.panic(at, format!("{msg}\n  left: {ls}\n right: {rs}")))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_join(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Join(branches, futures_crate) => {
                let mut futs = Vec::with_capacity(branches.len());
                for b in branches {
                    let v = self.eval(b, env).await?;
                    futs.push(self.to_future(v, b.span)?);
                }
                // `futures::join!` polls every branch from the first each time; `tokio::join!`
                // rotates its start (see `rt::join`).
                let out = boxed(rt::try_join(futs, *futures_crate)).await?;
                Ok(Value::Tuple(Rc::new(out)))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_try_join(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::TryJoin(branches, biased) => {
                let mut futs: Vec<ValFut> = Vec::with_capacity(branches.len());
                for b in branches {
                    let v = self.eval(b, env).await?;
                    let f = self.to_future(v, b.span)?;
                    // An `Err` output ends `try_join!` early: carried as a labelled break.
                    futs.push(Box::pin(async move {
                        match f.await? {
                            Value::Res(Ok(v)) => Ok(*v),
                            Value::Res(Err(e)) => Err(Flow::Break(Some(TRY_JOIN.into()), *e)),
                            other => Ok(other),
                        }
                    }));
                }
                match boxed(rt::try_join(futs, *biased)).await {
                    Ok(out) => Ok(Value::ok(Value::Tuple(Rc::new(out)))),
                    Err(Flow::Break(Some(l), e)) if l.as_ref() == TRY_JOIN => Ok(Value::err(e)),
                    Err(f) => Err(f),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_const_ref(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::ConstRef(name) => {
                let Some((ty, e)) = self.0.program.consts.get(name).cloned() else {
                    return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
                };
                let cached = self
                    .0
                    .statics
                    .borrow()
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone());
                if let Some(v) = cached {
                    return Ok(v);
                }
                let mut empty = Env::default();
                let v = coerce(self.eval(&e, &mut empty).await?, &ty);
                // A lock or cell in a `static` is one object: later uses share it.
                if matches!(v, Value::Tokio(_) | Value::Cell(_)) {
                    self.0.statics.borrow_mut().push((name.clone(), v.clone()));
                }
                Ok(v)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_select(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Select(biased, arms, otherwise) => {
                boxed(self.select(*biased, arms, otherwise.as_deref(), at, env)).await
            }
            _ => Ok(Value::Unit),
        }
    }

    /// A condition: `bool`, or `let pat = expr` (binding into `env` when it matches).
    pub(super) async fn cond(&self, c: &Expr, env: &mut Env) -> R<bool> {
        if let ExprKind::Let(pat, value) = &c.kind {
            // Like `match`: the value is read in place, not moved.
            let v = self.eval_ref(value, env).await?;
            if matches(pat, &v) {
                self.bind(pat, v, env);
                return Ok(true);
            }
            return Ok(false);
        }
        if let ExprKind::Binary(BinOp::And, a, b) = &c.kind {
            // `if let Some(x) = a && x > 1` chains.
            if matches!(a.kind, ExprKind::Let(..)) || matches!(b.kind, ExprKind::Let(..)) {
                return Ok(Box::pin(self.cond(a, env)).await? && Box::pin(self.cond(b, env)).await?);
            }
        }
        let v = mem::deref(self.eval(c, env).await?);
        Ok(truthy(&v))
    }

    pub(super) async fn format(&self, f: &Format, env: &mut Env) -> R<String> {
        let mut args = Vec::with_capacity(f.args.len());
        for a in &f.args {
            // Format arguments are taken by reference: a place is referred to, not copied (so an
            // `Rc` printed beside its `strong_count` is not counted twice).
            match self.place_now(a, env) {
                Some(p) => args.push(Value::reference(p)),
                None => args.push(self.eval_ref(a, env).await?),
            }
        }
        let s = fmt::render(&f.pieces, &args).map_err(|m| {
            // A panic inside your `Display` impl has been reported already.
            crate::interp::types::fmt::take_pending().unwrap_or_else(|| {
                self.panic(f.args.first().map(|a| a.span).unwrap_or_default(), m)
            })
        })?;
        if let Some(flow) = crate::interp::types::fmt::take_pending() {
            return Err(flow);
        }
        self.check_len(s.len(), "String")?;
        Ok(s)
    }
}
