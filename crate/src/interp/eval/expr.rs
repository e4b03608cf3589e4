//! Expressions: the dispatch on an expression's kind, and literals, variables, calls, operators,
//! assignment, `if`, loops, `match`, blocks, `async` blocks and closures.

use super::*;

impl Interp {
    /// One boxed future per kind of expression: a single `async fn` with every arm would have a
    /// huge poll frame (locals of all arms), and each interpreted call nests several of them.
    pub(super) fn eval_inner<'a>(
        &'a self,
        e: &'a Expr,
        env: &'a mut Env,
    ) -> Pin<Box<dyn Future<Output = R> + 'a>> {
        match &e.kind {
            ExprKind::Lit(..) => Box::pin(self.e_lit(e, env)),
            ExprKind::Var(..) => Box::pin(self.e_var(e, env)),
            ExprKind::FnRef(..) => Box::pin(self.e_fn_ref(e, env)),
            ExprKind::None => Box::pin(self.e_none(e, env)),
            ExprKind::Const(..) => Box::pin(self.e_const(e, env)),
            ExprKind::Call(..) => Box::pin(self.e_call(e, env)),
            ExprKind::Method(..) => Box::pin(self.e_method(e, env)),
            ExprKind::Binary(..) => Box::pin(self.e_binary(e, env)),
            ExprKind::Unary(..) => Box::pin(self.e_unary(e, env)),
            ExprKind::Ref(..) => Box::pin(self.e_ref(e, env)),
            ExprKind::Assign(..) => Box::pin(self.e_assign(e, env)),
            ExprKind::AssignOp(..) => Box::pin(self.e_assign_op(e, env)),
            ExprKind::If(..) => Box::pin(self.e_if(e, env)),
            ExprKind::Let(..) => Box::pin(self.e_let(e, env)),
            ExprKind::While(..) => Box::pin(self.e_while(e, env)),
            ExprKind::Loop(..) => Box::pin(self.e_loop(e, env)),
            ExprKind::For(..) => Box::pin(self.e_for(e, env)),
            ExprKind::Match(..) => Box::pin(self.e_match(e, env)),
            ExprKind::Block(..) => Box::pin(self.e_block(e, env)),
            ExprKind::Async(..) => Box::pin(self.e_async(e, env)),
            ExprKind::Closure(..) => Box::pin(self.e_closure(e, env)),
            ExprKind::Await(..) => Box::pin(self.e_await(e, env)),
            ExprKind::Try(..) => Box::pin(self.e_try(e, env)),
            ExprKind::Return(..) => Box::pin(self.e_return(e, env)),
            ExprKind::Break(..) => Box::pin(self.e_break(e, env)),
            ExprKind::Continue(_) => Box::pin(self.e_continue(e, env)),
            ExprKind::Tuple(..) => Box::pin(self.e_tuple(e, env)),
            ExprKind::Array(..) => Box::pin(self.e_array(e, env)),
            ExprKind::Repeat(..) => Box::pin(self.e_repeat(e, env)),
            ExprKind::Field(..) => Box::pin(self.e_field(e, env)),
            ExprKind::Index(..) => Box::pin(self.e_index(e, env)),
            ExprKind::Range(..) => Box::pin(self.e_range(e, env)),
            ExprKind::Cast(..) => Box::pin(self.e_cast(e, env)),
            ExprKind::Print(..) => Box::pin(self.e_print(e, env)),
            ExprKind::FormatStr(..) => Box::pin(self.e_format_str(e, env)),
            ExprKind::Panic(..) => Box::pin(self.e_panic(e, env)),
            ExprKind::Assert(..) => Box::pin(self.e_assert(e, env)),
            ExprKind::AssertEq(..) => Box::pin(self.e_assert_eq(e, env)),
            ExprKind::Join(..) => Box::pin(self.e_join(e, env)),
            ExprKind::TryJoin(..) => Box::pin(self.e_try_join(e, env)),
            ExprKind::ConstRef(..) => Box::pin(self.e_const_ref(e, env)),
            ExprKind::Select(..) => Box::pin(self.e_select(e, env)),
            ExprKind::StructLit(..)
            | ExprKind::Ctor(..)
            | ExprKind::NamedField(..)
            | ExprKind::AssocCall(..)
            | ExprKind::AssocValue(..)
            | ExprKind::TypeOf(..)
            | ExprKind::TryFrom(..) => Box::pin(self.e_user(e, env)),
            ExprKind::Write(..) => Box::pin(self.e_write(e, env)),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_lit(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Lit(l) => Ok(lit(l)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_var(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Var(name) => self.read_var(name, at, env, true),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_fn_ref(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::FnRef(name) => match self.0.program.fns.get(name) {
                Some(f) => Ok(Value::FnRef(f.clone())),
                None => Err(self.panic(at, format!("cannot find function `{name}`"))),
            },
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_none(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::None => Ok(Value::Opt(None)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_const(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Const(l) => Ok(lit(l)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_call(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Call(callee, args) => boxed(self.call(callee, args, at, env)).await,
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_method(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Method(recv, name, args, mat) => {
                boxed(self.method(recv, name, args, *mat, env)).await
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_binary(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Binary(BinOp::And, a, b) => {
                let l = self.eval(a, env).await?;
                if !truthy(&l) {
                    return Ok(Value::Bool(false));
                }
                Ok(Value::Bool(truthy(&self.eval(b, env).await?)))
            }
            ExprKind::Binary(BinOp::Or, a, b) => {
                let l = self.eval(a, env).await?;
                if truthy(&l) {
                    return Ok(Value::Bool(true));
                }
                Ok(Value::Bool(truthy(&self.eval(b, env).await?)))
            }
            ExprKind::Binary(op, a, b) => {
                let l = self.eval_ref(a, env).await?;
                let r = self.eval_ref(b, env).await?;
                self.binop(*op, l, r, at)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_unary(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Unary(op, a) => {
                // `*r` reads through `r`, it does not move it (a guard stays locked).
                let v = if *op == UnOp::Deref {
                    self.eval_ref(a, env).await?
                } else {
                    mem::deref(self.eval(a, env).await?)
                };
                match (op, v) {
                    (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
                    (UnOp::Not, Value::Int(n, t)) => Ok(Value::Int(wrap_int(!n, t), t)),
                    (UnOp::Neg, Value::Int(n, t)) => {
                        let r = n.checked_neg().filter(|r| in_range(*r, t));
                        match r {
                            Some(r) => Ok(Value::Int(r, t)),
                            None => Err(self.panic(at, "attempt to negate with overflow")),
                        }
                    }
                    (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
                    (UnOp::Deref, v) => Ok(self.deref_once(v, at)?),
                    (op, v @ Value::Adt(_)) => self.user_unop(*op, v, at),
                    (_, v) => Err(self.panic(
                        at,
                        format!("cannot apply this operator to `{}`", v.type_name()),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_ref(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Ref(a) => {
                let place = self.place(a, env).await?;
                match place {
                    Some(p) => self.reference_to(Some(p), || Ok(Value::Unit), at),
                    None => {
                        let v = self.eval(a, env).await?;
                        self.reference_to(None, || Ok(v), at)
                    }
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_assign(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Assign(place, value) => {
                let v = self.eval(value, env).await?;
                let p = self.place(place, env).await?;
                // The old value drops after the place is released (its drop may read it again).
                let old = self.with_place(&p, place.span, |slot| Ok(std::mem::replace(slot, v)))?;
                drop(old);
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_assign_op(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::AssignOp(op, place, value) => {
                let v = mem::deref(self.eval(value, env).await?);
                let p = self.place(place, env).await?;
                self.assign_op(*op, &p, v, place.span, at)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_if(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::If(cond, then, otherwise) => {
                let mark = env.mark();
                let c = boxed(self.cond(cond, env)).await;
                let r = match c {
                    Ok(true) => self.eval_block(then, env).await,
                    Ok(false) => {
                        env.pop_to(mark);
                        match otherwise {
                            Some(o) => self.eval(o, env).await,
                            None => Ok(Value::Unit),
                        }
                    }
                    Err(f) => Err(f),
                };
                env.pop_to(mark);
                r
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_let(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Let(..) => {
                let mark = env.mark();
                let r = boxed(self.cond(e, env)).await;
                env.pop_to(mark);
                r.map(Value::Bool)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_while(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::While(label, cond, body) => {
                loop {
                    let mark = env.mark();
                    let c = boxed(self.cond(cond, env)).await;
                    let c = match c {
                        Ok(c) => c,
                        Err(f) => {
                            env.pop_to(mark);
                            return Err(f);
                        }
                    };
                    if !c {
                        env.pop_to(mark);
                        break;
                    }
                    let r = self.eval_block(body, env).await;
                    env.pop_to(mark);
                    if loop_pass(r, label)?.is_some() {
                        break;
                    }
                }
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_loop(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Loop(label, body) => loop {
                if let Some(v) = loop_pass(self.eval_block(body, env).await, label)? {
                    return Ok(v);
                }
            },
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_for(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::For(label, pat, iter, body) => {
                let it = self.eval(iter, env).await?;
                if let Value::Adt(_) = it {
                    // Your own `impl Iterator`: `next` is called for each pass, lazily.
                    return boxed(self.for_user(label, pat, it, body, iter.span, env)).await;
                }
                // `for x in &v` / `&mut v`: each `x` is a reference to the element's place.
                let it = match it {
                    Value::Ref(p) if self.vec_len(&p).is_some() => {
                        let len = self.vec_len(&p).unwrap_or(0);
                        let p = self.receiver((*p).clone(), "iter", iter.span)?;
                        let p = p.resolve().map_err(|e| self.mem_err(iter.span, e))?;
                        Value::Vec(Rc::new(
                            (0..len)
                                .map(|i| Value::reference(p.project(Step::Index(i))))
                                .collect(),
                        ))
                    }
                    // `for x in &mut it` steps the iterator `it` in place; `&map` reads the map.
                    Value::Ref(p) => match self.deref_once(Value::Ref(p), iter.span)? {
                        // `for (k, v) in &mut map`: each `v` is a reference to the value's place.
                        Value::Map(m) => {
                            Value::Vec(Rc::new(crate::interp::stdlib::map::ref_pairs(&m)))
                        }
                        other => other,
                    },
                    other => other,
                };
                // `for` steps the iterator lazily: an adapter's closure runs just before the body.
                let mut it = crate::interp::stdlib::lazy::of(self, it, iter.span)?;
                while let Some(item) = crate::interp::stdlib::lazy::step(self, &mut it, at).await? {
                    let mark = env.mark();
                    self.bind(pat, item, env);
                    let r = self.eval_block(body, env).await;
                    env.pop_to(mark);
                    if loop_pass(r, label)?.is_some() {
                        break;
                    }
                }
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_match(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Match(scrut, arms) => {
                // The scrutinee is a place expression: matching reads it, it does not move it.
                let v = self.eval_ref(scrut, env).await?;
                for arm in arms {
                    if !matches(&arm.pat, &v) {
                        continue;
                    }
                    let mark = env.mark();
                    self.bind(&arm.pat, v.clone(), env);
                    if let Some(g) = &arm.guard {
                        match self.eval(g, env).await {
                            Ok(g) if truthy(&g) => {}
                            Ok(_) => {
                                env.pop_to(mark);
                                continue;
                            }
                            Err(f) => {
                                env.pop_to(mark);
                                return Err(f);
                            }
                        }
                    }
                    drop(v);
                    let r = self.eval(&arm.body, env).await;
                    env.pop_to(mark);
                    return r;
                }
                Err(self.panic(
                    at,
                    "no match arm matched (rustc would require the match to be exhaustive)",
                ))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_block(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Block(b) => self.eval_block(b, env).await,
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_async(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Async(cap) => Ok(self.async_block(cap, at, env)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    pub(super) async fn e_closure(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Closure(cap, params, is_async) => {
                let captured = capture(&cap.captures, cap.is_move, env);
                Ok(Value::Closure(Rc::new(Closure {
                    params: params.clone(),
                    body: cap.body.clone(),
                    env: captured,
                    is_move: cap.is_move,
                    is_async: *is_async,
                })))
            }
            _ => Ok(Value::Unit),
        }
    }

    /// `place op= v` with `v` evaluated and the place found (the async and the sync path's).
    pub(super) fn assign_op(
        &self,
        op: BinOp,
        p: &Option<Place>,
        v: Value,
        place_at: Span,
        at: Span,
    ) -> R {
        // One visit of the place: your type's value is copied out for its `AddAssign` (which may
        // reach the place again), anything else is updated where it is.
        let mut v = Some(v);
        let user = self.with_place(p, place_at, |slot| {
            if let Value::Adt(_) = slot {
                return Ok(Some(slot.clone()));
            }
            let v = v.take().unwrap_or(Value::Unit);
            let old = match (op, std::mem::replace(slot, Value::Unit), &v) {
                // `s += "x"` on a String appends in place.
                (BinOp::Add, Value::Str(mut s), Value::Str(t)) => {
                    Rc::make_mut(&mut s).push_str(t);
                    let len = s.len();
                    *slot = Value::Str(s);
                    self.check_len(len, "String")?;
                    return Ok(None);
                }
                (_, old, _) => old,
            };
            match self.binop(op, old.clone(), v, at) {
                Ok(n) => *slot = n,
                Err(f) => {
                    *slot = old;
                    return Err(f);
                }
            }
            Ok(None)
        })?;
        if let Some(old) = user {
            // `a += b` on your type: its `AddAssign`, or rustc's error if it has none.
            let new = self.user_assign_op(op, old, v.take().unwrap_or(Value::Unit), at)?;
            self.with_place(p, place_at, |slot| {
                *slot = new;
                Ok(())
            })?;
        }
        Ok(Value::Unit)
    }
}
