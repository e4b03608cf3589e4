// Mistake: `sleep` is used without importing it from tokio::time.
use tokio::time::Duration;

#[tokio::main]
async fn main() {
    sleep(Duration::from_millis(500)).await;
    println!("slept");
}
