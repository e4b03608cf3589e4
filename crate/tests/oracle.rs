//! Tokio is the judge: every corpus program (`tests/programs/*.rs`) run through the interpreter
//! (`interp::run_virtual`) must print what real Tokio printed (`NAME.tokio.json`, recorded by
//! `npm run oracle`): the same lines, on the same streams, in the same order, at the same times within
//! the tolerance of `tests/programs/differences.json`, with the same exit status and rustc's warnings.
// Native only: it reads the corpus from disk (and `wasm-pack test --features interp` builds every test).
#![cfg(all(feature = "interp", not(target_arch = "wasm32")))]

use async_playground::interp::{self, Stream};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The corpus: program names (file stems), sorted.
fn corpus() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(programs_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().to_string();
            name.strip_suffix(".rs").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// The tolerance for a transcript's clock, from differences.json: (absolute ms, ratio of the time).
fn tolerance(clock: &str) -> (f64, f64) {
    let d = read_json(&programs_dir().join("differences.json"));
    let t = &d["tolerance"];
    if clock == "real" {
        (
            t["real_ms"].as_f64().unwrap(),
            t["real_ratio"].as_f64().unwrap(),
        )
    } else {
        (t["paused_ms"].as_f64().unwrap(), 0.0)
    }
}

/// The first way the interpreter's run of `name` differs from Tokio's, if any.
fn difference(name: &str) -> Option<String> {
    let dir = programs_dir();
    let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
    let tokio = read_json(&dir.join(format!("{name}.tokio.json")));
    let (abs, ratio) = tolerance(tokio["clock"].as_str().unwrap());
    let ours = match interp::run_virtual(&source, 0) {
        Ok(t) => t,
        Err(diags) => {
            let rendered: Vec<String> = diags.iter().map(|d| d.render(&source)).collect();
            return Some(format!("refused:\n{}", rendered.join("\n")));
        }
    };
    let expected = tokio["lines"].as_array().unwrap();
    for (i, want) in expected.iter().enumerate() {
        let (text, stream, t_ms) = (
            want["text"].as_str().unwrap(),
            want["stream"].as_str().unwrap(),
            want["t_ms"].as_f64().unwrap(),
        );
        let Some(got) = ours.lines.get(i) else {
            return Some(format!(
                "line {}: Tokio printed {text:?} ({stream}) at {t_ms} ms; the interpreter nothing more",
                i + 1
            ));
        };
        let got_stream = match got.stream {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        };
        let got_ms = got.t_us as f64 / 1000.0;
        if got.text != text || got_stream != stream {
            return Some(format!(
                "line {}: Tokio printed {text:?} ({stream}) at {t_ms} ms; the interpreter {:?} ({got_stream}) at {got_ms} ms",
                i + 1,
                got.text
            ));
        }
        if (got_ms - t_ms).abs() > abs + ratio * t_ms {
            return Some(format!(
                "line {} {text:?}: Tokio printed it at {t_ms} ms, the interpreter at {got_ms} ms",
                i + 1
            ));
        }
    }
    if let Some(extra) = ours.lines.get(expected.len()) {
        return Some(format!(
            "line {}: the interpreter printed {:?} at {} ms; Tokio nothing more",
            expected.len() + 1,
            extra.text,
            extra.t_us as f64 / 1000.0
        ));
    }
    let stalled = tokio["stalled"].as_bool().unwrap();
    if stalled != ours.stalled {
        return Some(format!(
            "Tokio stalled: {stalled}; the interpreter: {}",
            ours.stalled
        ));
    }
    if !stalled && tokio["exit"].as_i64() != Some(ours.exit_code as i64) {
        return Some(format!(
            "exit status: Tokio {}, the interpreter {}",
            tokio["exit"], ours.exit_code
        ));
    }
    let rustc: Vec<(String, u64, u64)> = tokio["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["message"].as_str().unwrap().to_string(),
                w["line"].as_u64().unwrap(),
                w["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut mine: Vec<(String, u64, u64)> = ours
        .warnings
        .iter()
        .map(|w| (w.message.clone(), w.line as u64, w.column as u64))
        .collect();
    mine.sort_by_key(|w| (w.1, w.2));
    if rustc != mine {
        return Some(format!(
            "warnings: rustc {rustc:?}; the interpreter {mine:?}"
        ));
    }
    None
}

/// The whole corpus, one report: every program that differs, with its first difference.
#[test]
fn every_corpus_program_prints_what_tokio_printed() {
    let names = corpus();
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| difference(n).map(|d| format!("{n}.rs: {d}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} corpus programs differ from real Tokio:\n\n{}\n",
        failures.len(),
        names.len(),
        failures.join("\n\n")
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

/// Every program has its transcript, recorded from its current source, and every transcript its
/// program: `npm run oracle` was run after the last change.
#[test]
fn every_program_has_a_current_tokio_transcript() {
    let dir = programs_dir();
    for name in corpus() {
        let t = read_json(&dir.join(format!("{name}.tokio.json")));
        assert_eq!(t["program"], format!("{name}.rs"));
        let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        assert_eq!(
            t["source_fnv"].as_str(),
            Some(fnv1a(&source).as_str()),
            "{name}.rs changed since its transcript was recorded: run `npm run oracle`"
        );
    }
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = e.unwrap().file_name().to_string_lossy().to_string();
        if let Some(stem) = f.strip_suffix(".tokio.json") {
            assert!(
                dir.join(format!("{stem}.rs")).exists(),
                "{f} has no program: delete it or run `npm run oracle`"
            );
        }
    }
    assert!(
        corpus().len() >= 34,
        "the lesson's blocks and at least 30 more"
    );
}

/// The lesson's programs are the lesson's code blocks, verbatim (tests/oracle extracts them; this
/// fails when the lesson changed and `npm run oracle` was not run).
#[test]
fn the_lessons_blocks_are_in_the_corpus_verbatim() {
    let md = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../lesson/async-and-await.md"),
    )
    .unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in md.lines() {
        match &mut current {
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    if info.split([',', ' ']).next() == Some("rust") {
                        current = Some(String::new());
                    }
                }
            }
            Some(b) => {
                if line.trim_start().starts_with("```") {
                    blocks.push(current.take().unwrap());
                } else {
                    b.push_str(line);
                    b.push('\n');
                }
            }
        }
    }
    assert_eq!(blocks.len(), 4, "the lesson has four Rust blocks");
    for (i, block) in blocks.iter().enumerate() {
        let path = programs_dir().join(format!("lesson_{}.rs", i + 1));
        let file = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            &file,
            block,
            "{} differs from the lesson's block {}: run `npm run oracle`",
            path.display(),
            i + 1
        );
    }
}

/// Every lesson variant that differences.json maps to a program names one of the corpus.
#[test]
fn differences_json_names_real_programs() {
    let d = read_json(&programs_dir().join("differences.json"));
    let names = corpus();
    for l in d["lessons"].as_array().unwrap() {
        let p = l["program"].as_str().unwrap();
        assert!(
            names.iter().any(|n| n == p),
            "differences.json: no program {p}"
        );
    }
    for diff in d["differences"].as_array().unwrap() {
        assert!(
            !diff["reason"].as_str().unwrap_or("").is_empty(),
            "every difference says why: {diff}"
        );
    }
}
