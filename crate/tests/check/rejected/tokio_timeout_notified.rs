use std::sync::Arc;
use std::time::Duration;
use tokio::time::timeout;

#[tokio::main]
async fn main() {
    let n = Arc::new(tokio::sync::Notify::new());
    n.notify_one();
    match timeout(Duration::from_millis(1000), n.notified()) {
        Ok(()) => println!("woke"),
        Err(_) => println!("gave up"),
    }
}
// rustc 1.95: E0308@10 E0308@11
