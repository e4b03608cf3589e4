//! Calls: the program's functions (argument count and types), the library's (what they return,
//! what they take), and the type checks of values against what is declared.

use super::errors;
use super::expr::lit_ty;
use super::infer;
use super::items::Sig;
use super::scope::Use;
use super::ty::Ty;
use super::walk::{join, Phase, Walker};
use crate::interp::diag::Span;
use crate::interp::span::Spanned;
use syn::Expr;

fn span(s: &impl Spanned) -> Span {
    Span::of(s.span())
}

/// The literal an expression is, if it is one (`-1` included).
pub(super) fn literal(e: &Expr) -> Option<Ty> {
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
    /// The user `async fn` a call expression calls directly, if any.
    pub(super) fn async_call(&self, e: &Expr) -> Option<&'a Sig> {
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

    #[inline(never)]
    pub(super) fn call(&mut self, c: &syn::ExprCall, whole: Span) -> Ty {
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
    pub(super) fn user_call(
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

    /// E0308 for a pattern of the output matched against the future (`.await` forgotten in
    /// `while let Some(x) = rx.recv()` or `match fetch() { Ok(..) .. }`).
    pub(super) fn pattern_on_future(&mut self, pat: &syn::Pat, scrutinee: &Expr, t: &Ty) {
        if let Ty::Adt(n, _) = t {
            if n == "tokio::time::Timeout" && t.known() {
                self.pattern_on_timeout(pat, scrutinee, t);
            }
            return;
        }
        let Ty::Future(out) = t else { return };
        let path = match pat {
            syn::Pat::TupleStruct(ts) => &ts.path,
            syn::Pat::Path(p) => &p.path,
            syn::Pat::Ident(i) if i.ident == "None" => {
                return self.pattern_on_future_named(pat, scrutinee, out, "Option<_>");
            }
            _ => return,
        };
        let found = match path.segments.last().map(|s| s.ident.to_string()).as_deref() {
            Some("Some" | "None") => "Option<_>",
            Some("Ok" | "Err") => "Result<_, _>",
            _ => return,
        };
        self.pattern_on_future_named(pat, scrutinee, out, found);
    }

    pub(super) fn pattern_on_future_named(
        &mut self,
        pat: &syn::Pat,
        scrutinee: &Expr,
        out: &Ty,
        found: &str,
    ) {
        // The future's output is named only where it is wholly known (a Tokio method's may not
        // be: `JoinSet<_>`); the error itself does not depend on it.
        let output = match self.async_call(scrutinee) {
            Some(sig) => Some(sig.ret_text.clone()),
            None if out.known() => Some(out.show()),
            None => None,
        };
        let mut d = errors::mismatched(span(pat), "future", &format!("`{found}`"))
            .label(format!("expected future, found `{found}`"));
        if let Some(output) = output {
            d = d.also(
                span(scrutinee),
                format!("this expression has type `impl Future<Output = {output}>`"),
            );
        }
        let d = d.with("help: consider `await`ing on the `Future`: `.await`");
        self.report(Phase::Typeck, d);
    }
}

impl Walker<'_> {
    /// E0308 for `Ok(..)`/`Err(..)` matched against `timeout(d, f)` itself (`.await` forgotten):
    /// `Timeout<F>` is a struct, and rustc names it.
    fn pattern_on_timeout(&mut self, pat: &syn::Pat, scrutinee: &Expr, t: &Ty) {
        let syn::Pat::TupleStruct(ts) = pat else {
            return;
        };
        let found = match ts
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .as_deref()
        {
            Some("Some") => "Option<_>",
            Some("Ok" | "Err") => "Result<_, _>",
            _ => return,
        };
        let full = t.show();
        let short = full.trim_start_matches("tokio::time::");
        let d = errors::mismatched(span(pat), short, &format!("`{found}`"))
            .also(
                span(scrutinee),
                format!("this expression has type `{full}`"),
            )
            .with(format!("note: expected struct `{full}`"))
            .with(format!("found enum `{found}`"));
        self.report(Phase::Typeck, d);
    }
}
