//! Your own types in the interpreter: `struct`, `enum`, `impl`, `trait`, `mod`, generics, derives,
//! `Display` and operator impls, patterns over them — each run under the virtual clock and compared
//! with what rustc's program prints.
#![cfg(feature = "interp")]

use async_playground::interp::{run_virtual, Diagnostic, Stream};

/// Runs `src`; the printed lines ("E " before stderr ones).
fn out(src: &str) -> Vec<String> {
    match run_virtual(src, 7) {
        Ok(t) => t
            .lines
            .into_iter()
            .map(|l| {
                let e = if l.stream == Stream::Stderr { "E " } else { "" };
                format!("{e}{}", l.text)
            })
            .collect(),
        Err(d) => panic!("{}", d.iter().map(|d| d.render(src)).collect::<String>()),
    }
}

/// The errors of a program that must not run.
fn errors(src: &str) -> Vec<Diagnostic> {
    match run_virtual(src, 7) {
        Ok(t) => panic!("expected errors, ran: {t:?}"),
        Err(d) => d,
    }
}

/// `TYPES_SRC=path cargo test --features interp --test types scratch -- --ignored --nocapture`
#[test]
#[ignore]
fn scratch() {
    let path = std::env::var("TYPES_SRC").unwrap_or_default();
    let src = std::fs::read_to_string(path).unwrap_or_default();
    match run_virtual(&src, 7) {
        Ok(t) => {
            for l in t.lines {
                println!("{}", l.text);
            }
        }
        Err(d) => println!("{}", d.iter().map(|d| d.render(&src)).collect::<String>()),
    }
}
