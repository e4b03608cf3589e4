use tokio::time::{sleep, Duration};

async fn slow() -> &'static str {
    sleep(Duration::from_millis(300)).await;
    println!("slow finished (this never prints)");
    "slow"
}

async fn fast() -> &'static str {
    sleep(Duration::from_millis(100)).await;
    println!("fast finished");
    "fast"
}

#[tokio::main]
async fn main() {
    let result = tokio::select! {
        s = slow() => s,
        f = fast() => f,
    };
    println!("winner: {result}");
    // Give the loser every chance to print: it was dropped, so it won't.
    sleep(Duration::from_millis(500)).await;
    println!("done");
}
