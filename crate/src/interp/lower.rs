//! From `syn`'s syntax tree to the small AST of [`super::ast`], refusing with a located error
//! whatever is outside the subset.
//!
//! Names are resolved here, once: a local variable, a function of the program, or a library item
//! through the program's `use` declarations (see [`KNOWN`]). Async blocks and closures learn here
//! which variables they capture.

use super::ast::*;
use super::diag::{Diagnostic, Span};
use super::limits::Limits;
use proc_macro2::TokenStream;
use std::collections::HashMap;
use std::rc::Rc;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::Token;

/// The one line after every "not available" error, saying what is.
pub const AVAILABLE: &str = "note: this playground runs `fn`/`async fn`, `let`, `if`/`match`/loops, \
`println!`/`format!`/`panic!`, `tokio::time` (`sleep`, `timeout`, `Duration`, `Instant`), \
`tokio::join!`/`select!`/`spawn`, `join_all`, `mpsc` and `oneshot` channels, and `std::thread::sleep`";

/// What a path of the library names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Module,
    Type,
    Fn(Builtin),
    Macro,
    Const,
}

/// The library items of the subset, by canonical path (see [`canonical`] for the aliases).
const KNOWN: &[(&str, Known)] = &[
    ("tokio", Known::Module),
    ("tokio::time", Known::Module),
    ("tokio::time::error", Known::Module),
    ("tokio::task", Known::Module),
    ("tokio::sync", Known::Module),
    ("tokio::sync::mpsc", Known::Module),
    ("tokio::sync::mpsc::error", Known::Module),
    ("tokio::sync::oneshot", Known::Module),
    ("tokio::sync::oneshot::error", Known::Module),
    ("std", Known::Module),
    ("std::time", Known::Module),
    ("std::thread", Known::Module),
    ("std::mem", Known::Module),
    ("std::future", Known::Module),
    ("std::pin", Known::Module),
    ("futures", Known::Module),
    ("futures::future", Known::Module),
    ("tokio::time::sleep", Known::Fn(Builtin::Sleep)),
    ("tokio::time::sleep_until", Known::Fn(Builtin::SleepUntil)),
    ("tokio::time::timeout", Known::Fn(Builtin::Timeout)),
    ("tokio::time::interval", Known::Fn(Builtin::Interval)),
    ("tokio::time::Interval", Known::Type),
    ("tokio::try_join", Known::Macro),
    ("std::time::Duration", Known::Type),
    (
        "std::time::Duration::from_secs",
        Known::Fn(Builtin::DurationFromSecs),
    ),
    (
        "std::time::Duration::from_millis",
        Known::Fn(Builtin::DurationFromMillis),
    ),
    (
        "std::time::Duration::from_micros",
        Known::Fn(Builtin::DurationFromMicros),
    ),
    (
        "std::time::Duration::from_nanos",
        Known::Fn(Builtin::DurationFromNanos),
    ),
    (
        "std::time::Duration::from_secs_f64",
        Known::Fn(Builtin::DurationFromSecsF64),
    ),
    (
        "std::time::Duration::from_secs_f32",
        Known::Fn(Builtin::DurationFromSecsF64),
    ),
    ("std::time::Duration::new", Known::Fn(Builtin::DurationNew)),
    ("std::time::Duration::ZERO", Known::Const),
    ("std::time::Duration::MAX", Known::Const),
    ("std::time::Instant", Known::Type),
    ("std::time::Instant::now", Known::Fn(Builtin::InstantNow)),
    ("tokio::spawn", Known::Fn(Builtin::Spawn)),
    ("tokio::task::yield_now", Known::Fn(Builtin::YieldNow)),
    ("tokio::task::JoinHandle", Known::Type),
    ("tokio::task::JoinError", Known::Type),
    ("tokio::time::error::Elapsed", Known::Type),
    ("futures::future::join_all", Known::Fn(Builtin::JoinAll)),
    // `FutureExt::fuse` (for `futures::select!`) is the identity here: every future is fused.
    ("futures::FutureExt", Known::Type),
    ("futures::future::FutureExt", Known::Type),
    (
        "tokio::sync::mpsc::channel",
        Known::Fn(Builtin::MpscChannel),
    ),
    (
        "tokio::sync::mpsc::unbounded_channel",
        Known::Fn(Builtin::MpscUnbounded),
    ),
    ("tokio::sync::mpsc::Sender", Known::Type),
    ("tokio::sync::mpsc::Receiver", Known::Type),
    ("tokio::sync::mpsc::UnboundedSender", Known::Type),
    ("tokio::sync::mpsc::UnboundedReceiver", Known::Type),
    (
        "tokio::sync::oneshot::channel",
        Known::Fn(Builtin::OneshotChannel),
    ),
    ("tokio::sync::oneshot::Sender", Known::Type),
    ("tokio::sync::oneshot::Receiver", Known::Type),
    ("std::thread::sleep", Known::Fn(Builtin::ThreadSleep)),
    // `io::stdout().flush()` after `print!`: lines are shown when complete, so flushing is a no-op.
    ("std::io", Known::Module),
    ("std::io::Write", Known::Type),
    ("std::io::stdout", Known::Fn(Builtin::Stdout)),
    ("std::io::stderr", Known::Fn(Builtin::Stdout)),
    ("std::future::Future", Known::Type),
    ("std::pin::Pin", Known::Type),
    ("String", Known::Type),
    ("String::from", Known::Fn(Builtin::StringFrom)),
    ("String::new", Known::Fn(Builtin::StringNew)),
    ("Vec", Known::Type),
    ("Vec::new", Known::Fn(Builtin::VecNew)),
    ("Vec::with_capacity", Known::Fn(Builtin::VecWithCapacity)),
    ("Box", Known::Type),
    ("Box::pin", Known::Fn(Builtin::BoxPin)),
    ("Box::new", Known::Fn(Builtin::BoxNew)),
    ("drop", Known::Fn(Builtin::Drop)),
    ("tokio::join", Known::Macro),
    ("tokio::select", Known::Macro),
    ("futures::join", Known::Macro),
    ("futures::select", Known::Macro),
];

/// Aliases: different paths to the same item.
fn canonical(path: &str) -> String {
    const ALIASES: &[(&str, &str)] = &[
        ("core::", "std::"),
        ("tokio::time::Duration", "std::time::Duration"),
        ("tokio::time::Instant", "std::time::Instant"),
        ("tokio::task::spawn", "tokio::spawn"),
        ("std::mem::drop", "drop"),
        ("std::string::String", "String"),
        ("std::vec::Vec", "Vec"),
        ("std::boxed::Box", "Box"),
        ("futures::future::join", "futures::join"),
        ("futures::future::select", "futures::select"),
        ("tokio::macros::", "tokio::"),
        ("::", ""),
    ];
    for (from, to) in ALIASES {
        if let Some(rest) = path.strip_prefix(from) {
            // Whole segments only: `futures::future::join` is not a prefix of `..::join_all`.
            if from.ends_with("::") || rest.is_empty() || rest.starts_with("::") {
                return canonical(&format!("{to}{rest}"));
            }
        }
    }
    path.to_string()
}

fn known(path: &str) -> Option<Known> {
    let path = canonical(path);
    KNOWN.iter().find(|(p, _)| *p == path).map(|(_, k)| *k)
}

/// Integer constants such as `u64::MAX`.
fn int_const(ty: &str, name: &str) -> Option<Lit> {
    let t = IntTy::from_name(ty)?;
    let (min, max) = t.range();
    match name {
        "MAX" => Some(Lit::Int(max, t)),
        "MIN" => Some(Lit::Int(min, t)),
        _ => None,
    }
}

