use tokio::time::{sleep, Duration};

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
    println!("Fetching data sequentially...");

    let user_data = fetch_user_data().await;
    let product_data = fetch_product_data().await;

    println!("Total execution time is ~4s: one wait after the other.");
    println!("Result 1: {}", user_data);
    println!("Result 2: {}", product_data);
}
