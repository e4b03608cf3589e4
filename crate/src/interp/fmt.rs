//! Rust's format syntax: parsing `"{name:>8.2?}"` when lowering, and printing values with it exactly
//! as Rust's `Display` and `Debug` do. Numbers, strings and `Duration` go through Rust's own
//! formatting machinery (the interpreter *is* Rust), so `1.5s`, `3.0` and `"x"` come out identical.

use super::ast::{Count, Format, Hole, Name, Piece};
use super::diag::{Diagnostic, Span};
use super::mem::{self, CellBox, CellKind};
use super::value::Value;
use std::fmt::Write;

/// `Duration`'s `Debug` (`1.5s`, `3ms`, `1.000000001s`) for a number of nanoseconds.
pub fn duration_debug(nanos: u128) -> String {
    let secs = u64::try_from(nanos / 1_000_000_000).unwrap_or(u64::MAX);
    let sub = u32::try_from(nanos % 1_000_000_000).unwrap_or(0);
    format!("{:?}", std::time::Duration::new(secs, sub))
}

/// Parses the format string `s` into `out.pieces`; `{name}` that is not an argument captures the
/// variable `name` (resolved by `resolve`), as Rust 2021 does.
pub fn parse_format(
    s: &str,
    out: &mut Format,
    positional: usize,
    at: Span,
    resolve: &mut dyn FnMut(&str) -> Option<Name>,
) -> Result<(), Diagnostic> {
    let mut chars = s.chars().peekable();
    let mut text = String::new();
    let mut next_pos = 0usize;
    let mut used = vec![false; out.args.len()];
    let err = |m: String| Diagnostic::error(at, m);
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err(err("invalid format string: unmatched `}` found".into())
                    .with("note: if you intended to print `}`, you can escape it using `}}`"))
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err(err(
                        "invalid format string: expected `}` but string was terminated".into(),
                    )
                    .with("note: if you intended to print `{`, you can escape it using `{{`"));
                }
                if !text.is_empty() {
                    out.pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                let (arg, spec) = match inner.find(':') {
                    Some(i) => (
                        inner.get(..i).unwrap_or(""),
                        inner.get(i + 1..).unwrap_or(""),
                    ),
                    None => (inner.as_str(), ""),
                };
                let arg = arg.trim();
                let mut lookup = |name: &str,
                                  out: &mut Format,
                                  used: &mut Vec<bool>|
                 -> Result<usize, Diagnostic> {
                    if let Ok(n) = name.parse::<usize>() {
                        if n >= positional {
                            return Err(err(format!(
                                "invalid reference to positional argument {n} ({})",
                                plural_args(positional)
                            )));
                        }
                        return Ok(n);
                    }
                    if let Some((_, i)) = out.names.iter().find(|(n, _)| n.as_ref() == name) {
                        return Ok(*i);
                    }
                    if !is_ident(name) {
                        return Err(err(format!(
                            "invalid format string: invalid argument name `{name}`"
                        )));
                    }
                    match resolve(name) {
                        Some(var) => {
                            let i = out.args.len();
                            out.args.push(super::ast::Expr {
                                kind: super::ast::ExprKind::Var(var.clone()),
                                span: at,
                            });
                            out.names.push((var, i));
                            used.push(true);
                            Ok(i)
                        }
                        None => Err(err(format!("cannot find value `{name}` in this scope"))),
                    }
                };
                let index = if arg.is_empty() {
                    let i = next_pos;
                    next_pos += 1;
                    if i >= positional {
                        // Counted at the end for rustc's message.
                        usize::MAX
                    } else {
                        i
                    }
                } else {
                    lookup(arg, out, &mut used)?
                };
                let mut hole = Hole {
                    arg: index,
                    fill: ' ',
                    align: None,
                    plus: false,
                    alternate: false,
                    zero: false,
                    width: None,
                    precision: None,
                    trait_: ' ',
                };
                let implicit = arg.is_empty();
                parse_spec(spec, &mut hole, implicit, &mut next_pos, &mut |name| {
                    lookup(name, out, &mut used)
                })
                .map_err(|m| err(format!("invalid format string: {m}")))?;
                for i in [
                    Some(hole.arg),
                    count_arg(hole.width),
                    count_arg(hole.precision),
                ]
                .into_iter()
                .flatten()
                {
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
                out.pieces.push(Piece::Hole(hole));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.pieces.push(Piece::Text(text));
    }
    if next_pos > positional {
        return Err(err(format!(
            "{} in format string, but there {}",
            plural(next_pos, "positional argument"),
            if positional == 1 {
                "is 1 argument".to_string()
            } else {
                format!("are {positional} arguments")
            }
        )));
    }
    if let Some(unused) = used.iter().position(|u| !u) {
        let at = out.args.get(unused).map(|a| a.span).unwrap_or(at);
        let named = out.names.iter().any(|(_, i)| *i == unused);
        return Err(Diagnostic::error(
            at,
            if named {
                "named argument never used"
            } else {
                "argument never used"
            },
        ));
    }
    Ok(())
}

