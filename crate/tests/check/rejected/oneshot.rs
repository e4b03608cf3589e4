use tokio::sync::oneshot;
#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        tx.send(1).unwrap();
        tx.send(2).unwrap();
    });
    println!("{:?}", rx.await);
}
// rustc 1.95: E0382@7
