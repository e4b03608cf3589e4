// Mistake: a typo in a variable's name.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let user_data = fetch_user_data().await;
    println!("Result: {}", usr_data);
}
