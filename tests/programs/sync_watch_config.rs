use tokio::sync::watch;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = watch::channel("v1");
    let mut rx2 = rx.clone();

    let watcher = tokio::spawn(async move {
        while rx.changed().await.is_ok() {
            let now = *rx.borrow_and_update();
            println!("watcher sees {now}");
        }
        println!("watcher: sender gone");
    });

    sleep(Duration::from_millis(10)).await;
    tx.send("v2").unwrap();
    // Two sends before the watcher runs: it only sees the latest.
    sleep(Duration::from_millis(10)).await;
    tx.send("v3").unwrap();
    tx.send("v4").unwrap();
    sleep(Duration::from_millis(10)).await;

    println!("rx2 has changed: {:?}", rx2.has_changed());
    println!("rx2 borrow: {}", *rx2.borrow());
    println!("rx2 has changed: {:?}", rx2.has_changed());
    println!("rx2 borrow_and_update: {}", *rx2.borrow_and_update());
    println!("rx2 has changed: {:?}", rx2.has_changed());
    let old = tx.send_replace("v5");
    println!("replaced {old}, receivers: {}", tx.receiver_count());
    drop(tx);
    watcher.await.unwrap();
    println!("rx2 after close: {:?}", rx2.has_changed().is_err());
}
