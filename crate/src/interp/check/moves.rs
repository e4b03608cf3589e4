//! Moves and assignments: E0382 (use after move, into closures and async blocks, across loop
//! iterations) and E0384 (assigning twice to an immutable binding).

use super::errors;
use super::scope::{Frame, FrameKind, Init, MoveSite, State, Use};
use super::ty::Ty;
use super::walk::{Phase, Walker};
use crate::interp::diag::{Diagnostic, Span};
use syn::Expr;

impl<'a> Walker<'a> {
    fn copy(&self, t: &Ty) -> Option<bool> {
        t.is_copy(&|n| self.items.struct_copy(n))
    }

    /// Uses local `idx` at `at` as `u`; `method` is the method call (or `.await`) that uses it.
    pub fn use_local(
        &mut self,
        idx: usize,
        at: Span,
        u: Use,
        method: Option<(Span, String)>,
    ) -> Ty {
        for f in self.frames.iter_mut().rev() {
            if idx < f.base {
                f.captures.push((idx, at, u));
            } else {
                break;
            }
        }
        if !self.locals[idx].pending.is_empty() {
            let c = self.locals[idx].pending[0].clone();
            self.locals[idx].pending.clear();
            self.conflict_error(idx, c, at);
        }
        let ty = self.locals[idx].ty.clone();
        // Inside a closure or async block a captured value starts afresh (see `enter`): its
        // moves there are the closure's own, and its creation is checked in `captured`.
        if u == Use::Place {
            return ty;
        }
        if let State::Moved(site) = self.locals[idx].state.clone() {
            self.moved_error(idx, at, u, site, None);
            return ty;
        }
        if u == Use::Move {
            match self.copy(&ty) {
                Some(false) => {
                    self.seq += 1;
                    self.locals[idx].state = State::Moved(MoveSite {
                        span: at,
                        into: None,
                        method,
                        prev_iter: None,
                        seq: self.seq,
                    });
                }
                None => self.locals[idx].state = State::Unknown,
                Some(true) => {}
            }
        }
        ty
    }

    /// E0382, once per move. A use in a loop's next round of a value moved in the round before
    /// waits: rustc reports a use after the loop first, if there is one (see `flush_moves`).
    pub fn moved_error(
        &mut self,
        idx: usize,
        at: Span,
        u: Use,
        site: MoveSite,
        inside: Option<(Span, bool)>,
    ) {
        let key = (idx, site.seq);
        if self.diverged || self.reported.contains(&key) {
            return;
        }
        let again = site.prev_iter.is_some() && self.second_pass > 0;
        let d = self.moved_diagnostic(idx, at, u, site, inside);
        if again {
            if !self.deferred.iter().any(|(k, _, _)| *k == key) {
                self.deferred.push((key, d, None));
            }
            return;
        }
        self.deferred.retain(|(k, _, _)| *k != key);
        self.reported.push(key);
        self.locals[idx].state = State::Unknown;
        self.report(Phase::Borrowck, d);
    }

    /// Reports the waiting E0382s of locals from `from` on (their scope ends), in the place of
    /// the loop that found them.
    pub fn flush_moves(&mut self, from: usize) {
        let (now, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|((idx, _), _, _)| *idx >= from);
        self.deferred = keep;
        let len = self.out.len();
        let mut now: Vec<_> = now
            .into_iter()
            .enumerate()
            .map(|(i, (k, d, at))| (at.unwrap_or(len).min(len), i, k, d))
            .collect();
        // Inserted from the last, so that those of one place keep their order.
        crate::interp::sort::sort_by_key(&mut now, |(at, i, _, _)| std::cmp::Reverse((*at, *i)));
        for (at, _, key, d) in now {
            self.reported.push(key);
            self.out.insert(at, (Phase::Borrowck, d));
        }
    }

    fn moved_diagnostic(
        &self,
        idx: usize,
        at: Span,
        u: Use,
        site: MoveSite,
        inside: Option<(Span, bool)>,
    ) -> Diagnostic {
        let l = &self.locals[idx];
        let name = l.name.clone();
        let (msg, mut label) = if u == Use::Move {
            ("use of moved value", "value used here after move")
        } else {
            ("borrow of moved value", "value borrowed here after move")
        };
        let mut d = Diagnostic::error(at, format!("{msg}: `{name}`")).with_code("E0382");
        d = d.also(
            l.decl,
            format!(
                "move occurs because `{name}` has type `{}`, which does not implement the `Copy` trait",
                l.ty.show()
            ),
        );
        let again = if site.prev_iter.is_some() {
            ", in previous iteration of loop"
        } else {
            ""
        };
        if site.span == at && site.prev_iter.is_some() {
            label = "value moved here, in previous iteration of loop";
        } else {
            match (&site.into, &site.method) {
                (Some((use_at, closure)), _) => {
                    let (here, why) = if *closure {
                        (
                            "value moved into closure here",
                            "variable moved due to use in closure",
                        )
                    } else {
                        ("value moved here", "variable moved due to use in coroutine")
                    };
                    d = d
                        .also(site.span, format!("{here}{again}"))
                        .also(*use_at, why);
                }
                (None, Some((call, m))) if m == "await" => {
                    d = d.also(*call, format!("`{name}` moved due to this await{again}"));
                }
                (None, Some((call, _))) => {
                    d = d.also(
                        *call,
                        format!("`{name}` moved due to this method call{again}"),
                    );
                }
                (None, None) => d = d.also(site.span, format!("value moved here{again}")),
            }
        }
        if let Some(h) = site.prev_iter {
            d = d.also(h, "inside of this loop");
        }
        if let Some((use_at, closure)) = inside {
            let what = if closure { "closure" } else { "coroutine" };
            d = d.also(use_at, format!("use occurs due to use in {what}"));
        }
        d = d.label(label);
        if site.into.is_some() {
            d.with("help: consider cloning the value before moving it into the closure")
        } else {
            d.with("help: consider cloning the value if the performance cost is acceptable: `.clone()`")
        }
    }

