//! Formatting your own types: `#[derive(Debug)]` output exactly as rustc derives it (`{:?}` and
//! `{:#?}`), and the `fmt::Formatter` a hand-written `Display` or `Debug` impl writes to.
//!
//! A hand-written `fmt` is interpreted code, but [`super::super::fmt`] formats synchronously. The
//! evaluator installs a [`Hook`] for the poll it runs (see `eval::task`): a `fn fmt` never awaits, so
//! the hook runs it to completion at once.

use super::super::ast::Hole;
use super::super::fmt as base;
use super::super::value::{Flow, Value};
use super::Adt;
use super::Shape;
use std::cell::RefCell;
use std::rc::Rc;

/// The spec of one `{...}` as a `Formatter` sees it (`f.width()`, `f.alternate()`, ...).
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// `' '` Display, `'?'` Debug.
    pub trait_: char,
    /// Fill character.
    pub fill: char,
    /// `<`, `^`, `>`.
    pub align: Option<char>,
    /// Width.
    pub width: Option<usize>,
    /// Precision.
    pub precision: Option<usize>,
    /// `#`.
    pub alternate: bool,
    /// `+`.
    pub plus: bool,
    /// `0`.
    pub zero: bool,
}

impl Spec {
    /// The spec of a hole with its counts resolved.
    pub fn of(h: &Hole, width: Option<usize>, precision: Option<usize>) -> Spec {
        Spec {
            trait_: h.trait_,
            fill: h.fill,
            align: h.align,
            width,
            precision,
            alternate: h.alternate,
            plus: h.plus,
            zero: h.zero,
        }
    }

    /// `{:?}` or `{:#?}`, nothing else.
    pub fn debug(alternate: bool) -> Spec {
        Spec {
            trait_: '?',
            fill: ' ',
            alternate,
            ..Spec::default()
        }
    }
}

/// What `f.debug_struct(..)` and friends are building.
#[derive(Debug)]
pub struct Builder {
    /// `{ }` struct, `( )` tuple, `[ ]` list.
    pub kind: char,
    /// The name before the brackets.
    pub name: String,
    /// Fields so far: name (struct) and formatted value.
    pub fields: Vec<(Option<String>, String)>,
}

/// A `Formatter` (or a `DebugStruct` builder, which writes into its parent when finished).
#[derive(Debug)]
pub struct FormatterState {
    /// What was written.
    pub buf: String,
    /// The caller's spec.
    pub spec: Spec,
    /// A builder's state.
    pub builder: Option<Builder>,
    /// The formatter a builder writes to.
    pub parent: Option<FormatterRef>,
}

/// A shared formatter: `f` is `&mut Formatter`, passed down to nested `fmt` calls.
pub type FormatterRef = Rc<RefCell<FormatterState>>;

/// A new formatter for a call of a user's `fmt`.
pub fn formatter(spec: Spec) -> FormatterRef {
    Rc::new(RefCell::new(FormatterState {
        buf: String::new(),
        spec,
        builder: None,
        parent: None,
    }))
}

/// Runs a user's `fmt` for a value with a spec: `None` when the type has no such impl.
pub type Hook = Rc<dyn Fn(&Value, &Spec) -> Option<Result<String, Flow>>>;

thread_local! {
    static HOOK: RefCell<Option<Hook>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Flow>> = const { RefCell::new(None) };
}

/// Installs `hook` until the returned guard drops (the previous one comes back then).
pub fn install(hook: Option<Hook>) -> HookGuard {
    HookGuard(HOOK.with(|h| h.replace(hook)))
}

/// Restores the previous hook when dropped.
pub struct HookGuard(Option<Hook>);

impl Drop for HookGuard {
    fn drop(&mut self) {
        let old = self.0.take();
        HOOK.with(|h| *h.borrow_mut() = old);
    }
}

/// The panic (or halt) of a user's `fmt` that made formatting fail, to unwind with.
pub fn take_pending() -> Option<Flow> {
    PENDING.with(|p| p.borrow_mut().take())
}

