//! Borrows: E0596 (a `&mut` borrow of a binding that is not `mut`), and the simple cases of
//! E0499/E0502: a local holding a borrow (`let a = &mut s;`) used after a conflicting access.

use super::errors;
use super::scope::{Conflict, Loan, State};
use super::ty::Ty;
use super::walk::{Phase, Walker};
use crate::interp::diag::{Diagnostic, Span};
use crate::interp::span::Spanned;
use syn::Expr;

/// Methods whose result borrows the receiver (`true`: mutably).
fn borrowing(name: &str) -> Option<bool> {
    match name {
        "iter" | "first" | "last" | "get" | "as_str" | "as_slice" | "keys" | "values" | "chars"
        | "lines" | "split_whitespace" | "as_ref" | "as_deref" | "bytes" => Some(false),
        "iter_mut" | "get_mut" | "first_mut" | "last_mut" | "values_mut" | "as_mut_slice"
        | "as_mut" => Some(true),
        _ => None,
    }
}

impl<'a> Walker<'a> {
    /// E0596 when local `idx` is borrowed mutably. `explicit`: a written `&mut x` (needs `mut`
    /// whatever the type); otherwise a `&mut self` method, which needs it only on an owned value.
    pub fn check_mut(&mut self, idx: usize, at: Span, explicit: bool) {
        let l = &self.locals[idx];
        if l.mutable || l.by_ref || !matches!(l.state, State::Live) {
            return;
        }
        let owned = match &l.ty {
            Ty::Ref(..) | Ty::Unknown => false,
            Ty::Adt(..) | Ty::String => true,
            _ => explicit,
        };
        if explicit || owned {
            if explicit && matches!(l.ty, Ty::Unknown) && l.param {
                return;
            }
            if self.diverged {
                return;
            }
            // One error per binding, gathered (see `flush_not_mut`).
            let (decl, name) = (l.decl, l.name.clone());
            let here = self.out.len();
            match self.not_mut.iter_mut().find(|(d, _, _, _)| *d == decl) {
                Some((_, _, uses, _)) => {
                    if !uses.contains(&at) {
                        uses.push(at);
                    }
                }
                None => self.not_mut.push((decl, name, vec![at], here)),
            }
        }
    }

    /// E0596 for each binding borrowed mutably without `mut`: at the borrow if there is one, at
    /// the binding with every borrow labelled if there are several (as rustc 1.95 does).
    pub fn flush_not_mut(&mut self) {
        let mut all: Vec<_> = std::mem::take(&mut self.not_mut)
            .into_iter()
            .enumerate()
            .collect();
        // Inserted from the last, so that those of one place keep their order.
        crate::interp::sort::sort_by_key(&mut all, |(i, (_, _, _, at))| {
            std::cmp::Reverse((*at, *i))
        });
        for (_, (decl, name, uses, at)) in all {
            let d = if let [one] = uses.as_slice() {
                errors::not_mut(*one, &name)
            } else {
                let mut d = Diagnostic::error(
                    decl,
                    format!("cannot borrow `{name}` as mutable, as it is not declared as mutable"),
                )
                .with_code("E0596")
                .label("not mutable");
                for u in &uses {
                    d = d.also(*u, "cannot borrow as mutable");
                }
                d.with(format!(
                    "help: consider changing this to be mutable: `mut {name}`"
                ))
            };
            let at = at.min(self.out.len());
            self.out.insert(at, (Phase::Borrowck, d));
        }
    }

    /// The loan a `for` loop's iterator holds (`&v`, `&mut v`, `v.iter()`, `v.iter_mut()`).
    pub fn loop_loan(&self, e: &Expr) -> Option<Loan> {
        let (of, mutable, at) = match e {
            Expr::Reference(r) => (
                self.path_local(&r.expr)?,
                r.mutability.is_some(),
                Span::of(e.span()),
            ),
            Expr::MethodCall(m) => {
                let mutable = borrowing(&m.method.to_string())?;
                let of = self.path_local(&m.receiver)?;
                if !matches!(self.locals[of].ty, Ty::Adt(..) | Ty::String) {
                    return None;
                }
                (of, mutable, Span::of(m.receiver.span()))
            }
            _ => return None,
        };
        Some(Loan {
            of,
            mutable,
            span: at,
        })
    }

