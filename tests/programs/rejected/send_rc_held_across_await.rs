// Mistake: an Rc lives across an `.await` inside a spawned task, so the task's future is not Send.
use std::rc::Rc;
use tokio::task::yield_now;

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let rc = Rc::new("hello");
        yield_now().await;
        println!("{}", rc);
    })
    .await
    .unwrap();
}
