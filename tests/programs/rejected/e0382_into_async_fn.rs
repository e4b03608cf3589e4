// Mistake: calling the async fn moves `order` into its future; main uses `order` after that.
use tokio::time::{sleep, Duration};

async fn ship(order: String) {
    sleep(Duration::from_millis(100)).await;
    println!("shipped {}", order);
}

#[tokio::main]
async fn main() {
    let order = String::from("order #1");
    let shipping = ship(order);
    println!("shipping {}", order);
    shipping.await;
}
