// Mistake: pushing onto a Vec that was declared without `mut`.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let results = Vec::new();
    for id in 1..=3 {
        sleep(Duration::from_millis(100)).await;
        results.push(id * 10);
    }
    println!("{:?}", results);
}
