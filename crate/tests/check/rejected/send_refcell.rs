use std::cell::RefCell;
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    let h = tokio::spawn(async move {
        let cell = RefCell::new(1);
        let b = cell.borrow_mut();
        sleep(Duration::from_millis(10)).await;
        println!("{}", b);
    });
    h.await.unwrap();
}
// rustc 1.95: -@5 -@5
