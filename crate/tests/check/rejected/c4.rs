use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let items = vec![1, 2, 3];
    items.iter().for_each(|i| {
        sleep(Duration::from_millis(*i)).await;
    });
    let count = 0;
    for i in items {
        count += i;
    }
    println!("{count}");
}
// rustc 1.95: E0728@6
