// Mistake: `.await` inside a (non-async) closure passed to `map`.
use tokio::time::{sleep, Duration};

async fn double(n: u64) -> u64 {
    sleep(Duration::from_millis(n)).await;
    n * 2
}

#[tokio::main]
async fn main() {
    let doubled: Vec<u64> = vec![1, 2, 3].into_iter().map(|n| double(n).await).collect();
    println!("{:?}", doubled);
}
