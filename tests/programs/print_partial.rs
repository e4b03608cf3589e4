use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    print!("loading");
    for _ in 0..3 {
        sleep(Duration::from_millis(100)).await;
        print!(".");
    }
    println!(" done");
    println!("two\nlines");
    print!("no newline at the end");
}
