use tokio::sync::Semaphore;
use tokio::time::{sleep, Duration};

async fn job(sem: &Semaphore, id: u32) {
    let permit = sem.acquire().await.unwrap();
    println!("job {id} starts ({} permits left)", sem.available_permits());
    sleep(Duration::from_millis(100)).await;
    println!("job {id} ends");
    drop(permit);
}

#[tokio::main]
async fn main() {
    let sem = Semaphore::new(2);
    tokio::join!(job(&sem, 1), job(&sem, 2), job(&sem, 3), job(&sem, 4), job(&sem, 5));
    println!("all done, {} permits", sem.available_permits());

    let p = sem.try_acquire().unwrap();
    let q = sem.try_acquire_many(2);
    println!("try_acquire_many(2): {:?}", q.is_err());
    p.forget();
    println!("after forget: {}", sem.available_permits());
    sem.add_permits(3);
    println!("after add_permits(3): {}", sem.available_permits());
    sem.close();
    println!("closed: {}", sem.is_closed());
    match sem.acquire().await {
        Ok(_) => println!("acquired"),
        Err(e) => println!("acquire failed: {e} / {e:?}"),
    }
    match sem.try_acquire() {
        Ok(_) => println!("acquired"),
        Err(e) => println!("try_acquire failed: {e} / {e:?}"),
    };
}
