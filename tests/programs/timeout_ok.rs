use tokio::time::{sleep, timeout, Duration};

async fn quick() -> String {
    sleep(Duration::from_millis(40)).await;
    String::from("quick answer")
}

#[tokio::main]
async fn main() {
    let result = timeout(Duration::from_millis(100), quick()).await;
    println!("{:?}", result);
    let text = result.unwrap();
    println!("{}", text);
}
