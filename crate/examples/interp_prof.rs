//! Native timing of the interpreter's hot paths (issue 16 §6), for callgrind or a plain timing loop:
//! `cargo run --release --features interp --example interp_prof -- many 10000`
//! (`sum N`, `fib N`, `many N`, `file PATH`; `valgrind --tool=callgrind` on the built binary counts instructions).
//! Runs on the virtual clock, so only the interpreter's own work is measured.

use async_playground::interp::run_virtual;
use std::time::Instant;

const SUM: &str = include_str!("../../bench/cpu/sum_interp.rs");
const FIB: &str = include_str!("../../bench/cpu/fib_interp.rs");
const MANY: &str = include_str!("../../web/starters/many.rs");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map_or("many", String::as_str);
    let n = args.get(1).map_or("10000", String::as_str);
    let reps: u32 = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let source = match which {
        "sum" => SUM.replace("= N;", &format!("= {n};")),
        "fib" => FIB.replace("fib(25)", &format!("fib({n})")),
        "file" => std::fs::read_to_string(n).expect("a program's path"),
        _ => MANY.replace("1000", n),
    };
    for _ in 0..reps {
        let t0 = Instant::now();
        let t = run_virtual(&source, 1).unwrap_or_else(|d| panic!("refused: {d:?}"));
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        let last = t.lines.last().map_or("", |l| l.text.as_str());
        println!("{which} {n}: {ms:.1} ms; {last}");
    }
}
