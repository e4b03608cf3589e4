use tokio::time::{sleep, Duration};

async fn leaf(name: &str, ms: u64) -> u64 {
    println!("  {name} starts");
    sleep(Duration::from_millis(ms)).await;
    println!("  {name} done after {ms} ms");
    ms
}

async fn middle(name: &str) -> u64 {
    println!(" {name} starts");
    let a = leaf("leaf 1", 100).await;
    let b = leaf("leaf 2", 200).await;
    println!(" {name} done");
    a + b
}

async fn top() -> u64 {
    println!("top starts");
    let (x, y) = tokio::join!(middle("left"), middle("right"));
    println!("top done");
    x + y
}

#[tokio::main]
async fn main() {
    let total = top().await;
    println!("total: {total}");
}
