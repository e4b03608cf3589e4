use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    // Both branches are ready at the same time. With `biased;`, select! checks them
    // top to bottom, so the first one always wins.
    for round in 1..=3 {
        let winner = tokio::select! {
            biased;
            _ = sleep(Duration::from_millis(100)) => "first",
            _ = sleep(Duration::from_millis(100)) => "second",
        };
        println!("round {round}: {winner} wins");
    }
}
