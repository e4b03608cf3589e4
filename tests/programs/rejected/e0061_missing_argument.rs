// Mistake: the async fn takes two arguments; the call passes one.
use tokio::time::{sleep, Duration};

async fn fetch(id: u32, delay_ms: u64) -> u32 {
    sleep(Duration::from_millis(delay_ms)).await;
    id * 100
}

#[tokio::main]
async fn main() {
    let value = fetch(7).await;
    println!("{}", value);
}
