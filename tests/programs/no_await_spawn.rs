use tokio::time::{sleep, Duration};

async fn my_task() {
    sleep(Duration::from_secs(1)).await;
    println!("This line will never be printed.");
}

#[tokio::main]
async fn main() {
    println!("Starting program.");

    // The fix: hand the future to the runtime instead of dropping it.
    tokio::spawn(my_task());

    println!("Finished program.");
    // main returns at once: Tokio shuts the runtime down and drops my_task before its sleep ends.
}
