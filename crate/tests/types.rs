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

/// Each program of `tests/rustc/` prints, run here, what the same program compiled by rustc printed
/// (`NAME.out`, recorded with `rustc NAME.rs && ./NAME`): plain `fn main` programs of your own
/// types, structs, enums, traits, modules, generics, derives, `Display` and operator impls.
#[test]
fn programs_print_what_rustc_compiled_them_to_print() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rustc");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let n = e.ok()?.file_name().to_string_lossy().to_string();
            n.strip_suffix(".rs").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for name in names {
        let src = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        let want = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let got = out(&src).join("\n") + "\n";
        assert_eq!(got, want, "{name}.rs");
    }
}

fn main_of(body: &str) -> String {
    format!("fn main() {{\n{body}\n}}\n")
}

#[test]
fn struct_shapes_and_derive_debug() {
    let src = format!(
        "#[derive(Debug, Clone, Copy, PartialEq)]\nstruct P {{ x: i32, y: i32 }}\n#[derive(Debug)]\nstruct T(u8, &'static str);\n#[derive(Debug)]\nstruct U;\n{}",
        main_of(
            "let p = P { x: 1, y: -2 };\nlet q = P { y: 5, ..p };\nprintln!(\"{:?} {:?} {}\", p, q, p == q);\nprintln!(\"{:?} {:?}\", T(7, \"s\"), U);\nprintln!(\"{:#?}\", T(1, \"a\"));\nprintln!(\"{} {}\", q.y, T(2, \"b\").0);"
        )
    );
    assert_eq!(
        out(&src),
        [
            "P { x: 1, y: -2 } P { x: 1, y: 5 } false",
            "T(7, \"s\") U",
            "T(",
            "    1,",
            "    \"a\",",
            ")",
            "5 2"
        ]
    );
}

#[test]
fn enum_patterns_guards_at_and_slices() {
    let src = "#[derive(Debug)]\nenum M { Quit, Move { x: i32, y: i32 }, Write(String) }\nfn f(m: &M) -> String {\n    match m {\n        M::Quit => \"quit\".to_string(),\n        M::Move { x: 0, .. } => \"vertical\".to_string(),\n        M::Move { x, y } if x == y => format!(\"diag {x}\"),\n        M::Move { x: n @ 1..=9, .. } => format!(\"small {n}\"),\n        M::Move { .. } => \"far\".to_string(),\n        M::Write(s) => s.clone(),\n    }\n}\nfn main() {\n    for m in [M::Quit, M::Move { x: 0, y: 3 }, M::Move { x: 2, y: 2 }, M::Move { x: 3, y: 1 }, M::Move { x: 30, y: 1 }, M::Write(\"hi\".into())] {\n        println!(\"{}\", f(&m));\n    }\n    let v = vec![1, 2, 3, 4];\n    g(&v);\n    g(&[1]);\n}\nfn g(s: &[i32]) {\n    if let [a, rest @ .., z] = s {\n        println!(\"{a} {:?} {z}\", rest);\n    }\n    match s {\n        [] => println!(\"empty\"),\n        [one] => println!(\"{one}\"),\n        [x, y, ..] => println!(\"{x}{y}\"),\n    }\n}\n";
    assert_eq!(
        out(src),
        [
            "quit",
            "vertical",
            "diag 2",
            "small 3",
            "far",
            "hi",
            "1 [2, 3] 4",
            "12",
            "1"
        ]
    );
}

#[test]
fn mut_self_through_references_and_match_on_places() {
    let src = "struct C { n: u32, log: Vec<u32> }\nimpl C {\n    fn bump(&mut self) -> u32 { self.n += 1; self.log.push(self.n); self.n }\n}\nenum S { On(u32), Off }\nfn main() {\n    let mut c = C { n: 0, log: vec![] };\n    c.bump();\n    let r = &mut c;\n    r.bump();\n    println!(\"{} {:?}\", c.bump(), c.log);\n    let mut s = S::On(1);\n    if let S::On(k) = &mut s { *k += 10; }\n    match s { S::On(k) => println!(\"on {k}\"), S::Off => println!(\"off\") }\n}\n";
    assert_eq!(out(src), ["3 [1, 2, 3]", "on 11"]);
}

