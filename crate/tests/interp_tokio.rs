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
/// --nocapture`: runs every `.rs` in `dir` (Tokio's documentation examples, extracted) and tells
/// which are refused (with the first reason), which panicked, and how many ran.
#[test]
#[ignore]
fn survey() {
    let dir = std::env::var("TOKIO_DOCS").expect("TOKIO_DOCS=dir");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let (mut ok, mut refused, mut panicked) = (0, 0, 0);
    for path in names {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match run_virtual(&src, 7) {
            Err(d) => {
                refused += 1;
                let first = d
                    .iter()
                    .find(|d| d.level == async_playground::interp::Level::Error)
                    .map(|d| d.message.clone())
                    .unwrap_or_default();
                println!("REFUSED {name}: {first}");
            }
            Ok(t) => {
                let err: Vec<_> = t
                    .lines
                    .iter()
                    .filter(|l| l.stream == Stream::Stderr && !l.text.is_empty())
                    .map(|l| l.text.clone())
                    .collect();
                if t.exit_code != 0 || !err.is_empty() {
                    panicked += 1;
                    println!("PANIC {name}: {}", err.join(" | "));
                } else {
                    ok += 1;
                }
            }
        }
    }
    println!("ran {ok}, refused {refused}, panicked {panicked}");
}
