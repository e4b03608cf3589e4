//! The evaluator: async Rust walking the AST, so that every interpreted `async fn` call and `async`
//! block *is* a real future (traced by the run's [`Tracer`]). Tokio's behaviour is not here but in
//! [`super::rt`]; this module only decides *what* the program asks of it.

use super::ast::*;
use super::diag::Span;
use super::fmt;
use super::limits::Limits;
use super::mem::{self, Alloc, Place, Step};
use super::rt::{self, BoxFut, Flavor, Rt};
use super::value::{Closure, Flow, FutCell, ValFut, Value};
use crate::trace::Tracer;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

mod builtin;
mod call;
mod compound;
mod expr;
mod future;
mod macros;
mod ops;
mod parts;
mod pattern;
mod place;
mod smart;
mod sync;
mod task;
mod thread;
mod tokio;
mod tokio_local;
mod tokio_more;
mod tokio_sync;
mod tokio_task;
mod tokio_watch;
mod user;
mod user_fmt;
mod user_future;
mod user_ops;

use ops::*;
use pattern::*;
use task::*;

/// What evaluating gives: a value, or why evaluation left the normal path.
pub(crate) type R<T = Value> = Result<T, Flow>;

// The helpers the std tables (`interp/std/`) use.
pub(crate) use ops::{in_range, int_bits, wrap_int};
pub(crate) use task::{boxed, future_value};

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

/// Local variables: a stack of (name, allocation); a scope is a length to truncate back to. A
/// variable's allocation is its place ([`mem::Place::root`]): references, borrowing closures and
/// borrowing `async` blocks share it.
#[derive(Default)]
pub struct Env {
    vars: Vec<(Name, Alloc)>,
}

