// Mistake: `sleep` takes a Duration, not a number of milliseconds.
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    println!("waiting half a second");
    sleep(500).await;
    println!("done");
}
