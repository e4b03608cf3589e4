// The interpreted side of bench/cpu/sum.rs: the work sits in a plain `fn`, called in slices of 100,000
// with a yield between them so that no poll runs past the interpreter's busy guard (limits.rs,
// max_poll_us). N is replaced by the bench.
use std::time::Instant;

fn sum_slice(from: u64, to: u64) -> u64 {
    let mut s: u64 = 0;
    for i in from..to {
        s += i;
    }
    s
}

#[tokio::main]
async fn main() {
    let n: u64 = N;
    let start = Instant::now();
    let mut total: u64 = 0;
    let mut from: u64 = 0;
    while from < n {
        let to = if from + 100_000 < n { from + 100_000 } else { n };
        total += sum_slice(from, to);
        from = to;
        tokio::task::yield_now().await;
    }
    println!("sum {} elapsed_us {}", total, start.elapsed().as_micros());
}
