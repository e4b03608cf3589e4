use tokio::time::{sleep, Duration};
use tokio::join;

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(3)).await;
    println!("User data fetched after 3s.");
    "User".to_string()
}

async fn fetch_product_data() -> String {
    sleep(Duration::from_secs(1)).await;
    println!("Product data fetched after 1s.");
    "Product".to_string()
}

#[tokio::main]
async fn main() {
    println!("Fetching data concurrently...");

    // These two futures are started at the same time and run together.
    let (user_data, product_data) = join!(fetch_user_data(), fetch_product_data());

    println!("Total execution time is ~3s, not 4s.");
    println!("Result 1: {}", user_data);
    println!("Result 2: {}", product_data);
}
