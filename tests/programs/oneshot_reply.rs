use tokio::sync::oneshot;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        sleep(Duration::from_millis(200)).await;
        println!("worker sending");
        tx.send(String::from("hello from the worker")).unwrap();
    });
    println!("waiting for the reply");
    let reply = rx.await;
    println!("{:?}", reply);
}
