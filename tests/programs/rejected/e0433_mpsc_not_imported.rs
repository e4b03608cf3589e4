// Mistake: `mpsc::channel` without `use tokio::sync::mpsc`.
#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    tx.send(5).await.unwrap();
    println!("{:?}", rx.recv().await);
}
