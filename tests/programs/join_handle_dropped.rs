use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    // Dropping a JoinHandle does not cancel its task: the task is detached and keeps running.
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("detached task still ran");
    });
    drop(handle);
    sleep(Duration::from_millis(200)).await;

    // Aborting a task that already finished changes nothing.
    let done = tokio::spawn(async { 5 });
    sleep(Duration::from_millis(10)).await;
    done.abort();
    println!("{:?}", done.await);
}
