// Mistake: the task prints `name` by reference; tokio::spawn needs a task that owns what it uses.
use tokio::time::{sleep, Duration};

async fn fetch_user_data() -> String {
    sleep(Duration::from_secs(1)).await;
    "User".to_string()
}

#[tokio::main]
async fn main() {
    let name = fetch_user_data().await;
    let greeter = tokio::spawn(async {
        println!("Hello, {}!", name);
    });
    greeter.await.unwrap();
}
