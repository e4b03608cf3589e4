//! The error catalogue: each error the checker knows, worded as rustc 1.95 words it (message,
//! labels, notes). Checked against real rustc; see tests/check.rs.

use crate::interp::diag::{Diagnostic, Span};

/// E0425 for a value.
pub fn no_value(at: Span, name: &str) -> Diagnostic {
    Diagnostic::error(at, format!("cannot find value `{name}` in this scope"))
        .with_code("E0425")
        .label("not found in this scope")
}

/// E0425 for a called name.
pub fn no_function(at: Span, name: &str) -> Diagnostic {
    let what = if name.starts_with(char::is_uppercase) {
        "function, tuple struct or tuple variant"
    } else {
        "function"
    };
    let mut d = Diagnostic::error(at, format!("cannot find {what} `{name}` in this scope"))
        .with_code("E0425")
        .label("not found in this scope");
    let hint = match name {
        "sleep" => Some("std::thread::sleep"),
        "spawn" => Some("std::thread::spawn"),
        _ => None,
    };
    if let Some(p) = hint {
        d = d.with(format!(
            "help: consider importing this function: `use {p};`"
        ));
    }
    d
}

/// E0433 for a type used as a path's first segment (`Duration::from_secs` without its `use`).
pub fn no_type(at: Span, name: &str) -> Diagnostic {
    let mut d = Diagnostic::error(at, format!("cannot find type `{name}` in this scope"))
        .with_code("E0433")
        .label(format!("use of undeclared type `{name}`"));
    let hint = match name {
        "Duration" => Some("std::time::Duration"),
        "Arc" => Some("std::sync::Arc"),
        "Rc" => Some("std::rc::Rc"),
        "RefCell" => Some("std::cell::RefCell"),
        "HashMap" => Some("std::collections::HashMap"),
        "HashSet" => Some("std::collections::HashSet"),
        "VecDeque" => Some("std::collections::VecDeque"),
        "BTreeMap" => Some("std::collections::BTreeMap"),
        _ => None,
    };
    if let Some(p) = hint {
        d = d.with(format!("help: consider importing this struct: `use {p};`"));
    }
    d
}

/// E0728.
pub fn await_outside_async(at: Span, head: Span) -> Diagnostic {
    Diagnostic::error(
        at,
        "`await` is only allowed inside `async` functions and blocks",
    )
    .with_code("E0728")
    .label("only allowed inside `async` functions and blocks")
    .also(head, "this is not `async`")
}

/// E0308 with its "expected `T`, found ..." label.
pub fn mismatched(at: Span, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error(at, "mismatched types")
        .with_code("E0308")
        .label(format!("expected `{expected}`, found {found}"))
}

/// The notes of E0308 when the found value is an async fn's future.
pub fn forgot_await(d: Diagnostic) -> Diagnostic {
    d.with("note: calling an async function returns a future")
        .with("help: consider `await`ing on the `Future`: `.await`")
}

/// E0599 for a method of the output called on the future.
pub fn method_on_future(at: Span, method: &str, output: &str) -> Diagnostic {
    let fut = format!("impl Future<Output = {output}>");
    Diagnostic::error(
        at,
        format!("no method named `{method}` found for opaque type `{fut}` in the current scope"),
    )
    .with_code("E0599")
    .label(format!("method not found in `{fut}`"))
    .with("help: consider `await`ing on the `Future` and calling the method on its `Output`: `.await`")
}

/// E0277 for `.await` on a value that is not a future.
pub fn not_a_future(at: Span, ty: &str, call: Option<Span>) -> Diagnostic {
    let mut d = Diagnostic::error(at, format!("`{ty}` is not a future"))
        .with_code("E0277")
        .label(format!("`{ty}` is not a future"))
        .with(format!(
            "help: the trait `Future` is not implemented for `{ty}`"
        ))
        .with(format!(
            "note: {ty} must be a future or must implement `IntoFuture` to be awaited"
        ))
        .with(format!(
            "note: required for `{ty}` to implement `IntoFuture`"
        ))
        .with("help: remove the `.await`");
    if let Some(c) = call {
        d = d.also(c, format!("this call returns `{ty}`"));
    }
    d
}

