use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let names = Arc::new(RwLock::new(Vec::new()));
    let mut handles = Vec::new();
    for i in 0..4u64 {
        let counter = Arc::clone(&counter);
        let names = names.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(10 * (4 - i))).await;
            {
                let mut n = counter.lock().unwrap();
                *n += 1;
                println!("task {i} sees {}", *n);
            }
            names.write().unwrap().push(format!("t{i}"));
        }));
    }
    println!("strong count while tasks run: {}", Arc::strong_count(&counter));
    for h in handles {
        h.await.unwrap();
    }
    println!("strong count after: {}", Arc::strong_count(&counter));
    println!("total {}", *counter.lock().unwrap());
    println!("{:?}", counter);
    println!("{:?}", names.read().unwrap());

    let guard = counter.lock().unwrap();
    println!("locked: {:?} try_lock ok: {}", counter, counter.try_lock().is_ok());
    drop(guard);
    println!("after drop try_lock ok: {}", counter.try_lock().is_ok());

    let shared = Arc::new(String::from("hello"));
    let other = Arc::clone(&shared);
    println!("{} {} {}", shared, other.len(), Arc::ptr_eq(&shared, &other));
    let m = Mutex::new(vec![1, 2]);
    m.lock().unwrap().push(3);
    println!("{:?}", m.into_inner().unwrap());
}
