// Mistake: join! was given an already-computed value instead of a future.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let product = String::from("Product");
    let (user, product) = tokio::join!(fetch_user_data(), product);
    println!("{} {}", user, product);
}