#[test]
fn async_methods_and_trait_objects_on_tasks() {
    let src = "use tokio::time::{sleep, Duration};\ntrait Job { fn ms(&self) -> u64; fn name(&self) -> String { format!(\"job{}\", self.ms()) } }\nstruct A(u64);\nstruct B { ms: u64 }\nimpl Job for A { fn ms(&self) -> u64 { self.0 } }\nimpl Job for B { fn ms(&self) -> u64 { self.ms } fn name(&self) -> String { \"b\".into() } }\nstruct Counter { hits: u32 }\nimpl Counter { async fn hit(&mut self, ms: u64) { sleep(Duration::from_millis(ms)).await; self.hits += 1; } }\n#[tokio::main]\nasync fn main() {\n    let jobs: Vec<Box<dyn Job + Send + Sync>> = vec![Box::new(A(30)), Box::new(B { ms: 10 })];\n    let mut hs = Vec::new();\n    for j in jobs {\n        hs.push(tokio::spawn(async move { sleep(Duration::from_millis(j.ms())).await; println!(\"{}\", j.name()); }));\n    }\n    for h in hs { h.await.unwrap(); }\n    let mut c = Counter { hits: 0 };\n    c.hit(5).await;\n    c.hit(5).await;\n    println!(\"{}\", c.hits);\n}\n";
    let t = run_virtual(src, 7).unwrap();
    let got: Vec<(u64, String)> = t
        .lines
        .iter()
        .map(|l| (l.t_us / 1000, l.text.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (10, "b".to_string()),
            (30, "job30".to_string()),
            (40, "2".to_string())
        ]
    );
}

#[test]
fn a_panic_inside_display_unwinds_from_the_print() {
    for call in ["println!(\"{}\", Bad);", "let _s = Bad.to_string();"] {
        let src = format!(
            "use std::fmt;\nstruct Bad;\nimpl fmt::Display for Bad {{\n    fn fmt(&self, _f: &mut fmt::Formatter) -> fmt::Result {{\n        panic!(\"display failed\");\n    }}\n}}\nfn main() {{\n    println!(\"before\");\n    {call}\n    println!(\"after\");\n}}\n"
        );
        let lines = out(&src);
        assert_eq!(lines.first().map(String::as_str), Some("before"), "{call}");
        assert!(
            lines.contains(&"E display failed".to_string()),
            "{call}: {lines:?}"
        );
        assert!(!lines.contains(&"after".to_string()), "{call}: {lines:?}");
    }
}

#[test]
fn refused_before_the_run_with_their_place() {
    let cases: &[(&str, &str)] = &[
        (
            "struct W<T> { v: T }\nimpl<T: Default> W<T> { fn new() -> Self { W { v: T::default() } } }\nfn main() { let _w: W<u8> = W::new(); }\n",
            "calling a function through a type parameter of an `impl` is not available in this playground",
        ),
        (
            "fn make<T: Default>() -> T { T::default() }\nfn main() { let x = make(); let _: u8 = x; }\n",
            "type annotations needed",
        ),
        (
            "struct D;\nimpl std::ops::Shl for D { type Output = D; fn shl(self, _: D) -> D { D } }\nfn main() { let _d = D; }\n",
            "implementing the trait `std::ops::Shl` is not available in this playground",
        ),
        (
            "#[derive(Serialize)]\nstruct S;\nfn main() {}\n",
            "`#[derive(Serialize)]` is not available in this playground",
        ),
    ];
    for (src, want) in cases {
        let e = errors(src);
        assert!(
            e.iter().any(|d| d.message == *want),
            "{src}: {:?}",
            e.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
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
