// The rest of sync's methods: blocking_acquire on the blocking pool, watch's wait_for and
// sender_count, RwLock::with_max_readers, MutexGuard::mutex, mpsc try_reserve_many/reserve_many
// and OwnedPermit::release.
use std::sync::Arc;
use tokio::sync::{mpsc, watch, Mutex, MutexGuard, RwLock, Semaphore};
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(1));
    let held = sem.clone().acquire_owned().await.unwrap();
    let s2 = sem.clone();
    let blocking = tokio::task::spawn_blocking(move || {
        let p = s2.blocking_acquire().unwrap();
        println!("blocking thread got {} permit", p.num_permits());
    });
    tokio::task::yield_now().await;
    println!("releasing");
    drop(held);
    blocking.await.unwrap();

    let (tx, mut rx) = watch::channel(0);
    let tx2 = tx.clone();
    println!("senders: {}", tx.sender_count());
    tokio::spawn(async move {
        for i in 1..=5 {
            sleep(Duration::from_millis(10)).await;
            tx2.send(i).unwrap();
        }
    });
    let v = *rx.wait_for(|v| *v >= 3).await.unwrap();
    println!("waited for {v}");
    drop(tx);
    let lone = watch::Sender::new(7);
    println!("a lone sender: {} receivers, value {}", lone.receiver_count(), *lone.borrow());

    let lock = Arc::new(RwLock::with_max_readers(1, 2));
    let r1 = lock.read().await;
    let r2 = lock.read().await;
    println!("third reader? {}", lock.try_read().is_ok());
    drop((r1, r2));

    let m = Mutex::new(5);
    let g = m.lock().await;
    let again = MutexGuard::mutex(&g);
    println!("locked while held? {}", again.try_lock().is_ok());
    drop(g);

    let (ctx, mut crx) = mpsc::channel::<u32>(3);
    let mut permits = ctx.try_reserve_many(2).unwrap();
    println!("capacity left {}", ctx.capacity());
    permits.next().unwrap().send(1);
    permits.next().unwrap().send(2);
    println!("four at once? {:?}", ctx.try_reserve_many(4).err());
    let owned = ctx.clone().reserve_owned().await.unwrap();
    let back = owned.release();
    println!("after release {}", back.capacity());
    let mut more = ctx.reserve_many(1).await.unwrap();
    more.next().unwrap().send(3);
    while let Ok(v) = crx.try_recv() {
        println!("got {v}");
    }
}
