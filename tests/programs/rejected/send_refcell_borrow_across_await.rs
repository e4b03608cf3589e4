// Mistake: a RefCell borrow is still alive at an `.await` inside a spawned task.
use std::cell::RefCell;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let visits = RefCell::new(Vec::new());
        let mut list = visits.borrow_mut();
        list.push("home");
        sleep(Duration::from_millis(10)).await;
        list.push("about");
        println!("{:?}", list);
    });
    handle.await.unwrap();
}
