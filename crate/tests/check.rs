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

/// The programs of a folder under `tests/check/`, sorted: (name, source).
fn programs(folder: &str) -> Vec<(String, String)> {
    let dir = format!("{}/tests/check/{folder}", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Programs rustc rejects (`tests/check/rejected/`), each ending with the errors rustc 1.95 gave
/// (`// rustc 1.95: E0382@7 -@11`, `-` for an error without a code), in its order. The checker's
/// first error is rustc's first, and it reports nothing rustc does not.
#[test]
fn rejected_programs_get_rustcs_errors() {
    let all = programs("rejected");
    assert!(all.len() > 40);
    for (name, src) in &all {
        let tag = src.lines().last().unwrap();
        let rustc: Vec<(String, u32)> = tag
            .trim_start_matches("// rustc 1.95:")
            .split_whitespace()
            .map(|e| {
                let (code, line) = e.split_once('@').unwrap();
                (code.to_string(), line.parse().unwrap())
            })
            .collect();
        let found = judge(src);
        let mine: Vec<(String, u32)> = found
            .iter()
            .map(|d| (d.code().unwrap_or("-").to_string(), d.line))
            .collect();
        let shown = found.iter().map(|d| d.render(src)).collect::<String>();
        assert_eq!(mine.first(), rustc.first(), "{name}: {shown}");
        for m in &mine {
            assert!(rustc.contains(m), "{name}: {m:?} is not rustc's: {shown}");
        }
    }
}

/// Programs rustc accepts (`tests/check/accepted/`) that use what the checker looks at (moves
/// into tasks, guards, channels, your own types, traits, generics): it must say nothing.
#[test]
fn accepted_programs_pass() {
    for (name, src) in programs("accepted") {
        let found = judge(&src);
        assert!(
            found.is_empty(),
            "{name}: {}",
            found.iter().map(|d| d.render(&src)).collect::<String>()
        );
    }
}

/// The rejected corpus (tests/programs/rejected/, with what rustc said in `*.rustc.json`): the
/// checker never reports an error rustc did not, and finds rustc's first error in most programs.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_rejected_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/programs/rejected");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let (mut total, mut first) = (0, 0);
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(json) = std::fs::read_to_string(path.with_extension("rustc.json")) else {
            continue;
        };
        let rustc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let theirs: Vec<(Option<String>, u64)> = rustc["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let code = e["code"].as_str().map(str::to_string);
                (code, e["line"].as_u64().unwrap())
            })
            .collect();
        let src = std::fs::read_to_string(&path).unwrap();
        let found = judge(&src);
        let mine: Vec<(Option<String>, u64)> = found
            .iter()
            .map(|d| (d.code().map(str::to_string), u64::from(d.line)))
            .collect();
        for m in &mine {
            assert!(
                theirs.contains(m),
                "{}: {m:?} is not rustc's {theirs:?}",
                path.display()
            );
        }
        total += 1;
        if !mine.is_empty() && mine.first() == theirs.first() {
            first += 1;
        }
    }
    assert!(
        first * 10 >= total * 8,
        "rustc's first error in {first} of {total}"
    );
}
