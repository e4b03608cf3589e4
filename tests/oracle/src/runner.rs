//! Runs programs verbatim with real Tokio: one generated cargo project per batch, one module per
//! program, one build (of up to four binaries, compiled in parallel), then one child process per
//! program.
//!
//! Each generated `src/bin/oracle-KIND-partN.rs` is the shim (`runner/src/shim.rs`: print macros that stamp each line,
//! the panic hook, a runtime builder that sets time 0), then `#[path] mod` lines naming each program's
//! file, copied to `src/programs/NAME.rs` with two changes that keep every line and column in place:
//! - the `#[tokio::main…]` attribute is rewritten on its own line to
//!   `#[tokio::main(crate = "crate::__oracle_tokio", flavor = "current_thread", start_paused = true)]`
//!   (no `start_paused` for programs that need real time, see [`needs_real_clock`]);
//! - one line is appended after the program: `pub(crate) fn __oracle_main() -> i32 { … main() … }`.
//!
//! rustc's warnings come from `cargo build --message-format=json`; each program is its own file, so a
//! warning's file names its program and its line is the program's own.

use crate::transcript::{Line, Transcript, Warning};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The shim, the runner's Cargo.toml and lock (Tokio pinned), compiled into the oracle.
const SHIM: &str = include_str!("../runner/src/shim.rs");
const TEMPLATE_TOML: &str = include_str!("../runner/Cargo.toml");
const TEMPLATE_LOCK: &str = include_str!("../runner/Cargo.lock");

/// A program to run: its module-safe name and its source.
#[derive(Clone, Debug)]
pub struct Program {
    /// File stem (`lesson_3`), also the argument that selects it in the runner binary.
    pub name: String,
    /// The source, verbatim.
    pub source: String,
}

/// How long a program may run before the oracle calls it stalled, by clock.
const PAUSED_LIMIT: Duration = Duration::from_secs(5);
const REAL_LIMIT: Duration = Duration::from_secs(30);

/// Programs that block the thread (`std::thread::sleep`) or read `std::time::Instant` cannot run on
/// the paused clock: it is blind to blocking (a 100 ms timer beside an 800 ms `thread::sleep` would
/// report 100 ms), and std's `Instant` does not follow it. They run in real time.
pub fn needs_real_clock(source: &str) -> bool {
    source.contains("thread::sleep")
        || source.contains("std::time::Instant")
        || source.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("use std::time::") && l.contains("Instant")
        })
}

/// The flavor the program asked for: `none` (plain `fn main`), `current_thread` or `multi_thread`.
pub fn flavor_of(source: &str) -> &'static str {
    match source
        .lines()
        .find(|l| l.trim_start().starts_with("#[tokio::main"))
    {
        None => "none",
        Some(l) if l.contains("current_thread") => "current_thread",
        Some(_) => "multi_thread",
    }
}

