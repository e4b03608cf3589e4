//! The evaluator's synchronous path (issue 16 §6, speed): code that cannot await anything runs as
//! plain recursive calls, without the boxed future that the async path costs per expression.
//!
//! "Cannot await" is decided on the program, once: an expression is sync when [`Interp::is_simple`]
//! holds, which now also covers `if`, `match`, loops over ranges, blocks, assignments, and calls of
//! the plain `fn`s whose bodies are sync (recursion included). Each function here mirrors its
//! async twin in `expr.rs`/`compound.rs` step for step (the same ticks, scopes and drops), so a
//! program behaves the same on either path. A program with an `impl Drop` keeps the async path:
//! its drops run at statement boundaries through `run_drops`, which may call interpreted code.

use super::*;
use crate::interp::fx::FxMap;

/// What the sync path knows of the program.
#[derive(Default)]
pub(super) struct Facts {
    /// False when the program has an `impl Drop` (see the module's note).
    on: Cell<bool>,
    /// The functions whose call needs no await: every `async fn` (calling one only makes its
    /// future) and the plain `fn`s whose bodies are sync.
    fns: RefCell<FxMap<Name, Rc<FnDef>>>,
    /// Blocks already judged, by address: the AST is not moved or freed while the run lives.
    blocks: RefCell<FxMap<usize, bool>>,
}

impl Interp {
    /// Judges the program's plain `fn`s: all are assumed sync, then those whose bodies are not
    /// are struck out until nothing changes (so `fib` calling `fib` stays sync).
    pub(super) fn judge_fns(&self) {
        let s = &self.0.sync;
        let on = !self
            .0
            .program
            .types
            .impls
            .iter()
            .any(|i| &*i.trait_ == "Drop");
        s.on.set(on);
        *s.fns.borrow_mut() = (self.0.program.fns.iter())
            .filter(|(_, f)| f.is_async || on)
            .map(|(n, f)| (n.clone(), f.clone()))
            .collect();
        let mut changed = on;
        while changed {
            changed = false;
            s.blocks.borrow_mut().clear();
            let plain: Vec<(Name, Rc<FnDef>)> = (s.fns.borrow().iter())
                .filter(|(_, f)| !f.is_async)
                .map(|(n, f)| (n.clone(), f.clone()))
                .collect();
            for (n, f) in plain {
                if !self.block_ok(&f.body) {
                    s.fns.borrow_mut().remove(&n);
                    changed = true;
                }
            }
        }
    }

    /// The function `name` if calling it needs no await.
    pub(super) fn sync_fn(&self, name: &str) -> Option<Rc<FnDef>> {
        self.0.sync.fns.borrow().get(name).cloned()
    }

    /// Whether calling the function `name` needs no await ([`Interp::sync_fn`] without the copy).
    pub(super) fn is_sync_fn(&self, name: &str) -> bool {
        self.0.sync.fns.borrow().contains_key(name)
    }

    /// [`Interp::is_simple`] for the kinds with statements or control flow in them.
    pub(super) fn sync_ok(&self, e: &Expr) -> bool {
        let s = |x: &Expr| self.is_simple(x);
        let opt = |x: &Option<Box<Expr>>| x.as_deref().is_none_or(s);
        self.0.sync.on.get()
            && match &e.kind {
                ExprKind::If(c, then, o) => s(c) && self.block_ok(then) && opt(o),
                ExprKind::Let(_, v) | ExprKind::Cast(v, _) => s(v),
                ExprKind::While(_, c, b) => s(c) && self.block_ok(b),
                ExprKind::Loop(_, b) | ExprKind::Block(b) => self.block_ok(b),
                ExprKind::For(_, _, it, b) => {
                    matches!(it.kind, ExprKind::Range(..)) && s(it) && self.block_ok(b)
                }
                ExprKind::Match(x, arms) => {
                    s(x) && (arms.iter()).all(|a| a.guard.as_ref().is_none_or(s) && s(&a.body))
                }
                ExprKind::Assign(p, v) | ExprKind::AssignOp(_, p, v) => s(v) && self.place_ok(p),
                ExprKind::Return(v) | ExprKind::Break(_, v) => opt(v),
                ExprKind::Continue(_) => true,
                ExprKind::Range(a, b, _) => opt(a) && opt(b),
                ExprKind::Tuple(xs) => xs.iter().all(s),
                _ => false,
            }
    }

