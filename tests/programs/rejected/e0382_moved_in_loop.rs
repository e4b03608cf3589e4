// Mistake: the first iteration moves `config` into its task; the next iterations have nothing left.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let config = String::from("fast");
    let mut handles = Vec::new();
    for id in 0..3 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(10 * id)).await;
            println!("worker {} uses {}", id, config);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
