//! The evaluator: async Rust walking the AST, so that every interpreted `async fn` call and `async`
//! block *is* a real future (traced by the run's [`Tracer`]). Tokio's behaviour is not here but in
//! [`super::rt`]; this module only decides *what* the program asks of it.

use super::ast::*;
use super::diag::Span;
use super::fmt;
use super::limits::Limits;
use super::rt::{self, BoxFut, Flavor, Rt};
use super::value::{Closure, Flow, FutCell, ValFut, Value};
use crate::trace::Tracer;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

type R<T = Value> = Result<T, Flow>;

/// The label that carries an `Err` out of a `try_join!` branch (not a valid Rust label).
const TRY_JOIN: &str = "try_join!";

/// The future of evaluating one expression: most expressions are ready at once and need no box.
enum EvalFut<'a> {
    Ready(Option<R>),
    Boxed(Pin<Box<dyn Future<Output = R> + 'a>>),
}

impl Future for EvalFut<'_> {
    type Output = R;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        match self.get_mut() {
            EvalFut::Ready(v) => Poll::Ready(v.take().unwrap_or(Ok(Value::Unit))),
            EvalFut::Boxed(f) => f.as_mut().poll(cx),
        }
    }
}

/// Local variables: a stack of (name, value); a scope is a length to truncate back to.
#[derive(Default)]
pub struct Env {
    vars: Vec<(Name, Value)>,
}

impl Env {
    fn find(&self, name: &str) -> Option<usize> {
        self.vars.iter().rposition(|(n, _)| n.as_ref() == name)
    }

    fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        let i = self.find(name)?;
        self.vars.get_mut(i).map(|(_, v)| v)
    }

    fn push(&mut self, name: Name, v: Value) {
        self.vars.push((name, v));
    }

    fn mark(&self) -> usize {
        self.vars.len()
    }

    /// Leaves a scope: its variables drop in reverse order of declaration, as in Rust.
    fn pop_to(&mut self, mark: usize) {
        while self.vars.len() > mark {
            drop(self.vars.pop());
        }
    }
}

/// A place: a variable and the steps into it (`v[2].0`).
type Place = (Name, Vec<Step>);

/// A step from a variable to the place a method or assignment works on.
enum Step {
    Field(usize),
    Index(usize, Span),
}

/// The interpreter of one run. Cheap to clone.
#[derive(Clone)]
pub struct Interp(Rc<Inner>);

struct Inner {
    program: Program,
    rt: Rt,
    tracer: Tracer,
    limits: Limits,
    /// `#[tokio::main]`: false in a plain `fn main`, where `spawn` and `sleep` panic as in Tokio.
    in_runtime: bool,
    flavor: Flavor,
    /// Evaluation steps in the current poll, and when that poll started (wall µs, [`Rt::wall_us`]:
    /// the busy guard protects the real page, so it must not scale with the playback speed).
    ops: Cell<u64>,
    poll_start: Cell<u64>,
    /// Wall µs spent in `std::thread::sleep` during the current poll (not counted as "busy").
    blocked: Cell<u64>,
    /// A spawned task is being polled (its panics name Tokio's worker thread).
    in_task: Cell<bool>,
    depth: Cell<u32>,
    lines: Cell<u64>,
    out_buf: RefCell<String>,
    err_buf: RefCell<String>,
    panicked: Cell<bool>,
    /// Elements and bytes allocated in bulk so far (see [`Interp::bulk`]).
    bulk: Cell<usize>,
}

impl Interp {
    /// An interpreter for `program`, running on `rt`.
    pub fn new(program: Program, rt: Rt, tracer: Tracer, limits: Limits) -> Interp {
        let in_runtime = program.main != MainKind::Plain;
        let flavor = rt.flavor();
        Interp(Rc::new(Inner {
            program,
            rt,
            tracer,
            limits,
            in_runtime,
            flavor,
            ops: Cell::new(0),
            poll_start: Cell::new(0),
            blocked: Cell::new(0),
            in_task: Cell::new(false),
            depth: Cell::new(0),
            lines: Cell::new(0),
            out_buf: RefCell::new(String::new()),
            err_buf: RefCell::new(String::new()),
            panicked: Cell::new(false),
            bulk: Cell::new(0),
        }))
    }

    /// The future `Rt::block_on` runs: `main`'s body (traced as `main` when it is `async`).
    /// Its output is the exit code (1 when `main` returns `Err`), or the panic (101).
    pub fn main_future(&self) -> BoxFut<Result<i32, rt::Panic>> {
        let me = self.clone();
        let Some(main) = self.0.program.fns.get("main").cloned() else {
            return Box::pin(async { Ok(0) });
        };
        let body = main.body.clone();
        let run = async move {
            let mut env = Env::default();
            let r = me.eval_block(&body, &mut env).await;
            drop(env);
            let r = match r {
                // `main` returning `Err(e)`: Rust's `Termination` prints `Error: {e:?}` on stderr.
                Ok(Value::Res(Err(e))) | Err(Flow::Return(Value::Res(Err(e)))) => {
                    let mut text = String::from("Error: ");
                    fmt::debug(&mut text, &e, None);
                    me.print(&format!("{text}\n"), true);
                    Ok(Value::Int(1, IntTy::I32))
                }
                Ok(_) | Err(Flow::Return(_)) => Ok(Value::Int(0, IntTy::I32)),
                other => other,
            };
            me.finish_output();
            r
        };
        let traced: ValFut = if main.is_async {
            Box::pin(self.0.tracer.trace("main", run))
        } else {
            Box::pin(run)
        };
        let me = self.clone();
        Box::pin(async move {
            match (TaskCtx {
                interp: me.clone(),
                task: false,
                fut: traced,
            })
            .await
            {
                Ok(Value::Int(1, _)) => Ok(1),
                Ok(_) | Err(Flow::Return(_)) | Err(Flow::Break(..)) | Err(Flow::Continue(_)) => {
                    Ok(0)
                }
                Err(Flow::Panic(p)) => Err(p),
                Err(Flow::Halt) => std::future::pending().await,
            }
        })
    }

    /// Flushes a `print!` without newline and reports lines beyond the limit.
    fn finish_output(&self) {
        for (buf, err) in [(&self.0.out_buf, false), (&self.0.err_buf, true)] {
            let rest = std::mem::take(&mut *buf.borrow_mut());
            if !rest.is_empty() {
                self.emit_line(&rest, err);
            }
        }
        let lines = self.0.lines.get();
        let max = self.0.limits.max_lines as u64;
        if lines > max {
            self.0
                .tracer
                .note(&self.0.limits.lines_dropped(lines - max));
        }
    }

    fn emit_line(&self, text: &str, err: bool) {
        let n = self.0.lines.get() + 1;
        self.0.lines.set(n);
        if n > self.0.limits.max_lines as u64 {
            return;
        }
        if err {
            self.0.tracer.stderr(text);
        } else {
            self.0.tracer.line(text);
        }
    }

    fn print(&self, text: &str, err: bool) {
        let buf = if err {
            &self.0.err_buf
        } else {
            &self.0.out_buf
        };
        let mut pending = std::mem::take(&mut *buf.borrow_mut());
        pending.push_str(text);
        let mut rest = pending.as_str();
        while let Some(i) = rest.find('\n') {
            self.emit_line(rest.get(..i).unwrap_or(""), err);
            rest = rest.get(i + 1..).unwrap_or("");
        }
        *buf.borrow_mut() = rest.to_string();
    }

    /// Prints Rust's panic message and returns the unwinding [`Flow`].
    fn panic(&self, at: Span, message: impl Into<String>) -> Flow {
        let message = message.into();
        let thread = if self.0.in_task.get() && self.0.flavor == Flavor::MultiThread {
            "tokio-runtime-worker"
        } else {
            "main"
        };
        self.print(
            // Rust 1.95 starts a panic report with an empty line on stderr.
            &format!(
                "\nthread '{thread}' panicked at main.rs:{}:{}:\n{message}\n",
                at.line, at.column
            ),
            true,
        );
        if !self.0.panicked.replace(true) {
            self.print(
                "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
                true,
            );
        }
        Flow::Panic(rt::Panic {
            message,
            line: at.line,
            column: at.column,
        })
    }

    fn halt(&self, note: String) -> Flow {
        self.0.rt.halt(&note);
        Flow::Halt
    }

    /// One evaluation step: checks, now and then, that this poll has not run too long.
    fn tick(&self) -> R<()> {
        let n = self.0.ops.get() + 1;
        self.0.ops.set(n);
        let every = u64::from(self.0.limits.ops_per_clock_check.max(1));
        if n.is_multiple_of(every) {
            if self.0.rt.is_halted() {
                return Err(Flow::Halt);
            }
            let busy = self
                .0
                .rt
                .wall_us()
                .saturating_sub(self.0.poll_start.get())
                .saturating_sub(self.0.blocked.get());
            if busy > self.0.limits.max_poll_us || n > self.0.limits.max_poll_ops {
                return Err(self.halt(self.0.limits.poll_too_long()));
            }
        }
        Ok(())
    }

    /// Counts a bulk allocation (`vec![x; n]`, a materialized range, `repeat`) against the run's
    /// total, so that many large collections kept alive cannot exhaust the tab's memory either.
    fn bulk(&self, n: usize, what: &str) -> R<()> {
        let total = self.0.bulk.get().saturating_add(n);
        self.0.bulk.set(total);
        if total > self.0.limits.max_bulk_alloc {
            return Err(self.halt(self.0.limits.too_much_memory(what)));
        }
        Ok(())
    }

    fn check_len(&self, len: usize, what: &str) -> R<()> {
        let max = if what == "String" {
            self.0.limits.max_string_bytes
        } else {
            self.0.limits.max_vec_len
        };
        if len > max {
            return Err(self.halt(self.0.limits.too_much_memory(what)));
        }
        Ok(())
    }

    // ---------------------------------------------------------------- blocks and statements

