use futures::FutureExt;
use tokio::time::{sleep, Duration};

async fn ping(ms: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    ms
}

#[tokio::main]
async fn main() {
    let first = futures::select! {
        a = ping(300).fuse() => format!("a after {a} ms"),
        b = ping(100).fuse() => format!("b after {b} ms"),
    };
    println!("{first}");
}
