use std::sync::Arc;
use tokio::sync::Mutex;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();

    // main holds the lock while five tasks queue for it: they get it in the order they asked.
    let guard = count.lock().await;
    for i in 0..5 {
        let count = Arc::clone(&count);
        handles.push(tokio::spawn(async move {
            println!("task {i} waits");
            let mut n = count.lock().await;
            *n += 1;
            println!("task {i} got the lock, count = {}", *n);
            sleep(Duration::from_millis(10)).await;
        }));
    }
    sleep(Duration::from_millis(50)).await;
    println!("try_lock while held: {}", count.try_lock().is_err());
    drop(guard);
    println!("main released the lock");

    for h in handles {
        h.await.unwrap();
    }
    let n = count.lock().await;
    println!("final count = {n}, {:?}", *n);
    drop(n);
    println!("{:?}", count.try_lock().map(|g| *g));
}
