use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(0));
    let d = data.clone();
    let h = tokio::spawn(async move {
        {
            let mut g = d.lock().unwrap();
            *g += 1;
        }
        sleep(Duration::from_millis(1)).await;
        let v = *d.lock().unwrap();
        println!("{v}");
    });
    h.await.unwrap();
    let d2 = data.clone();
    tokio::spawn(async move {
        let mut g = d2.lock().unwrap();
        *g += 1;
        drop(g);
        sleep(Duration::from_millis(1)).await;
    }).await.unwrap();
    let mut guard = data.lock().unwrap();
    *guard += 1;
    println!("{}", *guard);
}
// rustc 1.95: -@19
