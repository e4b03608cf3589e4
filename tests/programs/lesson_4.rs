use tokio::time::{sleep, Duration};

async fn my_task() {
    sleep(Duration::from_secs(1)).await;
    println!("This line will never be printed.");
}

#[tokio::main]
async fn main() {
    println!("Starting program.");

    // We call the async function, but we don't await its Future.
    // The Future is created but immediately dropped.
    my_task();

    println!("Finished program.");
    // The program ends immediately, and 'my_task' never runs.
}
