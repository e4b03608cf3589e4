use tokio::time::{sleep, Duration, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut handles = Vec::new();
    for i in 0..100 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(1000 - i * 5)).await;
            i
        }));
    }
    println!("spawned {} tasks", handles.len());
    let mut sum = 0;
    for h in handles {
        sum += h.await.unwrap();
    }
    println!("sum {sum} after {} ms", start.elapsed().as_millis());
}
