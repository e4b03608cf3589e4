use tokio::time::{sleep, Duration};

async fn background(id: u32, ms: u64) {
    println!("task {id} started");
    sleep(Duration::from_millis(ms)).await;
    println!("task {id} finished after {ms} ms");
}

#[tokio::main]
async fn main() {
    tokio::spawn(background(1, 50));
    tokio::spawn(background(2, 500));
    sleep(Duration::from_millis(100)).await;
    println!("main returns: the runtime shuts down and drops task 2");
}
