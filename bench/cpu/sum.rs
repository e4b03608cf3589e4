//! Native twin of the interpreted CPU-bound bench program: sums 0..N (N from argv) in a `for` loop, in
//! slices of 100,000 like the interpreted one (which yields between slices to stay under the per-poll
//! busy guard), and prints its own elapsed time. `black_box` keeps LLVM from folding the loop into a
//! closed form, so the native side does the same additions the interpreter does.
use std::hint::black_box;
use std::time::Instant;

fn sum_slice(from: u64, to: u64) -> u64 {
    let mut s: u64 = 0;
    for i in from..to {
        s += black_box(i);
    }
    s
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let start = Instant::now();
    let mut total: u64 = 0;
    let mut from = 0;
    while from < n {
        let to = if from + 100_000 < n { from + 100_000 } else { n };
        total += sum_slice(from, to);
        from = to;
    }
    println!("sum {} elapsed_us {}", total, start.elapsed().as_micros());
}