/// The program as the runner compiles it: same lines, same columns (see the module docs).
fn instrument(p: &Program) -> String {
    let real = needs_real_clock(&p.source);
    let mut out = String::with_capacity(p.source.len() + 200);
    for line in p.source.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[tokio::main") {
            // Replace the attribute itself (up to its closing `]`), keep what follows on the line.
            let indent = &line[..line.len() - trimmed.len()];
            let end = trimmed.find(']').map_or(trimmed.len(), |i| i + 1);
            let paused = if real { "" } else { ", start_paused = true" };
            out.push_str(indent);
            out.push_str(&format!(
                "#[tokio::main(crate = \"crate::__oracle_tokio\", flavor = \"current_thread\"{paused})]"
            ));
            out.push_str(&trimmed[end..]);
        } else {
            out.push_str(line);
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(
        "#[allow(dead_code)] pub(crate) fn __oracle_main() -> i32 { crate::__oracle::Exit::code(main()) }\n",
    );
    out
}

pub fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

/// The oracle's own target folder (tests/oracle/target).
pub fn oracle_target() -> PathBuf {
    crate::repo_root().join("tests/oracle/target")
}

/// Whether the program needs the `futures` crate. Only those get it as a dependency: with `futures`
/// in the build, rustc names the trait in its must-use warning `futures::Future` instead of `Future`,
/// which a learner with only Tokio in their Cargo.toml would never see.
pub fn uses_futures(p: &Program) -> bool {
    p.source.contains("futures::")
}

/// Writes the Cargo.toml and Cargo.lock of project `kind` into `dir` (Tokio pinned by the template's
/// lock; `futures` only when asked, see [`uses_futures`]); returns the package's name.
pub fn write_manifest(dir: &Path, kind: &str, futures: bool) -> String {
    let package = format!("oracle-{kind}");
    let mut toml =
        TEMPLATE_TOML.replace("name = \"oracle-runner\"", &format!("name = \"{package}\""));
    if !futures {
        toml = toml
            .lines()
            .filter(|l| !l.starts_with("futures ="))
            .map(|l| format!("{l}\n"))
            .collect();
    }
    write_if_changed(&dir.join("Cargo.toml"), &toml);
    write_if_changed(
        &dir.join("Cargo.lock"),
        &TEMPLATE_LOCK.replace("name = \"oracle-runner\"", &format!("name = \"{package}\"")),
    );
    package
}

/// Writes the project `kind` (corpus, generated, shrink…) for `programs`; returns its folder.
fn write_project(kind: &str, programs: &[Program], futures: bool) -> PathBuf {
    let dir = oracle_target().join("projects").join(kind);
    let src = dir.join("src/programs");
    std::fs::create_dir_all(&src).unwrap();
    let package = write_manifest(&dir, kind, futures);
    // Several binaries, so that cargo compiles them in parallel (rustc type-checks one crate on one
    // core): about 60 programs each.
    // (Projects written before the oracle split them had one src/main.rs.)
    let _ = std::fs::remove_file(dir.join("src/main.rs"));
    let bins = dir.join("src/bin");
    std::fs::create_dir_all(&bins).unwrap();
    let parts = programs
        .len()
        .div_ceil(PROGRAMS_PER_BINARY)
        .clamp(1, MAX_BINARIES);
    let per_part = programs.len().div_ceil(parts);
    for (k, chunk) in programs.chunks(per_part.max(1)).enumerate() {
        let mut main = String::from(SHIM);
        main.push_str("\n// The programs, one module each.\n");
        for p in chunk {
            main.push_str(&format!(
                "#[path = \"../programs/{0}.rs\"]\nmod p_{0};\n",
                p.name
            ));
        }
        main.push_str("\nfn main() {\n    let name = std::env::args().nth(1).expect(\"a program's name\");\n    let (main, multi, paused): (fn() -> i32, bool, bool) = match name.as_str() {\n");
        for p in chunk {
            main.push_str(&format!(
                "        {:?} => (p_{}::__oracle_main, {}, {}),\n",
                p.name,
                p.name,
                flavor_of(&p.source) == "multi_thread",
                !needs_real_clock(&p.source)
            ));
        }
        main.push_str("        _ => panic!(\"no program {name}\"),\n    };\n    std::process::exit(__oracle::run(main, multi, paused));\n}\n");
        // Named after the project: every project's binaries share one target folder.
        write_if_changed(&bins.join(format!("{package}-part{k}.rs")), &main);
    }
    for entry in std::fs::read_dir(&bins).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        let k: Option<usize> = name
            .strip_prefix(&format!("{package}-part"))
            .and_then(|n| n.strip_suffix(".rs"))
            .and_then(|n| n.parse().ok());
        if k.is_none_or(|k| k >= parts) {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let keep: Vec<String> = programs.iter().map(|p| format!("{}.rs", p.name)).collect();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        if !keep.contains(&name) {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    for p in programs {
        write_if_changed(&src.join(format!("{}.rs", p.name)), &instrument(p));
    }
    dir
}

/// Programs per runner binary, and binaries per batch at most.
const PROGRAMS_PER_BINARY: usize = 60;
const MAX_BINARIES: usize = 4;

/// What building a batch gave: the binaries (by name: `oracle-KIND-part0`…), and each program's
/// warnings.
struct Built {
    binaries: BTreeMap<String, PathBuf>,
    warnings: BTreeMap<String, Vec<Warning>>,
}

impl Built {
    /// The binary that holds `program` (each binary's source names its programs' modules).
    fn binary_of(&self, dir: &Path, program: &str) -> &Path {
        let module = format!("mod p_{program};");
        self.binaries
            .iter()
            .find(|(name, _)| {
                std::fs::read_to_string(dir.join(format!("src/bin/{name}.rs")))
                    .is_ok_and(|src| src.lines().any(|l| l == module))
            })
            .map(|(_, path)| path.as_path())
            .unwrap_or_else(|| panic!("no binary holds {program}"))
    }
}

/// A compile error in a batch, rendered by rustc.
#[derive(Debug)]
pub struct BuildError(pub String);

fn build(kind: &str, dir: &Path) -> Result<Built, BuildError> {
    let started = Instant::now();
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--quiet",
            "--message-format=json",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", oracle_target().join("runner"))
        // A debug build: the programs' behaviour does not depend on optimisation, and it builds faster.
        .stderr(Stdio::inherit())
        .output()
        .expect("running cargo");
    let mut warnings: BTreeMap<String, Vec<Warning>> = BTreeMap::new();
    let mut errors = String::new();
    let mut binaries = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        match v["reason"].as_str() {
            Some("compiler-artifact") => {
                if let (Some(exe), Some(name)) =
                    (v["executable"].as_str(), v["target"]["name"].as_str())
                {
                    binaries.insert(name.to_string(), PathBuf::from(exe));
                }
            }
            Some("compiler-message") => {
                let msg = &v["message"];
                let level = msg["level"].as_str().unwrap_or("");
                if level == "error" {
                    errors.push_str(msg["rendered"].as_str().unwrap_or(""));
                    continue;
                }
                if level != "warning" {
                    continue;
                }
                let Some(span) = msg["spans"]
                    .as_array()
                    .and_then(|s| s.iter().find(|s| s["is_primary"] == true))
                else {
                    continue; // "N warnings emitted": no span, not a warning of its own
                };
                // `src/bin/../programs/NAME.rs`: each binary names its programs by a relative path.
                let file = span["file_name"]
                    .as_str()
                    .unwrap_or("")
                    .replace("src/bin/../", "src/");
                let Some(program) = file
                    .strip_prefix("src/programs/")
                    .and_then(|f| f.strip_suffix(".rs"))
                else {
                    // The shim must compile without warnings: anything else is the harness's bug.
                    return Err(BuildError(format!(
                        "warning outside the programs: {}",
                        msg["rendered"].as_str().unwrap_or("")
                    )));
                };
                // rustc adds "`#[warn(unused_variables)]` … on by default" to a lint's first warning
                // in a crate only: which program gets it depends on how the batch was split, so it
                // is left out (a learner's own crate would show it on the first one).
                let notes = msg["children"]
                    .as_array()
                    .map(|c| {
                        c.iter()
                            .filter(|c| {
                                !c["message"]
                                    .as_str()
                                    .unwrap_or("")
                                    .ends_with("on by default")
                            })
                            .map(|c| {
                                format!(
                                    "{}: {}",
                                    c["level"].as_str().unwrap_or(""),
                                    c["message"].as_str().unwrap_or("")
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let n = |k: &str| span[k].as_u64().unwrap_or(0) as u32;
                warnings
                    .entry(program.to_string())
                    .or_default()
                    .push(Warning {
                        message: msg["message"].as_str().unwrap_or("").to_string(),
                        line: n("line_start"),
                        column: n("column_start"),
                        end_line: n("line_end"),
                        end_column: n("column_end"),
                        notes,
                    });
            }
            _ => {}
        }
    }
    if !out.status.success() || !errors.is_empty() {
        return Err(BuildError(errors));
    }
    eprintln!(
        "oracle: built {kind} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if binaries.is_empty() {
        return Err(BuildError("cargo built no binary".into()));
    }
    for w in warnings.values_mut() {
        w.sort_by_key(|w| (w.line, w.column));
        w.dedup();
    }
    Ok(Built { binaries, warnings })
}

/// Tokio's version, from the pinned lock.
pub fn tokio_version() -> String {
    let mut lines = TEMPLATE_LOCK.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"tokio\"" {
            if let Some(v) = lines.next().and_then(|v| v.strip_prefix("version = ")) {
                return v.trim_matches('"').to_string();
            }
        }
    }
    panic!("tokio is not in runner/Cargo.lock")
}

/// One child process's output: the records, its raw stderr, exit status.
struct RawRun {
    records: Vec<(u128, bool, String)>,
    stderr: String,
    exit: Option<i32>,
}

fn run_one(binary: &Path, name: &str, limit: Duration, default_hook: bool) -> RawRun {
    let mut cmd = Command::new(binary);
    cmd.arg(name)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    if default_hook {
        cmd.env("ORACLE_DEFAULT_HOOK", "1");
    }
    let mut child = cmd.spawn().expect("starting a program");
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let out_reader = std::thread::spawn(move || {
        let mut records = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.expect("utf-8 output");
            let (t, rest) = line.split_once(' ').expect("a record");
            let (stream, text) = rest.split_once(' ').unwrap_or((rest, ""));
            records.push((t.parse().unwrap(), stream == "e", text.to_string()));
        }
        records
    });
    let started = Instant::now();
    let exit = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    RawRun {
        records: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        exit,
    }
}

/// Holds project `kind` for this process until dropped (the worktree is shared: another oracle may
/// be recording the same project).
pub fn lock_project(kind: &str) -> std::fs::File {
    let projects = oracle_target().join("projects");
    std::fs::create_dir_all(&projects).unwrap();
    let lock = std::fs::File::create(projects.join(format!("{kind}.lock")))
        .expect("creating the project's lock file");
    lock.lock().expect("locking the project");
    lock
}

/// Builds `programs` as one binary (project `kind`; programs that use `futures` in a second one, see
/// [`uses_futures`]) and runs each once; transcripts in the order of `programs`.
pub fn record(kind: &str, programs: &[Program]) -> Result<Vec<Transcript>, BuildError> {
    let tokio = tokio_version();
    let mut transcripts: Vec<Option<Transcript>> = vec![None; programs.len()];
    for futures in [false, true] {
        let (idx, batch): (Vec<usize>, Vec<Program>) = programs
            .iter()
            .enumerate()
            .filter(|(_, p)| uses_futures(p) == futures)
            .map(|(i, p)| (i, p.clone()))
            .unzip();
        if batch.is_empty() {
            continue;
        }
        let kind = if futures {
            format!("{kind}-futures")
        } else {
            kind.to_string()
        };
        // The worktree is shared: another oracle may be recording the same project; one at a time,
        // from writing the project to the last run of its binaries.
        let _lock = lock_project(&kind);
        let dir = write_project(&kind, &batch, futures);
        let built = build(&kind, &dir)?;
        for (i, p) in idx.into_iter().zip(&batch) {
            transcripts[i] = Some(run_program(&built, &dir, p, &tokio));
        }
    }
    Ok(transcripts.into_iter().map(Option::unwrap).collect())
}

/// Real-clock programs run this many times; the recording kept is the least delayed one (a busy
/// machine only ever adds delay), so that a recording does not depend on what else was running.
const REAL_RUNS: usize = 3;

fn run_program(built: &Built, dir: &Path, p: &Program, tokio: &str) -> Transcript {
    let real = needs_real_clock(&p.source);
    let limit = if real { REAL_LIMIT } else { PAUSED_LIMIT };
    let binary = built.binary_of(dir, &p.name);
    let runs = if real { REAL_RUNS } else { 1 };
    let raw = (0..runs)
        .map(|_| run_one(binary, &p.name, limit, false))
        .min_by_key(|r| r.records.iter().map(|(t, _, _)| *t).sum::<u128>())
        .expect("at least one run");
    assert!(
        raw.stderr.is_empty(),
        "{}: printed to stderr outside the oracle's macros:\n{}",
        p.name,
        raw.stderr
    );
    let lines = raw
        .records
        .into_iter()
        .map(|(t_ns, err, text)| Line {
            // Paused: Tokio's virtual time, whole ms. Real: measured, to 0.1 ms.
            t_ms: if real {
                (t_ns as f64 / 100_000.0).round() / 10.0
            } else {
                (t_ns as f64 / 1_000.0).round() / 1000.0
            },
            stream: if err { "stderr" } else { "stdout" }.into(),
            text,
        })
        .collect();
    Transcript {
        program: format!("{}.rs", p.name),
        source_fnv: crate::transcript::fnv1a(&p.source),
        tokio: tokio.to_string(),
        flavor: flavor_of(&p.source).into(),
        clock: if real { "real" } else { "paused" }.into(),
        exit: raw.exit,
        stalled: raw.exit.is_none(),
        lines,
        warnings: built.warnings.get(&p.name).cloned().unwrap_or_default(),
    }
}

/// Runs the programs that panicked once more, with Rust's own panic hook, and checks that the
/// oracle's hook printed the same (minus the thread id and `src/`, see the shim): the emulation is
/// checked against the real thing, not trusted.
pub fn check_panic_hook(kind: &str, programs: &[Program], transcripts: &[Transcript]) {
    let projects = oracle_target().join("projects");
    let _locks = (lock_project(kind), lock_project(&format!("{kind}-futures")));
    let plain = build(kind, &projects.join(kind)).expect("the batch built a moment ago");
    let with_futures = programs.iter().any(uses_futures).then(|| {
        let kind = format!("{kind}-futures");
        build(&kind, &projects.join(&kind)).expect("the batch built a moment ago")
    });
    for (p, t) in programs.iter().zip(transcripts) {
        let built = if uses_futures(p) {
            with_futures.as_ref().unwrap()
        } else {
            &plain
        };
        if !t.lines.iter().any(|l| l.text.contains("panicked at ")) || t.stalled {
            continue;
        }
        let real = needs_real_clock(&p.source);
        let limit = if real { REAL_LIMIT } else { PAUSED_LIMIT };
        let dir = projects.join(if uses_futures(p) {
            format!("{kind}-futures")
        } else {
            kind.to_string()
        });
        let raw = run_one(built.binary_of(&dir, &p.name), &p.name, limit, true);
        let ours: Vec<&str> = t
            .lines
            .iter()
            .filter(|l| l.stream == "stderr")
            .map(|l| l.text.as_str())
            .collect();
        // Rust's: `thread 'main' (12345) panicked at src/bin/../programs/x.rs:4:5:`.
        let theirs: Vec<String> = raw
            .stderr
            .lines()
            .map(|l| {
                let mut l = l.to_string();
                if let (Some(a), Some(b)) = (l.find("' ("), l.find(") panicked at ")) {
                    l.replace_range(a + 1..b + 1, "");
                }
                l.replace(&format!("src/bin/../programs/{}.rs", p.name), "main.rs")
            })
            .collect();
        // Tokio's names its workers; the oracle's runtime is current-thread (see the shim).
        let ours: Vec<String> = ours
            .iter()
            .map(|l| l.replace("thread 'tokio-runtime-worker'", "thread 'main'"))
            .collect();
        assert_eq!(
            ours, theirs,
            "{}: the oracle's panic hook differs from Rust's",
            p.name
        );
    }
}
