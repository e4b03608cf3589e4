// Mistake: the spawned task borrows `v`, a local of main, instead of taking it with `async move`.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];

    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("Here's a vec: {:?}", v);
    });

    handle.await.unwrap();
}
