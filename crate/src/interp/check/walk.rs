//! The walk over one function's body: blocks, statements, patterns, frames (closures and async
//! blocks), branches and loops. Expressions are in [`super::expr`]; what each check does with a
//! use is in [`super::moves`], [`super::borrows`] and [`super::spawn`].

use super::items::Items;
use super::scope::{Frame, FrameKind, Init, Local, State, Use};
use super::sig::{head_span, head_span_async};
use super::ty::Ty;
use crate::interp::diag::{Diagnostic, Span};
use crate::interp::span::Spanned;
use syn::parse::Parser;

/// Which of rustc's passes reports an error: a body with resolution or type errors is not
/// borrow-checked, as in rustc.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Unresolved values (E0425).
    Value,
    /// Unresolved functions (E0425).
    Func,
    /// `.await` placement (E0728), found when rustc lowers its syntax tree.
    Lower,
    /// Types and trait bounds (E0308, E0599, E0277, E0061, E0063, E0560, `Send`).
    Typeck,
    /// Paths rustc resolves with the types (E0433, and E0425 for a tuple struct or variant).
    Late,
    /// Moves and borrows (E0382, E0384, E0596, E0499, E0502, E0373, E0597).
    Borrowck,
    /// The entry point (E0752), checked after the bodies.
    Entry,
}

/// A `spawn` whose argument is being walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpawnKind {
    /// `tokio::spawn`: `'static + Send`.
    Tokio,
    /// `std::thread::spawn`, `spawn_blocking`: `'static` (and `Send`, not checked here).
    Thread,
    /// `spawn_local`: `'static` only.
    Local,
}

/// The walker of one body.
pub struct Walker<'a> {
    /// The program's items.
    pub items: &'a Items,
    /// Every local in scope (and the shadowed ones), in declaration order.
    pub locals: Vec<Local>,
    scopes: Vec<usize>,
    /// The function, then each closure and async block around the current point.
    pub frames: Vec<Frame>,
    /// The spawn call each frame was the argument of, if any (parallel to `frames`).
    pub spawned: Vec<Option<(SpawnKind, Span)>>,
    /// Set by a spawn call for its argument.
    pub spawn_next: Option<(SpawnKind, Span)>,
    /// The rest of the current block is unreachable (after `return`, `break`, `panic!`...).
    pub diverged: bool,
    /// What was found.
    pub out: Vec<(Phase, Diagnostic)>,
    /// Type parameters in scope.
    pub generics: Vec<String>,
    /// Type parameters that surely implement neither `Debug` nor `Display`, and whether they
    /// have bounds (see [`super::items::bare_params`]).
    pub bare: Vec<(String, bool)>,
    /// The impl's type, for `self` and `Self`.
    pub self_ty: Option<String>,
    /// The closing brace of the function's body (where its locals are dropped).
    pub fn_end: Span,
    /// A counter ordering moves (loops mark the moves of their first pass).
    pub seq: u64,
    /// `#[tokio::main]`: the body runs in an async block.
    pub tokio_main: bool,
    loop_depth: usize,
    /// How deep the expression walk is; past `max_depth` the body is given up (the lowering
    /// refuses such nesting with its own error).
    pub depth: usize,
    /// [`Limits::max_nesting`](crate::interp::Limits).
    pub max_depth: usize,
    /// The body nests too deeply: say nothing about it.
    pub gave_up: bool,
    /// The function's written return type and its span.
    pub ret: Option<(Ty, Span)>,
    /// E0382s found in a loop's second round, waiting for a use after the loop.
    pub deferred: Vec<((usize, u64), Diagnostic, Option<usize>)>,
    /// The moves already reported (local, move).
    pub reported: Vec<(usize, u64)>,
    /// Inside a loop's second round.
    pub second_pass: usize,
    /// Bindings borrowed mutably without `mut`: (binding, name, borrows, place in `out`).
    pub not_mut: Vec<(Span, String, Vec<Span>, usize)>,
    /// A body ending in a statement, reported if its end is reachable: (body, type, `;`).
    pub pending_unit: Option<(Span, String, bool)>,
    /// Loans held by the `for` loops around (`for x in &v`): the loop uses them each round.
    pub iterating: Vec<super::scope::Loan>,
}

