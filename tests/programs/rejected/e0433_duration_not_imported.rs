// Mistake: `Duration` is used without a `use` for it.
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    sleep(Duration::from_secs(1)).await;
    println!("one second later");
}
