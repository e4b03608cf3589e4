use tokio::time::{sleep, Duration, Instant};

async fn fetch(ms: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    ms
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    fetch(300).await;
    fetch(200).await;
    println!("sequential: {} ms", start.elapsed().as_millis());

    let start = Instant::now();
    let (a, b) = tokio::join!(fetch(300), fetch(200));
    println!("concurrent: {} ms (results {a}, {b})", start.elapsed().as_millis());
    println!("as seconds: {:.3}", start.elapsed().as_secs_f64());
    println!("debug: {:?}", start.elapsed());
}
