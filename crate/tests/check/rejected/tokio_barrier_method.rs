use std::sync::Arc;
use tokio::sync::Barrier;

#[tokio::main]
async fn main() {
    let b = Arc::new(Barrier::new(1));
    let r = b.wait();
    println!("leader: {}", r.is_leader());
}
// rustc 1.95: E0599@8
