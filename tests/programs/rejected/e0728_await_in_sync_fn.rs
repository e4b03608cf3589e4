// Mistake: `.await` inside a plain fn; only async fns and blocks can await.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

fn load() -> String {
    fetch_user_data().await
}

#[tokio::main]
async fn main() {
    println!("{}", load());
}
