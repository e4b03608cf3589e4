// Mapped guards: a part of the locked value, with the lock still held.
use std::sync::Arc;
use tokio::sync::{Mutex, MutexGuard, RwLock, RwLockWriteGuard};
use tokio::time::{sleep, Duration};

#[derive(Debug, Default)]
struct Stats {
    hits: u32,
    names: Vec<String>,
}

#[tokio::main]
async fn main() {
    let stats = Arc::new(Mutex::new(Stats::default()));
    let other = Arc::clone(&stats);
    let waiter = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        let s = other.lock().await;
        println!("task sees {:?}", *s);
    });
    {
        let mut hits = MutexGuard::map(stats.lock().await, |s| &mut s.hits);
        *hits += 2;
        sleep(Duration::from_millis(50)).await;
        println!("hits = {}", *hits);
    }
    waiter.await.unwrap();
    let names = MutexGuard::try_map(stats.lock().await, |s| if s.names.is_empty() { None } else { Some(&mut s.hits) });
    println!("first name? {}", names.is_ok());

    let lock = RwLock::new((1, String::from("a")));
    {
        let mut s = RwLockWriteGuard::map(lock.write().await, |t| &mut t.1);
        s.push('b');
        println!("mapped: {}", *s);
    }
    let read = RwLockWriteGuard::downgrade_map(lock.write().await, |t| &t.0);
    println!("downgraded: {} and a reader: {:?}", *read, lock.try_read().is_ok());
}
