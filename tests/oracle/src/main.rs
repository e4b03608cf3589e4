//! The oracle: real Tokio is the judge of what the playground prints.
//!
//! ```text
//! oracle record [--check] [NAME…]   extract the lesson's blocks, run the corpus (tests/programs/*.rs)
//!                                    with Tokio, write NAME.tokio.json; --check also records a second
//!                                    time and fails unless both agree (reproducibility), and checks
//!                                    the panic hook's emulation against Rust's own
//!                                    and records rustc's verdict on the rejected programs
//!                                    (tests/programs/rejected/*.rs → NAME.rustc.json, see rustc.rs)
//! oracle docs DIR                  record every DIR/NAME.rs into DIR/NAME.tokio.json (the scratch
//!                                    survey of Tokio's doc examples, scripts/tokio-docs.mjs)
//! oracle judge [NAME…]               only record rustc's verdict on the rejected programs
//! oracle extract                     only extract the lesson's blocks
//! oracle generate [--seed S] [--count N] [--out DIR] [--record]   write generated programs (and
//!                                    their Tokio transcripts), to look at them
//! oracle differential [--seed S] [--count N] [--mutants M] [--pretend-differ TEXT]   (feature
//!                                    `interp`) generated programs through Tokio and through the
//!                                    interpreter; identical transcripts required, and no error from
//!                                    the checker; a difference is shrunk to the smallest program
//!                                    that still differs. Then M (default 40) of the generator's
//!                                    slips (mutate.rs) judged by rustc and by the checker: rustc's
//!                                    code at rustc's line, or no error where rustc accepts. --pretend-differ exercises the
//!                                    shrinker: programs where Tokio prints a line containing TEXT
//!                                    count as differing
//! ```
//! `npm run oracle` is `record --check`; `npm test` runs `differential`.

// Shrinking and program sizes serve only the differential test (feature `interp`).
mod docs;
#[cfg_attr(not(feature = "interp"), allow(dead_code))]
mod gen;
mod lesson;
mod runner;
mod rustc;
mod transcript;

#[cfg(feature = "interp")]
mod differential;
#[cfg(feature = "interp")]
mod mutate;

/// Mutants that `differential` has rustc and the checker judge by default: one cargo build of that
/// many small binaries (seconds).
#[cfg(feature = "interp")]
const MUTANTS: usize = 40;

use runner::Program;
use std::path::{Path, PathBuf};

/// The repository's root (this crate is tests/oracle/).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The tolerances of tests/programs/differences.json (the one place for them): `(paused ms, real
/// ms, real ratio)`. Two recordings of a program must agree as closely as the interpreter must agree
/// with one: exactly on the paused clock, within `real_ms + real_ratio × t` on the real one.
pub fn tolerances() -> (f64, f64, f64) {
    let path = repo_root().join("tests/programs/differences.json");
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("differences.json"))
            .expect("differences.json is JSON");
    let t = &d["tolerance"];
    let n = |k: &str| t[k].as_f64().unwrap_or_else(|| panic!("tolerance.{k}"));
    (n("paused_ms"), n("real_ms"), n("real_ratio"))
}

