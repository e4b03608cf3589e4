use tokio::time::{sleep, timeout, Duration};

async fn slow_answer() -> u32 {
    sleep(Duration::from_secs(3)).await;
    println!("The slow answer is ready.");
    42
}

#[tokio::main]
async fn main() {
    match timeout(Duration::from_secs(1), slow_answer()).await {
        Ok(answer) => println!("Got {} in time.", answer),
        Err(_) => println!("Gave up after 1s: the slow future was dropped."),
    }

    let patient = timeout(Duration::from_secs(5), slow_answer()).await;
    println!("With a 5s limit: {:?}", patient);
}
