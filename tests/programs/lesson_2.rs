use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    println!("Start of program.");

    // The program pauses here for 2 seconds without blocking the thread.
    sleep(Duration::from_secs(2)).await;

    println!("End of program after waiting.");
}
