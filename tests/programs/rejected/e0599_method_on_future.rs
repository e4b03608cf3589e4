// Mistake: calling a String method on the future, before awaiting it.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let user = fetch_user_data();
    println!("name has {} letters", user.len());
}
