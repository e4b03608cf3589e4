use tokio::sync::broadcast;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx1) = broadcast::channel(2);
    let mut rx2 = tx.subscribe();
    println!("receivers: {}", tx.receiver_count());

    let fast = tokio::spawn(async move {
        while let Ok(v) = rx1.recv().await {
            println!("fast got {v}");
        }
        println!("fast: channel closed");
    });
    let slow = tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        loop {
            match rx2.recv().await {
                Ok(v) => println!("slow got {v}"),
                Err(e) => {
                    println!("slow: {e} ({e:?})");
                    if e.to_string() == "channel closed" {
                        break;
                    }
                }
            }
        }
    });

    for i in 1..=5 {
        let n = tx.send(i * 10).unwrap();
        println!("sent {} to {n} receivers", i * 10);
        sleep(Duration::from_millis(5)).await;
    }
    drop(tx);
    fast.await.unwrap();
    slow.await.unwrap();
}
