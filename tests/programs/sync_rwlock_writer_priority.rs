use std::sync::Arc;
use tokio::sync::RwLock;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let lock = Arc::new(RwLock::new(vec![1, 2, 3]));

    let r1 = lock.read().await;
    println!("reader 1 in: {:?}", *r1);

    let l = lock.clone();
    let writer = tokio::spawn(async move {
        println!("writer waits");
        let mut w = l.write().await;
        w.push(4);
        println!("writer pushed: {:?}", *w);
        sleep(Duration::from_millis(20)).await;
        println!("writer leaves");
    });

    let l = lock.clone();
    let reader2 = tokio::spawn(async move {
        sleep(Duration::from_millis(5)).await;
        println!("reader 2 waits (behind the writer)");
        let r = l.read().await;
        println!("reader 2 in: {:?}", *r);
    });

    sleep(Duration::from_millis(10)).await;
    println!("try_read while a writer waits: {}", lock.try_read().is_err());
    println!("reader 1 still sees {} items", r1.len());
    drop(r1);
    println!("reader 1 out");
    writer.await.unwrap();
    reader2.await.unwrap();

    let w = lock.try_write().unwrap();
    println!("try_write: {:?}", *w);
    drop(w);
    let r = lock.read().await;
    println!("len {}", r.len());
}
