//! rustc's warnings that teach: unused variables (found while lowering, where scopes are known) and
//! futures that are created and never used (`unused_must_use`), found here.

use super::ast::*;
use super::diag::Diagnostic;

/// Every warning for `program`, in source order.
pub fn warnings(program: &Program) -> Vec<Diagnostic> {
    let mut out = program.warnings.clone();
    let mut fns: Vec<_> = program.fns.values().collect();
    // The functions of `impl` blocks too (a trait's default appears once per impl: once here).
    let mut seen = std::collections::HashSet::new();
    let reg = &program.types;
    let methods = reg
        .inherent
        .values()
        .flat_map(|m| m.values())
        .chain(reg.impls.iter().flat_map(|i| i.methods.values()));
    for m in methods {
        if seen.insert((m.def.span.line, m.def.span.column)) {
            fns.push(&m.def);
        }
    }
    crate::interp::sort::sort_by_key(&mut fns, |f| (f.span.line, f.span.column));
    for f in fns {
        block(program, &f.body, &mut out);
    }
    crate::interp::sort::sort_by_key(&mut out, |w| (w.line, w.column));
    // rustc says once per crate that a lint of the `unused` group is on by default, on the first.
    if let Some(first) = out.first_mut() {
        let lint = if first.message.starts_with("unused import") {
            Some(("unused_imports", true))
        } else if first.message.starts_with("unused variable") {
            Some(("unused_variables", true))
        } else if first.message.starts_with("variable does not need") {
            Some(("unused_mut", true))
        } else if first.message.ends_with("that must be used") {
            Some(("unused_must_use", false))
        } else {
            None
        };
        if let Some((lint, front)) = lint {
            let note = format!("note: `#[warn({lint})]` (part of `#[warn(unused)]`) on by default");
            if front {
                first.notes.insert(0, note);
            } else {
                // After the "futures do nothing" note, before any help.
                first.notes.insert(1.min(first.notes.len()), note);
            }
        }
    }
    out
}

/// If this expression makes a future that nobody uses when it is a statement: rustc's message.
/// An `async fn` or block is an "implementer of `Future`"; Tokio's futures are `#[must_use]` types
/// and rustc names the type.
fn unused_future(program: &Program, e: &Expr) -> Option<&'static str> {
    match &e.kind {
        ExprKind::Call(Callee::Fn(name), _)
            if program.fns.get(name).is_some_and(|f| f.is_async) =>
        {
            Some("unused implementer of `Future` that must be used")
        }
        ExprKind::Call(Callee::Builtin(b), _) => match b {
            Builtin::Sleep | Builtin::SleepUntil => Some("unused `Sleep` that must be used"),
            Builtin::Timeout => Some("unused `Timeout` that must be used"),
            Builtin::JoinAll => Some("unused `JoinAll` that must be used"),
            Builtin::YieldNow => Some("unused implementer of `Future` that must be used"),
            _ => None,
        },
        ExprKind::Async(_) => Some("unused implementer of `Future` that must be used"),
        _ => None,
    }
}

fn block(program: &Program, b: &Block, out: &mut Vec<Diagnostic>) {
    for s in &b.stmts {
        match s {
            Stmt::Let {
                init, otherwise, ..
            } => {
                if let Some(e) = init {
                    expr(program, e, out);
                }
                if let Some(o) = otherwise {
                    block(program, o, out);
                }
            }
            Stmt::Expr(e) => {
                if let Some(message) = unused_future(program, e) {
                    let mut d = Diagnostic::warning(e.span, message)
                        .with("note: futures do nothing unless you `.await` or poll them");
                    if !message.contains("implementer") {
                        d = d.with("help: use `let _ = ...` to ignore the resulting value");
                    }
                    out.push(d);
                }
                expr(program, e, out);
            }
        }
    }
    if let Some(t) = &b.tail {
        expr(program, t, out);
    }
}

fn expr(program: &Program, e: &Expr, out: &mut Vec<Diagnostic>) {
    let mut sub = |x: &Expr| expr(program, x, out);
    match &e.kind {
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::FnRef(_)
        | ExprKind::None
        | ExprKind::Const(_)
        | ExprKind::ConstRef(_)
        | ExprKind::Continue(_) => {}
        ExprKind::Call(_, args)
        | ExprKind::Tuple(args)
        | ExprKind::Array(args)
        | ExprKind::Join(args, _)
        | ExprKind::TryJoin(args, _) => args.iter().for_each(sub),
        ExprKind::Method(r, _, args, _) => {
            sub(r);
            args.iter().for_each(sub);
        }
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(a, b)
        | ExprKind::AssignOp(_, a, b)
        | ExprKind::Repeat(a, b)
        | ExprKind::Index(a, b) => {
            sub(a);
            sub(b);
        }
        ExprKind::Unary(_, a)
        | ExprKind::Ref(a)
        | ExprKind::Let(_, a)
        | ExprKind::Await(a)
        | ExprKind::Try(a)
        | ExprKind::Field(a, _)
        | ExprKind::Cast(a, _) => sub(a),
        ExprKind::Return(a) | ExprKind::Break(_, a) => {
            if let Some(a) = a {
                sub(a);
            }
        }
        ExprKind::Range(a, b, _) => {
            for x in [a, b].into_iter().flatten() {
                sub(x);
            }
        }
        ExprKind::If(c, t, o) => {
            sub(c);
            block(program, t, out);
            if let Some(o) = o {
                expr(program, o, out);
            }
        }
        ExprKind::While(_, c, b) => {
            sub(c);
            block(program, b, out);
        }
        ExprKind::Loop(_, b) | ExprKind::Block(b) => block(program, b, out),
        ExprKind::For(_, _, it, b) => {
            sub(it);
            block(program, b, out);
        }
        ExprKind::Match(s, arms) => {
            sub(s);
            for a in arms {
                if let Some(g) = &a.guard {
                    expr(program, g, out);
                }
                expr(program, &a.body, out);
            }
        }
        ExprKind::Async(c) => block(program, &c.body, out),
        ExprKind::Closure(c, _, _) => sub(&c.body),
        ExprKind::Print(_, f) | ExprKind::FormatStr(f) => f.args.iter().for_each(sub),
        ExprKind::Panic(f, _) => {
            if let Some(f) = f {
                f.args.iter().for_each(sub);
            }
        }
        ExprKind::Assert(c, f) => {
            sub(c);
            if let Some(f) = f {
                f.args.iter().for_each(sub);
            }
        }
        ExprKind::AssertEq(a, b, f, _) => {
            sub(a);
            sub(b);
            if let Some(f) = f {
                f.args.iter().for_each(sub);
            }
        }
        ExprKind::AssocValue(..) => {}
        ExprKind::Ctor(_, _, args) | ExprKind::AssocCall(_, _, args) => args.iter().for_each(sub),
        ExprKind::StructLit(_, _, fields, base) => {
            fields.iter().for_each(|(_, x)| sub(x));
            if let Some(b) = base {
                sub(b);
            }
        }
        ExprKind::NamedField(a, _) | ExprKind::TypeOf(a) | ExprKind::TryFrom(a, _) => sub(a),
        ExprKind::Write(t, f, _) => {
            sub(t);
            f.args.iter().for_each(sub);
        }
        ExprKind::Select(_, arms, o) => {
            for a in arms {
                expr(program, &a.fut, out);
                if let Some(g) = &a.guard {
                    expr(program, g, out);
                }
                expr(program, &a.body, out);
            }
            if let Some(o) = o {
                expr(program, o, out);
            }
        }
    }
}
