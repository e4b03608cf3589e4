// Mistake: a trailing semicolon turns the last expression into a statement, so the fn returns ().
use tokio::time::{sleep, Duration};

async fn compute(n: u64) -> u64 {
    sleep(Duration::from_millis(n)).await;
    n * 2;
}

#[tokio::main]
async fn main() {
    println!("{}", compute(21).await);
}
