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
    println!("Fetching data with spawned tasks...");

    // What if we spawn instead of join? Both tasks start running right away.
    let user = tokio::spawn(fetch_user_data());
    let product = tokio::spawn(fetch_product_data());

    let user_data = user.await.unwrap();
    let product_data = product.await.unwrap();

    println!("Result 1: {}", user_data);
    println!("Result 2: {}", product_data);
}
