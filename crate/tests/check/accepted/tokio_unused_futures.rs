// An unawaited lock or permit is only a warning (`unused_must_use`): rustc runs the program.
use std::sync::Arc;
use tokio::sync::{Mutex, RwLock, Semaphore};

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(1));
    sem.acquire();
    let m = Mutex::new(1u8);
    m.lock();
    let rw = RwLock::new(vec![1u8]);
    rw.read();
    let g = rw.write().await;
    println!("{} {}", g.len(), *m.lock().await);
    drop(g);
    let n = *rw.read().await.first().unwrap();
    println!("{n}");
}
