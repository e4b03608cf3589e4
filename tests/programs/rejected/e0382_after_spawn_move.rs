// Mistake: `data` moved into the spawned task, and main reads it afterwards.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let data = vec![10, 20, 30];
    let handle = tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        let total: i32 = data.iter().sum();
        total
    });
    println!("sent {} numbers", data.len());
    println!("total = {}", handle.await.unwrap());
}
