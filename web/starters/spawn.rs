use tokio::time::{sleep, Duration};

async fn work(name: &str, secs: u64) -> String {
    sleep(Duration::from_secs(secs)).await;
    println!("{} done after {}s.", name, secs);
    format!("{} result", name)
}

#[tokio::main]
async fn main() {
    // Spawned tasks start running at once, on their own; the JoinHandles wait for their results.
    let a = tokio::spawn(work("task A", 2));
    let b = tokio::spawn(work("task B", 1));
    println!("Both tasks are running; main awaits their JoinHandles.");

    let result_a = a.await.unwrap();
    let result_b = b.await.unwrap();
    println!("Got {} and {}.", result_a, result_b);
}
