//! # The checker: rustc's judgement before the run.
//!
//! It runs on `syn`'s tree, before lowering, so that a program rustc rejects gets rustc's error
//! even when it also uses something the interpreter does not run yet. It does the part of
//! rustc's name resolution, type checking and borrow checking that course-level async programs
//! need, and says nothing wherever it cannot decide: refusing a valid program is worse than
//! missing an error (every corpus program must pass, see `tests/check.rs`).
//!
//! One file per concern:
//! - `items`: the program's items (signatures, structs, methods, imported names);
//! - `ty` and `infer`: light types, and what std and Tokio return;
//! - `scope` and `walk`: locals, frames (closures, async blocks), branches and loops; `sig`:
//!   signatures and written types;
//! - `expr`, `calls`, `methods` and `macros`: expressions, calls, method calls and the macros
//!   whose arguments are expressions;
//! - `moves`: E0382, E0384; `borrows`: E0596, E0499, E0502;
//! - `spawn`: E0373, E0597, E0521 and `Send` for `tokio::spawn`;
//! - `errors`: the catalogue, in rustc's words.
//!
//! Known (each checked against rustc 1.95, see `tests/check.rs`):
//! - names: E0425 (values, functions), E0423 (a macro called without `!`), E0433 (an undeclared
//!   type or std module as a path's root), E0106 (a returned reference with no lifetime to elide);
//! - placement: E0728 (`.await` outside async), E0752 (`async fn main` without a runtime), and
//!   `#[tokio::main]` on a fn without `async`;
//! - types: E0308 (a literal of the wrong kind, an `async fn`'s future where its output is expected
//!   in a `let`, an argument, a condition or a return, a `Result`/`Option` where a plain value is
//!   declared, a body ending in `;`, library arguments such as `Duration::from_secs(1.5)`), E0599
//!   (a method of the output called on the future, a method your own type lacks, `len` spelled
//!   `length`, `join` on Tokio's `JoinHandle`), E0609, E0277 (`.await`, `join!`, `select!` on a
//!   non-future, `tokio::spawn` of a closure, `?` in a function returning `()`, `{}` without
//!   `Display`, `{:?}` without `Debug`, also for a type parameter whose bounds are all std traits
//!   that imply neither), E0061, E0063, E0560, E0368, E0614, and "future cannot be
//!   sent between threads safely" (an `Rc`, a `RefCell` borrow or a std `MutexGuard` held across an
//!   `.await` in, or an `Rc` captured by, a `tokio::spawn`ed async block);
//! - moves and borrows: E0382 (after a move, into closures and async blocks, across loop rounds),
//!   E0384, E0596, E0499 and E0502 (a local holding a borrow, a loop's iterator), E0373, E0597,
//!   E0521.
//!
//! Left to rustc: other generic bounds (a `T` whose type the checker does not follow, or bounded
//! by a trait of the program's), trait resolution and privacy, inference failures
//! (E0282, E0283), moves out of borrows and partial moves (E0505, E0506, E0507), E0594, `Send` of
//! futures built by `async fn`s or hidden in `join!`/`select!`, unknown crates, and warnings.
//!
//! As in rustc, a body with resolution or type errors is not borrow-checked.

mod borrows;
mod calls;
pub(crate) mod errors;
mod expr;
mod infer;
mod items;
mod macros;
mod methods;
mod moves;
mod scope;
mod sig;
mod spawn;
mod tokio_futures;
mod ty;
mod walk;

use super::diag::Diagnostic;
use super::limits::Limits;
use super::visit::{Node, Walk};
use items::Items;
use syn::visit::Visit;
use walk::{Phase, Walker};

/// rustc's errors for `source` (empty if the checker finds none, or cannot parse it: the
/// lowering reports syntax errors and limits).
pub fn check(source: &str, limits: &Limits) -> Vec<Diagnostic> {
    if source.len() > limits.max_source_bytes
        || super::lower::too_deep(source, limits.max_nesting).is_some()
    {
        return Vec::new();
    }
    let out = match syn::parse_file(source) {
        Ok(mut file) => {
            crate::interp::tokio::local::expand(&mut file);
            check_file(&file, limits.max_nesting)
        }
        Err(_) => Vec::new(),
    };
    // Every span was converted above; proc-macro2 otherwise keeps every parsed source.
    proc_macro2::extra::invalidate_current_thread_spans();
    out
}

