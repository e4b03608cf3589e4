//! rustc is the judge too. Every program of `tests/programs/rejected/` is a learner's mistake that
//! rustc refuses; `NAME.rustc.json` holds what rustc said (recorded by `npm run oracle`, see
//! tests/oracle/src/rustc.rs). The checker (`interp::check`, and `interp::run_virtual` through
//! `interp::start`) must refuse each of them the way rustc does:
//! - rustc's first error (by place) is among the checker's errors: the same code (or none, as for
//!   "future cannot be sent between threads safely"), at the same line, with the same message up to
//!   the spelling of types (see [`normalise`]);
//! - every error of the checker's has a code and line among rustc's errors (the checker says nothing
//!   rustc does not);
//! - the program does not run.
//!
//! And the other way round: the checker refuses none of the programs rustc accepts (the corpus,
//! `tests/programs/*.rs`; the generated ones are tests/oracle's `differential`).
// Native only: it reads the corpus from disk.
#![cfg(all(feature = "interp", not(target_arch = "wasm32")))]

use async_playground::interp::{self, Level};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

fn rejected_dir() -> PathBuf {
    programs_dir().join("rejected")
}

/// The `.rs` stems of `dir`, sorted.
fn stems(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().to_string();
            name.strip_suffix(".rs").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// One error, from rustc or from the checker.
#[derive(Clone, Debug, PartialEq)]
struct Said {
    code: Option<String>,
    message: String,
    line: u32,
    column: u32,
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at {}:{}: {}",
            self.code.as_deref().unwrap_or("(no code)"),
            self.line,
            self.column,
            self.message
        )
    }
}

/// rustc's errors for `name`, by place.
fn rustc_errors(name: &str) -> Vec<Said> {
    let path = rejected_dir().join(format!("{name}.rustc.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `npm run oracle`)", path.display()));
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut errors: Vec<Said> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Said {
            code: e["code"].as_str().map(str::to_string),
            message: e["message"].as_str().unwrap().to_string(),
            line: e["line"].as_u64().unwrap() as u32,
            column: e["column"].as_u64().unwrap() as u32,
        })
        .collect();
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

/// The checker's errors for `source`. The code is read from the rendering's first line
/// (`error[E0382]: use of moved value: `name``, or `error: …` without one), so that this test
/// holds whichever way `Diagnostic` carries it.
fn checker_errors(source: &str) -> Vec<Said> {
    interp::check(source)
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| {
            let rendered = d.render(source);
            let head = rendered.lines().next().unwrap_or("");
            let (code, message) = match head.strip_prefix("error[") {
                Some(rest) => match rest.split_once("]: ") {
                    Some((code, msg)) => (Some(code.to_string()), msg.to_string()),
                    None => (None, rest.to_string()),
                },
                None => (
                    None,
                    head.strip_prefix("error: ").unwrap_or(head).to_string(),
                ),
            };
            Said {
                code,
                message,
                line: d.line,
                column: d.column,
            }
        })
        .collect()
}

/// A message with the spelling of its types masked: each backticked part that is not a plain
/// lowercase name (a variable, field, method, module or keyword) becomes `…`, so
/// "`Vec<u32>` doesn't implement `std::fmt::Display`" and "`Vec<i32>` doesn't implement
/// `Display`" are the same message, while "use of moved value: `name`" keeps its variable.
/// Primitive types (`u32`, `str`…) are types, masked too.
fn normalise(message: &str) -> String {
    const PRIMITIVES: [&str; 17] = [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
        "f32", "f64", "bool", "char", "str",
    ];
    let mut out = String::new();
    let mut parts = message.split('`');
    out.push_str(parts.next().unwrap_or(""));
    let mut inside = true;
    for part in parts {
        if inside {
            let name = part.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !PRIMITIVES.contains(&part);
            out.push('`');
            out.push_str(if name { part } else { "…" });
            out.push('`');
        } else {
            out.push_str(part);
        }
        inside = !inside;
    }
    out
}

/// How the checker's verdict on one rejected program compares with rustc's.
enum Outcome {
    /// rustc's error: code, line and message (up to types).
    Same,
    /// rustc's code and line, another message.
    OtherMessage(String),
    /// Refused, but not with rustc's error.
    Other(String),
    /// Not refused at all.
    Accepted(String),
}

