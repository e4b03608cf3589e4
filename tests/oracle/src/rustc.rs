//! rustc is the judge too: what it says about programs it refuses (`tests/programs/rejected/*.rs`,
//! and the generator's mutants), recorded the way the runner records warnings: one cargo project per
//! batch, one `cargo build --keep-going --message-format=json` for all of it.
//!
//! Each program is its own binary (`src/bin/NAME.rs`, verbatim), so its own crate, as a learner's
//! `src/main.rs` is: an error in one program cannot hide another's (rustc skips borrow checking of a
//! body that failed type checking, and a crate-wide error would change what the others report), and
//! the types rustc names are spelt as in a one-file crate (with many programs' modules in one crate,
//! two `User` structs would be named by their paths). Cargo runs the binaries' rustc in parallel.
//!
//! `tests/programs/rejected/NAME.rustc.json`:
//! ```json
//! {"program": "e0373_spawn_borrows_vec.rs", "source_fnv": "…", "rustc": "rustc 1.95.0 (…)",
//!  "errors": [{"code": "E0373", "message": "async block may outlive the current function, but it borrows `v`, which is owned by the current function",
//!              "line": 8, "column": 31, "end_line": 11, "end_column": 6,
//!              "label": "may outlive borrowed value `v`", "notes": ["help: to force the async block to take ownership of `v` …"],
//!              "rendered": "error[E0373]: …\n --> src/main.rs:8:31\n …"}]}
//! ```
//! Positions are 1-based, columns in chars, end exclusive (as the interpreter's `Diagnostic`). The
//! file is named `src/main.rs` in messages and renderings, as in a learner's project. `code` is
//! `null` for errors rustc gives without one ("future cannot be sent between threads safely").

use crate::runner::{self, Program};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

/// rustc's verdict on one program: its errors (none if it compiled).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The program's file name.
    pub program: String,
    /// FNV-1a of the source it was recorded from (see [`crate::transcript::fnv1a`]).
    pub source_fnv: String,
    /// `rustc --version`.
    pub rustc: String,
    /// rustc's errors, by position.
    pub errors: Vec<RustcError>,
}

/// One rustc error.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RustcError {
    /// `E0382`, or `None` for an error without a code.
    pub code: Option<String>,
    /// The headline, e.g. "use of moved value: `name`".
    pub message: String,
    /// The primary span: 1-based line and column (chars), end exclusive.
    pub line: u32,
    /// See [`RustcError::line`].
    pub column: u32,
    /// See [`RustcError::line`].
    pub end_line: u32,
    /// See [`RustcError::line`].
    pub end_column: u32,
    /// The primary span's label, e.g. "value used here after move".
    pub label: Option<String>,
    /// rustc's notes and help, as `note: …` / `help: …`.
    pub notes: Vec<String>,
    /// rustc's own rendering.
    pub rendered: String,
}

impl Verdict {
    /// The JSON written to disk: pretty, one field a line, so that diffs read well.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("serializes");
        s.push('\n');
        s
    }
}

/// `rustc --version`, of the rustc cargo uses.
pub fn rustc_version() -> String {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .expect("running rustc --version");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Builds each of `programs` as its own binary of project `kind` and returns rustc's verdicts, in
/// the order of `programs`.
pub fn judge(kind: &str, programs: &[Program]) -> Result<Vec<Verdict>, String> {
    let rustc = rustc_version();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; programs.len()];
    // As the runner does: `futures` is a dependency only of the programs that use it, since its
    // presence changes how rustc names `Future` in messages.
    for futures in [false, true] {
        let batch: Vec<(usize, &Program)> = programs
            .iter()
            .enumerate()
            .filter(|(_, p)| runner::uses_futures(p) == futures)
            .collect();
        if batch.is_empty() {
            continue;
        }
        let kind = if futures {
            format!("{kind}-futures")
        } else {
            kind.to_string()
        };
        let _lock = runner::lock_project(&kind);
        let dir = write_project(&kind, batch.iter().map(|(_, p)| *p), futures);
        let mut errors = build(&kind, &dir)?;
        for (i, p) in batch {
            let mut errs = errors.remove(&p.name).unwrap_or_default();
            errs.sort_by_key(|e| (e.line, e.column));
            errs.dedup();
            verdicts[i] = Some(Verdict {
                program: format!("{}.rs", p.name),
                source_fnv: crate::transcript::fnv1a(&p.source),
                rustc: rustc.clone(),
                errors: errs,
            });
        }
    }
    Ok(verdicts.into_iter().map(Option::unwrap).collect())
}

