#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::watch::channel(0u8);
    tx.send(1).unwrap();
    rx.changed().unwrap();
    println!("{}", *rx.borrow());
}
// rustc 1.95: E0599@5