fn judge(name: &str) -> Outcome {
    let source = std::fs::read_to_string(rejected_dir().join(format!("{name}.rs"))).unwrap();
    let rustc = rustc_errors(name);
    let first = rustc
        .first()
        .unwrap_or_else(|| panic!("{name}.rustc.json: rustc gave no error"));
    let ours = checker_errors(&source);
    let ran = interp::run_virtual(&source, 0).is_ok();
    if ours.is_empty() {
        return Outcome::Accepted(format!(
            "rustc: {first}; the checker: no error{}",
            if ran { ", and the program ran" } else { "" }
        ));
    }
    let show = |v: &[Said]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(extra) = ours
        .iter()
        .find(|o| !rustc.iter().any(|r| r.code == o.code && r.line == o.line))
    {
        return Outcome::Other(format!(
            "refused, but with {extra}, which rustc does not say (rustc: {})",
            show(&rustc)
        ));
    }
    if ran {
        return Outcome::Accepted(format!(
            "the checker reports {}, but the program still ran",
            show(&ours)
        ));
    }
    let same_place: Vec<&Said> = ours
        .iter()
        .filter(|o| o.code == first.code && o.line == first.line)
        .collect();
    if same_place.is_empty() {
        return Outcome::Other(format!("rustc: {first}; the checker: {}", show(&ours)));
    }
    if same_place
        .iter()
        .any(|o| normalise(&o.message) == normalise(&first.message))
    {
        Outcome::Same
    } else {
        Outcome::OtherMessage(format!(
            "rustc says {:?}, the checker {:?}",
            first.message, same_place[0].message
        ))
    }
}

/// The whole rejected corpus, one report.
#[test]
fn the_checker_refuses_each_rejected_program_as_rustc_does() {
    let names = stems(&rejected_dir());
    let (mut same, mut code_and_line, mut other, mut ran) = (0, 0, 0, 0);
    let mut report = Vec::new();
    for name in &names {
        match judge(name) {
            Outcome::Same => {
                same += 1;
                code_and_line += 1;
            }
            Outcome::OtherMessage(why) => {
                code_and_line += 1;
                report.push(format!("  {name}.rs: same code and line, but {why}"));
            }
            Outcome::Other(why) => {
                other += 1;
                report.push(format!("  {name}.rs: {why}"));
            }
            Outcome::Accepted(why) => {
                ran += 1;
                report.push(format!("  {name}.rs: {why}"));
            }
        }
    }
    let n = names.len();
    assert!(
        same == n,
        "{same}/{n} rejected programs refused with rustc's error (code, line and message); \
         {code_and_line}/{n} with rustc's code at rustc's line; {other}/{n} refused otherwise; \
         {ran}/{n} not refused:\n{}\n",
        report.join("\n")
    );
}

/// The checker refuses no program that rustc accepts: every corpus program (each ran under real
/// Tokio, see tests/oracle.rs) passes it without an error.
#[test]
fn the_checker_accepts_every_corpus_program() {
    let dir = programs_dir();
    let refused: Vec<String> = stems(&dir)
        .iter()
        .filter_map(|name| {
            let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
            let errors = checker_errors(&source);
            (!errors.is_empty()).then(|| {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                format!("  {name}.rs: {}", list.join("; "))
            })
        })
        .collect();
    assert!(
        refused.is_empty(),
        "the checker refuses {} programs that rustc accepts:\n{}\n",
        refused.len(),
        refused.join("\n")
    );
}

/// FNV-1a 64 of a program's source, as tests/oracle records it (`source_fnv`).
fn fnv1a(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Every rejected program has rustc's verdict, recorded from its current source, with at least one
/// error; every verdict has its program; each program says its mistake in its first line.
#[test]
fn every_rejected_program_has_a_current_rustc_verdict() {
    let dir = rejected_dir();
    let names = stems(&dir);
    assert!(names.len() >= 40, "about 40 learners' mistakes");
    for name in &names {
        let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        assert!(
            source.starts_with("// Mistake: "),
            "{name}.rs: the first line says the mistake (`// Mistake: …`)"
        );
        let path = dir.join(format!("{name}.rustc.json"));
        let v: Value = serde_json::from_str(
            &std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (run `npm run oracle`)", path.display())),
        )
        .unwrap();
        assert_eq!(v["program"], format!("{name}.rs"));
        assert_eq!(
            v["source_fnv"].as_str(),
            Some(fnv1a(&source).as_str()),
            "{name}.rs changed since rustc's verdict was recorded: run `npm run oracle`"
        );
        assert!(
            !rustc_errors(name).is_empty(),
            "{name}.rs: rustc accepted it"
        );
    }
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = e.unwrap().file_name().to_string_lossy().to_string();
        if let Some(stem) = f.strip_suffix(".rustc.json") {
            assert!(
                names.iter().any(|n| n == stem),
                "{f} has no program: delete it or run `npm run oracle`"
            );
        }
    }
}

#[test]
fn normalise_masks_types_and_keeps_names() {
    assert_eq!(
        normalise("`Vec<u32>` doesn't implement `std::fmt::Display`"),
        normalise("`Vec<i32>` doesn't implement `Display`")
    );
    assert_eq!(
        normalise("use of moved value: `name`"),
        "use of moved value: `name`"
    );
    assert_ne!(
        normalise("use of moved value: `name`"),
        normalise("use of moved value: `user`")
    );
    assert_eq!(
        normalise("no method named `len` found for opaque type `impl Future<Output = String>` in the current scope"),
        "no method named `len` found for opaque type `…` in the current scope"
    );
    assert_eq!(normalise("`u32` is not a future"), "`…` is not a future");
    assert_eq!(normalise("mismatched types"), "mismatched types");
}
