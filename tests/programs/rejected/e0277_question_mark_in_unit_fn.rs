// Mistake: `?` inside an async fn that returns nothing.
use tokio::time::{sleep, Duration};

async fn load_count(text: &str) {
    sleep(Duration::from_millis(10)).await;
    let count: u32 = text.parse()?;
    println!("count = {}", count);
}

#[tokio::main]
async fn main() {
    load_count("7").await;
}
