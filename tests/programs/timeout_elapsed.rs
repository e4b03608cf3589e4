use tokio::time::{sleep, timeout, Duration};

async fn slow_answer() -> u32 {
    sleep(Duration::from_secs(5)).await;
    println!("slow_answer finished (never printed)");
    42
}

#[tokio::main]
async fn main() {
    let result = timeout(Duration::from_millis(250), slow_answer()).await;
    println!("{:?}", result);
    match result {
        Ok(v) => println!("got {v}"),
        Err(_) => println!("gave up after 250 ms"),
    }
}