    /// What a closure or async block did with the locals it captured, once it is created.
    pub fn captured(&mut self, frame: &Frame) {
        let (moving, closure) = match frame.kind {
            FrameKind::Closure { is_move, .. } => (is_move, true),
            FrameKind::Async { is_move } => (is_move, false),
            FrameKind::Fn { .. } => return,
        };
        let mut seen: Vec<usize> = Vec::new();
        for &(idx, at, _) in &frame.captures {
            if seen.contains(&idx) || idx >= self.locals.len() {
                continue;
            }
            seen.push(idx);
            let copy = self.copy(&self.locals[idx].ty);
            let by_value = frame
                .captures
                .iter()
                .any(|(i, _, u)| *i == idx && matches!(u, Use::Move | Use::Maybe));
            // Only the innermost frame of the value's own body reports.
            let own = idx >= self.frame().base;
            if moving {
                if let State::Moved(site) = self.locals[idx].state.clone() {
                    if own {
                        self.moved_error(idx, frame.head, Use::Move, site, Some((at, closure)));
                    } else {
                        self.locals[idx].state = State::Unknown;
                    }
                    continue;
                }
                match copy {
                    Some(false) => {
                        self.seq += 1;
                        self.locals[idx].state = State::Moved(MoveSite {
                            span: frame.head,
                            into: Some((at, closure)),
                            method: None,
                            prev_iter: None,
                            seq: self.seq,
                        });
                    }
                    None => self.locals[idx].state = State::Unknown,
                    Some(true) => {}
                }
            } else if by_value && copy != Some(true) {
                self.locals[idx].state = State::Unknown;
            }
        }
    }

    /// `lhs = ...` or `lhs op= ...` (`compound`): E0384, and the place holds a value again. For
    /// `op=` on a value that is not a number, rustc borrows it mutably instead (E0596).
    pub fn assign(&mut self, lhs: &Expr, whole: Span) {
        self.assign_as(lhs, whole, false);
    }

    /// [`Self::assign`], for `op=` when `compound`.
    pub fn assign_as(&mut self, lhs: &Expr, whole: Span, compound: bool) {
        let Some(idx) = self.path_local(lhs) else {
            match lhs {
                Expr::Field(f) => {
                    self.expr(&f.base, Use::Place);
                }
                Expr::Index(i) => {
                    self.expr(&i.expr, Use::Place);
                    self.expr(&i.index, Use::Move);
                }
                Expr::Unary(_) => {
                    self.expr(lhs, Use::Place);
                }
                Expr::Tuple(t) => {
                    for e in &t.elems {
                        self.assign(e, whole);
                    }
                }
                e => {
                    self.expr(e, Use::Place);
                }
            }
            return;
        };
        let at = match lhs {
            Expr::Path(p) => Span::of(crate::interp::span::Spanned::span(p)),
            _ => whole,
        };
        if idx < self.frame().base {
            // Assigning a captured variable borrows it mutably (E0594 is left to rustc).
            self.use_local(idx, at, Use::BorrowMut, None);
            return;
        }
        let l = &self.locals[idx];
        if compound && !matches!(l.ty, Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char) {
            // `s += "x"` on a `String` is `AddAssign::add_assign(&mut s, ..)`: E0596 if known.
            if matches!(l.ty, Ty::String | Ty::Adt(..)) {
                self.check_mut(idx, at, false);
            }
            return;
        }
        let l = &self.locals[idx];
        if !l.mutable && !l.by_ref {
            match l.init {
                Init::At(first) => {
                    let d = errors::assign_twice(whole, &l.name, Some(first), l.param);
                    self.report(Phase::Borrowck, d);
                }
                Init::No | Init::Maybe => {}
            }
        }
        let l = &mut self.locals[idx];
        if matches!(l.init, Init::No) {
            l.init = Init::At(whole);
        }
        l.state = State::Live;
        l.loan = None;
        l.pending.clear();
        l.borrows = None;
    }
}
