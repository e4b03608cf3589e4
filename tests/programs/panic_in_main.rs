use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    println!("about to fail");
    sleep(Duration::from_millis(20)).await;
    let items: Vec<u32> = Vec::new();
    if items.len() == 0 {
        panic!("no items after {} ms", 20);
    }
    println!("never printed");
}
