//! The bounds of `tokio::spawn` and `std::thread::spawn`: `'static` (E0373 for a closure or
//! async block that borrows a local, E0597 for a borrow moved into it) and, for Tokio, `Send`
//! (a value that is not `Send` held across an `.await`, or captured).

use super::infer;
use super::scope::{FrameKind, Use};
use super::ty::Ty;
use super::walk::{Phase, SpawnKind, Walker};
use crate::interp::diag::{Diagnostic, Span};

impl<'a> Walker<'a> {
    /// The checks of a spawn whose argument is the frame being left.
    pub fn spawn_checks(&mut self, (kind, call): (SpawnKind, Span)) {
        let frame = self.frames.last().cloned().expect("a spawned frame");
        let (is_move, closure) = match frame.kind {
            FrameKind::Closure { is_move, .. } => (is_move, true),
            FrameKind::Async { is_move } => (is_move, false),
            FrameKind::Fn { .. } => return,
        };
        let what = if closure { "closure" } else { "async block" };
        if kind == SpawnKind::Tokio && !closure {
            let head = frame.head;
            let within = format!(
                "{{async block@src/main.rs:{}:{}: {}:{}}}",
                head.line, head.column, head.end_line, head.end_column
            );
            if let Some(h) = &frame.not_send {
                let d = Diagnostic::error(call, "future cannot be sent between threads safely")
                    .label("future created by async block is not `Send`")
                    .also(h.decl, format!("has type `{}` which is not `Send`", h.ty))
                    .also(
                        h.at,
                        format!("await occurs here, with `{}` maybe used later", h.name),
                    )
                    .with(format!(
                        "help: within `{within}`, the trait `Send` is not implemented for `{}`",
                        h.ty
                    ))
                    .with("note: future is not `Send` as this value is used across an await")
                    .with("note: required by a bound in `tokio::spawn`");
                self.report(Phase::Typeck, d);
            } else if is_move {
                let captured = frame
                    .captures
                    .iter()
                    .find(|(i, _, _)| self.locals.get(*i).is_some_and(|l| infer::not_send(&l.ty)));
                if let Some(&(i, at, _)) = captured {
                    let ty = self.locals[i].ty.show();
                    let d = Diagnostic::error(call, "future cannot be sent between threads safely")
                        .label("future created by async block is not `Send`")
                        .also(at, format!("has type `{ty}` which is not `Send`"))
                        .with(format!(
                            "help: within `{within}`, the trait `Send` is not implemented for `{ty}`"
                        ))
                        .with("note: captured value is not `Send`")
                        .with("note: required by a bound in `tokio::spawn`");
                    self.report(Phase::Typeck, d);
                }
            }
        }
        if !is_move {
            // The first local borrowed (not moved) by the closure or block.
            let mut seen = Vec::new();
            let mut found = Vec::new();
            for &(idx, at, _) in &frame.captures {
                if seen.contains(&idx) || idx >= frame.base {
                    continue;
                }
                seen.push(idx);
                let Some(l) = self.locals.get(idx) else {
                    continue;
                };
                let copy = l.ty.is_copy(&|n| self.items.struct_copy(n));
                let uses = frame.captures.iter().filter(|(i, _, _)| *i == idx);
                let by_value = uses.clone().any(|(_, _, u)| *u == Use::Move);
                let unsure = uses.clone().any(|(_, _, u)| *u == Use::Maybe);
                // Captured by value (moved inside), or the checker cannot tell how.
                if (by_value && copy != Some(true)) || (unsure && copy != Some(true)) {
                    continue;
                }
                let name = l.name.clone();
                let mut d = Diagnostic::error(
                    frame.head,
                    format!(
                        "{what} may outlive the current function, but it borrows `{name}`, which is owned by the current function"
                    ),
                )
                .with_code("E0373")
                .label(format!("may outlive borrowed value `{name}`"))
                .also(at, format!("`{name}` is borrowed here"));
                d = if closure {
                    d.with("note: function requires argument type to outlive `'static`")
                } else {
                    d.with("note: async blocks are not executed immediately and must either take a reference or ownership of outside variables they use")
                };
                d = d.with(format!(
                    "help: to force the {what} to take ownership of `{name}` (and any other referenced variables), use the `move` keyword"
                ));
                found.push(d);
            }
            // rustc reports the last captured first.
            for d in found.into_iter().rev() {
                self.report(Phase::Borrowck, d);
            }
        } else if let Some(&(idx, _, _)) = frame.captures.iter().find(|(i, _, _)| {
            self.locals
                .get(*i)
                .is_some_and(|l| l.param && l.frame == 0 && matches!(l.ty, Ty::Ref(..) | Ty::Str))
        }) {
            // A reference parameter moved into it escapes the function.
            let l = &self.locals[idx];
            let name = l.name.clone();
            let d = Diagnostic::error(call, "borrowed data escapes outside of function")
                .with_code("E0521")
                .label(format!("`{name}` escapes the function body here"))
                .also(
                    l.decl,
                    format!("`{name}` is a reference that is only valid in the function body"),
                )
                .with("note: argument requires that the reference outlives `'static`");
            self.report(Phase::Borrowck, d);
        } else {
            // A borrow of a local moved into it.
            for &(idx, _, _) in &frame.captures {
                let Some((of, at)) = self.locals.get(idx).and_then(|l| l.borrows) else {
                    continue;
                };
                let Some(owner) = self.locals.get(of) else {
                    continue;
                };
                let name = owner.name.clone();
                let d = Diagnostic::error(at, format!("`{name}` does not live long enough"))
                    .with_code("E0597")
                    .label("borrowed value does not live long enough")
                    .also(owner.decl, format!("binding `{name}` declared here"))
                    .also(
                        call,
                        format!("argument requires that `{name}` is borrowed for `'static`"),
                    )
                    .also(
                        self.fn_end,
                        format!("`{name}` dropped here while still borrowed"),
                    );
                self.report(Phase::Borrowck, d);
                break;
            }
        }
    }
}