/// The methods the evaluator knows; any other is refused when lowering.
pub const METHODS: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or",
    "unwrap_or_default",
    "unwrap_or_else",
    "unwrap_err",
    "expect_err",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "ok",
    "err",
    "map",
    "map_err",
    "and_then",
    "to_string",
    "to_owned",
    "clone",
    "into",
    "len",
    "is_empty",
    "push",
    "pop",
    "push_str",
    "as_str",
    "as_ref",
    "as_mut",
    "as_millis",
    "as_secs",
    "as_micros",
    "as_nanos",
    "as_secs_f64",
    "as_secs_f32",
    "subsec_millis",
    "subsec_micros",
    "subsec_nanos",
    "elapsed",
    "duration_since",
    "checked_duration_since",
    "saturating_duration_since",
    "abort",
    "is_finished",
    "is_cancelled",
    "is_panic",
    "send",
    "recv",
    "try_recv",
    "close",
    "is_closed",
    "iter",
    "iter_mut",
    "into_iter",
    "enumerate",
    "rev",
    "filter",
    "collect",
    "sum",
    "count",
    "zip",
    "skip",
    "take",
    "cloned",
    "copied",
    "contains",
    "join",
    "abs",
    "pow",
    "min",
    "max",
    "checked_add",
    "checked_sub",
    "checked_mul",
    "checked_div",
    "saturating_add",
    "saturating_sub",
    "wrapping_add",
    "wrapping_sub",
    "wrapping_mul",
    "trim",
    "to_uppercase",
    "to_lowercase",
    "starts_with",
    "ends_with",
    "chars",
    "first",
    "last",
    "get",
    "insert",
    "remove",
    "clear",
    "extend",
    "reverse",
    "sort",
    "sqrt",
    "round",
    "floor",
    "ceil",
    "powi",
    "repeat",
    "split_whitespace",
    "parse",
    "step_by",
    "flush",
    "fuse",
    "tick",
];

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
        Ok(file) => Lowerer::new(limits).file(&file),
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
    /// The program's functions (names only, for resolution before their bodies are lowered).
    fn_names: Vec<String>,
    /// The program's `const` items (names only).
    const_names: Vec<String>,
    /// Local variables in scope, innermost last.
    locals: Vec<Local>,
    /// Warnings found while lowering (unused variables).
    warnings: Vec<Diagnostic>,
    /// Open async blocks and closures: where their locals start, and what they captured.
    captures: Vec<(usize, Vec<Name>)>,
    depth: usize,
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
            fn_names: Vec::new(),
            const_names: Vec::new(),
            locals: Vec::new(),
            warnings: Vec::new(),
            captures: Vec::new(),
            depth: 0,
        }
    }

    fn file(mut self, file: &syn::File) -> Result<Program, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        for (n, item) in file.items.iter().enumerate() {
            match item {
                syn::Item::Use(u) => {
                    self.use_item = n;
                    self.use_single =
                        !matches!(&u.tree, syn::UseTree::Group(_) | syn::UseTree::Glob(_))
                            && !use_has_group(&u.tree);
                    if let Err(e) = self.use_tree(&u.tree, String::new(), None) {
                        errors.push(e);
                    }
                }
                syn::Item::Fn(f) => self.fn_names.push(f.sig.ident.to_string()),
                syn::Item::Const(c) => self.const_names.push(c.ident.to_string()),
                _ => {}
            }
        }
        let mut fns = HashMap::new();
        let mut consts = HashMap::new();
        let mut main = None;
        for item in &file.items {
            match item {
                syn::Item::Use(_) => {}
                syn::Item::Const(c) => {
                    let r = self.ty(&c.ty).and_then(|ty| Ok((ty, self.expr(&c.expr)?)));
                    match r {
                        Ok((ty, e)) => {
                            consts.insert(Name::from(c.ident.to_string()), (ty, Rc::new(e)));
                        }
                        Err(e) => errors.push(e),
                    }
                }
                syn::Item::Fn(f) => match self.item_fn(f) {
                    Ok((def, kind)) => {
                        if let Some(kind) = kind {
                            main = Some(kind);
                        }
                        if fns.contains_key(&def.name) {
                            errors.push(Diagnostic::error(
                                def.span,
                                format!("the name `{}` is defined multiple times", def.name),
                            ));
                        }
                        fns.insert(def.name.clone(), Rc::new(def));
                    }
                    Err(e) => errors.push(e),
                },
                other => errors.push(not_available(item_span(other), &item_kind(other))),
            }
        }
        if errors.is_empty() && main.is_none() {
            let end = Span {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
            };
            errors.push(
                Diagnostic::error(end, "`main` function not found in crate `main`")
                    .with("help: consider adding a `main` function to `main.rs`"),
            );
        }
        match main {
            Some(main) if errors.is_empty() => {
                let mut warnings = self.unused_imports();
                warnings.append(&mut self.warnings);
                warnings.sort_by_key(|w| (w.line, w.column));
                Ok(Program {
                    fns,
                    consts,
                    main,
                    warnings,
                })
            }
            _ => Err(errors),
        }
    }

    /// One `use` tree; `start` is where its path began (the error points at the whole path).
    fn use_tree(&mut self, tree: &syn::UseTree, prefix: String, start: Option<Span>) -> R<()> {
        let join = |name: &str| {
            if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}::{name}")
            }
        };
        let whole = |leaf: Span| match start {
            Some(s) => Span {
                end_line: leaf.end_line,
                end_column: leaf.end_column,
                ..s
            },
            None => leaf,
        };
        let first = start.or(Some(span(tree)));
        match tree {
            syn::UseTree::Path(p) => self.use_tree(&p.tree, join(&p.ident.to_string()), first),
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                let (full, local) = if name == "self" {
                    let last = prefix.rsplit("::").next().unwrap_or("").to_string();
                    (prefix.clone(), last)
                } else {
                    (join(&name), name)
                };
                self.use_one(&full, local, whole(span(tree)))
            }
            syn::UseTree::Rename(r) => {
                let full = join(&r.ident.to_string());
                self.use_one(&full, r.rename.to_string(), whole(span(tree)))
            }
            syn::UseTree::Glob(_) => {
                if known(&prefix) != Some(Known::Module) {
                    return Err(not_available(whole(span(tree)), &format!("`{prefix}`")));
                }
                self.globs.push(prefix);
                Ok(())
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(t, prefix.clone(), None)?;
                }
                Ok(())
            }
        }
    }

    fn use_one(&mut self, full: &str, local: String, at: Span) -> R<()> {
        let macro_ok = matches!(
            full,
            "std::println" | "std::print" | "std::eprintln" | "std::format" | "std::vec"
        );
        if known(full).is_none() && !macro_ok {
            return Err(not_available(at, &format!("`{full}`")));
        }
        let shown = if self.use_single {
            full.to_string()
        } else {
            local.clone()
        };
        if local != "_" {
            self.use_index.insert(local.clone(), self.use_entries.len());
            self.use_entries.push(UseEntry {
                item: self.use_item,
                shown,
                span: at,
                used: std::cell::Cell::new(false),
            });
        }
        self.uses.insert(local, full.to_string());
        Ok(())
    }

    /// Notes that the imported name `name` is used.
    fn use_name(&self, name: &str) {
        if let Some(e) = self
            .use_index
            .get(name)
            .and_then(|i| self.use_entries.get(*i))
        {
            e.used.set(true);
        }
    }

    /// rustc's `unused_imports`: one warning per `use` item, naming its unused imports.
    fn unused_imports(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut items: Vec<usize> = self.use_entries.iter().map(|e| e.item).collect();
        items.dedup();
        for item in items {
            let unused: Vec<&UseEntry> = self
                .use_entries
                .iter()
                .filter(|e| e.item == item && !e.used.get())
                .collect();
            let Some(first) = unused.first() else {
                continue;
            };
            let names: Vec<String> = unused.iter().map(|e| format!("`{}`", e.shown)).collect();
            let message = match names.as_slice() {
                [one] => format!("unused import: {one}"),
                [a, b] => format!("unused imports: {a} and {b}"),
                [rest @ .., last] => format!("unused imports: {}, and {last}", rest.join(", ")),
                [] => continue,
            };
            out.push(Diagnostic::warning(first.span, message));
        }
        out
    }

    /// The full path a written path stands for, through `use` declarations and globs.
    fn expand(&self, segments: &[String]) -> Option<String> {
        let first = segments.first()?;
        let rest = segments.get(1..).unwrap_or(&[]).join("::");
        let with = |base: &str| {
            if rest.is_empty() {
                base.to_string()
            } else {
                format!("{base}::{rest}")
            }
        };
        if let Some(full) = self.uses.get(first.as_str()) {
            self.use_name(first);
            return Some(with(full));
        }
        let direct = segments.join("::");
        if known(&direct).is_some() {
            return Some(direct);
        }
        for g in &self.globs {
            let full = format!("{g}::{direct}");
            if known(&full).is_some() {
                return Some(full);
            }
        }
        None
    }

    fn item_fn(&mut self, f: &syn::ItemFn) -> R<(FnDef, Option<MainKind>)> {
        let sig = &f.sig;
        let name = sig.ident.to_string();
        if !sig.generics.params.is_empty() {
            return Err(not_available(span(&sig.generics), "a generic function"));
        }
        if let Some(u) = &sig.unsafety {
            return Err(not_available(span(u), "`unsafe`"));
        }
        let mut main = None;
        let mut tokio_main = None;
        for attr in &f.attrs {
            let path: Vec<String> = attr
                .path()
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let is_tokio_main = path == ["tokio", "main"]
                || (path == ["main"] && self.uses.get("main").is_some_and(|p| p == "tokio::main"));
            if is_tokio_main && path == ["main"] {
                self.use_name("main");
            }
            if is_tokio_main {
                let mut current_thread = false;
                if let syn::Meta::List(list) = &attr.meta {
                    let tokens = list.tokens.to_string();
                    current_thread = tokens.contains("current_thread");
                }
                tokio_main = Some(current_thread);
            } else if path == ["allow"] || path == ["warn"] || path == ["deny"] || path == ["doc"] {
                // Lint attributes change nothing here.
            } else {
                return Err(not_available(
                    span(attr),
                    &format!("`#[{}]`", path.join("::")),
                ));
            }
        }
        let is_async = sig.asyncness.is_some();
        if name == "main" {
            if !sig.inputs.is_empty() {
                return Err(Diagnostic::error(
                    span(&sig.inputs),
                    "`main` function has wrong type: it takes no arguments",
                ));
            }
            main = Some(match (is_async, tokio_main) {
                (true, Some(current_thread)) => MainKind::Tokio { current_thread },
                (false, None) => MainKind::Plain,
                (true, None) => {
                    return Err(Diagnostic::error(
                        span(&sig.asyncness),
                        "`main` function is not allowed to be `async`",
                    )
                    .with("help: add `#[tokio::main]` above `async fn main()` to run it on Tokio"))
                }
                (false, Some(_)) => {
                    return Err(Diagnostic::error(
                        span(&sig.fn_token),
                        "the `async` keyword is missing from the function declaration",
                    ))
                }
            });
        } else if tokio_main.is_some() {
            return Err(Diagnostic::error(
                span(&sig.ident),
                "`#[tokio::main]` goes on `async fn main` only in this playground",
            ));
        }
        let base = self.locals.len();
        let mut params = Vec::new();
        for input in &sig.inputs {
            match input {
                syn::FnArg::Typed(pt) => {
                    let ty = self.ty(&pt.ty)?;
                    let pat = self.pat(&pt.pat)?;
                    params.push((pat, ty));
                }
                syn::FnArg::Receiver(r) => return Err(not_available(span(r), "`self`")),
            }
        }
        let ret = match &sig.output {
            syn::ReturnType::Default => Ty::Unit,
            syn::ReturnType::Type(_, t) => self.ty(t)?,
        };
        self.in_async.push(is_async);
        let body = self.block(&f.block);
        self.in_async.pop();
        self.end_scope(base);
        Ok((
            FnDef {
                name: name.into(),
                is_async,
                params,
                ret,
                body: Rc::new(body?),
                span: span(&sig.ident),
            },
            main,
        ))
    }

    fn ty(&self, t: &syn::Type) -> R<Ty> {
        Ok(match t {
            syn::Type::Tuple(tt) if tt.elems.is_empty() => Ty::Unit,
            syn::Type::Tuple(tt) => {
                Ty::Tuple(tt.elems.iter().map(|e| self.ty(e)).collect::<R<Vec<_>>>()?)
            }
            syn::Type::Reference(r) => self.ty(&r.elem)?,
            syn::Type::Paren(p) => self.ty(&p.elem)?,
            syn::Type::Group(g) => self.ty(&g.elem)?,
            syn::Type::Slice(s) => Ty::Vec(Box::new(self.ty(&s.elem)?)),
            syn::Type::Array(a) => Ty::Vec(Box::new(self.ty(&a.elem)?)),
            syn::Type::Infer(_) | syn::Type::ImplTrait(_) | syn::Type::Never(_) => Ty::Other,
            syn::Type::Path(p) if p.qself.is_none() => {
                if let Some(first) = p.path.segments.first() {
                    self.use_name(&first.ident.to_string());
                }
                let last = p.path.segments.last();
                let name = last.map(|s| s.ident.to_string()).unwrap_or_default();
                let args: Vec<Ty> = match last.map(|s| &s.arguments) {
                    Some(syn::PathArguments::AngleBracketed(a)) => a
                        .args
                        .iter()
                        .filter_map(|g| match g {
                            syn::GenericArgument::Type(t) => Some(self.ty(t)),
                            _ => None,
                        })
                        .collect::<R<Vec<_>>>()?,
                    _ => Vec::new(),
                };
                let arg = |i: usize| Box::new(args.get(i).cloned().unwrap_or(Ty::Other));
                if let Some(i) = IntTy::from_name(&name) {
                    Ty::Int(i)
                } else {
                    match name.as_str() {
                        "f64" | "f32" => Ty::Float,
                        "Vec" => Ty::Vec(arg(0)),
                        "Option" => Ty::Option(arg(0)),
                        "Result" => Ty::Result(arg(0), arg(1)),
                        "Box" => *arg(0),
                        "String" | "str" | "bool" | "char" | "Duration" | "Instant"
                        | "JoinHandle" | "JoinError" | "Elapsed" | "Sender" | "Receiver"
                        | "UnboundedSender" | "UnboundedReceiver" | "Pin" | "Future" => Ty::Other,
                        _ => return Err(not_available(span(t), &format!("the type `{name}`"))),
                    }
                }
            }
            syn::Type::TraitObject(_) => Ty::Other,
            other => {
                return Err(not_available(span(other), "this kind of type"));
            }
        })
    }

    fn block(&mut self, b: &syn::Block) -> R<Block> {
        let base = self.locals.len();
        let result = self.block_inner(b);
        self.end_scope(base);
        result
    }

    fn block_inner(&mut self, b: &syn::Block) -> R<Block> {
        let mut out = Block::default();
        let n = b.stmts.len();
        for (i, stmt) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match stmt {
                syn::Stmt::Local(local) => {
                    let (pat, ty) = match &local.pat {
                        syn::Pat::Type(pt) => (&*pt.pat, Some(self.ty(&pt.ty)?)),
                        p => (p, None),
                    };
                    let (init, otherwise) = match &local.init {
                        Some(init) => {
                            let e = self.expr(&init.expr)?;
                            let o = match &init.diverge {
                                Some((_, d)) => Some(self.else_block(d)?),
                                None => None,
                            };
                            (Some(e), o)
                        }
                        None => (None, None),
                    };
                    // The pattern's names come into scope after the initializer.
                    let pat = self.pat(pat)?;
                    out.stmts.push(Stmt::Let {
                        pat,
                        ty,
                        init,
                        otherwise,
                    });
                }
                syn::Stmt::Item(item) => {
                    return Err(not_available(
                        item_span(item),
                        &format!("{} inside a function", item_kind(item)),
                    ))
                }
                syn::Stmt::Expr(e, semi) => {
                    let e = self.expr(e)?;
                    if last && semi.is_none() {
                        out.tail = Some(Box::new(e));
                    } else {
                        out.stmts.push(Stmt::Expr(e));
                    }
                }
                syn::Stmt::Macro(m) => {
                    let e = self.mac(&m.mac)?;
                    if last && m.semi_token.is_none() {
                        out.tail = Some(Box::new(e));
                    } else {
                        out.stmts.push(Stmt::Expr(e));
                    }
                }
            }
        }
        Ok(out)
    }

    fn else_block(&mut self, e: &syn::Expr) -> R<Block> {
        match e {
            syn::Expr::Block(b) => self.block(&b.block),
            other => Ok(Block {
                stmts: Vec::new(),
                tail: Some(self.boxed(other)?),
            }),
        }
    }

    fn bind(&mut self, name: Name, at: Span, mut_span: Option<Span>) {
        self.locals.push(Local {
            name,
            span: at,
            used: false,
            mut_span,
            mutated: false,
        });
    }

    /// Notes that the variable at the root of place `e` is mutated (for `unused_mut`). Method
    /// receivers count too: without types we cannot tell `&self` from `&mut self` methods, and a
    /// missed warning is better than a wrong one.
    fn mark_mutated(&mut self, e: &syn::Expr) {
        match e {
            syn::Expr::Path(p) => {
                if let Some(id) = p.path.get_ident() {
                    let name = id.to_string();
                    if let Some(l) = self
                        .locals
                        .iter_mut()
                        .rev()
                        .find(|l| l.name.as_ref() == name)
                    {
                        l.mutated = true;
                    }
                }
            }
            syn::Expr::Field(f) => self.mark_mutated(&f.base),
            syn::Expr::Index(i) => self.mark_mutated(&i.expr),
            syn::Expr::Paren(p) => self.mark_mutated(&p.expr),
            syn::Expr::Reference(r) => self.mark_mutated(&r.expr),
            syn::Expr::Unary(u) => self.mark_mutated(&u.expr),
            syn::Expr::MethodCall(m) => self.mark_mutated(&m.receiver),
            _ => {}
        }
    }

    /// Leaves a scope: its variables go out of scope, and rustc's `unused_variables` lint runs.
    fn end_scope(&mut self, base: usize) {
        while self.locals.len() > base {
            let Some(local) = self.locals.pop() else {
                break;
            };
            let name = &local.name;
            if !local.used && !name.starts_with('_') {
                self.warnings.push(
                    Diagnostic::warning(local.span, format!("unused variable: `{name}`")).with(
                        format!(
                            "help: if this is intentional, prefix it with an underscore: `_{name}`"
                        ),
                    ),
                );
            } else if let (Some(at), false) = (local.mut_span, local.mutated) {
                self.warnings.push(
                    Diagnostic::warning(at, "variable does not need to be mutable")
                        .with("help: remove this `mut`"),
                );
            }
        }
    }

    fn pat(&mut self, p: &syn::Pat) -> R<Pat> {
        Ok(match p {
            syn::Pat::Wild(_) => Pat::Wild,
            syn::Pat::Ident(pi) => {
                if let Some((_, sub)) = &pi.subpat {
                    return Err(not_available(span(sub), "`@` patterns"));
                }
                let name: Name = pi.ident.to_string().into();
                if name.as_ref() == "None" {
                    return Ok(Pat::None);
                }
                let mut_span = pi.mutability.as_ref().map(|_| span(pi));
                self.bind(name.clone(), span(&pi.ident), mut_span);
                Pat::Bind {
                    name,
                    span: span(&pi.ident),
                }
            }
            syn::Pat::Tuple(t) => {
                Pat::Tuple(t.elems.iter().map(|e| self.pat(e)).collect::<R<Vec<_>>>()?)
            }
            syn::Pat::Paren(pp) => self.pat(&pp.pat)?,
            syn::Pat::Reference(r) => self.pat(&r.pat)?,
            syn::Pat::Type(pt) => {
                // Only to note the imports the type names (`|d: Duration|`).
                let _ = self.ty(&pt.ty);
                self.pat(&pt.pat)?
            }
            syn::Pat::Rest(_) => Pat::Rest,
            syn::Pat::Lit(l) => Pat::Lit(self.lit(&l.lit, false)?),
            syn::Pat::Range(r) => {
                let end = |e: &Option<Box<syn::Expr>>, me: &mut Self| -> R<Lit> {
                    match e.as_deref() {
                        Some(e) => me.pat_lit(e),
                        None => Err(not_available(span(r), "an open range pattern")),
                    }
                };
                let lo = end(&r.start, self)?;
                let hi = end(&r.end, self)?;
                Pat::Range(lo, hi, matches!(r.limits, syn::RangeLimits::Closed(_)))
            }
            syn::Pat::Or(o) => Pat::Or(o.cases.iter().map(|c| self.pat(c)).collect::<R<Vec<_>>>()?),
            syn::Pat::Path(pp) if pp.path.is_ident("None") => Pat::None,
            syn::Pat::TupleStruct(ts) => {
                let name = ts
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                let variant = match name.as_str() {
                    "Some" => Variant::Some,
                    "Ok" => Variant::Ok,
                    "Err" => Variant::Err,
                    _ => {
                        return Err(not_available(
                            span(&ts.path),
                            &format!("the pattern `{name}(..)`"),
                        ))
                    }
                };
                if ts.elems.len() != 1 {
                    return Err(Diagnostic::error(
                        span(ts),
                        format!(
                            "this pattern has {} fields, but `{name}` has 1 field",
                            ts.elems.len()
                        ),
                    ));
                }
                let inner = match ts.elems.first() {
                    Some(e) => self.pat(e)?,
                    None => Pat::Wild,
                };
                Pat::Variant(variant, Box::new(inner))
            }
            syn::Pat::Const(_) | syn::Pat::Macro(_) | syn::Pat::Slice(_) | syn::Pat::Struct(_) => {
                return Err(not_available(span(p), "this kind of pattern"))
            }
            _ => return Err(not_available(span(p), "this kind of pattern")),
        })
    }

    fn pat_lit(&mut self, e: &syn::Expr) -> R<Lit> {
        match e {
            syn::Expr::Lit(l) => self.lit(&l.lit, false),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
                syn::Expr::Lit(l) => self.lit(&l.lit, true),
                other => Err(not_available(span(other), "this pattern")),
            },
            other => Err(not_available(span(other), "this pattern")),
        }
    }

    fn lit(&self, l: &syn::Lit, negative: bool) -> R<Lit> {
        let sign: i32 = if negative { -1 } else { 1 };
        Ok(match l {
            syn::Lit::Int(i) => {
                let ty = match i.suffix() {
                    "" => IntTy::Infer,
                    s => IntTy::from_name(s).ok_or_else(|| {
                        Diagnostic::error(
                            span(l),
                            format!("invalid suffix `{s}` for number literal"),
                        )
                    })?,
                };
                if matches!(i.suffix(), "f64" | "f32") {
                    return Ok(Lit::Float(
                        i.base10_parse::<f64>().unwrap_or(0.0) * f64::from(sign),
                    ));
                }
                let v: i128 = i
                    .base10_parse::<u128>()
                    .ok()
                    .and_then(|v| i128::try_from(v).ok())
                    .ok_or_else(|| Diagnostic::error(span(l), "integer literal is too large"))?;
                let v = v * i128::from(sign);
                let (min, max) = ty.range();
                if ty != IntTy::Infer && (v < min || v > max) {
                    return Err(Diagnostic::error(
                        span(l),
                        format!("literal out of range for `{}`", i.suffix()),
                    ));
                }
                Lit::Int(v, ty)
            }
            syn::Lit::Float(f) => {
                Lit::Float(f.base10_parse::<f64>().unwrap_or(0.0) * f64::from(sign))
            }
            syn::Lit::Str(s) => Lit::Str(s.value().into()),
            syn::Lit::Char(c) => Lit::Char(c.value()),
            syn::Lit::Bool(b) => Lit::Bool(b.value),
            other => return Err(not_available(span(other), "this kind of literal")),
        })
    }

    fn label(l: &Option<syn::Label>) -> Option<Name> {
        l.as_ref().map(|l| l.name.ident.to_string().into())
    }

    fn boxed(&mut self, e: &syn::Expr) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    fn exprs<'a>(&mut self, es: impl IntoIterator<Item = &'a syn::Expr>) -> R<Vec<Expr>> {
        es.into_iter().map(|e| self.expr(e)).collect()
    }

    /// Resolves a variable reference, noting captures for open async blocks and closures.
    fn var(&mut self, name: &str) -> Option<Name> {
        let i = self.locals.iter().rposition(|l| l.name.as_ref() == name)?;
        let captured = self.captures.iter().any(|(base, _)| i < *base);
        let local = self.locals.get_mut(i)?;
        local.used = true;
        // A closure or async block may mutate what it captures; don't claim `mut` is unneeded.
        local.mutated |= captured;
        let found = local.name.clone();
        for (base, caps) in self.captures.iter_mut() {
            if i < *base && !caps.contains(&found) {
                caps.push(found.clone());
            }
        }
        Some(found)
    }

    fn expr(&mut self, e: &syn::Expr) -> R<Expr> {
        self.depth += 1;
        if self.depth > self.limits.max_nesting {
            self.depth -= 1;
            return Err(Diagnostic::error(
                span(e),
                "this expression nests too deeply for the playground",
            ));
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &syn::Expr) -> R<Expr> {
        let at = span(e);
        let kind = match e {
            syn::Expr::Lit(l) => ExprKind::Lit(self.lit(&l.lit, false)?),
            syn::Expr::Paren(p) => return self.expr(&p.expr),
            syn::Expr::Group(g) => return self.expr(&g.expr),
            syn::Expr::Path(p) => self.path_expr(p, at)?,
            syn::Expr::Call(c) => self.call(c, at)?,
            syn::Expr::MethodCall(m) => {
                self.mark_mutated(&m.receiver);
                // A trait import is used by calling its methods.
                if m.method == "fuse" {
                    self.use_name("FutureExt");
                }
                if m.method == "flush" {
                    self.use_name("Write");
                }
                let name = m.method.to_string();
                if !METHODS.contains(&name.as_str()) {
                    return Err(not_available(
                        span(&m.method),
                        &format!("the method `{name}`"),
                    ));
                }
                let mut args = self.exprs(&m.args)?;
                if name == "parse" {
                    // `parse::<T>()`: the target type travels as a literal of that type.
                    let target = m
                        .turbofish
                        .as_ref()
                        .and_then(|t| t.args.first())
                        .and_then(|g| match g {
                            syn::GenericArgument::Type(t) => self.ty(t).ok(),
                            _ => None,
                        });
                    let lit = match target {
                        Some(Ty::Int(t)) => Lit::Int(0, t),
                        Some(Ty::Float) => Lit::Float(0.0),
                        _ => Lit::Int(0, IntTy::Infer),
                    };
                    args = vec![Expr {
                        kind: ExprKind::Lit(lit),
                        span: span(&m.method),
                    }];
                }
                ExprKind::Method(self.boxed(&m.receiver)?, name.into(), args, span(&m.method))
            }
            syn::Expr::Unary(u) => {
                if let (syn::UnOp::Neg(_), syn::Expr::Lit(l)) = (&u.op, &*u.expr) {
                    if matches!(l.lit, syn::Lit::Int(_) | syn::Lit::Float(_)) {
                        return Ok(Expr {
                            kind: ExprKind::Lit(self.lit(&l.lit, true)?),
                            span: at,
                        });
                    }
                }
                let op = match u.op {
                    syn::UnOp::Neg(_) => UnOp::Neg,
                    syn::UnOp::Not(_) => UnOp::Not,
                    syn::UnOp::Deref(_) => UnOp::Deref,
                    _ => return Err(not_available(at, "this operator")),
                };
                ExprKind::Unary(op, self.boxed(&u.expr)?)
            }
            syn::Expr::Binary(b) => self.binary(b)?,
            syn::Expr::Assign(a) => {
                self.mark_mutated(&a.left);
                ExprKind::Assign(self.boxed(&a.left)?, self.boxed(&a.right)?)
            }
            syn::Expr::Reference(r) => {
                if r.mutability.is_some() {
                    self.mark_mutated(&r.expr);
                }
                ExprKind::Ref(self.boxed(&r.expr)?)
            }
            syn::Expr::If(i) => {
                let base = self.locals.len();
                let cond = self.boxed(&i.cond)?;
                let then = self.block(&i.then_branch);
                self.end_scope(base);
                let then = then?;
                let otherwise = match &i.else_branch {
                    Some((_, e)) => Some(self.boxed(e)?),
                    None => None,
                };
                ExprKind::If(cond, then, otherwise)
            }
            syn::Expr::Let(l) => {
                let value = self.boxed(&l.expr)?;
                ExprKind::Let(self.pat(&l.pat)?, value)
            }
            syn::Expr::While(w) => {
                let base = self.locals.len();
                let cond = self.boxed(&w.cond)?;
                let body = self.block(&w.body);
                self.end_scope(base);
                ExprKind::While(Self::label(&w.label), cond, body?)
            }
            syn::Expr::Loop(l) => ExprKind::Loop(Self::label(&l.label), self.block(&l.body)?),
            syn::Expr::ForLoop(f) => {
                let iter = self.boxed(&f.expr)?;
                let base = self.locals.len();
                let pat = self.pat(&f.pat);
                let body = pat.and_then(|p| Ok((p, self.block(&f.body)?)));
                self.end_scope(base);
                let (pat, body) = body?;
                ExprKind::For(Self::label(&f.label), pat, iter, body)
            }
            syn::Expr::Match(m) => {
                let scrut = self.boxed(&m.expr)?;
                let mut arms = Vec::new();
                for arm in &m.arms {
                    let base = self.locals.len();
                    let r = (|| {
                        let pat = self.pat(&arm.pat)?;
                        let guard = match &arm.guard {
                            Some((_, g)) => Some(self.expr(g)?),
                            None => None,
                        };
                        let body = self.expr(&arm.body)?;
                        Ok(Arm { pat, guard, body })
                    })();
                    self.end_scope(base);
                    arms.push(r?);
                }
                ExprKind::Match(scrut, arms)
            }
            syn::Expr::Block(b) => {
                if let Some(l) = &b.label {
                    return Err(not_available(span(l), "a labelled block"));
                }
                ExprKind::Block(self.block(&b.block)?)
            }
            syn::Expr::Unsafe(u) => return Err(not_available(span(&u.unsafe_token), "`unsafe`")),
            syn::Expr::Async(a) => {
                self.captures.push((self.locals.len(), Vec::new()));
                self.in_async.push(true);
                let body = self.block(&a.block);
                self.in_async.pop();
                let (_, captures) = self.captures.pop().unwrap_or_default();
                ExprKind::Async(Capturing {
                    body: Rc::new(body?),
                    captures,
                    is_move: a.capture.is_some(),
                })
            }
            syn::Expr::Closure(c) => {
                self.captures.push((self.locals.len(), Vec::new()));
                self.in_async.push(c.asyncness.is_some());
                let base = self.locals.len();
                let r = (|| {
                    let params = c
                        .inputs
                        .iter()
                        .map(|p| self.pat(p))
                        .collect::<R<Vec<_>>>()?;
                    let body = self.expr(&c.body)?;
                    Ok((params, body))
                })();
                self.in_async.pop();
                self.end_scope(base);
                let (_, captures) = self.captures.pop().unwrap_or_default();
                let (params, body) = r?;
                ExprKind::Closure(
                    Capturing {
                        body: Rc::new(body),
                        captures,
                        is_move: c.capture.is_some(),
                    },
                    params,
                    c.asyncness.is_some(),
                )
            }
            syn::Expr::Await(a) => {
                if self.in_async.last() != Some(&true) {
                    return Err(Diagnostic::error(
                        span(&a.await_token),
                        "`await` is only allowed inside `async` functions and blocks",
                    )
                    .with("note: `.await` needs an `async fn` or an `async` block; `main` becomes `async` with `#[tokio::main]`"));
                }
                ExprKind::Await(self.boxed(&a.base)?)
            }
            syn::Expr::Try(t) => ExprKind::Try(self.boxed(&t.expr)?),
            syn::Expr::Return(r) => ExprKind::Return(match &r.expr {
                Some(e) => Some(self.boxed(e)?),
                None => None,
            }),
            syn::Expr::Break(b) => ExprKind::Break(
                b.label.as_ref().map(|l| l.ident.to_string().into()),
                match &b.expr {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
            ),
            syn::Expr::Continue(c) => {
                ExprKind::Continue(c.label.as_ref().map(|l| l.ident.to_string().into()))
            }
            syn::Expr::Tuple(t) if t.elems.is_empty() => ExprKind::Tuple(Vec::new()),
            syn::Expr::Tuple(t) => ExprKind::Tuple(self.exprs(&t.elems)?),
            syn::Expr::Array(a) => ExprKind::Array(self.exprs(&a.elems)?),
            syn::Expr::Repeat(r) => ExprKind::Repeat(self.boxed(&r.expr)?, self.boxed(&r.len)?),
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Unnamed(i) => ExprKind::Field(self.boxed(&f.base)?, i.index as usize),
                syn::Member::Named(n) => {
                    return Err(not_available(span(n), &format!("the field `{n}`")))
                }
            },
            syn::Expr::Index(i) => ExprKind::Index(self.boxed(&i.expr)?, self.boxed(&i.index)?),
            syn::Expr::Range(r) => ExprKind::Range(
                match &r.start {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
                match &r.end {
                    Some(e) => Some(self.boxed(e)?),
                    None => None,
                },
                matches!(r.limits, syn::RangeLimits::Closed(_)),
            ),
            syn::Expr::Cast(c) => ExprKind::Cast(self.boxed(&c.expr)?, self.ty(&c.ty)?),
            syn::Expr::Macro(m) => return self.mac(&m.mac),
            syn::Expr::Struct(_) => return Err(not_available(at, "a struct expression")),
            _ => return Err(not_available(at, "this kind of expression")),
        };
        Ok(Expr { kind, span: at })
    }

    fn binary(&mut self, b: &syn::ExprBinary) -> R<ExprKind> {
        use syn::BinOp as S;
        let (op, assign) = match b.op {
            S::Add(_) => (BinOp::Add, false),
            S::Sub(_) => (BinOp::Sub, false),
            S::Mul(_) => (BinOp::Mul, false),
            S::Div(_) => (BinOp::Div, false),
            S::Rem(_) => (BinOp::Rem, false),
            S::And(_) => (BinOp::And, false),
            S::Or(_) => (BinOp::Or, false),
            S::BitXor(_) => (BinOp::BitXor, false),
            S::BitAnd(_) => (BinOp::BitAnd, false),
            S::BitOr(_) => (BinOp::BitOr, false),
            S::Shl(_) => (BinOp::Shl, false),
            S::Shr(_) => (BinOp::Shr, false),
            S::Eq(_) => (BinOp::Eq, false),
            S::Lt(_) => (BinOp::Lt, false),
            S::Le(_) => (BinOp::Le, false),
            S::Ne(_) => (BinOp::Ne, false),
            S::Ge(_) => (BinOp::Ge, false),
            S::Gt(_) => (BinOp::Gt, false),
            S::AddAssign(_) => (BinOp::Add, true),
            S::SubAssign(_) => (BinOp::Sub, true),
            S::MulAssign(_) => (BinOp::Mul, true),
            S::DivAssign(_) => (BinOp::Div, true),
            S::RemAssign(_) => (BinOp::Rem, true),
            S::BitXorAssign(_) => (BinOp::BitXor, true),
            S::BitAndAssign(_) => (BinOp::BitAnd, true),
            S::BitOrAssign(_) => (BinOp::BitOr, true),
            S::ShlAssign(_) => (BinOp::Shl, true),
            S::ShrAssign(_) => (BinOp::Shr, true),
            _ => return Err(not_available(span(&b.op), "this operator")),
        };
        if assign {
            self.mark_mutated(&b.left);
        }
        let l = self.boxed(&b.left)?;
        let r = self.boxed(&b.right)?;
        Ok(if assign {
            ExprKind::AssignOp(op, l, r)
        } else {
            ExprKind::Binary(op, l, r)
        })
    }

    fn segments(path: &syn::Path) -> Vec<String> {
        path.segments.iter().map(|s| s.ident.to_string()).collect()
    }

    fn path_expr(&mut self, p: &syn::ExprPath, at: Span) -> R<ExprKind> {
        if p.qself.is_some() {
            return Err(not_available(at, "a qualified path"));
        }
        let segs = Self::segments(&p.path);
        if let [one] = segs.as_slice() {
            if let Some(name) = self.var(one) {
                return Ok(ExprKind::Var(name));
            }
            if one == "None" {
                return Ok(ExprKind::None);
            }
            if self.fn_names.iter().any(|f| f == one) {
                return Ok(ExprKind::FnRef(one.as_str().into()));
            }
            if self.const_names.iter().any(|f| f == one) {
                return Ok(ExprKind::ConstRef(one.as_str().into()));
            }
            return Err(Diagnostic::error(
                at,
                format!("cannot find value `{one}` in this scope"),
            ));
        }
        if let [ty, name] = segs.as_slice() {
            if let Some(lit) = int_const(ty, name) {
                return Ok(ExprKind::Const(lit));
            }
        }
        let full = self.expand(&segs);
        match full.as_deref().map(|f| (canonical(f), known(f))) {
            Some((c, Some(Known::Const))) => Ok(ExprKind::Call(
                Callee::Builtin(Builtin::DurationZero),
                vec![Expr {
                    kind: ExprKind::Lit(Lit::Bool(c.ends_with("MAX"))),
                    span: at,
                }],
            )),
            Some((_, Some(Known::Fn(b)))) => Ok(ExprKind::Closure(
                Capturing {
                    body: Rc::new(Expr {
                        kind: ExprKind::Call(
                            Callee::Builtin(b),
                            vec![Expr {
                                kind: ExprKind::Var("__arg".into()),
                                span: at,
                            }],
                        ),
                        span: at,
                    }),
                    captures: Vec::new(),
                    is_move: false,
                },
                vec![Pat::Bind {
                    name: "__arg".into(),
                    span: at,
                }],
                false,
            )),
            _ => Err(not_available(at, &format!("`{}`", segs.join("::")))),
        }
    }

    fn call(&mut self, c: &syn::ExprCall, at: Span) -> R<ExprKind> {
        let path = match &*c.func {
            syn::Expr::Path(p) if p.qself.is_none() => &p.path,
            other => {
                // Calling the value of an expression: `(f)(x)`.
                let f = self.expr(other)?;
                if let ExprKind::Var(name) = f.kind {
                    return Ok(ExprKind::Call(Callee::Local(name), self.exprs(&c.args)?));
                }
                return Err(not_available(at, "calling this expression"));
            }
        };
        let segs = Self::segments(path);
        let args = self.exprs(&c.args)?;
        if let [one] = segs.as_slice() {
            match one.as_str() {
                "Some" => return Ok(ExprKind::Call(Callee::Variant(Variant::Some), args)),
                "Ok" => return Ok(ExprKind::Call(Callee::Variant(Variant::Ok), args)),
                "Err" => return Ok(ExprKind::Call(Callee::Variant(Variant::Err), args)),
                _ => {}
            }
            if let Some(name) = self.var(one) {
                // Calling an `FnMut` closure needs `mut`: never claim it does not.
                self.mark_mutated(&c.func);
                return Ok(ExprKind::Call(Callee::Local(name), args));
            }
            if self.fn_names.iter().any(|f| f == one) {
                return Ok(ExprKind::Call(Callee::Fn(one.as_str().into()), args));
            }
        }
        let full = self.expand(&segs);
        if let Some(Known::Fn(b)) = full.as_deref().and_then(known) {
            return Ok(ExprKind::Call(Callee::Builtin(b), args));
        }
        let written = segs.join("::");
        if let [one] = segs.as_slice() {
            // rustc's hint when a library function is used without its `use`.
            let hint = KNOWN.iter().find(|(p, k)| {
                matches!(k, Known::Fn(_))
                    && p.rsplit("::").next() == Some(one.as_str())
                    && p.contains("::")
            });
            let mut d = Diagnostic::error(
                span(&c.func),
                format!("cannot find function `{one}` in this scope"),
            );
            if let Some((p, _)) = hint {
                let p = if p.starts_with("std::time::Duration") {
                    "std::time::Duration"
                } else {
                    p
                };
                d = d.with(format!(
                    "help: consider importing this function: `use {p};`"
                ));
            }
            return Err(d);
        }
        Err(not_available(span(&c.func), &format!("`{written}`")))
    }

    /// Lowers a macro call: printing, formatting, panics, `vec!`, `join!`, `select!`.
    fn mac(&mut self, m: &syn::Macro) -> R<Expr> {
        let at = span(m);
        let segs = Self::segments(&m.path);
        let name = segs.last().cloned().unwrap_or_default();
        let full = self.expand(&segs).map(|f| canonical(&f));
        let tokens = m.tokens.clone();
        let kind = match name.as_str() {
            "println" => ExprKind::Print(PrintTo::StdoutLine, self.format(tokens, at, true)?),
            "print" => ExprKind::Print(PrintTo::Stdout, self.format(tokens, at, true)?),
            "eprintln" => ExprKind::Print(PrintTo::StderrLine, self.format(tokens, at, true)?),
            "eprint" => ExprKind::Print(PrintTo::Stderr, self.format(tokens, at, true)?),
            "format" => ExprKind::FormatStr(self.format(tokens, at, false)?),
            "panic" | "unreachable" | "todo" | "unimplemented" => {
                let prefix = match name.as_str() {
                    "unreachable" => "internal error: entered unreachable code",
                    "todo" => "not yet implemented",
                    "unimplemented" => "not implemented",
                    _ => "",
                };
                let msg = if tokens.is_empty() {
                    None
                } else {
                    Some(self.format(tokens, at, false)?)
                };
                ExprKind::Panic(msg, prefix)
            }
            "assert" => {
                let mut args = self.split_args(tokens)?;
                if args.is_empty() {
                    return Err(Diagnostic::error(
                        at,
                        "macro requires a boolean expression as an argument",
                    ));
                }
                let cond = args.remove(0);
                let cond = self.boxed(&cond)?;
                let msg = self.rest_format(args, at)?;
                ExprKind::Assert(cond, msg)
            }
            "assert_eq" | "assert_ne" => {
                let mut args = self.split_args(tokens)?;
                if args.len() < 2 {
                    return Err(Diagnostic::error(
                        at,
                        format!("`{name}!` takes two values to compare"),
                    ));
                }
                let l = args.remove(0);
                let r = args.remove(0);
                let (l, r) = (self.boxed(&l)?, self.boxed(&r)?);
                let msg = self.rest_format(args, at)?;
                ExprKind::AssertEq(l, r, msg, name == "assert_eq")
            }
            "vec" => {
                let repeat = (|input: ParseStream| {
                    let x: syn::Expr = input.parse()?;
                    input.parse::<Token![;]>()?;
                    let n: syn::Expr = input.parse()?;
                    Ok((x, n))
                })
                .parse2(tokens.clone());
                match repeat {
                    Ok((x, n)) => ExprKind::Repeat(self.boxed(&x)?, self.boxed(&n)?),
                    Err(_) => {
                        let args = self.split_args(tokens)?;
                        ExprKind::Array(self.exprs(&args)?)
                    }
                }
            }
            "join" => {
                let futures = full.as_deref().is_some_and(|f| f.starts_with("futures"));
                let args = self.split_args(tokens)?;
                ExprKind::Join(self.exprs(&args)?, futures)
            }
            "select" => self.select(tokens, at)?,
            "try_join" => {
                let args = self.split_args(tokens)?;
                ExprKind::TryJoin(self.exprs(&args)?)
            }
            "matches" => {
                let (e, p, g) = (|input: ParseStream| {
                    let e: syn::Expr = input.parse()?;
                    input.parse::<Token![,]>()?;
                    let p = syn::Pat::parse_multi(input)?;
                    let g = if input.parse::<Option<Token![if]>>()?.is_some() {
                        Some(input.parse::<syn::Expr>()?)
                    } else {
                        None
                    };
                    let _ = input.parse::<Option<Token![,]>>()?;
                    Ok((e, p, g))
                })
                .parse2(tokens)
                .map_err(|e| syntax_error(&e))?;
                let scrut = self.boxed(&e)?;
                let base = self.locals.len();
                let arm = (|| {
                    let pat = self.pat(&p)?;
                    let guard = match &g {
                        Some(g) => Some(self.expr(g)?),
                        None => None,
                    };
                    Ok(Arm {
                        pat,
                        guard,
                        body: Expr {
                            kind: ExprKind::Lit(Lit::Bool(true)),
                            span: at,
                        },
                    })
                })();
                self.end_scope(base);
                let arms = vec![
                    arm?,
                    Arm {
                        pat: Pat::Wild,
                        guard: None,
                        body: Expr {
                            kind: ExprKind::Lit(Lit::Bool(false)),
                            span: at,
                        },
                    },
                ];
                ExprKind::Match(scrut, arms)
            }
            _ => {
                let shown = full.unwrap_or_else(|| segs.join("::"));
                return Err(not_available(at, &format!("the macro `{shown}!`")));
            }
        };
        Ok(Expr { kind, span: at })
    }

    fn split_args(&self, tokens: TokenStream) -> R<Vec<syn::Expr>> {
        Punctuated::<syn::Expr, Token![,]>::parse_terminated
            .parse2(tokens)
            .map(|p| p.into_iter().collect())
            .map_err(|e| syntax_error(&e))
    }

    fn rest_format(&mut self, args: Vec<syn::Expr>, at: Span) -> R<Option<Format>> {
        if args.is_empty() {
            return Ok(None);
        }
        let tokens: TokenStream = {
            let mut p = Punctuated::<syn::Expr, Token![,]>::new();
            for a in args {
                p.push(a);
            }
            quote::ToTokens::into_token_stream(p)
        };
        Ok(Some(self.format(tokens, at, false)?))
    }

    /// A format string and its arguments: `"x = {x}, {:>8.2}", y`.
    fn format(&mut self, tokens: TokenStream, at: Span, allow_empty: bool) -> R<Format> {
        let args = self.split_args(tokens)?;
        let mut iter = args.into_iter();
        let lit = match iter.next() {
            None if allow_empty => {
                return Ok(Format {
                    pieces: Vec::new(),
                    args: Vec::new(),
                    names: Vec::new(),
                })
            }
            None => {
                return Err(Diagnostic::error(
                    at,
                    "requires at least a format string argument",
                ))
            }
            Some(syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            })) => s,
            Some(other) => {
                return Err(Diagnostic::error(
                    span(&other),
                    "format argument must be a string literal",
                )
                .with("help: you might be missing a string literal to format with: `\"{}\", `"))
            }
        };
        let lit_span = span(&lit);
        let mut out = Format {
            pieces: Vec::new(),
            args: Vec::new(),
            names: Vec::new(),
        };
        for a in iter {
            if let syn::Expr::Assign(asg) = &a {
                if let syn::Expr::Path(p) = &*asg.left {
                    if let Some(id) = p.path.get_ident() {
                        let e = self.expr(&asg.right)?;
                        out.names.push((id.to_string().into(), out.args.len()));
                        out.args.push(e);
                        continue;
                    }
                }
            }
            let e = self.expr(&a)?;
            out.args.push(e);
        }
        let positional = out.args.len() - out.names.len();
        super::fmt::parse_format(&lit.value(), &mut out, positional, lit_span, &mut |name| {
            self.var(name)
        })?;
        Ok(out)
    }

    /// `select! { biased; pat = fut, if cond => handler, ... else => handler }`
    fn select(&mut self, tokens: TokenStream, at: Span) -> R<ExprKind> {
        struct RawArm {
            pat: syn::Pat,
            fut: syn::Expr,
            guard: Option<syn::Expr>,
            body: syn::Expr,
        }
        let parsed = (|input: ParseStream| {
            let mut biased = false;
            if input.peek(syn::Ident)
                && input
                    .fork()
                    .parse::<syn::Ident>()
                    .is_ok_and(|i| i == "biased")
            {
                input.parse::<syn::Ident>()?;
                input.parse::<Token![;]>()?;
                biased = true;
            }
            let mut arms = Vec::new();
            let mut otherwise = None;
            while !input.is_empty() {
                let handler = |input: ParseStream| -> syn::Result<syn::Expr> {
                    if input.peek(syn::token::Brace) {
                        let block: syn::Block = input.parse()?;
                        let _ = input.parse::<Option<Token![,]>>()?;
                        Ok(syn::Expr::Block(syn::ExprBlock {
                            attrs: Vec::new(),
                            label: None,
                            block,
                        }))
                    } else {
                        let e: syn::Expr = input.parse()?;
                        if !input.is_empty() {
                            input.parse::<Token![,]>()?;
                        }
                        Ok(e)
                    }
                };
                if input.peek(Token![else]) {
                    input.parse::<Token![else]>()?;
                    input.parse::<Token![=>]>()?;
                    otherwise = Some(handler(input)?);
                    continue;
                }
                let pat = syn::Pat::parse_multi(input)?;
                input.parse::<Token![=]>()?;
                let fut = syn::Expr::parse_without_eager_brace(input)?;
                let guard = if input.peek(Token![,]) && input.peek2(Token![if]) {
                    input.parse::<Token![,]>()?;
                    input.parse::<Token![if]>()?;
                    Some(syn::Expr::parse_without_eager_brace(input)?)
                } else {
                    None
                };
                input.parse::<Token![=>]>()?;
                let body = handler(input)?;
                arms.push(RawArm {
                    pat,
                    fut,
                    guard,
                    body,
                });
            }
            Ok((biased, arms, otherwise))
        })
        .parse2(tokens)
        .map_err(|e| syntax_error(&e))?;
        let (biased, raw, otherwise) = parsed;
        if raw.is_empty() {
            return Err(Diagnostic::error(at, "`select!` needs at least one branch"));
        }
        let mut arms = Vec::new();
        for a in raw {
            let fut = self.expr(&a.fut)?;
            let guard = match &a.guard {
                Some(g) => Some(self.expr(g)?),
                None => None,
            };
            let base = self.locals.len();
            let r = (|| Ok((self.pat(&a.pat)?, self.expr(&a.body)?)))();
            self.end_scope(base);
            let (pat, body) = r?;
            arms.push(SelectArm {
                pat,
                fut,
                guard,
                body,
            });
        }
        let otherwise = match otherwise {
            Some(e) => Some(self.boxed(&e)?),
            None => None,
        };
        Ok(ExprKind::Select(biased, arms, otherwise))
    }
}

