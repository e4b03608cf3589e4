// Mistake: `total` is not `mut`, so it cannot be assigned a second time.
use tokio::time::{sleep, Duration};

async fn price_of(item: &str) -> u32 {
    sleep(Duration::from_millis(100)).await;
    if item == "book" { 100 } else { 200 }
}

#[tokio::main]
async fn main() {
    let total = price_of("book").await;
    total = total + price_of("pen").await;
    println!("{}", total);
}