impl<'a> Walker<'a> {
    /// Walks a function: `sig` and its `body`.
    pub fn function(
        items: &'a Items,
        sig: &syn::Signature,
        body: &syn::Block,
        self_ty: Option<String>,
        outer: Option<&syn::Generics>,
        tokio_main: bool,
        max_depth: usize,
    ) -> Vec<(Phase, Diagnostic)> {
        let mut all: Vec<&syn::Generics> = outer.into_iter().collect();
        all.push(&sig.generics);
        let generics = all
            .iter()
            .flat_map(|g| super::items::generic_names(g))
            .collect();
        let bare = super::items::bare_params(&all, items);
        let mut w = Walker {
            items,
            locals: Vec::new(),
            scopes: Vec::new(),
            frames: Vec::new(),
            spawned: Vec::new(),
            spawn_next: None,
            diverged: false,
            out: Vec::new(),
            generics,
            bare,
            self_ty,
            fn_end: Span::of(body.brace_token.span.close()),
            seq: 0,
            tokio_main,
            loop_depth: 0,
            depth: 0,
            max_depth,
            gave_up: false,
            ret: None,
            iterating: Vec::new(),
            pending_unit: None,
            deferred: Vec::new(),
            reported: Vec::new(),
            second_pass: 0,
            not_mut: Vec::new(),
        };
        let head = head_span(sig);
        let returns_unit = matches!(sig.output, syn::ReturnType::Default).then_some(head);
        w.frames.push(Frame {
            kind: FrameKind::Fn {
                is_async: sig.asyncness.is_some() || tokio_main,
            },
            base: 0,
            captures: Vec::new(),
            head,
            returns_unit,
            not_send: None,
        });
        w.spawned.push(None);
        w.scopes.push(0);
        for input in &sig.inputs {
            match input {
                syn::FnArg::Receiver(r) => {
                    let inner = w
                        .self_ty
                        .clone()
                        .map_or(Ty::Unknown, |t| Ty::Adt(t, Vec::new()));
                    let ty = match (&r.reference, &r.mutability) {
                        (Some(_), m) => Ty::Ref(m.is_some(), Box::new(inner)),
                        _ => inner,
                    };
                    let mutable = r.reference.is_none() && r.mutability.is_some();
                    let at = Span::of(r.self_token.span);
                    w.declare("self".into(), mutable, ty, at, Init::At(at), true, false);
                }
                syn::FnArg::Typed(t) => {
                    let ty = w.written(&t.ty);
                    let first = w.locals.len();
                    w.pattern(&t.pat, ty, true, true);
                    if w.locals.len() == first + 1 && matches!(&*t.pat, syn::Pat::Ident(_)) {
                        w.locals[first].of_param = w.param_shape(&t.ty);
                    }
                }
            }
        }
        if sig.ident == "main" && sig.asyncness.is_some() && !tokio_main {
            let d = Diagnostic::error(
                head_span_async(sig),
                "`main` function is not allowed to be `async`",
            )
            .with_code("E0752")
            .label("`main` function is not allowed to be `async`");
            w.report(Phase::Entry, d);
        }
        if tokio_main && sig.asyncness.is_none() {
            let d = Diagnostic::error(
                Span::of(sig.fn_token.span),
                "the `async` keyword is missing from the function declaration",
            );
            w.report(Phase::Value, d);
        }
        if let syn::ReturnType::Type(_, t) = &sig.output {
            w.ret = Some((w.written(t), Span::of(t.span())));
            w.check_lifetime(sig, t);
        }
        let n = body.stmts.len();
        w.check_unit_body(sig, body);
        for (i, s) in body.stmts.iter().enumerate() {
            match s {
                syn::Stmt::Expr(e, None) if i + 1 == n => {
                    let found = w.expr(e, Use::Move);
                    w.check_return(e, &found);
                }
                s => {
                    w.stmt(s, i + 1 == n);
                }
            }
        }
        w.flush_moves(0);
        w.flush_not_mut();
        if let Some((at, ty, semi)) = w.pending_unit.take() {
            if !w.diverged {
                let mut d = crate::interp::check::errors::mismatched(at, &ty, "`()`");
                if semi {
                    d = d.with("help: remove this semicolon to return this value");
                }
                w.report(Phase::Typeck, d);
            }
        }
        if w.gave_up {
            return Vec::new();
        }
        w.out
    }

