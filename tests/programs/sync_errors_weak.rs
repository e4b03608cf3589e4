// Tokio's error variants in patterns and values; weak senders; a permit split and merged.
use std::sync::Arc;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::sync::mpsc::{self, error::TryRecvError};
use tokio::sync::{Semaphore, TryAcquireError};
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    let weak = tx.downgrade();
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    tx.send(1).unwrap();
    drop(tx);
    println!("{:?} then {:?}", rx.try_recv(), rx.try_recv());
    println!("upgrade after drop: {}", weak.upgrade().is_none());

    let (btx, mut brx) = broadcast::channel(2);
    let bweak = btx.downgrade();
    for i in 0..4 {
        btx.send(i).unwrap();
    }
    match brx.recv().await {
        Err(RecvError::Lagged(n)) => println!("lagged by {n}"),
        other => println!("got {other:?}"),
    }
    println!("strong {}, upgrade {}", btx.strong_count(), bweak.upgrade().is_some());

    let sem = Arc::new(Semaphore::new(3));
    let mut p = sem.try_acquire_many(3).unwrap();
    let q = p.split(1).unwrap();
    println!("{} + {}", p.num_permits(), q.num_permits());
    match sem.try_acquire() {
        Err(TryAcquireError::NoPermits) => println!("no permits: {}", TryAcquireError::NoPermits),
        _ => println!("?"),
    }
    p.merge(q);
    println!("merged {}", p.num_permits());
    drop(p);
    println!("available {}", sem.available_permits());

    let mut set: JoinSet<u32> = (0..3).map(|i| async move { i * 10 }).collect();
    set.extend((3..5).map(|i| async move { i * 10 }));
    let mut all = set.join_all().await;
    all.sort();
    let firsts: Vec<u32> = all.drain(..2).collect();
    println!("{firsts:?} {all:?}");
}
