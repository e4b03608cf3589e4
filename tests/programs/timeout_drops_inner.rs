use tokio::time::{sleep, timeout, Duration};

async fn chatty(ms: u64) -> u64 {
    println!("chatty({ms}) polled for the first time");
    sleep(Duration::from_millis(ms)).await;
    println!("chatty({ms}) finished");
    ms
}

#[tokio::main]
async fn main() {
    for ms in vec![50, 150] {
        match timeout(Duration::from_millis(100), chatty(ms)).await {
            Ok(v) => println!("in time: {v}"),
            Err(e) => println!("too slow: {e}"),
        }
    }
    sleep(Duration::from_millis(200)).await;
    println!("the slow one never finished");
}
