// Mistake: a Tokio JoinHandle is awaited; `join()` belongs to std::thread's JoinHandle.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("task done");
    });
    handle.join().unwrap();
}
