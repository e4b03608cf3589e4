use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(10)).await;
        panic!("boom");
    });
    let result = handle.await;
    println!("main is still running");
    match result {
        Ok(()) => println!("no panic"),
        Err(e) => println!("the task failed: {}", e),
    }
}
