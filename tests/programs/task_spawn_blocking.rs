use std::time::Duration;
use tokio::task;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let ticker = tokio::spawn(async {
        for i in 1..=3 {
            sleep(Duration::from_millis(100)).await;
            println!("tick {i}");
        }
    });

    // On the blocking pool: its std::thread::sleep does not stop the ticks.
    let blocking = task::spawn_blocking(|| {
        println!("blocking work starts");
        std::thread::sleep(Duration::from_millis(250));
        println!("blocking work ends");
        42
    });

    println!("finished yet? {}", blocking.is_finished());
    let answer = blocking.await.unwrap();
    println!("answer = {answer}");
    ticker.await.unwrap();
}