    /// An access to local `idx`: every live loan of it that conflicts waits for its holder's
    /// next use; a loop's iterator uses its loan at once.
    pub fn conflict(&mut self, idx: usize, at: Span, mutable: bool) {
        let held = self
            .iterating
            .iter()
            .find(|l| l.of == idx && (l.mutable || mutable))
            .cloned();
        if let Some(loan) = held {
            self.loan_error(&loan, &Conflict { span: at, mutable }, loan.span);
        }
        for h in 0..self.locals.len() {
            if h == idx {
                continue;
            }
            let l = &self.locals[h];
            let Some(loan) = &l.loan else { continue };
            if loan.of == idx && matches!(l.state, State::Live) && (loan.mutable || mutable) {
                self.locals[h].pending.push(Conflict { span: at, mutable });
            }
        }
    }

    /// E0499 or E0502, when `holder` is used at `at` after the conflicting access `c`.
    pub fn conflict_error(&mut self, holder: usize, c: Conflict, at: Span) {
        let Some(loan) = self.locals[holder].loan.clone() else {
            return;
        };
        self.loan_error(&loan, &c, at);
    }

    /// E0499 or E0502 for `loan`, conflicting with `c`, used again at `at`.
    fn loan_error(&mut self, loan: &Loan, c: &Conflict, at: Span) {
        let Some(of) = self.locals.get(loan.of) else {
            return;
        };
        let name = of.name.clone();
        let d = match (loan.mutable, c.mutable) {
            (true, true) => Diagnostic::error(
                c.span,
                format!("cannot borrow `{name}` as mutable more than once at a time"),
            )
            .with_code("E0499")
            .label("second mutable borrow occurs here")
            .also(loan.span, "first mutable borrow occurs here")
            .also(at, "first borrow later used here"),
            (false, true) => Diagnostic::error(
                c.span,
                format!(
                    "cannot borrow `{name}` as mutable because it is also borrowed as immutable"
                ),
            )
            .with_code("E0502")
            .label("mutable borrow occurs here")
            .also(loan.span, "immutable borrow occurs here")
            .also(at, "immutable borrow later used here"),
            (true, false) => Diagnostic::error(
                c.span,
                format!(
                    "cannot borrow `{name}` as immutable because it is also borrowed as mutable"
                ),
            )
            .with_code("E0502")
            .label("immutable borrow occurs here")
            .also(loan.span, "mutable borrow occurs here")
            .also(at, "mutable borrow later used here"),
            (false, false) => return,
        };
        self.report(Phase::Borrowck, d);
    }

    /// `let holder = &x;`, `&mut x`, `&x[i]`, `x.iter()`, `x.first().unwrap()`: the new local
    /// holds a loan of `x`.
    pub fn note_borrow(&mut self, holder: usize, init: &Expr) {
        let (target, mutable, at, direct) = match init {
            Expr::Reference(r) => {
                let mutable = r.mutability.is_some();
                match &*r.expr {
                    Expr::Index(i) => match self.path_local(&i.expr) {
                        Some(t) => (t, mutable, Span::of(i.expr.span()), true),
                        None => return,
                    },
                    e => match self.path_local(e) {
                        Some(t) => (t, mutable, Span::of(init.span()), true),
                        None => return,
                    },
                }
            }
            Expr::MethodCall(m) => {
                let mut m = m;
                while matches!(m.method.to_string().as_str(), "unwrap" | "expect") {
                    match &*m.receiver {
                        Expr::MethodCall(inner) => m = inner,
                        _ => return,
                    }
                }
                let Some(mutable) = borrowing(&m.method.to_string()) else {
                    return;
                };
                let Some(t) = self.path_local(&m.receiver) else {
                    return;
                };
                if !matches!(self.locals[t].ty, Ty::Adt(..) | Ty::String) {
                    return;
                }
                (t, mutable, Span::of(m.receiver.span()), false)
            }
            _ => return,
        };
        if target == holder {
            return;
        }
        self.locals[holder].loan = Some(Loan {
            of: target,
            mutable,
            span: at,
        });
        if direct {
            self.locals[holder].borrows = Some((target, at));
        }
    }
}