fn write_project<'a>(
    kind: &str,
    programs: impl Iterator<Item = &'a Program>,
    futures: bool,
) -> PathBuf {
    let dir = runner::oracle_target().join("projects").join(kind);
    let bins = dir.join("src/bin");
    std::fs::create_dir_all(&bins).unwrap();
    runner::write_manifest(&dir, kind, futures);
    let mut keep = Vec::new();
    for p in programs {
        assert!(
            p.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{}: program names are snake_case",
            p.name
        );
        let file = format!("{}.rs", p.name);
        runner::write_if_changed(&bins.join(&file), &p.source);
        keep.push(file);
    }
    for entry in std::fs::read_dir(&bins).unwrap() {
        let entry = entry.unwrap();
        if !keep.contains(&entry.file_name().to_string_lossy().to_string()) {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    dir
}

/// One `cargo build` of every binary of the project; each binary's errors, by program name.
fn build(kind: &str, dir: &std::path::Path) -> Result<BTreeMap<String, Vec<RustcError>>, String> {
    let started = Instant::now();
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        // --keep-going: one refused binary must not stop cargo from building the others.
        .args([
            "build",
            "--quiet",
            "--keep-going",
            "--bins",
            "--message-format=json",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", runner::oracle_target().join("runner"))
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("running cargo: {e}"))?;
    let mut errors: BTreeMap<String, Vec<RustcError>> = BTreeMap::new();
    let mut built = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(program) = v["target"]["name"].as_str() else {
            continue;
        };
        if v["target"]["kind"][0] != "bin" {
            continue;
        }
        match v["reason"].as_str() {
            Some("compiler-artifact") => built += 1,
            Some("compiler-message") if v["message"]["level"] == "error" => {
                if let Some(e) = error_of(program, &v["message"]) {
                    errors.entry(program.to_string()).or_default().push(e);
                }
            }
            _ => {}
        }
    }
    let refused = errors.len();
    // Anything else that failed (cargo itself, a dependency) is the harness's problem.
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && refused == 0 {
        return Err(format!("cargo build of {kind} failed:\n{stderr}"));
    }
    eprintln!(
        "oracle: rustc judged {kind} in {:.1} s: {refused} refused, {built} compiled",
        started.elapsed().as_secs_f64()
    );
    Ok(errors)
}

/// The paths of a message as on any machine: the binary's source named as in a learner's project
/// (`src/main.rs`), and a dependency's file relative to the registry (rustc prints
/// `/home/me/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/…`, which would
/// make a recording depend on who made it).
fn learner_paths(text: &str, program: &str) -> String {
    let text = text.replace(&format!("src/bin/{program}.rs"), "src/main.rs");
    const REGISTRY: &str = "/registry/src/";
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find(REGISTRY) {
        // The path starts after the last space before it, and its registry part ends with the
        // index's folder (`index.crates.io-…/`).
        let start = rest[..i].rfind(char::is_whitespace).map_or(0, |k| k + 1);
        let after = &rest[i + REGISTRY.len()..];
        let Some(end) = after.find('/') else { break };
        out.push_str(&rest[..start]);
        out.push_str("$CARGO_HOME/registry/src/…/");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One error of `program` from cargo's JSON `message`; `None` for one without a place ("aborting
/// due to 2 previous errors").
fn error_of(program: &str, msg: &Value) -> Option<RustcError> {
    let file = format!("src/bin/{program}.rs");
    let spans = msg["spans"].as_array()?;
    let primary = spans.iter().find(|s| s["is_primary"] == true)?;
    // A primary span inside a macro's definition (a dependency's file) is reported where the
    // learner's code invoked the macro. One that never reaches the learner's file keeps line 0,
    // so that the error is still seen (and fails the comparison loudly).
    let mut span = primary;
    while !span.is_null() && span["file_name"].as_str() != Some(file.as_str()) {
        span = &span["expansion"]["span"];
    }
    let n = |k: &str| span[k].as_u64().unwrap_or(0) as u32;
    let notes = msg["children"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|c| {
                    format!(
                        "{}: {}",
                        c["level"].as_str().unwrap_or(""),
                        learner_paths(c["message"].as_str().unwrap_or(""), program)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Some(RustcError {
        code: msg["code"]["code"].as_str().map(str::to_string),
        message: learner_paths(msg["message"].as_str().unwrap_or(""), program),
        line: n("line_start"),
        column: n("column_start"),
        end_line: n("line_end"),
        end_column: n("column_end"),
        label: primary["label"].as_str().map(|l| learner_paths(l, program)),
        notes,
        rendered: learner_paths(msg["rendered"].as_str().unwrap_or(""), program),
    })
}

/// The folder of the rejected corpus.
pub fn rejected_dir() -> PathBuf {
    crate::repo_root().join("tests/programs/rejected")
}

/// The rejected corpus (`tests/programs/rejected/*.rs`), sorted; only `only` if not empty.
pub fn rejected_corpus(only: &[String]) -> Vec<Program> {
    let dir = rejected_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/programs/rejected")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().to_string();
            name.strip_suffix(".rs").map(str::to_string)
        })
        .filter(|n| only.is_empty() || only.contains(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
            Program { name, source }
        })
        .collect()
}

/// Records rustc's verdict for the rejected corpus (`NAME.rustc.json` beside each program). A
/// program that compiles fails the recording: it is not rejected. Returns the number of failures.
pub fn record_rejected(only: &[String]) -> usize {
    let programs = rejected_corpus(only);
    if programs.is_empty() {
        return 0;
    }
    let verdicts = judge("rejected", &programs).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut bad = 0;
    for v in &verdicts {
        let stem = v.program.trim_end_matches(".rs");
        let Some(first) = v.errors.first() else {
            eprintln!("oracle: tests/programs/rejected/{stem}.rs compiled: rustc accepts it, so it does not belong in rejected/");
            bad += 1;
            continue;
        };
        std::fs::write(
            rejected_dir().join(format!("{stem}.rustc.json")),
            v.to_json(),
        )
        .unwrap();
        println!(
            "{:<40} {} at {}:{}, {}{}",
            v.program,
            first.code.as_deref().unwrap_or("(no code)"),
            first.line,
            first.column,
            first.message,
            if v.errors.len() > 1 {
                format!(" (+{} more)", v.errors.len() - 1)
            } else {
                String::new()
            }
        );
    }
    // A verdict without its program is stale.
    for e in std::fs::read_dir(rejected_dir()).unwrap() {
        let f = e.unwrap().file_name().to_string_lossy().to_string();
        if let Some(stem) = f.strip_suffix(".rustc.json") {
            if !rejected_dir().join(format!("{stem}.rs")).exists() {
                std::fs::remove_file(rejected_dir().join(&f)).unwrap();
            }
        }
    }
    bad
}
