use std::future::poll_fn;
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (mut tx, rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        drop(rx);
    });
    poll_fn(|cx| tx.poll_closed(cx)).await;
    println!("the receiver dropped");

    let mut set = JoinSet::new();
    for i in 0..3u64 {
        set.spawn(async move {
            sleep(Duration::from_millis(30 - i * 10)).await;
            i
        });
    }
    while let Some(res) = poll_fn(|cx| set.poll_join_next(cx)).await {
        println!("joined {}", res.unwrap());
    }
}
