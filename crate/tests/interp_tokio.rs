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