impl Env {
    fn get(&self, name: &str) -> Option<&Alloc> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n.as_ref() == name)
            .map(|(_, a)| a)
    }

    fn push(&mut self, name: Name, v: Value) {
        self.vars.push((name, mem::alloc(v)));
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

// An environment dropped whole (a future cancelled at an `.await`, a task dropped) drops its
// variables as Rust drops a suspended body's: the last declared first.
impl Drop for Env {
    fn drop(&mut self) {
        self.pop_to(0);
    }
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
    /// A `spawn_blocking` closure is being polled: it runs on a blocking-pool thread.
    blocking: Cell<bool>,
    /// Inside `futures::executor::block_on` in a plain `fn main`: async bodies run there.
    executor: Cell<bool>,
    /// The statics whose value is a shared handle (`static ONCE: OnceCell<T>`, a `Mutex`): made
    /// once, the same object at every use.
    statics: RefCell<Vec<(Name, Value)>>,
    depth: Cell<u32>,
    lines: Cell<u64>,
    out_buf: RefCell<String>,
    err_buf: RefCell<String>,
    panicked: Cell<bool>,
    /// Elements and bytes allocated in bulk so far (see [`Interp::bulk`]).
    bulk: Cell<usize>,
    /// What the synchronous path knows of the program ([`sync`]).
    sync: sync::Facts,
}

impl Interp {
    /// An interpreter for `program`, running on `rt`.
    pub fn new(program: Program, rt: Rt, tracer: Tracer, limits: Limits) -> Interp {
        let in_runtime = program.main != MainKind::Plain;
        let flavor = rt.flavor();
        let me = Interp(Rc::new(Inner {
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
            blocking: Cell::new(false),
            executor: Cell::new(false),
            statics: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            lines: Cell::new(0),
            out_buf: RefCell::new(String::new()),
            err_buf: RefCell::new(String::new()),
            panicked: Cell::new(false),
            bulk: Cell::new(0),
            sync: sync::Facts::default(),
        }));
        me.judge_fns();
        // A strong reference, like every task's future holds: the runtime lets go of it when it
        // drops its tasks (shutdown, Stop).
        let hook = me.clone();
        me.0.rt.on_dropped_futures(Rc::new(move |run| {
            if run {
                hook.run_drops_now();
            } else {
                // (Dropping the values may queue their fields' drops.)
                while mem::has_pending_drops() {
                    drop(mem::take_pending_drops());
                }
            }
        }));
        me
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
            let run: ValFut = Box::pin(run);
            Box::pin(self.0.tracer.trace_pinned("main", run))
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
    pub(crate) fn panic(&self, at: Span, message: impl Into<String>) -> Flow {
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
        mem::set_panicking(true);
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

    /// The run's clock, in µs of program time.
    pub(crate) fn now_us(&self) -> u64 {
        self.0.rt.now_us()
    }

    pub(crate) fn halt(&self, note: String) -> Flow {
        self.0.rt.halt(&note);
        Flow::Halt
    }

    /// One evaluation step: checks, now and then, that this poll has not run too long.
    pub(crate) fn tick(&self) -> R<()> {
        let n = self.0.ops.get() + 1;
        self.0.ops.set(n);
        let every = u64::from(self.0.limits.ops_per_clock_check.max(1));
        // A mask for the usual power of two: a division on every step is a cost of its own.
        let due = if every.is_power_of_two() {
            n & (every - 1) == 0
        } else {
            n.is_multiple_of(every)
        };
        if due {
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
    pub(crate) fn bulk(&self, n: usize, what: &str) -> R<()> {
        let total = self.0.bulk.get().saturating_add(n);
        self.0.bulk.set(total);
        if total > self.0.limits.max_bulk_alloc {
            return Err(self.halt(self.0.limits.too_much_memory(what)));
        }
        Ok(())
    }

    pub(crate) fn check_len(&self, len: usize, what: &str) -> R<()> {
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
        if self.block_ok(b) {
            return EvalFut::Ready(Some(self.block_sync(b, env)));
        }
        EvalFut::Boxed(Box::pin(async move {
            let mark = env.mark();
            let r = self.block_inner(b, env).await;
            env.pop_to(mark);
            if mem::has_pending_drops() {
                boxed(self.run_drops()).await?;
            }
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
            // Temporaries died with the statement: their user `Drop`s run now.
            if mem::has_pending_drops() {
                boxed(self.run_drops()).await?;
            }
        }
        match &b.tail {
            Some(t) => self.eval(t, env).await,
            None => Ok(Value::Unit),
        }
    }

    /// Binds the names of `pat` (which matches `v`).
    fn bind(&self, pat: &Pat, v: Value, env: &mut Env) {
        if let (
            Value::Ref(r),
            Pat::Tuple(_)
            | Pat::Variant(..)
            | Pat::Or(_)
            | Pat::Adt(..)
            | Pat::At(..)
            | Pat::Slice(_),
        ) = (&v, pat)
        {
            // Destructuring through a reference binds references to the parts (`&mut` default
            // binding mode): `if let Some(x) = &mut opt { *x += 1 }` changes `opt`.
            let r = (**r).clone();
            self.bind_ref(pat, r, env);
            return;
        }
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
            Pat::Adt(..) | Pat::At(..) | Pat::Slice(_) => self.bind_user(pat, v, env),
            Pat::TokioError(_, inner) => {
                if let (Some(p), Value::Error(e)) = (inner, mem::deref(v)) {
                    if let Some(n) = pattern::tokio_payload(&e.0) {
                        self.bind(p, n, env);
                    }
                }
            }
        }
    }

    /// [`Interp::bind`] of a pattern matched through a reference to `place`.
    fn bind_ref(&self, pat: &Pat, place: Place, env: &mut Env) {
        match pat {
            Pat::Bind { name, .. } => env.push(name.clone(), Value::reference(place)),
            Pat::Tuple(pats) => {
                let n = place
                    .with(|v| {
                        mem::with_deref(v, |v| match v {
                            Value::Tuple(items) | Value::Vec(items) => items.len(),
                            _ => 0,
                        })
                    })
                    .unwrap_or(0);
                let Ok(place) = place.resolve() else { return };
                let place = match place.with(mem::pointee) {
                    Ok(Some(p)) => p,
                    _ => place,
                };
                let is_vec = matches!(place.with(|v| matches!(v, Value::Vec(_))), Ok(true));
                let rest = pats.iter().position(|p| matches!(p, Pat::Rest));
                for (i, p) in pats.iter().enumerate() {
                    let k = match rest {
                        Some(r) if i == r => continue,
                        Some(r) if i > r => n + i - pats.len(),
                        _ => i,
                    };
                    let step = if is_vec {
                        Step::Index(k)
                    } else {
                        Step::Field(k)
                    };
                    self.bind_ref(p, place.project(step), env);
                }
            }
            Pat::Variant(_, inner) => self.bind_ref(inner, place.project(Step::Payload), env),
            Pat::Adt(..) | Pat::At(..) | Pat::Slice(_) => self.bind_ref_user(pat, place, env),
            Pat::Or(alts) => {
                let v = place.read().unwrap_or(Value::Moved);
                if let Some(p) = alts.iter().find(|p| matches(p, &v)) {
                    self.bind_ref(p, place, env);
                }
            }
            _ => {}
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

    /// Can `e` be evaluated without awaiting anything (no `.await`, no call of interpreted code
    /// that could await)? Those expressions (`i * 10`, `Duration::from_millis(n)`, `t.0`,
    /// `task(i)`, and the statements and calls of [`sync`]) skip the boxed future that every
    /// other expression costs.
    fn is_simple(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Lit(_) | ExprKind::Var(_) | ExprKind::Const(_) | ExprKind::None => true,
            ExprKind::Ref(a) | ExprKind::Unary(_, a) | ExprKind::Field(a, _) => self.is_simple(a),
            ExprKind::Binary(_, a, b) => self.is_simple(a) && self.is_simple(b),
            ExprKind::Call(Callee::Variant(_), args) => args.iter().all(|a| self.is_simple(a)),
            ExprKind::Call(Callee::Builtin(b), args) => {
                !matches!(b, Builtin::Drop | Builtin::ThreadSleep | Builtin::Tokio(_))
                    && args.iter().all(|a| self.is_simple(a))
            }
            ExprKind::Call(Callee::Fn(name), args) => {
                self.is_sync_fn(name) && args.iter().all(|a| self.is_simple(a))
            }
            _ => self.sync_ok(e),
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
            ExprKind::Ref(a) => match self.place_now(a, env) {
                Some(p) => self.reference_to(Some(p), || Ok(Value::Unit), at),
                None => {
                    let v = self.simple(a, env, true)?;
                    self.reference_to(None, || Ok(v), at)
                }
            },
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
                let v = self.simple(a, env, *op != UnOp::Deref)?;
                self.unop(*op, v, at)
            }
            ExprKind::Field(base, i) => {
                let v = mem::deref(self.simple(base, env, false)?);
                self.field_of(v, *i, at)
            }
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
                    Callee::Fn(name) => match self.sync_fn(name) {
                        Some(f) if f.is_async => self.make_future(f, a, at),
                        Some(f) => self.call_plain(&f, a, at),
                        None => Err(self.panic(at, format!("cannot find function `{name}`"))),
                    },
                    Callee::Local(_) | Callee::Value(_) => Err(self.panic(at, "not a simple call")),
                }
            }
            _ => self.simple_more(e, env),
        }
    }

    fn unop(&self, op: UnOp, v: Value, at: Span) -> R {
        let v = if op == UnOp::Deref { v } else { mem::deref(v) };
        match (op, v) {
            (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
            (UnOp::Not, Value::Int(n, t)) => Ok(Value::Int(wrap_int(!n, t), t)),
            (UnOp::Neg, Value::Int(n, t)) => match n.checked_neg().filter(|r| in_range(*r, t)) {
                Some(r) => Ok(Value::Int(r, t)),
                None => Err(self.panic(at, "attempt to negate with overflow")),
            },
            (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnOp::Deref, v) => self.deref_once(v, at),
            (op, v @ Value::Adt(_)) => self.user_unop(op, v, at),
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
            _ => self.eval(e, env),
        }
    }

    fn read_var(&self, name: &str, at: Span, env: &mut Env, by_value: bool) -> R {
        let Some(a) = env.get(name) else {
            return Err(self.panic(at, format!("cannot find value `{name}` in this scope")));
        };
        let Ok(mut v) = a.try_borrow_mut() else {
            return Err(self.panic(at, mem::MemError::Busy.message()));
        };
        if matches!(*v, Value::Moved) {
            return Err(self.panic(at, format!("use of moved value: `{name}`")));
        }
        if by_value && !v.is_copy() {
            return Ok(std::mem::replace(&mut *v, Value::Moved));
        }
        Ok(v.clone())
    }

    /// Turns a [`mem::MemError`] into Rust's panic.
    fn mem_err(&self, at: Span, e: mem::MemError) -> Flow {
        self.panic(at, e.message())
    }
}

/// The captured variables of a closure or async block: a borrowing one shares the caller's
/// allocations (captures by reference); a `move` one moves (or copies) each value into a fresh one.
fn capture(names: &[Name], is_move: bool, env: &mut Env) -> Vec<(Name, Alloc)> {
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let Some(a) = env.get(n) else { continue };
        if !is_move {
            out.push((n.clone(), a.clone()));
            continue;
        }
        let v = match a.try_borrow_mut() {
            Ok(mut v) if !v.is_copy() => std::mem::replace(&mut *v, Value::Moved),
            Ok(v) => v.clone(),
            Err(_) => Value::Moved,
        };
        out.push((n.clone(), mem::alloc(v)));
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

pub(crate) fn truthy(v: &Value) -> bool {
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
