use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (_tx, mut rx) = mpsc::channel(1);
    println!("waiting for a message that never comes");
    // `_tx` is still alive (and idle), so recv() waits forever: the program hangs.
    let msg: Option<String> = rx.recv().await;
    println!("got {:?}", msg);
}