    fn eval_block<'a>(&'a self, b: &'a Block, env: &'a mut Env) -> EvalFut<'a> {
        EvalFut::Boxed(Box::pin(async move {
            let mark = env.mark();
            let r = self.block_inner(b, env).await;
            env.pop_to(mark);
            r
        }))
    }

    async fn block_inner(&self, b: &Block, env: &mut Env) -> R {
        for s in &b.stmts {
            self.tick()?;
            match s {
                Stmt::Let {
                    pat,
                    ty,
                    init,
                    otherwise,
                } => {
                    let Some(init) = init else {
                        // `let x;` then assigned later: a placeholder.
                        self.bind(pat, Value::Moved, env);
                        continue;
                    };
                    let mut v = self.eval(init, env).await?;
                    if let Some(ty) = ty {
                        v = coerce(v, ty);
                    }
                    if !matches(pat, &v) {
                        match otherwise {
                            Some(o) => {
                                self.eval_block(o, env).await?;
                                return Err(self.panic(init.span, "`let ... else` fell through"));
                            }
                            None => {
                                return Err(self
                                    .panic(init.span, "refutable pattern in `let` did not match"))
                            }
                        }
                    }
                    self.bind(pat, v, env);
                }
                Stmt::Expr(e) => {
                    // The value of `expr;` is dropped here: an unused future is dropped never polled.
                    let v = self.eval(e, env).await?;
                    drop(v);
                }
            }
        }
        match &b.tail {
            Some(t) => self.eval(t, env).await,
            None => Ok(Value::Unit),
        }
    }

    /// Binds the names of `pat` (which matches `v`).
    fn bind(&self, pat: &Pat, v: Value, env: &mut Env) {
        match pat {
            Pat::Wild | Pat::Lit(_) | Pat::Range(..) | Pat::None | Pat::Rest => {}
            Pat::Bind { name, .. } => env.push(name.clone(), v),
            Pat::Tuple(pats) => {
                let items: Vec<Value> = match v {
                    Value::Tuple(items) | Value::Vec(items) => {
                        Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())
                    }
                    _ => return,
                };
                let rest = pats.iter().position(|p| matches!(p, Pat::Rest));
                let n = items.len();
                for (i, item) in items.into_iter().enumerate() {
                    let p = match rest {
                        Some(r) if i >= r => {
                            let from_end = n - i;
                            let k = pats.len().checked_sub(from_end);
                            match k {
                                Some(k) if k > r => pats.get(k),
                                _ => None,
                            }
                        }
                        _ => pats.get(i),
                    };
                    if let Some(p) = p {
                        self.bind(p, item, env);
                    }
                }
            }
            Pat::Variant(_, inner) => match v {
                Value::Opt(Some(x)) | Value::Res(Ok(x)) | Value::Res(Err(x)) => {
                    self.bind(inner, *x, env)
                }
                _ => {}
            },
            Pat::Or(alts) => {
                if let Some(p) = alts.iter().find(|p| matches(p, &v)) {
                    self.bind(p, v, env);
                }
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    fn eval<'a>(&'a self, e: &'a Expr, env: &'a mut Env) -> EvalFut<'a> {
        match &e.kind {
            ExprKind::Lit(l) => EvalFut::Ready(Some(Ok(lit(l)))),
            ExprKind::Var(name) => EvalFut::Ready(Some(self.read_var(name, e.span, env, true))),
            _ if self.is_simple(e) => EvalFut::Ready(Some(self.simple(e, env, true))),
            _ => EvalFut::Boxed(self.eval_inner(e, env)),
        }
    }

    /// Can `e` be evaluated without awaiting anything (no `.await`, no call of interpreted code)?
    /// Those expressions (`i * 10`, `Duration::from_millis(n)`, `t.0`, `task(i)`) skip the boxed
    /// future that every other expression costs.
    fn is_simple(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Lit(_) | ExprKind::Var(_) | ExprKind::Const(_) | ExprKind::None => true,
            ExprKind::Ref(a) | ExprKind::Unary(_, a) | ExprKind::Field(a, _) => self.is_simple(a),
            ExprKind::Binary(_, a, b) => self.is_simple(a) && self.is_simple(b),
            ExprKind::Call(Callee::Variant(_), args) => args.iter().all(|a| self.is_simple(a)),
            ExprKind::Call(Callee::Builtin(b), args) => {
                *b != Builtin::Drop && args.iter().all(|a| self.is_simple(a))
            }
            ExprKind::Call(Callee::Fn(name), args) => {
                self.0.program.fns.get(name).is_some_and(|f| f.is_async)
                    && args.iter().all(|a| self.is_simple(a))
            }
            _ => false,
        }
    }

    /// Evaluates an expression for which [`Interp::is_simple`] holds, with the same semantics as
    /// the async path (`by_value`: a variable's resource is moved out).
    fn simple(&self, e: &Expr, env: &mut Env, by_value: bool) -> R {
        self.tick()?;
        let at = e.span;
        match &e.kind {
            ExprKind::Lit(l) | ExprKind::Const(l) => Ok(lit(l)),
            ExprKind::None => Ok(Value::Opt(None)),
            ExprKind::Var(name) => self.read_var(name, at, env, by_value),
            ExprKind::Ref(a) => self.simple(a, env, false),
            ExprKind::Binary(BinOp::And, a, b) => {
                if !truthy(&self.simple(a, env, true)?) {
                    return Ok(Value::Bool(false));
                }
                Ok(Value::Bool(truthy(&self.simple(b, env, true)?)))
            }
            ExprKind::Binary(BinOp::Or, a, b) => {
                if truthy(&self.simple(a, env, true)?) {
                    return Ok(Value::Bool(true));
                }
                Ok(Value::Bool(truthy(&self.simple(b, env, true)?)))
            }
            ExprKind::Binary(op, a, b) => {
                let l = self.simple(a, env, false)?;
                let r = self.simple(b, env, false)?;
                self.binop(*op, l, r, at)
            }
            ExprKind::Unary(op, a) => {
                let v = self.simple(a, env, true)?;
                self.unop(*op, v, at)
            }
            ExprKind::Field(base, i) => match self.simple(base, env, false)? {
                Value::Tuple(items) => items
                    .get(*i)
                    .cloned()
                    .ok_or_else(|| self.panic(at, format!("no field `{i}` on this tuple"))),
                other => Err(self.panic(
                    at,
                    format!("no field `{i}` on type `{}`", other.type_name()),
                )),
            },
            ExprKind::Call(callee, args) => {
                let mut a = Vec::with_capacity(args.len());
                for x in args {
                    a.push(self.simple(x, env, true)?);
                }
                match callee {
                    Callee::Variant(v) => {
                        let x = if a.is_empty() {
                            Value::Unit
                        } else {
                            a.swap_remove(0)
                        };
                        Ok(match v {
                            Variant::Some => Value::some(x),
                            Variant::Ok => Value::ok(x),
                            Variant::Err => Value::err(x),
                        })
                    }
                    Callee::Builtin(b) => self.builtin(*b, a, at),
                    Callee::Fn(name) => match self.0.program.fns.get(name).cloned() {
                        Some(f) => self.make_future(f, a, at),
                        None => Err(self.panic(at, format!("cannot find function `{name}`"))),
                    },
                    Callee::Local(_) => Err(self.panic(at, "not a simple call")),
                }
            }
            _ => Err(self.panic(at, "not a simple expression")),
        }
    }

    fn unop(&self, op: UnOp, v: Value, at: Span) -> R {
        match (op, v) {
            (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
            (UnOp::Not, Value::Int(n, t)) => Ok(Value::Int(wrap_int(!n, t), t)),
            (UnOp::Neg, Value::Int(n, t)) => match n.checked_neg().filter(|r| in_range(*r, t)) {
                Some(r) => Ok(Value::Int(r, t)),
                None => Err(self.panic(at, "attempt to negate with overflow")),
            },
            (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnOp::Deref, v) => Ok(v),
            (_, v) => Err(self.panic(
                at,
                format!("cannot apply this operator to `{}`", v.type_name()),
            )),
        }
    }

    /// Evaluates without moving a variable's resource out (`&x`, format arguments, `match x`).
    fn eval_ref<'a>(&'a self, e: &'a Expr, env: &'a mut Env) -> EvalFut<'a> {
        match &e.kind {
            ExprKind::Var(name) => EvalFut::Ready(Some(self.read_var(name, e.span, env, false))),
            ExprKind::Ref(inner) => self.eval_ref(inner, env),
            _ => self.eval(e, env),
        }
    }

    fn read_var(&self, name: &str, at: Span, env: &mut Env, by_value: bool) -> R {
        let Some(v) = env.get_mut(name) else {
            return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
        };
        if matches!(v, Value::Moved) {
            return Err(self.panic(at, format!("use of moved value: `{name}`")));
        }
        if by_value && v.is_resource() {
            return Ok(std::mem::replace(v, Value::Moved));
        }
        Ok(v.clone())
    }

    /// One boxed future per kind of expression: a single `async fn` with every arm would have a
    /// huge poll frame (locals of all arms), and each interpreted call nests several of them.
    fn eval_inner<'a>(
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
        }
    }

    #[allow(unused_variables)]
    async fn e_lit(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Lit(l) => Ok(lit(l)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_var(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Var(name) => self.read_var(name, at, env, true),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_fn_ref(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_none(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::None => Ok(Value::Opt(None)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_const(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Const(l) => Ok(lit(l)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_call(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Call(callee, args) => boxed(self.call(callee, args, at, env)).await,
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_method(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_binary(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_unary(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Unary(op, a) => {
                let v = self.eval(a, env).await?;
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
                    (UnOp::Deref, v) => Ok(v),
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
    async fn e_ref(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Ref(a) => self.eval_ref(a, env).await,
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_assign(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Assign(place, value) => {
                let v = self.eval(value, env).await?;
                let p = self.place(place, env).await?;
                self.with_place(env, &p, place.span, |slot| {
                    *slot = v;
                    Ok(())
                })?;
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_assign_op(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::AssignOp(op, place, value) => {
                let v = self.eval(value, env).await?;
                let p = self.place(place, env).await?;
                let me = self.clone();
                let op = *op;
                self.with_place(env, &p, place.span, move |slot| {
                    let old = std::mem::replace(slot, Value::Unit);
                    // `s += "x"` on a String appends in place.
                    if let (BinOp::Add, Value::Str(mut s), Value::Str(t)) = (op, old.clone(), &v) {
                        Rc::make_mut(&mut s).push_str(t);
                        me.check_len(s.len(), "String")?;
                        *slot = Value::Str(s);
                        return Ok(());
                    }
                    match me.binop(op, old.clone(), v, at) {
                        Ok(n) => {
                            *slot = n;
                            Ok(())
                        }
                        Err(f) => {
                            *slot = old;
                            Err(f)
                        }
                    }
                })?;
                Ok(Value::Unit)
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_if(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_let(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_while(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_loop(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_for(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::For(label, pat, iter, body) => {
                let it = self.eval(iter, env).await?;
                let items: Box<dyn Iterator<Item = Value>> = match it {
                    Value::Range(a, b, t) => Box::new((a..b).map(move |i| Value::Int(i, t))),
                    Value::Vec(items) => {
                        let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
                        Box::new(items.into_iter())
                    }
                    Value::Opt(o) => Box::new(o.into_iter().map(|b| *b)),
                    other => {
                        return Err(self.panic(
                            iter.span,
                            format!("`{}` is not an iterator", other.type_name()),
                        ))
                    }
                };
                for item in items {
                    self.tick()?;
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
    async fn e_match(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Match(scrut, arms) => {
                let v = self.eval(scrut, env).await?;
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
    async fn e_block(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Block(b) => self.eval_block(b, env).await,
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_async(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Async(cap) => Ok(self.async_block(cap, at, env)),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_closure(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Closure(cap, params, is_async) => {
                let captured = capture(&cap.captures, cap.is_move, env);
                Ok(Value::Closure(Rc::new(Closure {
                    params: params.clone(),
                    body: cap.body.clone(),
                    env: RefCell::new(captured),
                    is_move: cap.is_move,
                    is_async: *is_async,
                })))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_await(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Await(inner) => {
                if !self.0.in_runtime {
                    // Only reachable inside an async body, which only runs inside a runtime.
                    return Err(self.panic(at, "`.await` outside of an async context"));
                }
                let v = self.eval(inner, env).await?;
                let fut = self.to_future(v, inner.span)?;
                fut.await
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_try(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Try(inner) => {
                let v = self.eval(inner, env).await?;
                match v {
                    Value::Res(Ok(x)) | Value::Opt(Some(x)) => Ok(*x),
                    Value::Res(Err(x)) => Err(Flow::Return(Value::Res(Err(x)))),
                    Value::Opt(None) => Err(Flow::Return(Value::Opt(None))),
                    other => Err(self.panic(
                        at,
                        format!(
                            "the `?` operator cannot be applied to `{}`",
                            other.type_name()
                        ),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_return(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Return(v) => {
                let v = match v {
                    Some(v) => self.eval(v, env).await?,
                    None => Value::Unit,
                };
                Err(Flow::Return(v))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_break(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Break(label, v) => {
                let v = match v {
                    Some(v) => self.eval(v, env).await?,
                    None => Value::Unit,
                };
                Err(Flow::Break(label.clone(), v))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_continue(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Continue(label) => Err(Flow::Continue(label.clone())),
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_tuple(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Tuple(items) => {
                if items.is_empty() {
                    return Ok(Value::Unit);
                }
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(i, env).await?);
                }
                Ok(Value::Tuple(Rc::new(out)))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_array(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(i, env).await?);
                }
                Ok(Value::Vec(Rc::new(out)))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_repeat(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Repeat(x, n) => {
                let x = self.eval(x, env).await?;
                let n = self.eval(n, env).await?;
                let n = self.as_usize(&n, at)?;
                self.check_len(n, "Vec")?;
                self.bulk(n, "Vec")?;
                Ok(Value::Vec(Rc::new(vec![x; n])))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_field(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Field(base, i) => {
                let v = self.eval_ref(base, env).await?;
                match v {
                    Value::Tuple(items) => items
                        .get(*i)
                        .cloned()
                        .ok_or_else(|| self.panic(at, format!("no field `{i}` on this tuple"))),
                    other => Err(self.panic(
                        at,
                        format!("no field `{i}` on type `{}`", other.type_name()),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_index(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Index(base, idx) => {
                let i = self.eval(idx, env).await?;
                let v = self.eval_ref(base, env).await?;
                match (&v, &i) {
                    (Value::Vec(items), Value::Range(a, b, _)) => {
                        let (a, b) = (
                            usize::try_from(*a).unwrap_or(usize::MAX),
                            usize::try_from(*b).unwrap_or(usize::MAX),
                        );
                        match items.get(a..b) {
                            Some(s) => Ok(Value::Vec(Rc::new(s.to_vec()))),
                            None => Err(self.panic(
                                at,
                                format!(
                                    "range end index {b} out of range for slice of length {}",
                                    items.len()
                                ),
                            )),
                        }
                    }
                    (Value::Vec(items), _) => {
                        let i = self.as_usize(&i, at)?;
                        items.get(i).cloned().ok_or_else(|| {
                            self.panic(
                                at,
                                format!(
                                    "index out of bounds: the len is {} but the index is {i}",
                                    items.len()
                                ),
                            )
                        })
                    }
                    (Value::Str(s), Value::Range(a, b, _)) => {
                        let (a, b) = (
                            usize::try_from(*a).unwrap_or(usize::MAX),
                            usize::try_from(*b).unwrap_or(usize::MAX),
                        );
                        match s.get(a..b) {
                            Some(x) => Ok(Value::str(x)),
                            None => {
                                Err(self
                                    .panic(at, format!("byte index {b} is out of bounds of `{s}`")))
                            }
                        }
                    }
                    _ => Err(self.panic(
                        at,
                        format!("cannot index into a value of type `{}`", v.type_name()),
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_range(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Range(a, b, inclusive) => {
                let a = match a {
                    Some(a) => self.eval(a, env).await?,
                    None => Value::Int(0, IntTy::Infer),
                };
                let b = match b {
                    Some(b) => self.eval(b, env).await?,
                    None => Value::Int(i128::from(i64::MAX), IntTy::Infer),
                };
                match (a, b) {
                    (Value::Int(a, t1), Value::Int(b, t2)) => {
                        let b = if *inclusive { b.saturating_add(1) } else { b };
                        Ok(Value::Range(a, b.max(a), t1.unify(t2)))
                    }
                    _ => Err(self.panic(
                        at,
                        "ranges of this type are not available in this playground",
                    )),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_cast(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::Cast(x, ty) => {
                let v = self.eval(x, env).await?;
                Ok(cast(v, ty))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_print(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_format_str(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_panic(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_assert(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_assert_eq(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_join(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn e_try_join(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::TryJoin(branches) => {
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
                match boxed(rt::try_join(futs, false)).await {
                    Ok(out) => Ok(Value::ok(Value::Tuple(Rc::new(out)))),
                    Err(Flow::Break(Some(l), e)) if l.as_ref() == TRY_JOIN => Ok(Value::err(e)),
                    Err(f) => Err(f),
                }
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_const_ref(&self, e: &Expr, env: &mut Env) -> R {
        self.tick()?;
        let at = e.span;
        #[allow(unreachable_patterns)]
        match &e.kind {
            ExprKind::ConstRef(name) => {
                let Some((ty, e)) = self.0.program.consts.get(name).cloned() else {
                    return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
                };
                let mut empty = Env::default();
                Ok(coerce(self.eval(&e, &mut empty).await?, &ty))
            }
            _ => Ok(Value::Unit),
        }
    }

    #[allow(unused_variables)]
    async fn e_select(&self, e: &Expr, env: &mut Env) -> R {
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
    async fn cond(&self, c: &Expr, env: &mut Env) -> R<bool> {
        if let ExprKind::Let(pat, value) = &c.kind {
            let v = self.eval(value, env).await?;
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
        let v = self.eval(c, env).await?;
        Ok(truthy(&v))
    }

    async fn format(&self, f: &Format, env: &mut Env) -> R<String> {
        let mut args = Vec::with_capacity(f.args.len());
        for a in &f.args {
            args.push(self.eval_ref(a, env).await?);
        }
        let s = fmt::render(&f.pieces, &args)
            .map_err(|m| self.panic(f.args.first().map(|a| a.span).unwrap_or_default(), m))?;
        self.check_len(s.len(), "String")?;
        Ok(s)
    }

    fn as_usize(&self, v: &Value, at: Span) -> R<usize> {
        match v {
            Value::Int(n, _) => usize::try_from(*n)
                .map_err(|_| self.panic(at, format!("`{n}` is not a valid index"))),
            other => Err(self.panic(
                at,
                format!("expected an integer, found `{}`", other.type_name()),
            )),
        }
    }

    fn as_us(&self, v: &Value, at: Span) -> R<u64> {
        match v {
            // Tokio's timers have 1 ms resolution; µs here, rounded up so a deadline is never early.
            Value::Duration(d) => {
                Ok(u64::try_from(d.as_nanos().div_ceil(1000)).unwrap_or(u64::MAX))
            }
            other => Err(self.panic(
                at,
                format!("expected a `Duration`, found `{}`", other.type_name()),
            )),
        }
    }

    // ---------------------------------------------------------------- futures

    fn async_block(&self, cap: &Capturing<Block>, at: Span, env: &mut Env) -> Value {
        let captured = capture(&cap.captures, cap.is_move, env);
        let body = cap.body.clone();
        let me = self.clone();
        let fut = async move {
            let mut env = Env { vars: captured };
            match me.eval_block(&body, &mut env).await {
                Err(Flow::Return(v)) => Ok(v),
                other => other,
            }
        };
        let name = format!("async block at {}", at.at());
        future_value(Box::pin(self.0.tracer.trace(&name, fut)))
    }

    /// Turns an awaited value into the future to await.
    fn to_future(&self, v: Value, at: Span) -> R<ValFut> {
        match v {
            Value::Future(cell) => {
                let me = self.clone();
                Ok(Box::pin(std::future::poll_fn(move |cx| {
                    let mut slot = cell.borrow_mut();
                    let Some(f) = slot.as_mut() else {
                        return Poll::Ready(Err(
                            me.panic(at, "`async fn` resumed after completion")
                        ));
                    };
                    match f.as_mut().poll(cx) {
                        Poll::Ready(v) => {
                            // Awaiting consumes the future: it drops as soon as it is done.
                            let done = slot.take();
                            drop(slot);
                            drop(done);
                            Poll::Ready(v)
                        }
                        Poll::Pending => Poll::Pending,
                    }
                })))
            }
            Value::JoinHandle(cell) => {
                let me = self.clone();
                Ok(Box::pin(std::future::poll_fn(move |cx| {
                    let mut slot = cell.borrow_mut();
                    let Some(h) = slot.as_mut() else {
                        return Poll::Ready(Err(
                            me.panic(at, "`JoinHandle` polled after completion")
                        ));
                    };
                    match Pin::new(h).poll(cx) {
                        Poll::Ready(Ok(v)) => Poll::Ready(Ok(Value::ok(v))),
                        Poll::Ready(Err(e)) => Poll::Ready(Ok(Value::err(Value::JoinError(e)))),
                        Poll::Pending => Poll::Pending,
                    }
                })))
            }
            other => Err(self.panic(at, format!("`{}` is not a future", other.type_name()))),
        }
    }

    async fn select(
        &self,
        biased: bool,
        arms: &[SelectArm],
        otherwise: Option<&Expr>,
        at: Span,
        env: &mut Env,
    ) -> R {
        // Tokio's order (`tokio::select!` docs): all preconditions first, then every future
        // (disabled branches' futures too), then poll.
        let mut enabled = Vec::with_capacity(arms.len());
        for a in arms {
            enabled.push(match &a.guard {
                Some(g) => truthy(&self.eval(g, env).await?),
                None => true,
            });
        }
        let mut branches = Vec::with_capacity(arms.len());
        for (a, on) in arms.iter().zip(enabled) {
            let v = self.eval(&a.fut, env).await?;
            let fut = self.to_future(v, a.fut.span)?;
            let pat = a.pat.clone();
            let branch = rt::Branch::new(fut).enabled(on);
            let branch = if refutable(&pat) {
                branch.accept(move |out: &R| match out {
                    Ok(v) => matches(&pat, v),
                    Err(_) => true,
                })
            } else {
                branch
            };
            branches.push(branch);
        }
        let won = rt::select(branches, biased, self.0.rt.rng()).await;
        match won {
            Some((i, out)) => {
                let v = out?;
                let Some(arm) = arms.get(i) else {
                    return Ok(Value::Unit);
                };
                let mark = env.mark();
                self.bind(&arm.pat, v, env);
                let r = self.eval(&arm.body, env).await;
                env.pop_to(mark);
                r
            }
            None => match otherwise {
                Some(o) => self.eval(o, env).await,
                None => {
                    Err(self.panic(at, "all branches are disabled and there is no else branch"))
                }
            },
        }
    }

    // ---------------------------------------------------------------- calls

    async fn args(&self, args: &[Expr], env: &mut Env) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(self.eval(a, env).await?);
        }
        Ok(out)
    }

    async fn call(&self, callee: &Callee, args: &[Expr], at: Span, env: &mut Env) -> R {
        match callee {
            Callee::Variant(v) => {
                let mut a = self.args(args, env).await?;
                let x = if a.is_empty() {
                    Value::Unit
                } else {
                    a.swap_remove(0)
                };
                Ok(match v {
                    Variant::Some => Value::some(x),
                    Variant::Ok => Value::ok(x),
                    Variant::Err => Value::err(x),
                })
            }
            Callee::Fn(name) => {
                let a = self.args(args, env).await?;
                let Some(f) = self.0.program.fns.get(name).cloned() else {
                    return Err(self.panic(at, format!("cannot find function `{name}`")));
                };
                let by_ref = !f.is_async && args.iter().any(|a| matches!(a.kind, ExprKind::Ref(_)));
                if !by_ref {
                    return boxed(self.call_fn(f, a, at, None)).await;
                }
                // `fn grow(v: &mut Vec<u32>)`: what the callee did to its parameter is written back
                // to the caller's place (a shared `&` parameter cannot have changed, so writing it
                // back is harmless).
                let mut out = Vec::new();
                let r = boxed(self.call_fn(f, a, at, Some(&mut out))).await;
                for (arg, v) in args.iter().zip(out) {
                    let (ExprKind::Ref(inner), Some(v)) = (&arg.kind, v) else {
                        continue;
                    };
                    let place = self.place(inner, env).await?;
                    if place.is_some() {
                        self.with_place(env, &place, inner.span, |slot| {
                            *slot = v;
                            Ok(())
                        })?;
                    }
                }
                r
            }
            Callee::Local(name) => {
                let f = self.read_var(name, at, env, false)?;
                let a = self.args(args, env).await?;
                boxed(self.call_closure(f, a, at, Some(env))).await
            }
            Callee::Builtin(b) => {
                if *b == Builtin::Drop {
                    // `drop(x)` moves `x` out of its variable and drops it now.
                    let a = self.args(args, env).await?;
                    drop(a);
                    return Ok(Value::Unit);
                }
                let a = self.args(args, env).await?;
                self.builtin(*b, a, at)
            }
        }
    }

    /// Calls a function value (a closure or a function passed by name).
    async fn call_value(&self, f: Value, args: Vec<Value>, at: Span) -> R {
        boxed(self.call_closure(f, args, at, None)).await
    }

    /// Calls a function value; `caller` is the environment of a call by name, whose variables a
    /// borrowing closure reads and writes.
    async fn call_closure(
        &self,
        f: Value,
        args: Vec<Value>,
        at: Span,
        mut caller: Option<&mut Env>,
    ) -> R {
        match f {
            Value::Closure(c) => {
                let depth = self.0.depth.get();
                if depth >= self.0.limits.max_call_depth {
                    return Err(self.halt(self.0.limits.call_too_deep()));
                }
                let mut env = Env {
                    vars: c.env.borrow().clone(),
                };
                let captured = env.vars.len();
                if let (false, Some(caller)) = (c.is_move, caller.as_deref_mut()) {
                    for (name, v) in env.vars.iter_mut() {
                        if let Some(now) =
                            caller.get_mut(name).filter(|x| !matches!(x, Value::Moved))
                        {
                            *v = now.clone();
                        }
                    }
                }
                for (p, v) in c.params.iter().zip(args) {
                    self.bind(p, v, &mut env);
                }
                if c.is_async {
                    let me = self.clone();
                    let body = c.body.clone();
                    let fut = async move {
                        match me.eval(&body, &mut env).await {
                            Err(Flow::Return(v)) => Ok(v),
                            other => other,
                        }
                    };
                    let name = format!("async closure at {}", c.body.span.at());
                    return Ok(future_value(Box::pin(self.0.tracer.trace(&name, fut))));
                }
                self.0.depth.set(depth + 1);
                let r = self.eval(&c.body, &mut env).await;
                self.0.depth.set(depth);
                env.vars.truncate(captured);
                match (c.is_move, caller) {
                    (false, Some(caller)) => {
                        for (name, v) in env.vars {
                            if let Some(slot) = caller.get_mut(&name) {
                                *slot = v;
                            }
                        }
                    }
                    _ => *c.env.borrow_mut() = env.vars,
                }
                match r {
                    Err(Flow::Return(v)) => Ok(v),
                    other => other,
                }
            }
            Value::FnRef(f) => boxed(self.call_fn(f, args, at, None)).await,
            other => Err(self.panic(at, format!("`{}` is not a function", other.type_name()))),
        }
    }

    /// Calling an `async fn` runs nothing: it makes a future, traced under the fn's name.
    fn make_future(&self, f: Rc<FnDef>, args: Vec<Value>, at: Span) -> R {
        if args.len() != f.params.len() {
            return Err(self.panic(
                at,
                format!(
                    "this function takes {} arguments but {} were supplied",
                    f.params.len(),
                    args.len()
                ),
            ));
        }
        let mut env = Env::default();
        for ((p, ty), v) in f.params.iter().zip(args) {
            self.bind(p, coerce(v, ty), &mut env);
        }
        let me = self.clone();
        let def = f.clone();
        let fut = async move {
            let depth = me.0.depth.get();
            if depth >= me.0.limits.max_call_depth {
                return Err(me.halt(me.0.limits.call_too_deep()));
            }
            me.0.depth.set(depth + 1);
            let r = me.eval_block(&def.body, &mut env).await;
            me.0.depth.set(depth);
            match r {
                Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &def.ret)),
                Err(f) => Err(f),
            }
        };
        Ok(future_value(Box::pin(Depth {
            interp: self.clone(),
            fut: self.0.tracer.trace(&f.name, fut),
        })))
    }

    /// Calls a function of the program; `out` receives a sync function's parameters as they are
    /// at its end (for `&mut` arguments).
    async fn call_fn(
        &self,
        f: Rc<FnDef>,
        args: Vec<Value>,
        at: Span,
        out: Option<&mut Vec<Option<Value>>>,
    ) -> R {
        if args.len() != f.params.len() {
            return Err(self.panic(
                at,
                format!(
                    "this function takes {} arguments but {} were supplied",
                    f.params.len(),
                    args.len()
                ),
            ));
        }
        if f.is_async {
            return self.make_future(f, args, at);
        }
        let mut env = Env::default();
        for ((p, ty), v) in f.params.iter().zip(args) {
            self.bind(p, coerce(v, ty), &mut env);
        }
        let depth = self.0.depth.get();
        if depth >= self.0.limits.max_call_depth {
            return Err(self.halt(self.0.limits.call_too_deep()));
        }
        self.0.depth.set(depth + 1);
        let r = self.eval_block(&f.body, &mut env).await;
        self.0.depth.set(depth);
        if let Some(out) = out {
            for (p, _) in &f.params {
                out.push(match p {
                    Pat::Bind { name, .. } => env
                        .get_mut(name)
                        .filter(|v| !matches!(v, Value::Moved))
                        .map(|v| v.clone()),
                    _ => None,
                });
            }
        }
        match r {
            Ok(v) | Err(Flow::Return(v)) => Ok(coerce(v, &f.ret)),
            Err(f) => Err(f),
        }
    }

    fn builtin(&self, b: Builtin, mut a: Vec<Value>, at: Span) -> R {
        let int_arg = |a: &[Value], i: usize| -> R<i128> {
            match a.get(i) {
                Some(Value::Int(n, _)) => Ok(*n),
                Some(Value::Float(f)) => Ok(*f as i128),
                _ => Err(self.panic(at, "expected an integer argument")),
            }
        };
        let u64_arg = |a: &[Value], i: usize| -> R<u64> {
            let n = int_arg(a, i)?;
            u64::try_from(n).map_err(|_| self.panic(at, format!("`{n}` does not fit in a `u64`")))
        };
        let take = |a: &mut Vec<Value>| {
            if a.is_empty() {
                Value::Unit
            } else {
                a.swap_remove(0)
            }
        };
        let rt = &self.0.rt;
        match b {
            Builtin::DurationFromSecs => Ok(Value::Duration(Duration::from_secs(u64_arg(&a, 0)?))),
            Builtin::DurationFromMillis => {
                Ok(Value::Duration(Duration::from_millis(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromMicros => {
                Ok(Value::Duration(Duration::from_micros(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromNanos => {
                Ok(Value::Duration(Duration::from_nanos(u64_arg(&a, 0)?)))
            }
            Builtin::DurationFromSecsF64 => {
                let f = match a.first() {
                    Some(Value::Float(f)) => *f,
                    Some(Value::Int(n, _)) => *n as f64,
                    _ => 0.0,
                };
                Duration::try_from_secs_f64(f)
                    .map(Value::Duration)
                    .map_err(|e| {
                        self.panic(
                            at,
                            format!(
                                "cannot convert float seconds to Duration: {}",
                                duration_err(&e.to_string())
                            ),
                        )
                    })
            }
            Builtin::DurationNew => {
                let secs = u64_arg(&a, 0)?;
                let nanos = u32::try_from(int_arg(&a, 1)?).unwrap_or(u32::MAX);
                match secs.checked_add(u64::from(nanos / 1_000_000_000)) {
                    Some(_) => Ok(Value::Duration(Duration::new(secs, nanos))),
                    None => Err(self.panic(at, "overflow in Duration::new")),
                }
            }
            Builtin::DurationZero => Ok(Value::Duration(
                if matches!(a.first(), Some(Value::Bool(true))) {
                    Duration::MAX
                } else {
                    Duration::ZERO
                },
            )),
            Builtin::InstantNow => Ok(Value::Instant(rt.now_us())),
            Builtin::Sleep | Builtin::SleepUntil | Builtin::Timeout => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let when = a.first().cloned().unwrap_or(Value::Unit);
                let sleep = match (b, &when) {
                    (Builtin::SleepUntil, Value::Instant(t)) => rt.sleep_until(*t),
                    (Builtin::SleepUntil, _) => {
                        return Err(self.panic(at, "`sleep_until` takes an `Instant`"))
                    }
                    _ => rt.sleep(self.as_us(&when, at)?),
                };
                if b != Builtin::Timeout {
                    return Ok(future_value(Box::pin(async move {
                        sleep.await;
                        Ok(Value::Unit)
                    })));
                }
                drop(sleep);
                let us = self.as_us(&when, at)?;
                let inner = a.get(1).cloned().unwrap_or(Value::Unit);
                let inner = self.to_future(inner, at)?;
                let t = rt.timeout(us, inner);
                Ok(future_value(Box::pin(async move {
                    match t.await {
                        Ok(Ok(v)) => Ok(Value::ok(v)),
                        Ok(Err(f)) => Err(f),
                        Err(rt::Elapsed) => Ok(Value::err(Value::Elapsed)),
                    }
                })))
            }
            Builtin::Spawn => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let fut = self.to_future(take(&mut a), at)?;
                let me = self.clone();
                let task = async move {
                    match (TaskCtx {
                        interp: me,
                        task: true,
                        fut,
                    })
                    .await
                    {
                        Ok(v) | Err(Flow::Return(v)) => Ok(v),
                        Err(Flow::Break(..)) | Err(Flow::Continue(_)) => Ok(Value::Unit),
                        Err(Flow::Panic(p)) => Err(p),
                        Err(Flow::Halt) => std::future::pending().await,
                    }
                };
                let handle = rt.spawn(Box::pin(task));
                Ok(Value::JoinHandle(Rc::new(RefCell::new(Some(handle)))))
            }
            Builtin::YieldNow => {
                let y = rt.yield_now();
                Ok(future_value(Box::pin(async move {
                    y.await;
                    Ok(Value::Unit)
                })))
            }
            Builtin::JoinAll => {
                let items = match take(&mut a) {
                    Value::Vec(items) => Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone()),
                    other => {
                        return Err(self.panic(
                            at,
                            format!(
                                "`join_all` takes a `Vec` of futures, not `{}`",
                                other.type_name()
                            ),
                        ))
                    }
                };
                let futs = items
                    .into_iter()
                    .map(|v| self.to_future(v, at))
                    .collect::<R<Vec<_>>>()?;
                // `futures::future::join_all` polls its futures in order, from the first, each time.
                let j = rt::try_join(futs, true);
                Ok(future_value(Box::pin(async move {
                    Ok(Value::Vec(Rc::new(j.await?)))
                })))
            }
            Builtin::MpscChannel => {
                let n = self.as_usize(a.first().unwrap_or(&Value::Unit), at)?;
                if n == 0 {
                    return Err(self.panic(at, "mpsc bounded channel requires buffer > 0"));
                }
                let (tx, rx) = rt::mpsc::channel(n);
                Ok(Value::Tuple(Rc::new(vec![
                    Value::Sender(tx),
                    Value::Receiver(Rc::new(rx)),
                ])))
            }
            Builtin::MpscUnbounded => {
                let (tx, rx) = rt::mpsc::unbounded_channel();
                Ok(Value::Tuple(Rc::new(vec![
                    Value::UnboundedSender(tx),
                    Value::Receiver(Rc::new(rx)),
                ])))
            }
            Builtin::OneshotChannel => {
                let (tx, rx) = rt::oneshot::channel();
                let rx = future_value(Box::pin(async move {
                    Ok(match rx.await {
                        Ok(v) => Value::ok(v),
                        Err(_) => Value::err(Value::RecvError),
                    })
                }));
                Ok(Value::Tuple(Rc::new(vec![
                    Value::OneshotSender(Rc::new(RefCell::new(Some(tx)))),
                    rx,
                ])))
            }
            Builtin::ThreadSleep => {
                let us = self.as_us(a.first().unwrap_or(&Value::Unit), at)?;
                if us > self.0.limits.max_block_us {
                    return Err(self.halt(self.0.limits.block_too_long(us)));
                }
                // Blocking is what the learner asked for: it does not count as a runaway poll. It is
                // measured in wall time, like the guard it is subtracted from (at speed 0.1 a
                // program-time second blocks the page for ten real ones).
                let before = rt.wall_us();
                rt.block(us);
                let took = rt.wall_us().saturating_sub(before);
                self.0
                    .blocked
                    .set(self.0.blocked.get().saturating_add(took));
                Ok(Value::Unit)
            }
            Builtin::StringFrom => Ok(match take(&mut a) {
                Value::Str(s) => Value::Str(s),
                other => Value::str(fmt::display(&other, None)),
            }),
            Builtin::StringNew => Ok(Value::str("")),
            Builtin::VecNew | Builtin::VecWithCapacity => Ok(Value::Vec(Rc::new(Vec::new()))),
            Builtin::Drop => Ok(Value::Unit),
            Builtin::BoxPin | Builtin::BoxNew | Builtin::Identity => Ok(take(&mut a)),
            Builtin::Stdout => Ok(Value::Unit),
            Builtin::Interval => {
                if !self.0.in_runtime {
                    return Err(self.panic(at, rt::NO_RUNTIME));
                }
                let us = self.as_us(a.first().unwrap_or(&Value::Unit), at)?;
                if us == 0 {
                    return Err(self.panic(at, "`period` must be non-zero."));
                }
                Ok(Value::Interval(rt.interval(us)))
            }
        }
    }

    // ---------------------------------------------------------------- places and methods

    /// The place `e` names (`x`, `t.0`, `v[i]`), or `None` if it is a temporary.
    fn place<'a>(
        &'a self,
        e: &'a Expr,
        env: &'a mut Env,
    ) -> Pin<Box<dyn Future<Output = R<Option<Place>>> + 'a>> {
        Box::pin(async move {
            match &e.kind {
                ExprKind::Var(n) => Ok(Some((n.clone(), Vec::new()))),
                ExprKind::Ref(b) | ExprKind::Unary(UnOp::Deref, b) => self.place(b, env).await,
                ExprKind::Field(b, i) => Ok(self.place(b, env).await?.map(|(n, mut s)| {
                    s.push(Step::Field(*i));
                    (n, s)
                })),
                ExprKind::Index(b, idx) => {
                    let i = self.eval(idx, env).await?;
                    let i = self.as_usize(&i, idx.span)?;
                    Ok(self.place(b, env).await?.map(|(n, mut s)| {
                        s.push(Step::Index(i, e.span));
                        (n, s)
                    }))
                }
                _ => Ok(None),
            }
        })
    }

    fn with_place<T>(
        &self,
        env: &mut Env,
        place: &Option<Place>,
        at: Span,
        f: impl FnOnce(&mut Value) -> R<T>,
    ) -> R<T> {
        let Some((name, steps)) = place else {
            return Err(self.panic(at, "invalid left-hand side of assignment"));
        };
        let Some(mut slot) = env.get_mut(name) else {
            return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
        };
        for step in steps {
            slot = match (step, slot) {
                (Step::Field(i), Value::Tuple(items)) => match Rc::make_mut(items).get_mut(*i) {
                    Some(s) => s,
                    None => return Err(self.panic(at, format!("no field `{i}` on this tuple"))),
                },
                (Step::Index(i, iat), Value::Vec(items)) => {
                    let len = items.len();
                    match Rc::make_mut(items).get_mut(*i) {
                        Some(s) => s,
                        None => {
                            return Err(self.panic(
                                *iat,
                                format!(
                                    "index out of bounds: the len is {len} but the index is {i}"
                                ),
                            ))
                        }
                    }
                }
                (_, other) => {
                    return Err(self.panic(at, format!("cannot index into `{}`", other.type_name())))
                }
            };
        }
        f(slot)
    }

    async fn method(&self, recv: &Expr, name: &str, args: &[Expr], at: Span, env: &mut Env) -> R {
        let place = self.place(recv, env).await?;
        let mut temp = match place {
            Some(_) => None,
            None => Some(self.eval(recv, env).await?),
        };
        let a = self.args(args, env).await?;
        let closures = matches!(
            name,
            "map" | "filter" | "unwrap_or_else" | "and_then" | "map_err"
        );
        if closures {
            let v = match temp.take() {
                Some(v) => v,
                None => self.with_place(env, &place, recv.span, |v| Ok(v.clone()))?,
            };
            return boxed(self.method_closure(v, name, a, at)).await;
        }
        match temp.as_mut() {
            Some(v) => self.method_on(v, name, a, at),
            None => self.with_place(env, &place, recv.span, |v| self.method_on(v, name, a, at)),
        }
    }

    async fn method_closure(&self, v: Value, name: &str, mut a: Vec<Value>, at: Span) -> R {
        let f = if a.is_empty() {
            Value::Unit
        } else {
            a.swap_remove(0)
        };
        match (name, v) {
            ("map", Value::Opt(o)) => match o {
                Some(x) => Ok(Value::some(self.call_value(f, vec![*x], at).await?)),
                None => Ok(Value::Opt(None)),
            },
            ("map", Value::Res(Ok(x))) => Ok(Value::ok(self.call_value(f, vec![*x], at).await?)),
            ("map", r @ Value::Res(Err(_))) => Ok(r),
            ("map_err", Value::Res(Err(x))) => {
                Ok(Value::err(self.call_value(f, vec![*x], at).await?))
            }
            ("map_err", r @ Value::Res(Ok(_))) => Ok(r),
            ("and_then", Value::Opt(Some(x))) | ("and_then", Value::Res(Ok(x))) => {
                self.call_value(f, vec![*x], at).await
            }
            ("and_then", other) => Ok(other),
            ("unwrap_or_else", Value::Opt(Some(x))) | ("unwrap_or_else", Value::Res(Ok(x))) => {
                Ok(*x)
            }
            ("unwrap_or_else", Value::Opt(None)) => self.call_value(f, vec![], at).await,
            ("unwrap_or_else", Value::Res(Err(e))) => self.call_value(f, vec![*e], at).await,
            (m @ ("map" | "filter"), seq) => {
                let items = self.items(seq, at)?;
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    self.tick()?;
                    let r = self.call_value(f.clone(), vec![x.clone()], at).await?;
                    if m == "map" {
                        out.push(r);
                    } else if truthy(&r) {
                        out.push(x);
                    }
                }
                Ok(Value::Vec(Rc::new(out)))
            }
            (_, other) => {
                Err(self.panic(at, format!("no method `{name}` on `{}`", other.type_name())))
            }
        }
    }

    /// The elements of something iterable (a `Vec`, a range, an `Option`).
    fn items(&self, v: Value, at: Span) -> R<Vec<Value>> {
        match v {
            Value::Vec(items) => Ok(Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone())),
            Value::Range(a, b, t) => {
                let n = usize::try_from(b.saturating_sub(a)).unwrap_or(usize::MAX);
                self.check_len(n, "Vec")?;
                self.bulk(n, "Vec")?;
                Ok((a..b).map(|i| Value::Int(i, t)).collect())
            }
            Value::Opt(o) => Ok(o.into_iter().map(|b| *b).collect()),
            Value::Str(s) => Ok(s.chars().map(Value::Char).collect()),
            other => Err(self.panic(at, format!("`{}` is not an iterator", other.type_name()))),
        }
    }

    fn method_on(&self, v: &mut Value, name: &str, mut a: Vec<Value>, at: Span) -> R {
        let arg0 = a.first().cloned().unwrap_or(Value::Unit);
        let mut dbg = String::new();
        match (name, &mut *v) {
            // ---- generic
            (
                "clone" | "to_owned" | "into" | "as_ref" | "as_mut" | "cloned" | "copied" | "iter"
                | "iter_mut" | "into_iter" | "collect",
                Value::Range(..) | Value::Str(_),
            ) if matches!(name, "iter" | "into_iter" | "collect" | "cloned" | "copied") => {
                let items = self.items(v.clone(), at)?;
                if name == "collect" {
                    if let Value::Str(_) = v {
                        return Ok(v.clone());
                    }
                }
                Ok(Value::Vec(Rc::new(items)))
            }
            (
                "clone" | "to_owned" | "into" | "as_ref" | "as_mut" | "cloned" | "copied" | "iter"
                | "iter_mut" | "into_iter" | "fuse",
                x,
            ) => {
                if name == "clone" {
                    if let Value::Sender(s) = x {
                        return Ok(Value::Sender(s.clone()));
                    }
                    if let Value::UnboundedSender(s) = x {
                        return Ok(Value::UnboundedSender(s.clone()));
                    }
                }
                Ok(x.clone())
            }
            ("collect", Value::Vec(items)) => {
                // `collect::<String>()` of chars or strings.
                if items.iter().all(|i| matches!(i, Value::Char(_))) && !items.is_empty() {
                    return Ok(Value::str(
                        items
                            .iter()
                            .map(|c| fmt::display(c, None))
                            .collect::<String>(),
                    ));
                }
                Ok(v.clone())
            }
            ("to_string", x) => Ok(Value::str(fmt::display(x, None))),
            // ---- Option / Result
            ("unwrap", Value::Opt(o)) => match o.take() {
                Some(x) => Ok(*x),
                None => Err(self.panic(at, "called `Option::unwrap()` on a `None` value")),
            },
            ("unwrap", Value::Res(r)) => match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                Ok(x) => Ok(*x),
                Err(e) => {
                    fmt::debug(&mut dbg, &e, None);
                    Err(self.panic(
                        at,
                        format!("called `Result::unwrap()` on an `Err` value: {dbg}"),
                    ))
                }
            },
            ("expect", Value::Opt(o)) => match o.take() {
                Some(x) => Ok(*x),
                None => Err(self.panic(at, fmt::display(&arg0, None))),
            },
            ("expect", Value::Res(r)) => match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                Ok(x) => Ok(*x),
                Err(e) => {
                    fmt::debug(&mut dbg, &e, None);
                    Err(self.panic(at, format!("{}: {dbg}", fmt::display(&arg0, None))))
                }
            },
            ("unwrap_err" | "expect_err", Value::Res(r)) => {
                match std::mem::replace(r, Ok(Box::new(Value::Unit))) {
                    Err(e) => Ok(*e),
                    Ok(x) => {
                        fmt::debug(&mut dbg, &x, None);
                        let head = if name == "unwrap_err" {
                            "called `Result::unwrap_err()` on an `Ok` value".to_string()
                        } else {
                            fmt::display(&arg0, None)
                        };
                        Err(self.panic(at, format!("{head}: {dbg}")))
                    }
                }
            }
            ("unwrap_or", Value::Opt(o)) => Ok(o.take().map(|x| *x).unwrap_or(arg0)),
            ("unwrap_or", Value::Res(r)) => Ok(match r {
                Ok(x) => (**x).clone(),
                Err(_) => arg0,
            }),
            ("unwrap_or_default", Value::Opt(None) | Value::Res(Err(_))) => {
                Ok(Value::Int(0, IntTy::Infer))
            }
            ("unwrap_or_default", Value::Opt(Some(x)) | Value::Res(Ok(x))) => Ok((**x).clone()),
            ("is_some", Value::Opt(o)) => Ok(Value::Bool(o.is_some())),
            ("is_none", Value::Opt(o)) => Ok(Value::Bool(o.is_none())),
            ("is_ok", Value::Res(r)) => Ok(Value::Bool(r.is_ok())),
            ("is_err", Value::Res(r)) => Ok(Value::Bool(r.is_err())),
            ("ok", Value::Res(r)) => {
                Ok(Value::Opt(r.as_ref().ok().map(|x| Box::new((**x).clone()))))
            }
            ("err", Value::Res(r)) => Ok(Value::Opt(
                r.as_ref().err().map(|x| Box::new((**x).clone())),
            )),
            // ---- strings
            ("len", Value::Str(s)) => Ok(Value::usize(s.len())),
            ("is_empty", Value::Str(s)) => Ok(Value::Bool(s.is_empty())),
            ("as_str" | "trim", Value::Str(s)) => Ok(Value::str(if name == "trim" {
                s.trim()
            } else {
                s.as_str()
            })),
            ("push_str", Value::Str(s)) => {
                let add = fmt::display(&arg0, None);
                Rc::make_mut(s).push_str(&add);
                self.check_len(s.len(), "String")?;
                Ok(Value::Unit)
            }
            ("push", Value::Str(s)) => {
                Rc::make_mut(s).push_str(&fmt::display(&arg0, None));
                self.check_len(s.len(), "String")?;
                Ok(Value::Unit)
            }
            ("to_uppercase", Value::Str(s)) => Ok(Value::str(s.to_uppercase())),
            ("to_lowercase", Value::Str(s)) => Ok(Value::str(s.to_lowercase())),
            ("contains", Value::Str(s)) => {
                Ok(Value::Bool(s.contains(fmt::display(&arg0, None).as_str())))
            }
            ("starts_with", Value::Str(s)) => Ok(Value::Bool(
                s.starts_with(fmt::display(&arg0, None).as_str()),
            )),
            ("ends_with", Value::Str(s)) => {
                Ok(Value::Bool(s.ends_with(fmt::display(&arg0, None).as_str())))
            }
            ("chars", Value::Str(s)) => {
                Ok(Value::Vec(Rc::new(s.chars().map(Value::Char).collect())))
            }
            ("split_whitespace", Value::Str(s)) => Ok(Value::Vec(Rc::new(
                s.split_whitespace().map(Value::str).collect(),
            ))),
            ("repeat", Value::Str(s)) => {
                let n = self.as_usize(&arg0, at)?;
                self.check_len(s.len().saturating_mul(n), "String")?;
                self.bulk(s.len().saturating_mul(n), "String")?;
                Ok(Value::str(s.repeat(n)))
            }
            // ---- Vec and iterators
            ("len" | "count", Value::Vec(items)) => Ok(Value::usize(items.len())),
            ("len" | "count", Value::Range(a, b, _)) => {
                Ok(Value::usize(usize::try_from(*b - *a).unwrap_or(0)))
            }
            ("is_empty", Value::Vec(items)) => Ok(Value::Bool(items.is_empty())),
            ("push", Value::Vec(items)) => {
                self.check_len(items.len() + 1, "Vec")?;
                Rc::make_mut(items).push(a.swap_remove(0));
                Ok(Value::Unit)
            }
            ("pop", Value::Vec(items)) => Ok(Value::Opt(Rc::make_mut(items).pop().map(Box::new))),
            ("first", Value::Vec(items)) => Ok(Value::Opt(items.first().cloned().map(Box::new))),
            ("last", Value::Vec(items)) => Ok(Value::Opt(items.last().cloned().map(Box::new))),
            ("get", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                Ok(Value::Opt(items.get(i).cloned().map(Box::new)))
            }
            ("contains", Value::Vec(items)) => {
                Ok(Value::Bool(items.iter().any(|x| x.equals(&arg0))))
            }
            ("contains", Value::Range(lo, hi, _)) => Ok(Value::Bool(
                matches!(arg0, Value::Int(n, _) if n >= *lo && n < *hi),
            )),
            ("insert", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                if i > items.len() {
                    return Err(self.panic(
                        at,
                        format!(
                            "insertion index (is {i}) should be <= len (is {})",
                            items.len()
                        ),
                    ));
                }
                self.check_len(items.len() + 1, "Vec")?;
                let x = a.pop().unwrap_or(Value::Unit);
                Rc::make_mut(items).insert(i, x);
                Ok(Value::Unit)
            }
            ("remove", Value::Vec(items)) => {
                let i = self.as_usize(&arg0, at)?;
                if i >= items.len() {
                    return Err(self.panic(
                        at,
                        format!(
                            "removal index (is {i}) should be < len (is {})",
                            items.len()
                        ),
                    ));
                }
                Ok(Rc::make_mut(items).remove(i))
            }
            ("clear", Value::Vec(items)) => {
                Rc::make_mut(items).clear();
                Ok(Value::Unit)
            }
            ("extend", Value::Vec(items)) => {
                let more = self.items(arg0, at)?;
                self.check_len(items.len() + more.len(), "Vec")?;
                Rc::make_mut(items).extend(more);
                Ok(Value::Unit)
            }
            ("reverse", Value::Vec(items)) => {
                Rc::make_mut(items).reverse();
                Ok(Value::Unit)
            }
            ("sort", Value::Vec(items)) => {
                Rc::make_mut(items)
                    .sort_by(|x, y| x.compare(y).unwrap_or(std::cmp::Ordering::Equal));
                Ok(Value::Unit)
            }
            ("join", Value::Vec(items)) => {
                let sep = fmt::display(&arg0, None);
                let s = items
                    .iter()
                    .map(|x| fmt::display(x, None))
                    .collect::<Vec<_>>()
                    .join(&sep);
                self.check_len(s.len(), "String")?;
                Ok(Value::str(s))
            }
            (
                "enumerate" | "rev" | "sum" | "skip" | "take" | "zip" | "min" | "max",
                seq @ (Value::Vec(_) | Value::Range(..)),
            ) => {
                let items = self.items(seq.clone(), at)?;
                match name {
                    "enumerate" => Ok(Value::Vec(Rc::new(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| Value::Tuple(Rc::new(vec![Value::usize(i), x])))
                            .collect(),
                    ))),
                    "rev" => Ok(Value::Vec(Rc::new(items.into_iter().rev().collect()))),
                    "skip" => Ok(Value::Vec(Rc::new(
                        items.into_iter().skip(self.as_usize(&arg0, at)?).collect(),
                    ))),
                    "take" => Ok(Value::Vec(Rc::new(
                        items.into_iter().take(self.as_usize(&arg0, at)?).collect(),
                    ))),
                    "zip" => {
                        let other = self.items(arg0, at)?;
                        Ok(Value::Vec(Rc::new(
                            items
                                .into_iter()
                                .zip(other)
                                .map(|(x, y)| Value::Tuple(Rc::new(vec![x, y])))
                                .collect(),
                        )))
                    }
                    "min" | "max" => {
                        let want = if name == "min" {
                            std::cmp::Ordering::Less
                        } else {
                            std::cmp::Ordering::Greater
                        };
                        let mut best: Option<Value> = None;
                        for x in items {
                            best = match best {
                                // `max` keeps the last of equal elements, `min` the first.
                                Some(b) => match x.compare(&b) {
                                    Some(o) if o == want => Some(x),
                                    Some(std::cmp::Ordering::Equal) if name == "max" => Some(x),
                                    _ => Some(b),
                                },
                                None => Some(x),
                            };
                        }
                        Ok(Value::Opt(best.map(Box::new)))
                    }
                    _ => {
                        let mut total = Value::Int(0, IntTy::Infer);
                        for x in items {
                            if let (Value::Int(0, IntTy::Infer), Value::Float(_)) = (&total, &x) {
                                total = Value::Float(0.0);
                            }
                            total = self.binop(BinOp::Add, total, x, at)?;
                        }
                        Ok(total)
                    }
                }
            }
            // ---- numbers
            ("abs", Value::Int(n, t)) => match n.checked_abs().filter(|r| in_range(*r, *t)) {
                Some(r) => Ok(Value::Int(r, *t)),
                None => Err(self.panic(at, "attempt to negate with overflow")),
            },
            ("abs", Value::Float(f)) => Ok(Value::Float(f.abs())),
            ("pow", Value::Int(..)) => {
                let e = u32::try_from(self.as_usize(&arg0, at)?).unwrap_or(u32::MAX);
                let mut acc = Value::Int(1, int_ty(v));
                for _ in 0..e.min(200) {
                    acc = self
                        .binop(BinOp::Mul, acc, v.clone(), at)
                        .map_err(|_| self.panic(at, "attempt to multiply with overflow"))?;
                }
                Ok(acc)
            }
            (
                "min" | "max",
                x @ (Value::Int(..) | Value::Float(_) | Value::Duration(_) | Value::Str(_)),
            ) => {
                let o = x.compare(&arg0).unwrap_or(std::cmp::Ordering::Equal);
                let pick_self = if name == "min" {
                    o != std::cmp::Ordering::Greater
                } else {
                    o == std::cmp::Ordering::Greater
                };
                Ok(if pick_self { x.clone() } else { arg0 })
            }
            (m, Value::Int(n, t))
                if m.starts_with("checked_")
                    || m.starts_with("saturating_")
                    || m.starts_with("wrapping_") =>
            {
                let (n, t) = (*n, *t);
                let Value::Int(r, t2) = arg0 else {
                    return Err(self.panic(at, format!("`{m}` takes an integer")));
                };
                let t = t.unify(t2);
                let exact = match m.rsplit('_').next() {
                    Some("add") => n.checked_add(r),
                    Some("sub") => n.checked_sub(r),
                    Some("mul") => n.checked_mul(r),
                    _ => n.checked_div(r),
                };
                let (lo, hi) = t.range();
                Ok(if m.starts_with("checked_") {
                    Value::Opt(
                        exact
                            .filter(|x| in_range(*x, t))
                            .map(|x| Box::new(Value::Int(x, t))),
                    )
                } else if m.starts_with("saturating_") {
                    let x = exact.unwrap_or(if (r < 0) == m.ends_with("add") {
                        lo
                    } else {
                        hi
                    });
                    Value::Int(x.clamp(lo, hi), t)
                } else {
                    Value::Int(wrap_int(exact.unwrap_or(0), t), t)
                })
            }
            ("sqrt", Value::Float(f)) => Ok(Value::Float(f.sqrt())),
            ("round", Value::Float(f)) => Ok(Value::Float(f.round())),
            ("floor", Value::Float(f)) => Ok(Value::Float(f.floor())),
            ("ceil", Value::Float(f)) => Ok(Value::Float(f.ceil())),
            ("powi", Value::Float(f)) => Ok(Value::Float(
                f.powi(i32::try_from(self.as_usize(&arg0, at)?).unwrap_or(i32::MAX)),
            )),
            // ---- time
            ("as_secs", Value::Duration(d)) => Ok(Value::Int(i128::from(d.as_secs()), IntTy::U64)),
            ("as_millis", Value::Duration(d)) => Ok(Value::Int(d.as_millis() as i128, IntTy::U128)),
            ("as_micros", Value::Duration(d)) => Ok(Value::Int(d.as_micros() as i128, IntTy::U128)),
            ("as_nanos", Value::Duration(d)) => Ok(Value::Int(d.as_nanos() as i128, IntTy::U128)),
            ("as_secs_f64" | "as_secs_f32", Value::Duration(d)) => {
                Ok(Value::Float(d.as_secs_f64()))
            }
            ("subsec_millis", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_millis()), IntTy::U32))
            }
            ("subsec_micros", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_micros()), IntTy::U32))
            }
            ("subsec_nanos", Value::Duration(d)) => {
                Ok(Value::Int(i128::from(d.subsec_nanos()), IntTy::U32))
            }
            ("elapsed", Value::Instant(t)) => Ok(Value::Duration(Duration::from_micros(
                self.0.rt.now_us().saturating_sub(*t),
            ))),
            ("duration_since" | "saturating_duration_since", Value::Instant(t)) => match arg0 {
                Value::Instant(o) => {
                    Ok(Value::Duration(Duration::from_micros(t.saturating_sub(o))))
                }
                _ => Err(self.panic(at, "`duration_since` takes an `Instant`")),
            },
            ("checked_duration_since", Value::Instant(t)) => match arg0 {
                Value::Instant(o) => {
                    Ok(Value::Opt(t.checked_sub(o).map(|d| {
                        Box::new(Value::Duration(Duration::from_micros(d)))
                    })))
                }
                _ => Err(self.panic(at, "`checked_duration_since` takes an `Instant`")),
            },
            // ---- tasks
            ("abort", Value::JoinHandle(h)) => {
                if let Some(h) = h.borrow().as_ref() {
                    h.abort();
                }
                Ok(Value::Unit)
            }
            ("is_finished", Value::JoinHandle(h)) => Ok(Value::Bool(
                h.borrow().as_ref().is_none_or(|h| h.is_finished()),
            )),
            ("is_cancelled", Value::JoinError(e)) => Ok(Value::Bool(e.is_cancelled())),
            ("is_panic", Value::JoinError(e)) => Ok(Value::Bool(e.is_panic())),
            // ---- channels
            ("send", Value::Sender(tx)) => {
                let send = tx.send(a.swap_remove(0));
                Ok(future_value(Box::pin(async move {
                    Ok(match send.await {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
                    })
                })))
            }
            ("send", Value::UnboundedSender(tx)) => Ok(match tx.send(a.swap_remove(0)) {
                Ok(()) => Value::ok(Value::Unit),
                Err(rt::mpsc::SendError(v)) => Value::err(Value::SendError(Box::new(v))),
            }),
            ("send", Value::OneshotSender(cell)) => {
                let tx = cell.borrow_mut().take();
                match tx {
                    Some(tx) => Ok(match tx.send(a.swap_remove(0)) {
                        Ok(()) => Value::ok(Value::Unit),
                        Err(v) => Value::err(v),
                    }),
                    None => Err(self.panic(
                        at,
                        "use of moved value: the oneshot sender was already used",
                    )),
                }
            }
            ("is_closed", Value::Sender(tx)) => Ok(Value::Bool(tx.is_closed())),
            ("is_closed", Value::UnboundedSender(tx)) => Ok(Value::Bool(tx.is_closed())),
            ("is_closed", Value::Receiver(rx)) => Ok(Value::Bool(rx.is_closed())),
            ("recv", Value::Receiver(rx)) => {
                let recv = rx.recv();
                let keep = rx.clone();
                Ok(future_value(Box::pin(async move {
                    let v = recv.await;
                    drop(keep);
                    Ok(Value::Opt(v.map(Box::new)))
                })))
            }
            ("tick", Value::Interval(i)) => {
                let tick = i.tick();
                Ok(future_value(Box::pin(async move {
                    Ok(Value::Instant(tick.await))
                })))
            }
            ("try_recv", Value::Receiver(rx)) => Ok(match rx.try_recv() {
                Ok(v) => Value::ok(v),
                Err(e) => Value::err(Value::Error(Rc::new((format!("{e:?}"), e.to_string())))),
            }),
            ("parse", Value::Str(s)) => Ok(parse(s, &arg0)),
            ("flush", Value::Unit) => Ok(Value::ok(Value::Unit)),
            ("step_by", seq @ (Value::Vec(_) | Value::Range(..))) => {
                let n = self.as_usize(&arg0, at)?;
                if n == 0 {
                    return Err(self.panic(at, "assertion failed: step != 0"));
                }
                let items = self.items(seq.clone(), at)?;
                Ok(Value::Vec(Rc::new(items.into_iter().step_by(n).collect())))
            }
            ("close", Value::Receiver(rx)) => {
                rx.close();
                Ok(Value::Unit)
            }
            (_, other) => Err(self.panic(
                at,
                format!(
                    "no method named `{name}` found for `{}` in this playground",
                    other.type_name()
                ),
            )),
        }
    }

    // ---------------------------------------------------------------- operators

    fn binop(&self, op: BinOp, l: Value, r: Value, at: Span) -> R {
        use BinOp::*;
        let overflow = |what: &str| self.panic(at, format!("attempt to {what} with overflow"));
        match (l, r) {
            (Value::Int(a, ta), Value::Int(b, tb)) => {
                let mut t = ta.unify(tb);
                // Two unsuffixed literals whose values don't fit an `i32`: Rust would have inferred
                // a wider type from their context (`Duration::from_secs(5_000_000_000)`).
                if t == IntTy::Infer && !(in_range(a, IntTy::I32) && in_range(b, IntTy::I32)) {
                    t = IntTy::I64;
                }
                let checked = |x: Option<i128>, what: &str| match x.filter(|x| in_range(*x, t)) {
                    Some(x) => Ok(Value::Int(x, t)),
                    None => Err(overflow(what)),
                };
                match op {
                    Add => checked(a.checked_add(b), "add"),
                    Sub => checked(a.checked_sub(b), "subtract"),
                    Mul => checked(a.checked_mul(b), "multiply"),
                    Div if b == 0 => Err(self.panic(at, "attempt to divide by zero")),
                    Div => checked(a.checked_div(b), "divide"),
                    Rem if b == 0 => Err(self.panic(
                        at,
                        "attempt to calculate the remainder with a divisor of zero",
                    )),
                    Rem => checked(a.checked_rem(b), "calculate the remainder"),
                    BitAnd => Ok(Value::Int(a & b, t)),
                    BitOr => Ok(Value::Int(a | b, t)),
                    BitXor => Ok(Value::Int(a ^ b, t)),
                    Shl | Shr => {
                        let bits = int_bits(t);
                        if b < 0 || b >= i128::from(bits) {
                            return Err(overflow(if op == Shl {
                                "shift left"
                            } else {
                                "shift right"
                            }));
                        }
                        let s = u32::try_from(b).unwrap_or(0);
                        Ok(Value::Int(
                            if op == Shl {
                                wrap_int(a.wrapping_shl(s), t)
                            } else {
                                a >> s
                            },
                            t,
                        ))
                    }
                    _ => compare(op, Value::Int(a, ta), Value::Int(b, tb))
                        .ok_or_else(|| self.panic(at, "cannot compare")),
                }
            }
            (Value::Float(a), Value::Float(b)) => {
                float_op(op, a, b).ok_or_else(|| self.panic(at, "unsupported float operation"))
            }
            (Value::Int(a, _), Value::Float(b)) => {
                float_op(op, a as f64, b).ok_or_else(|| self.panic(at, "unsupported operation"))
            }
            (Value::Float(a), Value::Int(b, _)) => {
                float_op(op, a, b as f64).ok_or_else(|| self.panic(at, "unsupported operation"))
            }
            (Value::Str(a), r) if op == Add => {
                let mut s = a;
                Rc::make_mut(&mut s).push_str(&fmt::display(&r, None));
                self.check_len(s.len(), "String")?;
                Ok(Value::Str(s))
            }
            (Value::Duration(a), Value::Duration(b)) => match op {
                Add => a
                    .checked_add(b)
                    .map(Value::Duration)
                    .ok_or_else(|| self.panic(at, "overflow when adding durations")),
                Sub => a
                    .checked_sub(b)
                    .map(Value::Duration)
                    .ok_or_else(|| self.panic(at, "overflow when subtracting durations")),
                _ => compare(op, Value::Duration(a), Value::Duration(b))
                    .ok_or_else(|| self.panic(at, "unsupported operation on `Duration`")),
            },
            (Value::Duration(d), Value::Int(n, _)) | (Value::Int(n, _), Value::Duration(d))
                if matches!(op, Mul | Div) =>
            {
                let n = u32::try_from(n).map_err(|_| {
                    self.panic(at, "a `Duration` is multiplied or divided by a `u32`")
                })?;
                match op {
                    Mul => d.checked_mul(n).map(Value::Duration).ok_or_else(|| {
                        self.panic(at, "overflow when multiplying duration by scalar")
                    }),
                    _ if n == 0 => {
                        Err(self.panic(at, "divide by zero error when dividing duration by scalar"))
                    }
                    _ => Ok(Value::Duration(d / n)),
                }
            }
            (Value::Instant(t), Value::Duration(d)) if matches!(op, Add | Sub) => {
                let us = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
                match op {
                    Add => Ok(Value::Instant(t.saturating_add(us))),
                    _ => t.checked_sub(us).map(Value::Instant).ok_or_else(|| {
                        self.panic(at, "overflow when subtracting duration from instant")
                    }),
                }
            }
            (Value::Instant(a), Value::Instant(b)) if op == Sub => {
                Ok(Value::Duration(Duration::from_micros(a.saturating_sub(b))))
            }
            (l, r) => compare(op, l.clone(), r.clone()).ok_or_else(|| {
                self.panic(
                    at,
                    format!(
                        "cannot apply `{op:?}` to `{}` and `{}`",
                        l.type_name(),
                        r.type_name()
                    ),
                )
            }),
        }
    }
}

/// Polls a spawned task's (or `main`'s) future with the per-poll accounting reset: the busy-time
/// limit is per poll, and a panic names the thread it happened on.
struct TaskCtx {
    interp: Interp,
    task: bool,
    fut: ValFut,
}

impl Future for TaskCtx {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let i = self.interp.0.clone();
        let outer = i.in_task.replace(self.task);
        i.ops.set(0);
        i.blocked.set(0);
        i.poll_start.set(i.rt.wall_us());
        i.depth.set(0);
        let r = self.fut.as_mut().poll(cx);
        i.in_task.set(outer);
        r
    }
}

/// Counts an `async fn`'s poll as one call level, so deep `Box::pin` recursion stops cleanly.
struct Depth<F> {
    interp: Interp,
    fut: F,
}

impl<F: Future<Output = R> + Unpin> Future for Depth<F> {
    type Output = R;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let i = self.interp.0.clone();
        let d = i.depth.get();
        if d >= i.limits.max_call_depth {
            return Poll::Ready(Err(self.interp.halt(i.limits.call_too_deep())));
        }
        i.depth.set(d + 1);
        let r = Pin::new(&mut self.fut).poll(cx);
        i.depth.set(d);
        r
    }
}

/// Boxes a future behind `dyn`, so that its poll is a call of its own and not inlined into the
/// caller's: every interpreted call level then costs only a small stack frame (the wasm stack is 1 MB).
fn boxed<'a, T>(f: impl Future<Output = T> + 'a) -> Pin<Box<dyn Future<Output = T> + 'a>> {
    Box::pin(f)
}

fn future_value(f: ValFut) -> Value {
    Value::Future(FutCell::new(RefCell::new(Some(f))))
}

/// The captured variables of a closure or async block: copied, or moved out with `move`.
fn capture(names: &[Name], is_move: bool, env: &mut Env) -> Vec<(Name, Value)> {
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let Some(v) = env.get_mut(n) else { continue };
        let v = if is_move && v.is_resource() {
            std::mem::replace(v, Value::Moved)
        } else {
            v.clone()
        };
        out.push((n.clone(), v));
    }
    out
}

fn lit(l: &Lit) -> Value {
    match l {
        Lit::Int(n, t) => Value::Int(*n, *t),
        Lit::Float(f) => Value::Float(*f),
        Lit::Str(s) => Value::str(s.as_ref()),
        Lit::Char(c) => Value::Char(*c),
        Lit::Bool(b) => Value::Bool(*b),
    }
}

fn truthy(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

fn label_matches(got: &Option<Name>, mine: &Option<Name>) -> bool {
    got.is_none() || got == mine
}

/// One pass of a loop's body (`loop`, `while`, `while let`, `for`), as the loop sees it: `Ok(None)`
/// to go on (the body ended, or a `continue` for this loop), `Ok(Some(v))` for a `break` of this loop
/// with its value, `Err` for everything that leaves the loop outward (a break or continue of an
/// outer label, `return`, `?`, a panic).
fn loop_pass(r: R, label: &Option<Name>) -> Result<Option<Value>, Flow> {
    match r {
        Ok(_) => Ok(None),
        Err(Flow::Break(l, v)) if label_matches(&l, label) => Ok(Some(v)),
        Err(Flow::Continue(l)) if label_matches(&l, label) => Ok(None),
        Err(f) => Err(f),
    }
}

fn in_range(x: i128, t: IntTy) -> bool {
    let (lo, hi) = t.range();
    x >= lo && x <= hi
}

fn int_bits(t: IntTy) -> u32 {
    match t {
        IntTy::I8 | IntTy::U8 => 8,
        IntTy::I16 | IntTy::U16 => 16,
        IntTy::I32 | IntTy::U32 | IntTy::Infer => 32,
        IntTy::I64 | IntTy::U64 | IntTy::Isize | IntTy::Usize => 64,
        IntTy::I128 | IntTy::U128 => 128,
    }
}

fn int_ty(v: &Value) -> IntTy {
    match v {
        Value::Int(_, t) => *t,
        _ => IntTy::Infer,
    }
}

/// Two's-complement wrap of `x` into `t` (what `as` and `wrapping_*` do).
fn wrap_int(x: i128, t: IntTy) -> i128 {
    let bits = int_bits(t);
    if bits >= 128 {
        return x;
    }
    let m = 1i128 << bits;
    let u = x.rem_euclid(m);
    let (lo, _) = t.range();
    if lo < 0 && u >= m / 2 {
        u - m
    } else {
        u
    }
}

fn float_op(op: BinOp, a: f64, b: f64) -> Option<Value> {
    use BinOp::*;
    Some(match op {
        Add => Value::Float(a + b),
        Sub => Value::Float(a - b),
        Mul => Value::Float(a * b),
        Div => Value::Float(a / b),
        Rem => Value::Float(a % b),
        _ => return compare(op, Value::Float(a), Value::Float(b)),
    })
}

fn compare(op: BinOp, l: Value, r: Value) -> Option<Value> {
    use std::cmp::Ordering::*;
    Some(Value::Bool(match op {
        BinOp::Eq => l.equals(&r),
        BinOp::Ne => !l.equals(&r),
        BinOp::Lt => l.compare(&r)? == Less,
        BinOp::Le => l.compare(&r)? != Greater,
        BinOp::Gt => l.compare(&r)? == Greater,
        BinOp::Ge => l.compare(&r)? != Less,
        _ => return None,
    }))
}

fn cast(v: Value, ty: &Ty) -> Value {
    match (v, ty) {
        (Value::Int(n, _), Ty::Int(t)) => Value::Int(wrap_int(n, *t), *t),
        (Value::Float(f), Ty::Int(t)) => {
            let (lo, hi) = t.range();
            // `as` from float saturates, and NaN is 0.
            let n = if f.is_nan() {
                0
            } else {
                (f.trunc() as i128).clamp(lo, hi)
            };
            Value::Int(n, *t)
        }
        (Value::Bool(b), Ty::Int(t)) => Value::Int(i128::from(b), *t),
        (Value::Char(c), Ty::Int(t)) => Value::Int(wrap_int(i128::from(u32::from(c)), *t), *t),
        (Value::Int(n, _), Ty::Float) => Value::Float(n as f64),
        (v, _) => v,
    }
}

/// Gives unsuffixed integer literals the type the context declares (`let x: u64 = 5`).
pub fn coerce(v: Value, ty: &Ty) -> Value {
    match (v, ty) {
        (Value::Int(n, IntTy::Infer), Ty::Int(t)) => Value::Int(n, *t),
        (Value::Int(n, _), Ty::Float) => Value::Float(n as f64),
        (Value::Tuple(items), Ty::Tuple(tys)) => {
            let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
            Value::Tuple(Rc::new(
                items
                    .into_iter()
                    .zip(tys.iter().chain(std::iter::repeat(&Ty::Other)))
                    .map(|(v, t)| coerce(v, t))
                    .collect(),
            ))
        }
        (Value::Vec(items), Ty::Vec(t)) => {
            if !items
                .iter()
                .any(|v| matches!(v, Value::Int(_, IntTy::Infer)))
            {
                return Value::Vec(items);
            }
            let items = Rc::try_unwrap(items).unwrap_or_else(|rc| (*rc).clone());
            Value::Vec(Rc::new(items.into_iter().map(|v| coerce(v, t)).collect()))
        }
        (Value::Opt(Some(x)), Ty::Option(t)) => Value::some(coerce(*x, t)),
        (Value::Res(Ok(x)), Ty::Result(t, _)) => Value::ok(coerce(*x, t)),
        (Value::Res(Err(x)), Ty::Result(_, e)) => Value::err(coerce(*x, e)),
        (v, _) => v,
    }
}

fn refutable(p: &Pat) -> bool {
    match p {
        Pat::Wild | Pat::Bind { .. } | Pat::Rest => false,
        Pat::Tuple(ps) => ps.iter().any(refutable),
        Pat::Or(ps) => ps.iter().all(refutable),
        _ => true,
    }
}

/// Does `v` match `p`?
pub fn matches(p: &Pat, v: &Value) -> bool {
    match (p, v) {
        (Pat::Wild | Pat::Bind { .. } | Pat::Rest, _) => true,
        (Pat::Lit(l), v) => lit(l).equals(v),
        (Pat::Range(lo, hi, inclusive), v) => {
            let (lo, hi) = (lit(lo), lit(hi));
            let above = matches!(
                v.compare(&lo),
                Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
            );
            let below = match v.compare(&hi) {
                Some(std::cmp::Ordering::Less) => true,
                Some(std::cmp::Ordering::Equal) => *inclusive,
                _ => false,
            };
            above && below
        }
        (Pat::None, Value::Opt(None)) => true,
        (Pat::Variant(Variant::Some, inner), Value::Opt(Some(x))) => matches(inner, x),
        (Pat::Variant(Variant::Ok, inner), Value::Res(Ok(x))) => matches(inner, x),
        (Pat::Variant(Variant::Err, inner), Value::Res(Err(x))) => matches(inner, x),
        (Pat::Tuple(ps), Value::Tuple(items) | Value::Vec(items)) => {
            let rest = ps.iter().position(|p| matches!(p, Pat::Rest));
            match rest {
                None => {
                    ps.len() == items.len()
                        && ps.iter().zip(items.iter()).all(|(p, v)| matches(p, v))
                }
                Some(r) => {
                    let tail = ps.len() - r - 1;
                    items.len() >= r + tail
                        && ps
                            .iter()
                            .take(r)
                            .zip(items.iter())
                            .all(|(p, v)| matches(p, v))
                        && ps
                            .iter()
                            .skip(r + 1)
                            .zip(items.iter().skip(items.len() - tail))
                            .all(|(p, v)| matches(p, v))
                }
            }
        }
        (Pat::Tuple(ps), Value::Unit) => ps.is_empty(),
        (Pat::Or(alts), v) => alts.iter().any(|p| matches(p, v)),
        _ => false,
    }
}

/// `str::parse` to the type `target` stands for (an integer or float literal), with Rust's own
/// errors (`ParseIntError { kind: InvalidDigit }`, "invalid digit found in string").
fn parse(s: &str, target: &Value) -> Value {
    fn res<T, E: std::fmt::Debug + std::fmt::Display>(
        r: Result<T, E>,
        ok: impl FnOnce(T) -> Value,
    ) -> Value {
        match r {
            Ok(v) => Value::ok(ok(v)),
            Err(e) => Value::err(Value::Error(Rc::new((format!("{e:?}"), e.to_string())))),
        }
    }
    let int = |t: IntTy| move |n: i128| Value::Int(n, t);
    match target {
        Value::Float(_) => res(s.parse::<f64>(), Value::Float),
        Value::Int(_, t) => match t {
            IntTy::I8 => res(s.parse::<i8>().map(i128::from), int(*t)),
            IntTy::I16 => res(s.parse::<i16>().map(i128::from), int(*t)),
            IntTy::I32 | IntTy::Infer => res(s.parse::<i32>().map(i128::from), int(*t)),
            IntTy::I64 | IntTy::Isize => res(s.parse::<i64>().map(i128::from), int(*t)),
            IntTy::I128 => res(s.parse::<i128>(), int(*t)),
            IntTy::U8 => res(s.parse::<u8>().map(i128::from), int(*t)),
            IntTy::U16 => res(s.parse::<u16>().map(i128::from), int(*t)),
            IntTy::U32 => res(s.parse::<u32>().map(i128::from), int(*t)),
            IntTy::U64 | IntTy::Usize => res(s.parse::<u64>().map(i128::from), int(*t)),
            IntTy::U128 => res(s.parse::<i128>().map(|n| n.max(0)), int(*t)),
        },
        _ => res(s.parse::<i32>().map(i128::from), int(IntTy::Infer)),
    }
}

fn duration_err(e: &str) -> String {
    e.trim_start_matches("cannot convert float seconds to Duration: ")
        .to_string()
}
