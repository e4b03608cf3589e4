use std::time::{Duration, Instant};
use tokio::time::sleep;

async fn timer() {
    let start = Instant::now();
    sleep(Duration::from_secs(1)).await;
    let late = start.elapsed().as_millis() - 1000;
    println!("Timer fired {} ms late.", late);
}

async fn blocking_wait() {
    // The mistake: std::thread::sleep blocks the thread, so nothing else can run meanwhile.
    std::thread::sleep(Duration::from_secs(2));
    println!("Blocking wait of 2s over.");
}

#[tokio::main]
async fn main() {
    println!("Starting a 1s timer and a 2s blocking wait...");
    // Try it: replace std::thread::sleep(...) with sleep(...).await, and the timer is on time.
    tokio::join!(timer(), blocking_wait());
}
