// Mistake: `unwrap` on the JoinHandle itself; the Result only exists after `.await`.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        7
    });
    let value = handle.unwrap();
    println!("{}", value);
}
