// The interpreted side of bench/cpu/fib.rs: a recursive fib(25) in a plain `fn` (about 243,000 calls,
// in one poll; the recursion is 25 deep, under max_call_depth).
use std::time::Instant;

fn fib(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let r = fib(25);
    println!("fib {} elapsed_us {}", r, start.elapsed().as_micros());
}