    /// Whether every statement of `b` is sync (cached by address).
    pub(super) fn block_ok(&self, b: &Block) -> bool {
        if !self.0.sync.on.get() {
            return false;
        }
        let key = b as *const Block as usize;
        if let Some(&ok) = self.0.sync.blocks.borrow().get(&key) {
            return ok;
        }
        let ok = b.stmts.iter().all(|st| match st {
            Stmt::Let {
                init, otherwise, ..
            } => {
                init.as_ref().is_none_or(|e| self.is_simple(e))
                    && otherwise.as_ref().is_none_or(|o| self.block_ok(o))
            }
            Stmt::Expr(e) => self.is_simple(e),
        }) && b.tail.as_deref().is_none_or(|e| self.is_simple(e));
        self.0.sync.blocks.borrow_mut().insert(key, ok);
        ok
    }

    /// Whether [`Interp::place_sync`] can find the place `e` names without awaiting.
    fn place_ok(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::NamedField(b, _) | ExprKind::Ref(b) | ExprKind::Field(b, _) => {
                self.place_ok(b)
            }
            ExprKind::Index(b, i) => self.is_simple(i) && self.place_ok(b),
            ExprKind::Unary(UnOp::Deref, b) => self.place_ok(b) && self.is_simple(b),
            ExprKind::Var(_) => true,
            // A temporary (`cell.borrow_mut().val = 1`): its place is a new one holding its value.
            _ => self.is_simple(e),
        }
    }

    /// [`Interp::place_sync`], or a new place holding `b`'s value (a part of a temporary is a
    /// place too, as in the async path's `place_or_temp`).
    fn place_or_temp_sync(&self, b: &Expr, env: &mut Env) -> R<Place> {
        Ok(match self.place_sync(b, env)? {
            Some(p) => p,
            None => Place::root(mem::alloc(self.simple(b, env, true)?)),
        })
    }

    /// [`Interp::eval_block`], sync.
    pub(super) fn block_sync(&self, b: &Block, env: &mut Env) -> R {
        let mark = env.mark();
        let r = self.stmts_sync(b, env);
        env.pop_to(mark);
        r
    }

    /// [`Interp::block_inner`], sync.
    fn stmts_sync(&self, b: &Block, env: &mut Env) -> R {
        for st in &b.stmts {
            self.tick()?;
            match st {
                Stmt::Let {
                    pat,
                    ty,
                    init,
                    otherwise,
                } => {
                    let Some(init) = init else {
                        self.bind(pat, Value::Moved, env);
                        continue;
                    };
                    let mut v = self.simple(init, env, true)?;
                    if let Some(ty) = ty {
                        v = coerce(v, ty);
                    }
                    if !matches(pat, &v) {
                        return Err(match otherwise {
                            Some(o) => {
                                self.block_sync(o, env)?;
                                self.panic(init.span, "`let ... else` fell through")
                            }
                            None => {
                                self.panic(init.span, "refutable pattern in `let` did not match")
                            }
                        });
                    }
                    self.bind(pat, v, env);
                }
                Stmt::Expr(e) => drop(self.simple(e, env, true)?),
            }
        }
        match &b.tail {
            Some(t) => self.simple(t, env, true),
            None => Ok(Value::Unit),
        }
    }

    /// [`Interp::call_fn`] of a plain `fn` whose body is sync.
    #[inline(never)]
    pub(super) fn call_plain(&self, f: &FnDef, args: Vec<Value>, at: Span) -> R {
        let mut env = self.bind_params(f, args, at)?;
        let depth = self.0.depth.get();
        if depth >= self.0.limits.max_call_depth {
            return Err(self.halt(self.0.limits.call_too_deep()));
        }
        self.0.depth.set(depth + 1);
        let r = self.block_sync(&f.body, &mut env);
        self.0.depth.set(depth);
        drop(env);
        match r {
            Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &f.ret)),
            Err(f) => Err(f),
        }
    }

    /// [`Interp::cond`], sync.
    fn cond_sync(&self, c: &Expr, env: &mut Env) -> R<bool> {
        if let ExprKind::Let(pat, value) = &c.kind {
            let v = self.simple(value, env, false)?;
            if matches(pat, &v) {
                self.bind(pat, v, env);
                return Ok(true);
            }
            return Ok(false);
        }
        if let ExprKind::Binary(BinOp::And, a, b) = &c.kind {
            if matches!(a.kind, ExprKind::Let(..)) || matches!(b.kind, ExprKind::Let(..)) {
                return Ok(self.cond_sync(a, env)? && self.cond_sync(b, env)?);
            }
        }
        Ok(truthy(&mem::deref(self.simple(c, env, true)?)))
    }

    /// [`Interp::place`], sync.
    fn place_sync(&self, e: &Expr, env: &mut Env) -> R<Option<Place>> {
        match &e.kind {
            ExprKind::NamedField(b, name) => {
                let p = self.place_or_temp_sync(b, env)?;
                let i = self.field_index(&p, name, e.span)?;
                Ok(Some(p.project(Step::Field(i))))
            }
            ExprKind::Index(b, idx) => {
                let i = mem::deref(self.simple(idx, env, true)?);
                if let Value::Range(..) = i {
                    return Ok(None);
                }
                let i = self.as_usize(&i, idx.span)?;
                Ok(Some(
                    self.place_or_temp_sync(b, env)?.project(Step::Index(i)),
                ))
            }
            ExprKind::Ref(b) => self.place_sync(b, env),
            ExprKind::Unary(UnOp::Deref, b) => {
                Ok(Some(self.place_or_temp_sync(b, env)?.project(Step::Deref)))
            }
            ExprKind::Field(b, i) => Ok(Some(
                self.place_or_temp_sync(b, env)?.project(Step::Field(*i)),
            )),
            _ => Ok(self.place_now(e, env)),
        }
    }

    /// The kinds of [`Interp::sync_ok`], for [`Interp::simple`] (which has ticked already). Each
    /// kind with locals of its own is a call of its own, so that a recursion through one of them
    /// keeps a small stack frame per level (the wasm stack is 1 MB).
    pub(super) fn simple_more(&self, e: &Expr, env: &mut Env) -> R {
        match &e.kind {
            ExprKind::If(..) | ExprKind::Let(..) => self.if_sync(e, env),
            ExprKind::While(..) | ExprKind::Loop(..) | ExprKind::For(..) => self.loop_sync(e, env),
            ExprKind::Match(scrut, arms) => self.match_sync(scrut, arms, e.span, env),
            ExprKind::Block(b) => self.block_sync(b, env),
            _ => self.other_sync(e, env),
        }
    }

    #[inline(never)]
    fn if_sync(&self, e: &Expr, env: &mut Env) -> R {
        let opt = |x: &Option<Box<Expr>>, env: &mut Env| match x {
            Some(x) => self.simple(x, env, true),
            None => Ok(Value::Unit),
        };
        let mark = env.mark();
        let r = match &e.kind {
            ExprKind::If(c, then, o) => match self.cond_sync(c, env) {
                Ok(true) => self.block_sync(then, env),
                Ok(false) => {
                    env.pop_to(mark);
                    opt(o, env)
                }
                Err(f) => Err(f),
            },
            _ => self.cond_sync(e, env).map(Value::Bool),
        };
        env.pop_to(mark);
        r
    }

    #[inline(never)]
    fn loop_sync(&self, e: &Expr, env: &mut Env) -> R {
        match &e.kind {
            ExprKind::While(label, c, body) => loop {
                let mark = env.mark();
                let r = match self.cond_sync(c, env) {
                    Ok(true) => self.block_sync(body, env),
                    done => {
                        env.pop_to(mark);
                        return done.map(|_| Value::Unit);
                    }
                };
                env.pop_to(mark);
                if loop_pass(r, label)?.is_some() {
                    return Ok(Value::Unit);
                }
            },
            ExprKind::Loop(label, body) => loop {
                if let Some(v) = loop_pass(self.block_sync(body, env), label)? {
                    return Ok(v);
                }
            },
            ExprKind::For(label, pat, iter, body) => {
                let Value::Range(mut lo, hi, t) = self.simple(iter, env, true)? else {
                    return Err(self.panic(iter.span, "not a range"));
                };
                loop {
                    // `lazy::step` over a range: one tick per item, and one for the end.
                    let more = lo < hi;
                    self.tick()?;
                    if !more {
                        return Ok(Value::Unit);
                    }
                    let mark = env.mark();
                    self.bind(pat, Value::Int(lo, t), env);
                    lo += 1;
                    let r = self.block_sync(body, env);
                    env.pop_to(mark);
                    if loop_pass(r, label)?.is_some() {
                        return Ok(Value::Unit);
                    }
                }
            }
            _ => Err(self.panic(e.span, "not a simple expression")),
        }
    }

    #[inline(never)]
    fn match_sync(&self, scrut: &Expr, arms: &[Arm], at: Span, env: &mut Env) -> R {
        let v = self.simple(scrut, env, false)?;
        for arm in arms {
            if !matches(&arm.pat, &v) {
                continue;
            }
            let mark = env.mark();
            self.bind(&arm.pat, v.clone(), env);
            if let Some(g) = &arm.guard {
                match self.simple(g, env, true) {
                    Ok(g) if truthy(&g) => {}
                    other => {
                        env.pop_to(mark);
                        other?;
                        continue;
                    }
                }
            }
            drop(v);
            let r = self.simple(&arm.body, env, true);
            env.pop_to(mark);
            return r;
        }
        Err(self.panic(
            at,
            "no match arm matched (rustc would require the match to be exhaustive)",
        ))
    }

    #[inline(never)]
    fn other_sync(&self, e: &Expr, env: &mut Env) -> R {
        let at = e.span;
        let opt = |x: &Option<Box<Expr>>, env: &mut Env| match x {
            Some(x) => self.simple(x, env, true),
            None => Ok(Value::Unit),
        };
        match &e.kind {
            ExprKind::Assign(place, value) => {
                let v = self.simple(value, env, true)?;
                let p = self.place_sync(place, env)?;
                let old = self.with_place(&p, place.span, |slot| Ok(std::mem::replace(slot, v)))?;
                drop(old);
                Ok(Value::Unit)
            }
            ExprKind::AssignOp(op, place, value) => {
                let v = mem::deref(self.simple(value, env, true)?);
                let p = self.place_sync(place, env)?;
                self.assign_op(*op, &p, v, place.span, at)
            }
            ExprKind::Return(v) => Err(Flow::Return(opt(v, env)?)),
            ExprKind::Break(label, v) => Err(Flow::Break(label.clone(), opt(v, env)?)),
            ExprKind::Continue(label) => Err(Flow::Continue(label.clone())),
            ExprKind::Range(a, b, inclusive) => {
                let a = match a {
                    Some(a) => self.simple(a, env, true)?,
                    None => Value::Int(0, IntTy::Infer),
                };
                let b = match b {
                    Some(b) => self.simple(b, env, true)?,
                    None => Value::Int(i128::from(i64::MAX), IntTy::Infer),
                };
                self.range_of(a, b, *inclusive, at)
            }
            ExprKind::Cast(x, ty) => Ok(cast(mem::deref(self.simple(x, env, true)?), ty)),
            ExprKind::Tuple(items) => {
                if items.is_empty() {
                    return Ok(Value::Unit);
                }
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.simple(i, env, true)?);
                }
                Ok(Value::Tuple(Rc::new(out)))
            }
            _ => Err(self.panic(at, "not a simple expression")),
        }
    }
}
