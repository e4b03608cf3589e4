//! From `syn`'s syntax tree to the small AST of [`super::ast`], refusing with a located error
//! whatever is outside the subset.
//!
//! Names are resolved here, once: a local variable, a function of the program, or a library item
//! through the program's `use` declarations (see [`KNOWN`]). Async blocks and closures learn here
//! which variables they capture.

use super::ast::*;
use super::diag::{Diagnostic, Span};
use super::limits::Limits;
use crate::interp::span::Spanned;
use proc_macro2::TokenStream;
use std::collections::HashMap;
use std::rc::Rc;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::Token;

/// The one line after every "not available" error, saying what is.
pub const AVAILABLE: &str = "note: this playground runs Rust as courses write it (your own structs, \
enums, traits and generics, references, `Box`/`Rc`/`Arc`/`RefCell`, std's collections and iterators) and \
most of Tokio (`time`, `sync`, `task`, `join!`/`select!`/`spawn`, channels); the rest is refused, like this";

mod adt;
mod expr;
mod f32;
mod impls;
mod items;
mod macros;
mod paths;
mod prim;
mod stmt;
mod target;
mod types;

use items::*;
use paths::*;

/// Parses and lowers `source`, or returns every error found.
pub fn lower(source: &str, limits: &Limits) -> Result<Program, Vec<Diagnostic>> {
    if source.len() > limits.max_source_bytes {
        let at = Span {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
        };
        return Err(vec![Diagnostic::error(
            at,
            limits.source_too_long(source.len()),
        )]);
    }
    if let Some((span, chain)) = too_deep(source, limits.max_nesting) {
        let message = if chain {
            format!(
                "an expression with more than {MAX_CHAIN} operators in a row is not accepted in this playground"
            )
        } else {
            format!(
                "brackets nested more than {} deep are not accepted in this playground",
                limits.max_nesting
            )
        };
        return Err(vec![Diagnostic::error(span, message)]);
    }
    let result = match syn::parse_file(source) {
        Ok(_) if f32::first_f32(source).is_some() => {
            Err(f32::first_f32(source).into_iter().collect())
        }
        Ok(mut file) => {
            // `Poll`, `Either` and `futures::future`'s combinators, written in the subset.
            if let Some(items) = super::stdlib::task::prelude_for(source) {
                file.items.extend(items);
            }
            crate::interp::tokio::local::expand(&mut file);
            Lowerer::new(limits).file(&file)
        }
        Err(e) => Err(vec![syntax_error(&e)]),
    };
    // Spans are converted to `Span`s above; proc-macro2 otherwise keeps every parsed source forever.
    proc_macro2::extra::invalidate_current_thread_spans();
    result
}

fn syntax_error(e: &syn::Error) -> Diagnostic {
    Diagnostic::error(Span::of(e.span()), e.to_string())
}

/// The first place where brackets nest deeper than `max` (outside strings and comments), if any.
/// Most operator characters (`+ - * / % ! & | ^ < > . ?`) between two `;`, `,` or braces: a longer
/// chain (`1 + 1 + ...`, `!!!!x`, `.a().a()...`) makes a syntax tree deep enough that parsing or
/// dropping it could overflow the wasm stack.
const MAX_CHAIN: usize = 256;