/// One body to check.
struct Body<'f> {
    sig: &'f syn::Signature,
    block: &'f syn::Block,
    self_ty: Option<String>,
    /// The enclosing impl's or trait's generics.
    outer: Option<&'f syn::Generics>,
    tokio_main: bool,
}

#[derive(Default)]
struct Bodies<'f> {
    all: Vec<Body<'f>>,
    impls: Vec<(Option<String>, &'f syn::Generics)>,
}

fn is_tokio_main(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let segs: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segs.len() == 2 && (segs[1] == "main" || segs[1] == "test")
    })
}

impl<'f> Bodies<'f> {
    /// The walk's closure: notes each function body, with its `impl`'s or `trait`'s context.
    fn node(&mut self, n: Node<'f>) -> bool {
        match n {
            Node::ItemFn(f) => self.all.push(Body {
                sig: &f.sig,
                block: &f.block,
                self_ty: None,
                outer: None,
                tokio_main: is_tokio_main(&f.attrs),
            }),
            Node::ItemImpl(i) => {
                let ty = match &*i.self_ty {
                    syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                };
                self.impls.push((ty, &i.generics));
            }
            Node::ItemTrait(t) => self.impls.push((None, &t.generics)),
            Node::End => {
                self.impls.pop();
            }
            Node::ImplItemFn(f) => {
                let (self_ty, outer) = match self.impls.last() {
                    Some((t, g)) => (t.clone(), Some(*g)),
                    None => (None, None),
                };
                self.all.push(Body {
                    sig: &f.sig,
                    block: &f.block,
                    self_ty,
                    outer,
                    tokio_main: false,
                });
            }
            Node::TraitItemFn(f) => {
                if let Some(block) = &f.default {
                    self.all.push(Body {
                        sig: &f.sig,
                        block,
                        self_ty: None,
                        outer: self.impls.last().map(|(_, g)| *g),
                        tokio_main: false,
                    });
                }
            }
            _ => {}
        }
        true
    }
}

fn check_file(file: &syn::File, max_depth: usize) -> Vec<Diagnostic> {
    let items = Items::collect(file);
    let mut bodies = Bodies::default();
    Walk(&mut |n| bodies.node(n)).visit_file(file);
    let mut found: Vec<Vec<(Phase, Diagnostic)>> = Vec::new();
    for b in &bodies.all {
        let mut ds = Walker::function(
            &items,
            b.sig,
            b.block,
            b.self_ty.clone(),
            b.outer,
            b.tokio_main,
            max_depth,
        );
        // Loops are walked twice: keep one of each.
        let mut seen = Vec::new();
        ds.retain(|(_, d)| {
            let key = (d.code(), d.message.clone(), d.line, d.column);
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
        found.push(ds);
    }
    // rustc resolves names and lowers the whole crate first; then it type-checks and
    // borrow-checks one body after the other (a body with errors is not borrow-checked).
    let mut out = Vec::new();
    for phase in [Phase::Value, Phase::Func, Phase::Lower] {
        for ds in &found {
            out.extend(
                ds.iter()
                    .filter(|(p, _)| *p == phase)
                    .map(|(_, d)| d.clone()),
            );
        }
    }
    for ds in &found {
        let mut typeck: Vec<&Diagnostic> = ds
            .iter()
            .filter(|(p, _)| matches!(p, Phase::Typeck | Phase::Late))
            .map(|(_, d)| d)
            .collect();
        crate::interp::sort::sort_by_key(&mut typeck, |d| (d.line, d.column));
        out.extend(typeck.into_iter().cloned());
        if ds
            .iter()
            .all(|(p, _)| matches!(p, Phase::Borrowck | Phase::Entry))
        {
            out.extend(
                ds.iter()
                    .filter(|(p, _)| *p == Phase::Borrowck)
                    .map(|(_, d)| d.clone()),
            );
        }
    }
    for ds in &found {
        out.extend(
            ds.iter()
                .filter(|(p, _)| *p == Phase::Entry)
                .map(|(_, d)| d.clone()),
        );
    }
    out
}