fn user(v: &Value, spec: &Spec) -> Option<Result<String, ()>> {
    let hook = HOOK.with(|h| h.borrow().clone())?;
    match hook(v, spec)? {
        Ok(s) => Some(Ok(s)),
        Err(f) => {
            PENDING.with(|p| *p.borrow_mut() = Some(f));
            Some(Err(()))
        }
    }
}

/// A hole whose value is one of your types with a hand-written impl of the hole's trait: what the
/// impl wrote, which decides itself about width and fill (`f.pad` honours them, `write!` does not).
pub fn user_hole(v: &Value, spec: &Spec) -> Option<String> {
    if !matches!(v, Value::Adt(_)) {
        return None;
    }
    match user(v, spec)? {
        Ok(s) => Some(s),
        Err(()) => Some(String::new()),
    }
}

/// `{}` of one of your types (its `Display` impl).
pub fn display(v: &Value, precision: Option<usize>) -> String {
    let spec = Spec {
        trait_: ' ',
        fill: ' ',
        precision,
        ..Spec::default()
    };
    match user(v, &spec) {
        Some(Ok(s)) => s,
        _ => String::new(),
    }
}

/// Rust's `PadAdapter`: what a nested value printed, indented one level after each newline.
fn indent(s: &str) -> String {
    s.replace('\n', "\n    ")
}

/// `{:?}` (`pretty: false`) or `{:#?}` of a value of your type: the hand-written `Debug` impl, or
/// what `#[derive(Debug)]` prints.
pub fn debug_adt(out: &mut String, v: &Value, a: &Adt, pretty: bool, precision: Option<usize>) {
    let mut spec = Spec::debug(pretty);
    spec.precision = precision;
    if let Some(r) = user(v, &spec) {
        if let Ok(s) = r {
            out.push_str(&s);
        }
        return;
    }
    let Some(var) = a.variant_def() else { return };
    let fields: Vec<(Option<String>, String)> = var
        .fields
        .iter()
        .zip(a.fields.iter())
        .map(|(n, x)| {
            let mut s = String::new();
            if pretty {
                base::debug_pretty(&mut s, x, 0, precision);
            } else {
                base::debug(&mut s, x, precision);
            }
            let name = (var.shape == Shape::Named).then(|| n.to_string());
            (name, s)
        })
        .collect();
    let kind = if var.shape == Shape::Named { '{' } else { '(' };
    out.push_str(&built(kind, &var.name, &fields, pretty));
}

/// What `debug_struct`/`debug_tuple`/`debug_list` print, as `#[derive(Debug)]` does.
pub fn built(kind: char, name: &str, fields: &[(Option<String>, String)], pretty: bool) -> String {
    let (open, close) = match kind {
        '{' => (" {", "}"),
        '[' => ("[", "]"),
        _ => ("(", ")"),
    };
    let mut out = name.to_string();
    if fields.is_empty() {
        if kind == '[' {
            out.push_str("[]");
        }
        return out;
    }
    out.push_str(open);
    let named = |n: &Option<String>| match n {
        Some(n) => format!("{n}: "),
        None => String::new(),
    };
    if pretty {
        out.push('\n');
        for (n, s) in fields {
            out.push_str("    ");
            out.push_str(&named(n));
            out.push_str(&indent(s));
            out.push_str(",\n");
        }
    } else {
        for (i, (n, s)) in fields.iter().enumerate() {
            out.push_str(match (i, kind) {
                (0, '{') => " ",
                (0, _) => "",
                _ => ", ",
            });
            out.push_str(&named(n));
            out.push_str(s);
        }
        if kind == '{' {
            out.push(' ');
        }
    }
    out.push_str(close);
    out
}

/// `f.pad(s)`: `s` cut to the precision and padded to the width, as `Formatter::pad` does.
pub fn pad(spec: &Spec, s: &str) -> String {
    let s: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let len = s.chars().count();
    let Some(width) = spec.width.filter(|w| *w > len) else {
        return s;
    };
    let pad = width - len;
    let (before, after) = match spec.align.unwrap_or('<') {
        '>' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let mut out: String = std::iter::repeat_n(spec.fill, before).collect();
    out.push_str(&s);
    out.extend(std::iter::repeat_n(spec.fill, after));
    out
}
