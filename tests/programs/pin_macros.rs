use std::pin::pin;
use tokio::time::{sleep, Duration};

async fn work(name: &str, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await;
    format!("{name} after {ms} ms")
}

#[tokio::main]
async fn main() {
    let slow = pin!(work("slow", 100));
    let mut slow = slow;
    let mut ticks = 0;
    loop {
        tokio::select! {
            out = &mut slow => {
                println!("{out}");
                break;
            }
            _ = sleep(Duration::from_millis(30)) => {
                ticks += 1;
                println!("tick {ticks}");
            }
        }
    }

    tokio::pin! {
        let quick = work("quick", 10);
    }
    println!("{}", (&mut quick).await);

    let boxed = Box::pin(work("boxed", 5));
    println!("{}", boxed.await);
}