fn corpus(root: &Path, only: &[String]) -> Vec<Program> {
    let dir = root.join("tests/programs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/programs")
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
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "tests/programs/{name}.rs: program names are snake_case (they become module names)"
            );
            let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
            Program { name, source }
        })
        .collect()
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    match args.first().map(String::as_str) {
        Some("extract") => {
            for n in lesson::extract(&root) {
                println!("tests/programs/{n}.rs");
            }
        }
        Some("record") => {
            let check = args.iter().any(|a| a == "--check");
            let only: Vec<String> = args[1..]
                .iter()
                .filter(|a| !a.starts_with("--"))
                .cloned()
                .collect();
            lesson::extract(&root);
            let programs = corpus(&root, &only);
            // rustc's verdicts first: they take seconds, the Tokio runs longer.
            if rustc::record_rejected(&only) > 0 {
                std::process::exit(1);
            }
            if programs.is_empty() {
                return;
            }
            let first = runner::record("corpus", &programs).unwrap_or_else(|e| {
                eprintln!("{}", e.0);
                std::process::exit(1)
            });
            if check {
                let second = runner::record("corpus", &programs).expect("built once already");
                let mut bad = 0;
                let (_, real_ms, real_ratio) = tolerances();
                for (a, b) in first.iter().zip(&second) {
                    let tol = if a.clock == "real" {
                        (real_ms, real_ratio)
                    } else {
                        (0.0, 0.0)
                    };
                    if let Err(e) = a.same_as(b, tol) {
                        eprintln!("oracle: {} is not reproducible: {e}", a.program);
                        bad += 1;
                    }
                }
                runner::check_panic_hook("corpus", &programs, &first);
                if bad > 0 {
                    std::process::exit(1);
                }
            }
            for t in &first {
                let path = root.join(format!(
                    "tests/programs/{}.tokio.json",
                    t.program.trim_end_matches(".rs")
                ));
                std::fs::write(&path, t.to_json()).unwrap();
                let last = t.lines.last().map_or(0.0, |l| l.t_ms);
                println!(
                    "{:<32} {:>6} clock, {:>3} lines, last at {:>8.1} ms, exit {:?}{}, {} warnings",
                    t.program,
                    t.clock,
                    t.lines.len(),
                    last,
                    t.exit,
                    if t.stalled { " (stalled)" } else { "" },
                    t.warnings.len()
                );
            }
        }
        Some("docs") => {
            let dir = PathBuf::from(args.get(1).expect("oracle docs DIR"));
            println!(
                "{} examples recorded in {}",
                docs::record_dir(&dir),
                dir.display()
            );
        }
        Some("judge") => {
            let only: Vec<String> = args[1..].to_vec();
            if rustc::record_rejected(&only) > 0 {
                std::process::exit(1);
            }
        }
        Some("generate") => {
            let seed = flag(&args, "--seed").map_or(1, |s| s.parse().unwrap());
            let count = flag(&args, "--count").map_or(20, |s| s.parse().unwrap());
            let out = flag(&args, "--out")
                .map(PathBuf::from)
                .unwrap_or_else(|| runner::oracle_target().join("generated"));
            std::fs::create_dir_all(&out).unwrap();
            let programs: Vec<Program> = gen::generate_many(seed, count)
                .iter()
                .map(gen::GenProgram::program)
                .collect();
            for p in &programs {
                std::fs::write(out.join(format!("{}.rs", p.name)), &p.source).unwrap();
            }
            // --record: also run them with Tokio, writing NAME.tokio.json beside them.
            if args.iter().any(|a| a == "--record") {
                let transcripts = runner::record("generated", &programs).unwrap_or_else(|e| {
                    eprintln!("{}", e.0);
                    std::process::exit(1)
                });
                for (p, t) in programs.iter().zip(transcripts) {
                    std::fs::write(out.join(format!("{}.tokio.json", p.name)), t.to_json())
                        .unwrap();
                }
            }
            println!("{count} programs in {}", out.display());
        }
        #[cfg(feature = "interp")]
        Some("differential") => {
            let seed = flag(&args, "--seed").map_or(1, |s| s.parse().unwrap());
            let count = flag(&args, "--count").map_or(200, |s| s.parse().unwrap());
            let pretend = flag(&args, "--pretend-differ");
            let mutants = flag(&args, "--mutants").map_or(MUTANTS, |s| s.parse().unwrap());
            std::process::exit(differential::run(seed, count, pretend.as_deref(), mutants));
        }
        _ => {
            eprintln!("usage: oracle record [--check] [NAME…] | judge [NAME…] | extract | generate [--seed S] [--count N] [--out DIR] [--record] | differential [--seed S] [--count N] [--mutants M]");
            std::process::exit(2);
        }
    }
}
