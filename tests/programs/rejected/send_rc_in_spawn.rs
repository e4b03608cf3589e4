// Mistake: an Rc is moved into a spawned task; Rc is not Send, use Arc.
use std::rc::Rc;

#[tokio::main]
async fn main() {
    let shared = Rc::new(vec![1, 2, 3]);
    let handle = tokio::spawn(async move {
        println!("task sees {:?}", shared);
    });
    handle.await.unwrap();
}
