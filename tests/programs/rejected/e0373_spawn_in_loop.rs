// Mistake: each task spawned in the loop borrows the loop variable `id` instead of moving it in.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let mut handles = Vec::new();
    for id in 1..=3 {
        handles.push(tokio::spawn(async {
            sleep(Duration::from_millis(100)).await;
            println!("task {} done", id);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
