use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    println!("Start of program.");

    // What if the .await is removed? The sleep future is created and dropped at once.
    sleep(Duration::from_secs(2));

    println!("End of program after waiting.");
}
