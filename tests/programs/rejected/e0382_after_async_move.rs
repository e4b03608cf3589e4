// Mistake: `user` was moved into the `async move` block, then main uses it again.
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let user = String::from("Ferris");
    let greeting = async move {
        sleep(Duration::from_millis(100)).await;
        println!("Hello, {}!", user);
    };
    println!("main still has {}", user);
    greeting.await;
}
