// Mistake: an async fn spawns a task that borrows its own parameter, which dies when the fn returns.
use tokio::time::{sleep, Duration};

async fn log_later(message: String) {
    tokio::spawn(async {
        sleep(Duration::from_millis(200)).await;
        println!("log: {}", message);
    });
}

#[tokio::main]
async fn main() {
    log_later("started".to_string()).await;
    sleep(Duration::from_millis(300)).await;
}