fn count_arg(c: Option<Count>) -> Option<usize> {
    match c {
        Some(Count::Arg(i)) => Some(i),
        _ => None,
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn plural_args(n: usize) -> String {
    match n {
        0 => "no arguments were given".into(),
        1 => "there is 1 argument".into(),
        n => format!("there are {n} arguments"),
    }
}

fn is_ident(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f == '_' || f.is_alphabetic())
        && c.all(|c| c == '_' || c.is_alphanumeric())
}

/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`
fn parse_spec(
    spec: &str,
    hole: &mut Hole,
    implicit: bool,
    next_pos: &mut usize,
    lookup: &mut dyn FnMut(&str) -> Result<usize, Diagnostic>,
) -> Result<(), String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    if chars.len() >= 2 && is_align(chars.get(1)) {
        hole.fill = chars.first().copied().unwrap_or(' ');
        hole.align = chars.get(1).copied();
        i = 2;
    } else if is_align(chars.first()) {
        hole.align = chars.first().copied();
        i = 1;
    }
    if chars.get(i) == Some(&'+') {
        hole.plus = true;
        i += 1;
    } else if chars.get(i) == Some(&'-') {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        hole.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') && chars.get(i + 1).is_none_or(|c| *c != '$') {
        hole.zero = true;
        i += 1;
    }
    let mut count = |i: &mut usize| -> Result<Option<Count>, String> {
        let start = *i;
        // A count is digits (`{:.2e}`: the `e` after them is the trait) or a name before `$`.
        let digits = chars.get(*i).is_some_and(char::is_ascii_digit);
        while chars.get(*i).is_some_and(|c| {
            if digits {
                c.is_ascii_digit()
            } else {
                c.is_alphanumeric() || *c == '_'
            }
        }) {
            *i += 1;
        }
        let word: String = chars.get(start..*i).unwrap_or(&[]).iter().collect();
        if word.is_empty() {
            return Ok(None);
        }
        if chars.get(*i) == Some(&'$') {
            *i += 1;
            return lookup(&word)
                .map(|a| Some(Count::Arg(a)))
                .map_err(|d| d.message);
        }
        match word.parse::<usize>() {
            Ok(n) => Ok(Some(Count::Is(n))),
            // Not a count: the type letter(s) that follow.
            Err(_) => {
                *i = start;
                Ok(None)
            }
        }
    };
    hole.width = count(&mut i)?;
    if chars.get(i) == Some(&'.') {
        i += 1;
        if chars.get(i) == Some(&'*') {
            i += 1;
            // `.*` takes two positional arguments: the precision first, then the value.
            if implicit {
                hole.precision = Some(Count::Arg(hole.arg));
                hole.arg = *next_pos;
            } else {
                hole.precision = Some(Count::Arg(*next_pos));
            }
            *next_pos += 1;
        } else {
            hole.precision = count(&mut i)?;
            if hole.precision.is_none() {
                return Err("expected a precision after `.`".into());
            }
        }
    }
    let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
    hole.trait_ = match rest.as_str() {
        "" => ' ',
        "?" | "x?" | "X?" => '?',
        "x" => 'x',
        "X" => 'X',
        "b" => 'b',
        "o" => 'o',
        "e" => 'e',
        "E" => 'E',
        other => return Err(format!("unknown format trait `{other}`")),
    };
    Ok(())
}

/// Formats `pieces` with already evaluated `args`. `Err` is a panic message (a wrong type).
pub fn render(pieces: &[Piece], args: &[Value]) -> Result<String, String> {
    // Formatting a `&T` (or `Rc<T>`, a guard) formats the `T`, flags and all.
    let args: Vec<Value> = args.iter().map(|a| mem::deref(a.clone())).collect();
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Hole(h) => {
                let value = args.get(h.arg).ok_or("missing format argument")?;
                let count = |c: Option<Count>| -> Result<Option<usize>, String> {
                    Ok(match c {
                        None => None,
                        Some(Count::Is(n)) => Some(n),
                        Some(Count::Arg(i)) => match args.get(i) {
                            Some(Value::Int(n, _)) => Some(
                                usize::try_from(*n)
                                    .map_err(|_| "width or precision out of range")?,
                            ),
                            _ => return Err("width or precision must be a `usize`".into()),
                        },
                    })
                };
                let width = count(h.width)?;
                let precision = count(h.precision)?;
                hole(&mut out, h, value, width, precision);
            }
        }
    }
    Ok(out)
}

fn hole(out: &mut String, h: &Hole, v: &Value, width: Option<usize>, precision: Option<usize>) {
    let spec = super::types::fmt::Spec::of(h, width, precision);
    if let Some(s) = super::types::fmt::user_hole(v, &spec) {
        out.push_str(&s);
        return;
    }
    let numeric = matches!(v, Value::Int(..) | Value::Float(_));
    let body = match h.trait_ {
        // `{:5?}`: `Debug` hands the formatter to each leaf (numbers, `bool`, `()` are padded,
        // `str` and `char` are not), never to the whole.
        '?' if width.is_some() || h.plus => {
            super::fmt_pad::with_leaves(h, width, || {
                let mut s = String::new();
                if h.alternate {
                    debug_pretty(&mut s, v, 0, precision);
                } else {
                    debug(&mut s, v, precision);
                }
                out.push_str(&s);
            });
            return;
        }
        '?' => {
            let mut s = String::new();
            if h.alternate {
                debug_pretty(&mut s, v, 0, precision);
            } else {
                debug(&mut s, v, precision);
            }
            s
        }
        'x' | 'X' | 'b' | 'o' => match v {
            Value::Int(n, ty) => {
                let (_, max) = ty.range();
                let bits = 128 - max.leading_zeros() + u32::from(ty.range().0 < 0);
                let u = if *n < 0 {
                    (*n as u128) & (u128::MAX >> (128 - bits.min(128)))
                } else {
                    *n as u128
                };
                let (digits, prefix) = match h.trait_ {
                    'x' => (format!("{u:x}"), "0x"),
                    'X' => (format!("{u:X}"), "0x"),
                    'b' => (format!("{u:b}"), "0b"),
                    _ => (format!("{u:o}"), "0o"),
                };
                if h.alternate {
                    format!("{prefix}{digits}")
                } else {
                    digits
                }
            }
            other => display(other, precision),
        },
        'e' | 'E' => {
            let f = match v {
                Value::Float(f) => *f,
                Value::Int(n, _) => *n as f64,
                _ => 0.0,
            };
            let s = match precision {
                Some(p) => format!("{f:.p$e}"),
                None => format!("{f:e}"),
            };
            if h.trait_ == 'E' {
                s.to_uppercase()
            } else {
                s
            }
        }
        _ => display(v, precision),
    };
    super::fmt_pad::pad(out, body, h, width, numeric);
}

/// `{}`
pub fn display(v: &Value, precision: Option<usize>) -> String {
    if mem::is_pointer(v) {
        // `&T`, `Rc<T>`, `Arc<T>` and guards display their `T`.
        return mem::with_deref(v, |x| display(x, precision));
    }
    match v {
        Value::Str(s) => match precision {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        },
        Value::Float(f) => match precision {
            Some(p) => format!("{f:.p$}"),
            None => format!("{f}"),
        },
        Value::Int(n, _) => format!("{n}"),
        Value::Bool(b) => format!("{b}"),
        Value::Char(c) => c.to_string(),
        Value::JoinError(e) => e.to_string(),
        Value::Elapsed => "deadline has elapsed".into(),
        Value::SendError(_) => "channel closed".into(),
        Value::RecvError => "channel closed".into(),
        Value::Error(e) => e.1.clone(),
        Value::Tokio(o) if o.pointee().is_some() => o.display(&|x| display(x, precision)),
        Value::Adt(_) => super::types::fmt::display(v, precision),
        other => {
            let mut s = String::new();
            debug(&mut s, other, precision);
            s
        }
    }
}

/// `{:?}`
pub fn debug(out: &mut String, v: &Value, precision: Option<usize>) {
    match v {
        Value::Ref(_) | Value::Rc(_) | Value::Guard(_) => {
            mem::with_deref(v, |x| debug(out, x, precision))
        }
        Value::Cell(c) => {
            let (name, field) = cell_names(c.kind);
            out.push_str(name);
            out.push_str(" { ");
            out.push_str(field);
            out.push_str(": ");
            match cell_content(c) {
                Some(x) => debug(out, &x, precision),
                None => out.push_str(cell_busy(c.kind)),
            }
            if c.kind == CellKind::Mutex || c.kind == CellKind::RwLock {
                let _ = write!(out, ", poisoned: {}, ..", c.poisoned.get());
            }
            out.push_str(" }");
        }
        Value::Unit => super::fmt_pad::leaf(out, "()".into(), false),
        Value::Bool(b) => super::fmt_pad::leaf(out, b.to_string(), false),
        Value::Int(n, _) => super::fmt_pad::leaf(out, n.to_string(), true),
        Value::Float(f) => {
            let s = match precision {
                Some(p) => format!("{f:.p$?}"),
                None => format!("{f:?}"),
            };
            super::fmt_pad::leaf(out, s, true)
        }
        Value::Char(c) => {
            let _ = write!(out, "{c:?}");
        }
        Value::Str(s) => {
            let _ = write!(out, "{:?}", s.as_str());
        }
        Value::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                debug(out, item, precision);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Vec(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                debug(out, item, precision);
            }
            out.push(']');
        }
        Value::Range(a, b, _) => {
            let _ = write!(out, "{a}..{b}");
        }
        Value::Opt(None) => out.push_str("None"),
        Value::Opt(Some(x)) => wrap(out, "Some", x, precision),
        Value::Res(Ok(x)) => wrap(out, "Ok", x, precision),
        Value::Res(Err(x)) => wrap(out, "Err", x, precision),
        Value::Duration(d) => {
            let _ = match precision {
                Some(p) => write!(out, "{d:.p$?}"),
                None => write!(out, "{d:?}"),
            };
        }
        Value::Instant(us) => {
            let _ = write!(
                out,
                "Instant {{ t: {:?} }}",
                std::time::Duration::from_micros(*us)
            );
        }
        Value::JoinError(e) => {
            let _ = write!(out, "{e:?}");
        }
        Value::JoinHandle(h) => match h.borrow().as_ref() {
            Some(h) => {
                let _ = write!(out, "{h:?}");
            }
            None => out.push_str("JoinHandle"),
        },
        Value::Elapsed => out.push_str("Elapsed(())"),
        Value::SendError(_) => out.push_str("SendError { .. }"),
        Value::RecvError => out.push_str("RecvError(())"),
        Value::Future(_) => out.push_str("impl Future"),
        Value::Closure(_) | Value::FnRef(_) => out.push_str("closure"),
        Value::Sender(_) | Value::UnboundedSender(_) => out.push_str("Sender { .. }"),
        Value::Receiver(_) => out.push_str("Receiver { .. }"),
        Value::OneshotSender(_) => out.push_str("Sender { .. }"),
        Value::Interval(_) => out.push_str("Interval { .. }"),
        Value::Error(e) => out.push_str(&e.0),
        Value::Adt(a) => super::types::fmt::debug_adt(out, v, a, false, precision),
        Value::Formatter(_) => out.push_str("Formatter { .. }"),
        Value::Iter(_) => out.push_str("Iter { .. }"),
        Value::Map(m) => {
            out.push('{');
            for (i, (k, v)) in m.entries.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                debug(out, k, precision);
                out.push_str(": ");
                debug(out, &v.borrow(), precision);
            }
            out.push('}');
        }
        Value::Set(_, items) => {
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                debug(out, item, precision);
            }
            out.push('}');
        }
        Value::Deque(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                debug(out, item, precision);
            }
            out.push(']');
        }
        Value::Entry(_, k) => {
            out.push_str("Entry(");
            debug(out, k, precision);
            out.push(')');
        }
        Value::Ordering(o) => {
            let _ = write!(out, "{o:?}");
        }
        Value::Moved => out.push_str("<moved>"),
        Value::Tokio(o) => o.debug(out, &|out, x| debug(out, x, precision)),
    }
}

fn wrap(out: &mut String, name: &str, x: &Value, precision: Option<usize>) {
    out.push_str(name);
    out.push('(');
    debug(out, x, precision);
    out.push(')');
}

/// `{:#?}`: one field per line, indented by four spaces, with trailing commas, as Rust's
/// `debug_tuple`/`debug_list` do in alternate mode.
pub fn debug_pretty(out: &mut String, v: &Value, indent: usize, precision: Option<usize>) {
    let pad = |n: usize| "    ".repeat(n);
    let list = |out: &mut String, open: &str, close: &str, items: &[Value]| {
        if items.is_empty() {
            out.push_str(open);
            out.push_str(close);
            return;
        }
        out.push_str(open);
        out.push('\n');
        for item in items {
            out.push_str(&pad(indent + 1));
            debug_pretty(out, item, indent + 1, precision);
            out.push_str(",\n");
        }
        out.push_str(&pad(indent));
        out.push_str(close);
    };
    match v {
        Value::Ref(_) | Value::Rc(_) | Value::Guard(_) => {
            mem::with_deref(v, |x| debug_pretty(out, x, indent, precision))
        }
        Value::Cell(c) => {
            let (name, field) = cell_names(c.kind);
            let _ = write!(out, "{name} {{\n{}{field}: ", pad(indent + 1));
            match cell_content(c) {
                Some(x) => debug_pretty(out, &x, indent + 1, precision),
                None => out.push_str(cell_busy(c.kind)),
            }
            out.push_str(",\n");
            if c.kind == CellKind::Mutex || c.kind == CellKind::RwLock {
                let _ = write!(
                    out,
                    "{p}poisoned: {},\n{p}..\n",
                    c.poisoned.get(),
                    p = pad(indent + 1)
                );
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::Tuple(items) => list(out, "(", ")", items),
        Value::Vec(items) => list(out, "[", "]", items),
        Value::Set(_, items) => list(out, "{", "}", items),
        Value::Deque(items) => list(out, "[", "]", &items.iter().cloned().collect::<Vec<_>>()),
        Value::Map(m) if !m.entries.borrow().is_empty() => {
            out.push_str("{\n");
            for (k, v) in m.entries.borrow().iter() {
                out.push_str(&pad(indent + 1));
                debug_pretty(out, k, indent + 1, precision);
                out.push_str(": ");
                debug_pretty(out, &v.borrow(), indent + 1, precision);
                out.push_str(",\n");
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::Opt(Some(x)) => list(out, "Some(", ")", std::slice::from_ref(&**x)),
        Value::Res(Ok(x)) => list(out, "Ok(", ")", std::slice::from_ref(&**x)),
        Value::Res(Err(x)) => list(out, "Err(", ")", std::slice::from_ref(&**x)),
        Value::Adt(a) => {
            // Rust's `PadAdapter`: the type prints itself at no indent, shifted to this one.
            let mut s = String::new();
            super::types::fmt::debug_adt(&mut s, v, a, true, precision);
            out.push_str(&s.replace('\n', &format!("\n{}", pad(indent))));
        }
        other => debug(out, other, precision),
    }
}

fn cell_names(kind: CellKind) -> (&'static str, &'static str) {
    match kind {
        CellKind::Cell => ("Cell", "value"),
        CellKind::RefCell => ("RefCell", "value"),
        CellKind::Mutex => ("Mutex", "data"),
        CellKind::RwLock => ("RwLock", "data"),
    }
}

/// What std's `Debug` shows of a cell's value: nothing while it is borrowed exclusively (a
/// `RefCell` tries `try_borrow`, a lock `try_lock`/`try_read`, which fail then).
fn cell_content(c: &CellBox) -> Option<Value> {
    let free = match c.kind {
        CellKind::Cell => true,
        CellKind::RefCell | CellKind::RwLock => c.state.get() >= 0,
        CellKind::Mutex => c.state.get() == 0,
    };
    if !free {
        return None;
    }
    c.value.try_borrow().ok().map(|v| v.clone())
}

/// Rust 1.95 prints a locked `Mutex`'s placeholder as a string (`"<locked>"`), the others bare.
fn cell_busy(kind: CellKind) -> &'static str {
    match kind {
        CellKind::RefCell | CellKind::Cell => "<borrowed>",
        CellKind::Mutex => "\"<locked>\"",
        CellKind::RwLock => "<locked>",
    }
}
