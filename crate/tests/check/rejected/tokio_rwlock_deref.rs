use std::sync::Arc;
use tokio::sync::RwLock;

#[tokio::main]
async fn main() {
    let rw = Arc::new(RwLock::new(0u32));
    let rw2 = rw.clone();
    tokio::spawn(async move {
        let mut w = rw2.write().await;
        *w += 1;
    })
    .await
    .unwrap();
    println!("finally {}", *rw.read());
}
// rustc 1.95: E0614@14
