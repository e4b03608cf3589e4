use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
    let tx2 = tx.clone();

    tokio::spawn(async move {
        for i in 0..3 {
            sleep(Duration::from_millis(100)).await;
            tx.send(format!("a{i}")).await.unwrap();
        }
        println!("sender a done");
    });
    tokio::spawn(async move {
        for i in 0..2 {
            sleep(Duration::from_millis(150)).await;
            tx2.send(format!("b{i}")).await.unwrap();
        }
        println!("sender b done");
    });

    // recv() returns None once every sender has been dropped.
    while let Some(msg) = rx.recv().await {
        println!("got {msg}");
    }
    println!("channel closed");
}
