//! Method calls, `.await` and `?`: how the receiver is used, what the method returns, and the
//! errors of calling what a type does not have.

use super::errors;
use super::infer;
use super::items::SelfKind;
use super::scope::{FrameKind, Held, Use};
use super::ty::Ty;
use super::walk::{join, Phase, Walker};
use crate::interp::diag::Span;
use crate::interp::span::Spanned;
use syn::Expr;

fn span(s: &impl Spanned) -> Span {
    Span::of(s.span())
}

/// Methods a future has (by `FutureExt` and friends): never reported as missing.
const FUTURE_METHODS: &[&str] = &[
    "poll",
    // `Pin<&mut F>`'s own, once `tokio::pin!(f)` has shadowed `f` (the checker does not follow
    // the macro's new binding).
    "set",
    "as_mut",
    "as_ref",
    "get_mut",
    "get_ref",
    "is_terminated",
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

impl<'a> Walker<'a> {
    /// E0599 for a method that a type of the program does not have (when no trait may give
    /// it one).
    pub(super) fn own_method_exists(&mut self, recv: &Ty, name: &str, at: Span) {
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
    pub(super) fn method_call(&mut self, m: &syn::ExprMethodCall, whole: Span) -> Ty {
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
        // `JoinSet::spawn` has `tokio::spawn`'s bounds (`'static`, `Send`).
        let spawn = (name == "spawn" && recv_ty.head() == Some("JoinSet"))
            .then_some((super::walk::SpawnKind::Tokio, whole));
        for (i, a) in m.args.iter().enumerate() {
            if i == 0 && matches!(a, Expr::Async(_)) {
                self.spawn_next = spawn;
            }
            let t = self.expr(a, Use::Move);
            self.spawn_next = None;
            // `hs.push(tokio::spawn(..))` into a `Vec::new()`: a `Vec` of `JoinHandle`s (what a
            // later `for h in hs` binds), the one element type the checker is sure of.
            if let (Some(idx), "push", Ty::Adt(h, _)) = (local, name.as_str(), &t) {
                let l = &mut self.locals[idx];
                if h == "JoinHandle" && l.ty == Ty::Adt("Vec".into(), vec![Ty::Unknown]) {
                    l.ty = Ty::Adt("Vec".into(), vec![t.clone()]);
                }
            }
        }
        infer::method_ty(&recv_ty, &name)
    }

    #[inline(never)]
    pub(super) fn await_expr(&mut self, a: &syn::ExprAwait) -> Ty {
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
    pub(super) fn try_expr(&mut self, t: &syn::ExprTry) -> Ty {
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
}
