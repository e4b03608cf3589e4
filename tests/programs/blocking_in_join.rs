use std::time::{Duration, Instant};
use tokio::time::sleep;

async fn timer(start: Instant) {
    sleep(Duration::from_millis(100)).await;
    let late = start.elapsed().as_millis() / 100 * 100;
    println!("100 ms timer fired after about {late} ms");
}

async fn blocker() {
    println!("blocking the thread for 800 ms");
    std::thread::sleep(Duration::from_millis(800));
    println!("done blocking");
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    tokio::join!(timer(start), blocker());
    println!("both done");
}
