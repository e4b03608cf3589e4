use tokio::task::yield_now;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        println!("spawned task runs");
    });
    tokio::spawn(async {
        sleep(Duration::from_millis(0)).await;
        println!("task after sleep(0)");
    });
    yield_now().await;
    println!("main after yield_now");
    sleep(Duration::from_millis(1)).await;
    println!("main after sleep(1 ms)");
}
