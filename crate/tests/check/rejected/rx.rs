use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<i32>(8);
    tokio::spawn(async move {
        tx.send(1).await.unwrap();
    });
    while let Some(x) = rx.recv().await {
        println!("{x}");
    }
}
// rustc 1.95: E0596@8
