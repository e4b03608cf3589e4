// Mistake: a generic fn prints its items with `{:?}` but does not ask for `T: Debug`.
use tokio::time::{sleep, Duration};

async fn log_all<T>(items: Vec<T>) {
    for item in items {
        sleep(Duration::from_millis(10)).await;
        println!("item: {:?}", item);
    }
}

#[tokio::main]
async fn main() {
    log_all(vec![1, 2, 3]).await;
}
