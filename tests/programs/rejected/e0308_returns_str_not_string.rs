// Mistake: the async fn promises a String but returns a string literal (`&str`).
use tokio::time::{sleep, Duration};

async fn fetch_product_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "Product"
}

#[tokio::main]
async fn main() {
    let product = fetch_product_data().await;
    println!("{}", product);
}
