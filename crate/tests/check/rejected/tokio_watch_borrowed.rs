use std::time::Duration;

#[tokio::main]
async fn main() {
    let (tx, rx0) = tokio::sync::watch::channel(0u32);
    let mut rx = rx0.clone();
    let watcher = tokio::spawn(async {
        while rx.changed().await.is_ok() {
            println!("sees {}", *rx.borrow());
        }
    });
    tokio::time::sleep(Duration::from_millis(5)).await;
    tx.send(1).unwrap();
    drop(tx);
    watcher.await.unwrap();
}
// rustc 1.95: E0373@7
