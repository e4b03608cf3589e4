// Mistake: an async fn's result used as a condition without `.await`.
use tokio::time::{sleep, Duration};

async fn is_ready() -> bool {
    sleep(Duration::from_millis(100)).await;
    true
}

#[tokio::main]
async fn main() {
    if is_ready() {
        println!("ready");
    }
}
