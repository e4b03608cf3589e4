// Mistake: the Sender moved into the first producer; the second producer needs its own clone.
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        tx.send("from the first task").await.unwrap();
    });
    tokio::spawn(async move {
        tx.send("from the second task").await.unwrap();
    });
    while let Some(msg) = rx.recv().await {
        println!("got {}", msg);
    }
}
