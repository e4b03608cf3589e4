use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);

    tokio::spawn(async move {
        for i in 1..4 {
            sleep(Duration::from_millis(500)).await;
            println!("Sending {}.", i);
            tx.send(i).await.unwrap();
        }
        // tx is dropped here: once every sender is gone, the channel closes.
    });

    while let Some(value) = rx.recv().await {
        println!("Received {}.", value);
    }
    println!("The channel is closed: recv() returned None.");
}
