// Mistake: calling an async fn by a name that does not exist.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let user = fetch_user().await;
    println!("{}", user);
}
