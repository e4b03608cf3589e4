use tokio::sync::{mpsc, oneshot, Mutex};
use std::sync::Arc;

async fn worker(id: u32, tx: mpsc::Sender<String>) {
    tx.send(format!("worker {id}")).await.unwrap();
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(10);
    for id in 0..3 {
        let tx = tx.clone();
        tokio::spawn(worker(id, tx));
    }
    drop(tx);
    while let Some(msg) = rx.recv().await {
        println!("{msg}");
    }
    let (otx, orx) = oneshot::channel::<u32>();
    tokio::spawn(async move {
        let _ = otx.send(5);
    });
    let v = orx.await.unwrap();
    println!("{v}");
    let counter = Arc::new(Mutex::new(0));
    let c = counter.clone();
    let h = tokio::spawn(async move {
        let mut g = c.lock().await;
        *g += 1;
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        *g += 1;
    });
    h.await.unwrap();
    println!("{}", *counter.lock().await);
}