fn use_has_group(t: &syn::UseTree) -> bool {
    match t {
        syn::UseTree::Path(p) => use_has_group(&p.tree),
        syn::UseTree::Group(_) | syn::UseTree::Glob(_) => true,
        _ => false,
    }
}

/// Where an item's error points: its keyword and name (`struct Point`), not its attributes.
fn item_span(item: &syn::Item) -> Span {
    let (kw, name) = match item {
        syn::Item::Struct(i) => (span(&i.struct_token), span(&i.ident)),
        syn::Item::Enum(i) => (span(&i.enum_token), span(&i.ident)),
        syn::Item::Trait(i) => (span(&i.trait_token), span(&i.ident)),
        syn::Item::Const(i) => (span(&i.const_token), span(&i.ident)),
        syn::Item::Static(i) => (span(&i.static_token), span(&i.ident)),
        syn::Item::Mod(i) => (span(&i.mod_token), span(&i.ident)),
        syn::Item::Type(i) => (span(&i.type_token), span(&i.ident)),
        syn::Item::Fn(i) => (span(&i.sig.fn_token), span(&i.sig.ident)),
        syn::Item::Impl(i) => (span(&i.impl_token), span(&i.self_ty)),
        other => return span(other),
    };
    if kw.line == name.line {
        Span {
            end_line: name.end_line,
            end_column: name.end_column,
            ..kw
        }
    } else {
        kw
    }
}

fn item_kind(item: &syn::Item) -> String {
    match item {
        syn::Item::Struct(_) => "a `struct`",
        syn::Item::Enum(_) => "an `enum`",
        syn::Item::Impl(_) => "an `impl` block",
        syn::Item::Trait(_) => "a `trait`",
        syn::Item::Const(_) => "a `const`",
        syn::Item::Static(_) => "a `static`",
        syn::Item::Mod(_) => "a `mod`",
        syn::Item::Macro(_) => "a `macro_rules!`",
        syn::Item::Type(_) => "a `type` alias",
        syn::Item::Use(_) => "a `use`",
        syn::Item::Fn(_) => "a nested `fn`",
        _ => "this kind of item",
    }
    .to_string()
}
