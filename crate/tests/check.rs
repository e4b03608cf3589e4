//! The checker (`interp::check`): programs rustc rejects are refused with rustc's code at rustc's
//! line, and no program rustc accepts is refused.
#![cfg(feature = "interp")]

use async_playground::interp::{self, Limits};

fn judge(src: &str) -> Vec<interp::Diagnostic> {
    interp::check::check(src, &Limits::default())
}

/// Every corpus program compiles with rustc: the checker must find nothing in it.
#[test]
fn the_corpus_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/programs");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let src = std::fs::read_to_string(&path).unwrap();
            let found = judge(&src);
            assert!(
                found.is_empty(),
                "{}: {}",
                path.display(),
                found.iter().map(|d| d.render(&src)).collect::<String>()
            );
            n += 1;
        }
    }
    assert!(n > 30);
}

/// Prints what the checker says of the files of `CHECK_DIR` (a debugging aid).
#[test]
fn show_dir() {
    let Ok(dir) = std::env::var("CHECK_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let src = std::fs::read_to_string(&path).unwrap();
        println!("=== {}", path.display());
        for d in judge(&src) {
            print!("{}", d.render(&src));
        }
    }
}

/// A deeply nested expression is given up quietly (the lowering refuses it), within a thread's
/// default stack.
#[test]
fn deep_nesting_is_left_to_the_lowering() {
    let deep = format!("fn main() {{ let x = {}true; }}", "!".repeat(200));
    let found = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || judge(&deep))
        .unwrap()
        .join()
        .unwrap();
    assert!(found.is_empty());
}