/// The first place where brackets nest deeper than `max`, or an operator chain exceeds
/// [`MAX_CHAIN`] (`true`), outside strings and comments.
pub(super) fn too_deep(source: &str, max: usize) -> Option<(Span, bool)> {
    let (mut depth, mut line, mut col) = (0usize, 1u32, 0u32);
    let mut chain = 0usize;
    let mut chars = source.chars().peekable();
    let (mut in_str, mut in_comment) = (false, false);
    while let Some(c) = chars.next() {
        col = col.saturating_add(1);
        if c == '\n' {
            line = line.saturating_add(1);
            col = 0;
            in_comment = false;
            continue;
        }
        if in_comment {
            continue;
        }
        if in_str {
            match c {
                '\\' => {
                    chars.next();
                    col = col.saturating_add(1);
                }
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        let here = Span {
            line,
            column: col,
            end_line: line,
            end_column: col.saturating_add(1),
        };
        match c {
            '"' => in_str = true,
            '/' if chars.peek() == Some(&'/') => in_comment = true,
            '(' | '[' | '{' => {
                depth += 1;
                if c == '{' {
                    chain = 0;
                }
                if depth > max {
                    return Some((here, false));
                }
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                if c == '}' {
                    chain = 0;
                }
            }
            ';' | ',' => chain = 0,
            '+' | '-' | '*' | '/' | '%' | '!' | '&' | '|' | '^' | '<' | '>' | '.' | '?' => {
                chain += 1;
                if chain > MAX_CHAIN {
                    return Some((here, true));
                }
            }
            _ => {}
        }
    }
    None
}

type R<T> = Result<T, Diagnostic>;

fn span(s: &impl Spanned) -> Span {
    Span::of(s.span())
}

fn not_available(s: Span, what: &str) -> Diagnostic {
    Diagnostic::error(s, format!("{what} is not available in this playground")).with(AVAILABLE)
}

/// One name a `use` brought in, for rustc's `unused_imports`.
struct UseEntry {
    /// Which `use` item (imports of one item are reported together).
    item: usize,
    /// The name as rustc reports it: the whole path for `use a::b::C;`, else the name.
    shown: String,
    span: Span,
    used: std::cell::Cell<bool>,
}

/// A local variable in scope while lowering.
struct Local {
    name: Name,
    span: Span,
    used: bool,
    /// `mut name`: the place of `mut name`, for rustc's `unused_mut`.
    mut_span: Option<Span>,
    /// Assigned, borrowed mutably, used as a method receiver or captured: `mut` may be needed.
    mutated: bool,
}

/// The state of lowering one file.
struct Lowerer<'l> {
    limits: &'l Limits,
    /// `use` declarations: the name in scope → its full path.
    uses: HashMap<String, String>,
    /// `use a::b::*;` prefixes.
    globs: Vec<String>,
    /// Every imported name, and the index of each local name in it.
    use_entries: Vec<UseEntry>,
    use_index: HashMap<String, usize>,
    /// The `use` item being read, and whether it is a plain path (no braces).
    use_item: usize,
    use_single: bool,
    /// Whether the code being lowered is in an `async` fn, block or closure (innermost last).
    in_async: Vec<bool>,
    /// Local variables in scope, innermost last.
    locals: Vec<Local>,
    /// Warnings found while lowering (unused variables).
    warnings: Vec<Diagnostic>,
    /// Open async blocks and closures: where their locals start, and what they captured.
    captures: Vec<(usize, Vec<Name>)>,
    depth: usize,
    /// The program's own types, impls and traits, filled while lowering items.
    reg: super::types::Registry,
    /// Names of the program's own items, resolved by [`items::Items`].
    items: types::Items,
    /// The module being lowered (`["shapes"]` inside `mod shapes`).
    module: Vec<String>,
    /// The type `Self` stands for in the `impl` being lowered (its key).
    self_ty: Option<String>,
    /// Generic type parameters in scope.
    generics: Vec<String>,
    /// The type parameters of the function being lowered (not of its `impl`), and those of them
    /// that its body calls through (`T::default()`).
    fn_generics: Vec<String>,
    tparams_used: Vec<String>,
    /// The own type the expression being lowered must have (`let p: Point = make();`).
    expect: Option<String>,
    /// The own error type of the function being lowered (`-> Result<T, MyError>`): `?` converts
    /// into it. Innermost last; `None` inside closures and async blocks.
    ret_err: Vec<Option<String>>,
    /// Lowering a method named `poll` (where `std::thread::spawn(f);` may start a thread).
    in_poll: bool,
}

impl<'l> Lowerer<'l> {
    fn new(limits: &'l Limits) -> Self {
        Lowerer {
            limits,
            uses: HashMap::new(),
            globs: Vec::new(),
            use_entries: Vec::new(),
            use_index: HashMap::new(),
            use_item: 0,
            use_single: false,
            in_async: Vec::new(),
            locals: Vec::new(),
            warnings: Vec::new(),
            captures: Vec::new(),
            depth: 0,
            reg: super::types::Registry::default(),
            items: types::Items::default(),
            module: Vec::new(),
            self_ty: None,
            generics: Vec::new(),
            fn_generics: Vec::new(),
            tparams_used: Vec::new(),
            expect: None,
            ret_err: Vec::new(),
            in_poll: false,
        }
    }
}
