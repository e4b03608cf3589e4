use tokio::sync::oneshot;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        sleep(Duration::from_millis(30)).await;
        let found = false;
        if found {
            tx.send(7).unwrap();
        } else {
            println!("worker found nothing: it returns without sending");
        }
    });
    match rx.await {
        Ok(v) => println!("got {v}"),
        Err(e) => println!("error: {:?} / {}", e, e),
    }
}
