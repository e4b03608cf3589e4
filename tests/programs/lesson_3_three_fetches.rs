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

async fn fetch_review_data() -> String {
    sleep(Duration::from_secs(2)).await;
    println!("Review data fetched after 2s.");
    "Review".to_string()
}

#[tokio::main]
async fn main() {
    println!("Fetching data concurrently...");

    let (user_data, product_data, review_data) =
        join!(fetch_user_data(), fetch_product_data(), fetch_review_data());

    println!("Total execution time is ~3s, not 6s.");
    println!("Result 1: {}", user_data);
    println!("Result 2: {}", product_data);
    println!("Result 3: {}", review_data);
}
