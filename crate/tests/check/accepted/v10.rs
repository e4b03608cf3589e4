use std::sync::Arc;
use tokio::sync::{mpsc, Semaphore, Notify, RwLock};
use tokio::task::JoinSet;

async fn job(id: usize, sem: Arc<Semaphore>) -> usize {
    let _permit = sem.acquire().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    id
}

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(2));
    let mut set = JoinSet::new();
    for id in 0..4 {
        set.spawn(job(id, sem.clone()));
    }
    while let Some(r) = set.join_next().await {
        println!("{}", r.unwrap());
    }
    let notify = Arc::new(Notify::new());
    let n2 = notify.clone();
    let h = tokio::spawn(async move { n2.notified().await; 1 });
    notify.notify_one();
    println!("{}", h.await.unwrap());
    let lock = Arc::new(RwLock::new(vec![1]));
    {
        let mut w = lock.write().await;
        w.push(2);
    }
    println!("{:?}", *lock.read().await);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let producer = tokio::spawn(async move {
        for i in 0..3 { tx.send(i).unwrap(); }
    });
    producer.await.unwrap();
    let mut got = vec![];
    while let Ok(v) = rx.try_recv() { got.push(v); }
    println!("{:?}", got);
    let name = String::from("n");
    let greet = |prefix: &str| format!("{prefix} {name}");
    println!("{}", greet("hi"));
    println!("{name}");
    let nums = vec![1, 2, 3];
    let handle = std::thread::spawn(move || nums.iter().sum::<i32>());
    println!("{}", handle.join().unwrap());
    let shared = Arc::new(std::sync::Mutex::new(0));
    let s2 = Arc::clone(&shared);
    tokio::task::spawn_blocking(move || {
        *s2.lock().unwrap() += 1;
    }).await.unwrap();
    println!("{}", shared.lock().unwrap());
}
