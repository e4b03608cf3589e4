//! `tokio::sync`, `tokio::task` and the rest of Tokio's library through the interpreter. The
//! behaviour is compared with real Tokio by the corpus (`tests/programs/sync_*.rs`, `task_*.rs`,
//! checked by `oracle.rs`); these tests pin what the corpus can't: refusals before the run, and
//! Tokio's panics.
#![cfg(feature = "interp")]

use async_playground::interp::{run_virtual, Stream, Transcript};

fn run(src: &str) -> Transcript {
    match run_virtual(src, 7) {
        Ok(t) => t,
        Err(d) => panic!(
            "refused: {:?}",
            d.iter().map(|d| d.render(src)).collect::<Vec<_>>()
        ),
    }
}

fn out(t: &Transcript) -> Vec<String> {
    t.lines
        .iter()
        .map(|l| {
            let s = if l.stream == Stream::Stderr { "!" } else { "" };
            format!("{s}{}", l.text)
        })
        .collect()
}

/// `TOKIO_RUN=path cargo test --features interp --test interp_tokio run_file -- --ignored
/// --nocapture` prints the interpreter's run of a program.
#[test]
#[ignore]
fn run_file() {
    let path = std::env::var("TOKIO_RUN").expect("TOKIO_RUN=path");
    let src = std::fs::read_to_string(path).unwrap();
    let t = run(&src);
    for l in &t.lines {
        println!("{:>8.1} {:?} {}", l.t_us as f64 / 1000.0, l.stream, l.text);
    }
    for n in &t.notes {
        println!("note {n}");
    }
    println!("exit {}", t.exit_code);
}

#[test]
fn blocking_recv_inside_the_runtime_panics_as_tokio() {
    let t = run(r#"
use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (_tx, mut rx) = mpsc::channel::<u32>(1);
    let _ = rx.blocking_recv();
}
"#);
    let o = out(&t);
    assert!(
        o.iter()
            .any(|l| l.contains("Cannot block the current thread from within a runtime")),
        "{o:?}"
    );
    assert_eq!(t.exit_code, 101);
}

/// `TOKIO_DOCS=dir cargo test --features interp --test interp_tokio survey -- --ignored
/// --nocapture` (or `node scripts/tokio-docs.mjs`, which extracts and records them first): runs
/// every `NAME.rs` in `dir` (Tokio's documentation examples, extracted) that has Tokio's recording
/// `NAME.tokio.json` beside it, and sorts them: same output as Tokio, refused (counted by first
/// reason), a panic Tokio did not print, or different output. `TOKIO_DOCS_VERBOSE=1` prints each.
#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore]
fn survey() {
    use std::collections::BTreeMap;
    let dir = std::path::PathBuf::from(std::env::var("TOKIO_DOCS").expect("TOKIO_DOCS=dir"));
    let verbose = std::env::var("TOKIO_DOCS_VERBOSE").is_ok();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| p.with_extension("tokio.json").exists())
        .collect();
    names.sort();
    let (mut same, mut panicked, mut differ) = (0, 0, 0);
    let mut refusals: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in &names {
        let src = std::fs::read_to_string(path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let tokio: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("tokio.json")).unwrap(),
        )
        .unwrap();
        let real = tokio["clock"] == "real";
        let want: Vec<(String, String, f64)> = tokio["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["stream"].as_str().unwrap().to_string(),
                    l["text"].as_str().unwrap().to_string(),
                    l["t_ms"].as_f64().unwrap(),
                )
            })
            .collect();
        let t = match run_virtual(&src, 7) {
            Err(d) => {
                let first = d
                    .iter()
                    .find(|d| d.level == async_playground::interp::Level::Error)
                    .map(|d| d.message.clone())
                    .unwrap_or_default();
                if verbose {
                    println!("REFUSED {name}: {first}");
                }
                refusals.entry(first).or_default().push(name);
                continue;
            }
            Ok(t) => t,
        };
        let got: Vec<(String, String, f64)> = t
            .lines
            .iter()
            .map(|l| {
                let s = if l.stream == Stream::Stderr {
                    "stderr"
                } else {
                    "stdout"
                };
                (s.to_string(), l.text.clone(), l.t_us as f64 / 1000.0)
            })
            .collect();
        let mut first_diff = None;
        for i in 0..want.len().max(got.len()) {
            match (want.get(i), got.get(i)) {
                (Some(w), Some(g)) if w.0 == g.0 && w.1 == g.1 => {
                    let tol = if real { 20.0 + 0.1 * w.2 } else { 0.001 };
                    if (w.2 - g.2).abs() > tol {
                        first_diff =
                            Some(format!("line {} at {} ms, Tokio {} ms", i + 1, g.2, w.2));
                        break;
                    }
                }
                (w, g) => {
                    first_diff = Some(format!("line {}: Tokio {w:?}, interpreter {g:?}", i + 1));
                    break;
                }
            }
        }
        let tokio_exit = tokio["exit"].as_i64();
        if first_diff.is_none()
            && tokio["stalled"] == false
            && tokio_exit != Some(t.exit_code as i64)
        {
            first_diff = Some(format!(
                "exit Tokio {tokio_exit:?}, interpreter {}",
                t.exit_code
            ));
        }
        match first_diff {
            None => same += 1,
            Some(d) => {
                let tokio_panicked = want.iter().any(|w| w.1.contains("panicked at"));
                let ours_panicked = got.iter().any(|g| g.1.contains("panicked at"));
                if ours_panicked && !tokio_panicked {
                    panicked += 1;
                    let err: Vec<_> = got
                        .iter()
                        .filter(|g| g.0 == "stderr")
                        .map(|g| g.1.clone())
                        .collect();
                    println!("PANIC {name}: {}", err.join(" | "));
                } else {
                    differ += 1;
                    println!("DIFFERENT {name}: {d}");
                }
            }
        }
    }
    let mut groups: Vec<_> = refusals.iter().collect();
    groups.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    for (why, who) in &groups {
        println!("REFUSED {:>3} {why}  [{}]", who.len(), who.join(" "));
    }
    let refused: usize = refusals.values().map(Vec::len).sum();
    println!(
        "of {}: same {same}, refused {refused}, panic {panicked}, different {differ}",
        names.len()
    );
}
