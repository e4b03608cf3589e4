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
    println!("Racing the two fetches with select!...");

    // Whichever fetch finishes first wins; select! drops the other one mid-sleep.
    let winner = tokio::select! {
        user_data = fetch_user_data() => user_data,
        product_data = fetch_product_data() => product_data,
    };

    println!("select! is done: the {} branch won; the other fetch was dropped.", winner);
}
