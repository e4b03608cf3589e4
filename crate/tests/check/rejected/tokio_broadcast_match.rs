#[tokio::main]
async fn main() {
    let (tx, _) = tokio::sync::broadcast::channel(4);
    let mut rx = tx.subscribe();
    tx.send(7).unwrap();
    match rx.recv() {
        Ok(v) => println!("got {v}"),
        Err(e) => println!("{e:?}"),
    }
}
// rustc 1.95: E0308@7 E0308@8
