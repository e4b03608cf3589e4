use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        println!("long task started");
        sleep(Duration::from_secs(10)).await;
        println!("long task finished (never printed)");
    });
    sleep(Duration::from_millis(100)).await;
    handle.abort();
    let result = handle.await;
    println!("{:?}", result);
    match result {
        Ok(()) => println!("finished"),
        Err(e) => println!("error: {}", e),
    }
}
