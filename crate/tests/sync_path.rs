//! The evaluator's synchronous path (`eval/sync.rs`): code that cannot await runs as plain calls.
//! These programs go through it (plain `fn`s, loops, `match`, assignments) and must print what
//! rustc's build prints, as the async path did.
#![cfg(feature = "interp")]

use async_playground::interp::{run_virtual, run_virtual_with, Limits, Stream, Transcript};

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

#[test]
fn control_flow_in_plain_fns() {
    let t = run(r#"
fn classify(n: i32) -> &'static str {
    match n {
        0 => "zero",
        x if x < 0 => "negative",
        1..=9 => "small",
        _ => "large",
    }
}

fn first_square_over(limit: u64) -> u64 {
    let mut i = 0;
    let found = loop {
        i += 1;
        if i * i > limit {
            break i * i;
        }
    };
    found
}

fn parse(o: Option<u32>) -> u32 {
    let Some(v) = o else {
        return 0;
    };
    v * 2
}

fn count_down(mut n: u32) -> u32 {
    let mut steps = 0;
    while n > 0 {
        if n % 2 == 0 {
            n /= 2;
            continue;
        }
        n -= 1;
        steps += 1;
    }
    steps
}

fn nested() -> i32 {
    let mut total = 0;
    'outer: for i in 0..10 {
        for j in 0..=i {
            if i + j > 12 {
                break 'outer;
            }
            total += j;
        }
    }
    total
}

#[tokio::main]
async fn main() {
    println!("{} {} {} {}", classify(0), classify(-3), classify(7), classify(70));
    println!("{}", first_square_over(50));
    println!("{} {}", parse(Some(21)), parse(None));
    println!("{}", count_down(37));
    println!("{}", nested());
}
"#);
    assert_eq!(
        out(&t),
        ["zero negative small large", "64", "42 0", "3", "71"]
    );
}

#[test]
fn places_assigned_in_plain_fns() {
    let t = run(r#"
fn update(v: &mut Vec<i32>, p: &mut (i32, String), n: &mut i32) {
    v[1] += 10;
    p.0 = 5;
    p.1 += "!";
    *n *= 3;
}

fn grow(s: &str, times: u32) -> String {
    let mut out = String::new();
    for _ in 0..times {
        out += s;
    }
    out
}

#[tokio::main]
async fn main() {
    let mut v = vec![1, 2, 3];
    let mut p = (0, String::from("hi"));
    let mut n = 7;
    update(&mut v, &mut p, &mut n);
    println!("{:?} {:?} {}", v, p, n);
    let a = grow("ab", 3);
    let b = a.clone();
    println!("{} {}", a, b);
}
"#);
    assert_eq!(out(&t), ["[1, 12, 3] (5, \"hi!\") 21", "ababab ababab"]);
}

#[test]
fn panics_and_limits_in_plain_fns() {
    let t = run(r#"
fn add(a: u8, b: u8) -> u8 {
    a + b
}

#[tokio::main]
async fn main() {
    println!("{}", add(200, 50));
    println!("{}", add(200, 56));
}
"#);
    let lines = out(&t);
    assert_eq!(lines.first().map(String::as_str), Some("250"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("attempt to add with overflow")),
        "{lines:?}"
    );
    assert_eq!(t.exit_code, 101);

    // Debug builds use ~10x the stack per interpreted call of a release (wasm) build.
    let t = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            run(r#"
fn down(n: u64) -> u64 {
    if n == 0 { 0 } else { down(n - 1) + 1 }
}

#[tokio::main]
async fn main() {
    println!("{}", down(50));
    println!("{}", down(5000));
}
"#)
        })
        .expect("thread")
        .join()
        .expect("no overflow");
    assert_eq!(out(&t).first().map(String::as_str), Some("50"));
    assert!(
        t.notes.iter().any(|n| n.contains("nested deeper")),
        "{:?}",
        t.notes
    );

    // A small step limit: the virtual clock does not move while computing, so the step count is
    // what stops the endless loop (20 million steps take a minute in a debug build).
    let limits = Limits {
        max_poll_ops: 200_000,
        ..Limits::default()
    };
    let t = run_virtual_with(
        r#"
fn spin() -> u64 {
    let mut i: u64 = 0;
    loop {
        i = i.wrapping_add(1);
    }
}

#[tokio::main]
async fn main() {
    println!("start");
    println!("{}", spin());
}
"#,
        7,
        limits,
    )
    .expect("runs");
    assert_eq!(out(&t), ["start"]);
    assert!(!t.notes.is_empty(), "the busy guard stops the endless loop");
}

#[test]
fn a_program_with_drop_keeps_its_drop_order() {
    let t = run(r#"
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn make(n: u32) -> u32 {
    let _a = Noisy("a");
    let mut s = 0;
    for i in 0..n {
        let _b = Noisy("b");
        s += i;
    }
    s
}

#[tokio::main]
async fn main() {
    println!("{}", make(2));
}
"#);
    assert_eq!(out(&t), ["drop b", "drop b", "drop a", "1"]);
}
