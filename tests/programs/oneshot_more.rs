use tokio::sync::oneshot;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = oneshot::channel::<u32>();
    println!("try_recv before send: {:?}", rx.try_recv());
    println!("is_empty: {}", rx.is_empty());
    tx.send(3).unwrap();
    println!("is_empty after send: {}", rx.is_empty());
    println!("try_recv after send: {:?}", rx.try_recv());
    println!("try_recv again: {:?}", rx.try_recv());

    let (mut tx, rx) = oneshot::channel::<u32>();
    let watcher = tokio::spawn(async move {
        tx.closed().await;
        println!("receiver went away: {}", tx.is_closed());
    });
    sleep(Duration::from_millis(20)).await;
    drop(rx);
    watcher.await.unwrap();

    let (tx, mut rx) = oneshot::channel::<u32>();
    rx.close();
    println!("send after close: {:?}", tx.send(1));
    println!("await after close: {:?}", rx.await);

    let (tx, rx) = oneshot::channel::<&str>();
    tokio::spawn(async move {
        sleep(Duration::from_millis(5)).await;
        let _ = tx.send("done");
    });
    tokio::select! {
        v = rx => println!("got {v:?}"),
        _ = sleep(Duration::from_millis(50)) => println!("timeout"),
    }
}