/// E0277 for `?` in a function (or async function, or async block) that returns `()`.
pub fn question_in_unit(at: Span, head: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        at,
        format!(
            "the `?` operator can only be used in {what} that returns `Result` or `Option` (or another type that implements `FromResidual`)"
        ),
    )
    .with_code("E0277")
    .label(format!(
        "cannot use the `?` operator in {what} that returns `()`"
    ))
    .also(
        head,
        "this function should return `Result` or `Option` to accept `?`",
    )
}

/// E0061.
pub fn arg_count(at: Span, takes: usize, given: usize, method: bool) -> Diagnostic {
    let n = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let was = if given == 1 { "was" } else { "were" };
    let kind = if method { "method" } else { "function" };
    Diagnostic::error(
        at,
        format!(
            "this {kind} takes {takes} {} but {given} {} {was} supplied",
            n(takes),
            n(given)
        ),
    )
    .with_code("E0061")
}

/// `a`, `a` and `b`, `a`, `b` and `c`, `a`, `b`, `c` and 2 other fields.
pub fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 | 3 => format!("{} and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
        n => {
            let others = n - 3;
            let s = if others == 1 { "field" } else { "fields" };
            format!("{} and {others} other {s}", q[..3].join(", "))
        }
    }
}

/// E0063.
pub fn missing_fields(at: Span, ty: &str, missing: &[String]) -> Diagnostic {
    let fields = if missing.len() == 1 {
        "field"
    } else {
        "fields"
    };
    let list = name_list(missing);
    Diagnostic::error(
        at,
        format!("missing {fields} {list} in initializer of `{ty}`"),
    )
    .with_code("E0063")
    .label(format!("missing {list}"))
}

/// E0560.
pub fn unknown_field(
    at: Span,
    ty: &str,
    field: &str,
    similar: Option<&str>,
    left: &[String],
) -> Diagnostic {
    let d = Diagnostic::error(at, format!("struct `{ty}` has no field named `{field}`"))
        .with_code("E0560");
    match similar {
        Some(s) => d
            .label("unknown field")
            .with(format!("help: a field with a similar name exists: `{s}`")),
        None if left.is_empty() => d
            .label(format!("`{ty}` does not have this field"))
            .with("note: all struct fields are already assigned"),
        None => d
            .label(format!("`{ty}` does not have this field"))
            .with(format!("note: available fields are: {}", {
                let q: Vec<String> = left.iter().map(|n| format!("`{n}`")).collect();
                q.join(", ")
            })),
    }
}

/// E0596.
pub fn not_mut(at: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        at,
        format!("cannot borrow `{name}` as mutable, as it is not declared as mutable"),
    )
    .with_code("E0596")
    .label("cannot borrow as mutable")
    .with(format!(
        "help: consider changing this to be mutable: `mut {name}`"
    ))
}

/// E0384.
pub fn assign_twice(at: Span, name: &str, first: Option<Span>, param: bool) -> Diagnostic {
    let d = if param {
        Diagnostic::error(at, format!("cannot assign to immutable argument `{name}`"))
            .with_code("E0384")
            .label("cannot assign to immutable argument")
    } else {
        Diagnostic::error(
            at,
            format!("cannot assign twice to immutable variable `{name}`"),
        )
        .with_code("E0384")
        .label("cannot assign twice to immutable variable")
    };
    let d = match first {
        Some(f) if !param => d.also(f, format!("first assignment to `{name}`")),
        _ => d,
    };
    d.with(format!(
        "help: consider making this binding mutable: `mut {name}`"
    ))
}

/// The closest of `names` to `name` by edit distance, as rustc's "similar name" suggestions.
pub fn similar<'a>(name: &str, names: &'a [String]) -> Option<&'a str> {
    let max = (name.chars().count().max(3)) / 3;
    names
        .iter()
        .map(|n| (distance(name, n), n))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.as_str())
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
