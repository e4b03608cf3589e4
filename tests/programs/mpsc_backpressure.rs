use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    // Capacity 1: the producer waits whenever the buffer is full.
    let (tx, mut rx) = mpsc::channel(1);
    let producer = tokio::spawn(async move {
        for i in 1..=4 {
            println!("sending {i}");
            tx.send(i).await.unwrap();
            println!("sent {i}");
        }
    });
    for _ in 0..4 {
        sleep(Duration::from_millis(50)).await;
        let v = rx.recv().await;
        println!("received {:?}", v);
    }
    producer.await.unwrap();
    println!("{:?}", rx.recv().await);
}
