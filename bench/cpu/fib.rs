//! Native twin of the interpreted recursive `fib(25)` bench program; prints its own elapsed time.
//! `black_box` on the argument keeps the call from being evaluated at compile time.
use std::hint::black_box;
use std::time::Instant;

fn fib(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn main() {
    let start = Instant::now();
    let r = fib(black_box(25));
    println!("fib {} elapsed_us {}", r, start.elapsed().as_micros());
}
