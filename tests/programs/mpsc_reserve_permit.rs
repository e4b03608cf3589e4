use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    println!("capacity {} of {}", tx.capacity(), tx.max_capacity());

    let permit = tx.reserve().await.unwrap();
    println!("reserved: capacity {}", tx.capacity());
    tx.try_send(1).unwrap();
    match tx.try_send(2) {
        Ok(()) => println!("sent 2"),
        Err(e) => println!("try_send: {e} / {e:?}"),
    }
    permit.send(3);

    let tx2 = tx.clone();
    let waiting = tokio::spawn(async move {
        println!("sender waits for room");
        tx2.send(4).await.unwrap();
        println!("sender sent 4");
    });
    sleep(Duration::from_millis(10)).await;
    match tx.send_timeout(5, Duration::from_millis(20)).await {
        Ok(()) => println!("send_timeout ok"),
        Err(e) => println!("send_timeout: {e} / {e:?}"),
    }

    let mut buf = Vec::new();
    let n = rx.recv_many(&mut buf, 10).await;
    println!("recv_many got {n}: {buf:?}");
    waiting.await.unwrap();
    println!("try_recv: {:?}", rx.try_recv());
    println!("try_recv: {:?}", rx.try_recv().is_err());

    let weak = tx.downgrade();
    println!("upgrade while alive: {}", weak.upgrade().is_some());
    drop(tx);
    println!("upgrade after drop: {}", weak.upgrade().is_none());
    println!("recv after all senders: {:?}", rx.recv().await);

    let (tx, rx) = mpsc::channel::<u32>(1);
    let closer = tokio::spawn(async move {
        sleep(Duration::from_millis(30)).await;
        drop(rx);
        println!("receiver dropped");
    });
    tx.closed().await;
    println!("closed: {}", tx.is_closed());
    closer.await.unwrap();
    println!("send after close: {:?}", tx.send(9).await.is_err());
}
