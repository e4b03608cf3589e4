// Mistake: Duration::from_secs takes whole seconds (u64), not 1.5.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    println!("waiting...");
    sleep(Duration::from_secs(1.5)).await;
    println!("done");
}
