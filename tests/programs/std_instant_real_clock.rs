use std::time::Instant;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    sleep(Duration::from_millis(200)).await;
    let ms = start.elapsed().as_millis();
    // Real time is never exact: round down to tens of ms.
    println!("slept about {} ms", ms / 10 * 10);
    let waited_enough = start.elapsed() >= Duration::from_millis(200);
    println!("at least 200 ms: {waited_enough}");
}
