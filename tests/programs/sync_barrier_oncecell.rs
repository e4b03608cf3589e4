use std::sync::Arc;
use tokio::sync::{Barrier, OnceCell};
use tokio::time::{sleep, Duration};

async fn load_config() -> u32 {
    println!("loading config");
    sleep(Duration::from_millis(100)).await;
    42
}

#[tokio::main]
async fn main() {
    let config = Arc::new(OnceCell::new());
    let barrier = Arc::new(Barrier::new(3));
    let mut handles = Vec::new();
    for i in 0..3u64 {
        let b = barrier.clone();
        let config = config.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(10 * (i + 1))).await;
            println!("worker {i} arrives");
            let r = b.wait().await;
            // Tokio wakes a barrier's waiters in an unspecified order: print in our own order.
            sleep(Duration::from_millis(i)).await;
            println!("worker {i} passes, leader: {}", r.is_leader());
            let v = config.get_or_init(load_config).await;
            println!("worker {i} config {v}");
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("get: {:?}", config.get());
    println!("set again: {:?}", config.set(7));
    println!("initialized: {}", config.initialized());
}
