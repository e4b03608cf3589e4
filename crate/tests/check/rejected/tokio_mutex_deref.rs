use tokio::sync::Mutex;

#[tokio::main]
async fn main() {
    let m = Mutex::new(5u64);
    let mut g = m.lock();
    *g += 1;
}
// rustc 1.95: E0614@7
