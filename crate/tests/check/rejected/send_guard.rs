use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let data = Arc::new(Mutex::new(0));
    let d = data.clone();
    let h = tokio::spawn(async move {
        let mut guard = d.lock().unwrap();
        *guard += 1;
        sleep(Duration::from_millis(10)).await;
    });
    h.await.unwrap();
}
// rustc 1.95: -@7
