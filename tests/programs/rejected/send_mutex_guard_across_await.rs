// Mistake: a std::sync::MutexGuard is held across an `.await` in a spawned task.
use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let c = Arc::clone(&counter);
    let handle = tokio::spawn(async move {
        let mut n = c.lock().unwrap();
        sleep(Duration::from_millis(100)).await;
        *n += 1;
    });
    handle.await.unwrap();
    println!("{}", counter.lock().unwrap());
}
