// Mistake: `{}` needs Display, which Vec does not have (use `{:?}`).
use tokio::time::{sleep, Duration};

async fn fetch_ids() -> Vec<u32> {
    sleep(Duration::from_millis(100)).await;
    vec![1, 2, 3]
}

#[tokio::main]
async fn main() {
    let ids = fetch_ids().await;
    println!("ids: {}", ids);
}
