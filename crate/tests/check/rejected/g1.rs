use std::sync::{Arc, Mutex};
#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let c = counter.clone();
    let h = tokio::spawn(async move {
        c.lock().unwrap() += 1;
    });
    h.await.unwrap();
}
// rustc 1.95: E0368@7
