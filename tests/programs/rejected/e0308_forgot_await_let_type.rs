// Mistake: the `.await` is missing, so the variable holds a future, not a String.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let user: String = fetch_user_data();
    println!("Result: {}", user);
}
