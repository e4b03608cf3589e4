#[tokio::main]
async fn main() {
    sleep(Duration::from_millis(10)).await;
    tokio::time::sleep(Duration::from_millis(10)).await;
}
// rustc 1.95: E0425@3 E0433@3 E0433@4
