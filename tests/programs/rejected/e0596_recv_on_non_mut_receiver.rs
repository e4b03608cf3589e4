// Mistake: `recv` takes `&mut self`, but the receiver was bound without `mut`.
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(async move {
        for i in 0..3 {
            tx.send(i).await.unwrap();
        }
    });
    while let Some(n) = rx.recv().await {
        println!("got {}", n);
    }
}
