use std::rc::Rc;
use tokio::time::{sleep, Duration};
#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let rc = Rc::new("hello");
        sleep(Duration::from_millis(10)).await;
        println!("{}", rc);
    }).await.unwrap();
}
// rustc 1.95: -@5
