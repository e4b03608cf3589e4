use tokio::time::{sleep, Duration};

async fn sleep_task(i: u32) -> u32 {
    sleep(Duration::from_secs(1)).await;
    i
}

#[tokio::main]
async fn main() {
    println!("Spawning 1000 tasks, each sleeping 1s, all at once...");
    let mut handles = Vec::new();
    for i in 0..1000 {
        handles.push(tokio::spawn(sleep_task(i)));
    }

    let mut finished = 0;
    for handle in handles {
        handle.await.unwrap();
        finished += 1;
    }
    println!("All {} tasks finished: about one sleep's time, not {} sleeps.", finished, finished);
}
