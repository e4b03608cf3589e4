use tokio::time::{sleep, Duration};

async fn save(n: u32) -> u32 {
    sleep(Duration::from_millis(10)).await;
    println!("saved {n}");
    n
}

#[tokio::main]
async fn main() {
    let unused = 5;
    save(1);
    let kept = save(2);
    save(3).await;
    let mut count = 0;
    println!("count is {count}");
}