    /// Declares a local.
    #[allow(clippy::too_many_arguments)]
    pub fn declare(
        &mut self,
        name: String,
        mutable: bool,
        ty: Ty,
        decl: Span,
        init: Init,
        param: bool,
        by_ref: bool,
    ) -> usize {
        self.locals.push(Local {
            name,
            mutable,
            param,
            by_ref,
            ty,
            decl,
            state: State::Live,
            init,
            loan: None,
            pending: Vec::new(),
            borrows: None,
            of_param: None,
            frame: self.frames.len().saturating_sub(1),
        });
        self.locals.len() - 1
    }

    /// The innermost local named `name`.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.locals.iter().rposition(|l| l.name == name)
    }

    /// Records an error, unless it is a borrow error in unreachable code (MIR has none there).
    pub fn report(&mut self, phase: Phase, d: Diagnostic) {
        if phase == Phase::Borrowck && self.diverged {
            return;
        }
        self.out.push((phase, d));
    }

    /// The innermost frame.
    pub fn frame(&self) -> &Frame {
        self.frames.last().expect("a body has its frame")
    }

    /// Opens a scope.
    pub fn push_scope(&mut self) {
        self.scopes.push(self.locals.len());
    }

    /// Closes a scope: its locals are dropped.
    pub fn pop_scope(&mut self) {
        let n = self.scopes.pop().unwrap_or(0);
        self.flush_moves(n);
        self.locals.truncate(n);
    }

    /// A block in its own scope; its type is its tail's.
    pub fn block(&mut self, b: &syn::Block) -> Ty {
        self.push_scope();
        let t = self.block_inner(b);
        self.pop_scope();
        t
    }

    fn block_inner(&mut self, b: &syn::Block) -> Ty {
        let mut last = Ty::Unit;
        let n = b.stmts.len();
        for (i, s) in b.stmts.iter().enumerate() {
            last = self.stmt(s, i + 1 == n);
        }
        last
    }

    pub fn stmt(&mut self, s: &syn::Stmt, tail: bool) -> Ty {
        match s {
            syn::Stmt::Local(l) => {
                self.local(l);
                Ty::Unit
            }
            // Nested items are checked as bodies of their own (see `super::check`).
            syn::Stmt::Item(_) => Ty::Unit,
            syn::Stmt::Expr(e, semi) => {
                let t = self.expr(e, Use::Move);
                if semi.is_none() && tail {
                    t
                } else {
                    Ty::Unit
                }
            }
            syn::Stmt::Macro(m) => {
                // `tokio::pin! { let f = fut(); }` declares its bindings in the enclosing block;
                // they are pinned (`Pin<&mut _>`), a type the checker does not follow.
                if m.mac.path.segments.last().is_some_and(|s| s.ident == "pin") {
                    let body = syn::Block::parse_within.parse2(m.mac.tokens.clone());
                    if let Ok(stmts) = body {
                        if !stmts.is_empty()
                            && stmts.iter().all(|s| matches!(s, syn::Stmt::Local(_)))
                        {
                            for s in &stmts {
                                if let syn::Stmt::Local(l) = s {
                                    if let Some(init) = &l.init {
                                        self.expr(&init.expr, Use::Move);
                                    }
                                    // The macro rebinds it as `let mut f = Pin<&mut _>`.
                                    match &l.pat {
                                        syn::Pat::Ident(i) => {
                                            let at = Span::of(i.ident.span());
                                            let (name, init) = (i.ident.to_string(), Init::At(at));
                                            self.declare(
                                                name,
                                                true,
                                                Ty::Unknown,
                                                at,
                                                init,
                                                false,
                                                false,
                                            );
                                        }
                                        p => self.pattern(p, Ty::Unknown, true, false),
                                    }
                                }
                            }
                            return Ty::Unit;
                        }
                    }
                }
                self.mac(&m.mac);
                Ty::Unit
            }
        }
    }

    fn local(&mut self, l: &syn::Local) {
        let (pat, annotated) = match &l.pat {
            syn::Pat::Type(pt) => (&*pt.pat, Some(&*pt.ty)),
            p => (p, None),
        };
        let declared = annotated.map(|t| self.written(t));
        let Some(init) = &l.init else {
            self.pattern(pat, declared.unwrap_or(Ty::Unknown), false, false);
            return;
        };
        let found = self.expr(&init.expr, Use::Move);
        if let (Some(t), Some(d)) = (annotated, &declared) {
            self.check_let_type(t, d, &init.expr, &found);
        }
        if let Some((_, els)) = &init.diverge {
            let snap = self.snapshot();
            let div = self.diverged;
            self.expr(els, Use::Move);
            self.restore(&snap);
            self.diverged = div;
        }
        let ty = match declared {
            Some(d) if d.known() => d,
            _ => found,
        };
        let first = self.locals.len();
        self.pattern(pat, ty, true, false);
        if self.locals.len() == first + 1 {
            self.note_borrow(first, &init.expr);
        }
    }

    /// Binds the names of a pattern. `init`: the value is there (a `let` with a value, a
    /// parameter, an arm). Each binding gets `ty` if the pattern is a single name.
    pub fn pattern(&mut self, p: &syn::Pat, ty: Ty, init: bool, param: bool) {
        match p {
            syn::Pat::Ident(i) => {
                let name = i.ident.to_string();
                // A name that is a unit struct, a constant or a variant matches, not binds.
                if i.subpat.is_none()
                    && name.starts_with(char::is_uppercase)
                    && self.items.names.contains(&name)
                {
                    return;
                }
                let at = Span::of(i.ident.span());
                let state = if init { Init::At(at) } else { Init::No };
                let by_ref = i.by_ref.is_some();
                self.declare(name, i.mutability.is_some(), ty, at, state, param, by_ref);
                if let Some((_, sub)) = &i.subpat {
                    self.pattern(sub, Ty::Unknown, init, param);
                }
            }
            syn::Pat::Type(t) => {
                let ty = self.written(&t.ty);
                self.pattern(&t.pat, ty, init, param);
            }
            syn::Pat::Tuple(t) => {
                let parts = match ty {
                    Ty::Tuple(ts) if ts.len() == t.elems.len() => ts,
                    _ => vec![Ty::Unknown; t.elems.len()],
                };
                for (p, ty) in t.elems.iter().zip(parts) {
                    self.pattern(p, ty, init, param);
                }
            }
            syn::Pat::Reference(r) => self.pattern(&r.pat, Ty::Unknown, init, param),
            syn::Pat::Paren(p) => self.pattern(&p.pat, ty, init, param),
            syn::Pat::TupleStruct(ts) => {
                let inner = match (&ty, ts.path.segments.last()) {
                    (Ty::Adt(n, a), Some(s)) if n == "Option" && s.ident == "Some" => {
                        a.first().cloned().unwrap_or(Ty::Unknown)
                    }
                    (Ty::Adt(n, a), Some(s)) if n == "Result" && s.ident == "Ok" => {
                        a.first().cloned().unwrap_or(Ty::Unknown)
                    }
                    _ => Ty::Unknown,
                };
                let one = ts.elems.len() == 1;
                for p in &ts.elems {
                    let t = if one { inner.clone() } else { Ty::Unknown };
                    self.pattern(p, t, init, param);
                }
            }
            syn::Pat::Struct(s) => {
                for f in &s.fields {
                    self.pattern(&f.pat, Ty::Unknown, init, param);
                }
            }
            syn::Pat::Slice(s) => {
                for p in &s.elems {
                    self.pattern(p, Ty::Unknown, init, param);
                }
            }
            syn::Pat::Or(o) => {
                // Every alternative binds the same names: the first says which.
                if let Some(p) = o.cases.first() {
                    self.pattern(p, ty, init, param);
                }
            }
            _ => {}
        }
    }

    /// Every local's state, for a branch to start from.
    pub fn snapshot(&self) -> Vec<(State, Init)> {
        self.locals
            .iter()
            .map(|l| (l.state.clone(), l.init.clone()))
            .collect()
    }

    /// Puts back the states of `snap` (locals declared since are gone already).
    pub fn restore(&mut self, snap: &[(State, Init)]) {
        for (l, (s, i)) in self.locals.iter_mut().zip(snap) {
            l.state = s.clone();
            l.init = i.clone();
        }
    }

    /// Walks alternatives from the same state and joins them: a value moved on one path that
    /// goes on is moved after.
    pub fn branches(&mut self, arms: &mut dyn FnMut(&mut Self, usize) -> Option<()>) {
        let start = self.snapshot();
        let before = self.diverged;
        let mut ends: Vec<Vec<(State, Init)>> = Vec::new();
        let mut i = 0;
        loop {
            self.restore(&start);
            self.diverged = before;
            if arms(self, i).is_none() {
                break;
            }
            if !self.diverged {
                ends.push(self.snapshot());
            }
            i += 1;
        }
        self.restore(&start);
        if ends.is_empty() {
            self.diverged = i > 0 || before;
            return;
        }
        self.diverged = before;
        for (k, l) in self.locals.iter_mut().enumerate() {
            let mut state = None;
            let mut init: Option<Init> = None;
            for end in &ends {
                let Some((s, ini)) = end.get(k) else { continue };
                state = Some(match (state, s) {
                    (None, s) => s.clone(),
                    (Some(State::Moved(m)), _) => State::Moved(m),
                    (Some(_), State::Moved(m)) => State::Moved(m.clone()),
                    (Some(State::Unknown), _) | (Some(_), State::Unknown) => State::Unknown,
                    (Some(s), _) => s,
                });
                init = Some(match (init, ini) {
                    (None, i) => i.clone(),
                    (Some(Init::At(a)), Init::At(_)) => Init::At(a),
                    (Some(Init::No), Init::No) => Init::No,
                    _ => Init::Maybe,
                });
            }
            if let Some(s) = state {
                l.state = s;
            }
            if let Some(i) = init {
                l.init = i;
            }
        }
    }

    /// A loop's body (with its condition or pattern, in `each`). A body that can only go round
    /// again (no `break`, `continue` or `return`) is walked a second time, so that a value moved
    /// in one iteration and used in the next is caught as rustc catches it.
    pub fn looped(&mut self, header: Span, body: &syn::Block, each: &mut dyn FnMut(&mut Self)) {
        let seq0 = self.seq;
        let before = self.diverged;
        self.loop_depth += 1;
        each(self);
        let again = !self.diverged && self.loop_depth <= 3 && !leaves(body);
        if again {
            for l in &mut self.locals {
                if let State::Moved(m) = &mut l.state {
                    if m.seq >= seq0 {
                        m.prev_iter = Some(header);
                    }
                }
            }
            self.second_pass += 1;
            each(self);
            self.second_pass -= 1;
            let here = self.out.len();
            for (_, _, at) in &mut self.deferred {
                at.get_or_insert(here);
            }
        }
        self.loop_depth -= 1;
        self.diverged = before;
    }

    /// Enters a closure or async block.
    pub fn enter(&mut self, kind: FrameKind, head: Span) -> (bool, Vec<(State, Init)>) {
        let spawn = self.spawn_next.take();
        let snap = self.snapshot();
        // Inside, captured values are the closure's own: the outer moves are checked at its
        // creation (moving closures) or left alone.
        for l in &mut self.locals {
            l.state = State::Live;
        }
        self.frames.push(Frame {
            kind,
            base: self.locals.len(),
            captures: Vec::new(),
            head,
            returns_unit: None,
            not_send: None,
        });
        self.spawned.push(spawn);
        self.push_scope();
        let div = self.diverged;
        self.diverged = false;
        (div, snap)
    }

    /// Leaves the closure or async block entered by [`Self::enter`].
    pub fn leave(&mut self, saved: (bool, Vec<(State, Init)>)) {
        self.pop_scope();
        let (div, snap) = saved;
        self.diverged = div;
        self.restore(&snap);
        let spawn = self.spawned.last().copied().flatten();
        if let Some(s) = spawn {
            self.spawn_checks(s);
        }
        let frame = self.frames.pop().expect("entered");
        self.spawned.pop();
        self.captured(&frame);
    }
}

/// Whether a loop body may leave the loop or skip to the next round (`break`, `continue`,
/// `return`, or a macro the checker does not read).
fn leaves(body: &syn::Block) -> bool {
    let text = crate::interp::span::text(body);
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| matches!(w, "break" | "continue" | "return" | "exit"))
}

/// A span from the start of `a` to the end of `b`.
pub fn join(a: Span, b: Span) -> Span {
    Span {
        line: a.line,
        column: a.column,
        end_line: b.end_line,
        end_column: b.end_column,
    }
}
