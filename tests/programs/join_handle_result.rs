use tokio::time::{sleep, Duration};

async fn compute(x: u64) -> u64 {
    sleep(Duration::from_millis(x * 10)).await;
    x * x
}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(compute(7));
    println!("spawned");
    let result = handle.await;
    println!("{:?}", result);
    let value = result.unwrap();
    println!("7 squared is {value}");
}
