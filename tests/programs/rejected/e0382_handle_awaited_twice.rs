// Mistake: `.await` consumes the JoinHandle; the second `.await` uses a moved value.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        42
    });
    let first = handle.await.unwrap();
    let second = handle.await.unwrap();
    println!("{} {}", first, second);
}
