// Mistake: a select! branch races a Duration itself; the timer is `sleep(Duration)`.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(3)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    tokio::select! {
        user = fetch_user_data() => println!("got {}", user),
        _ = Duration::from_secs(1) => println!("timed out"),
    }
}
