// Mistake: a future is passed where a String is expected (the `.await` was forgotten).
use tokio::time::{sleep, Duration};

async fn fetch_name() -> String {
    sleep(Duration::from_millis(300)).await;
    "Ferris".to_string()
}

fn greet(name: String) {
    println!("Hello, {}!", name);
}

#[tokio::main]
async fn main() {
    greet(fetch_name());
}
