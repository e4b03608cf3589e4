// Mistake: a counter incremented in a loop, declared without `mut`.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let done = 0;
    for ms in [100, 200, 300] {
        sleep(Duration::from_millis(ms)).await;
        done += 1;
    }
    println!("{} timers done", done);
}
