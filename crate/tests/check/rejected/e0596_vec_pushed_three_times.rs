use futures::future::join_all;
use tokio::time::{sleep, Duration};

async fn download(id: u32, ms: u64) -> String {
    println!("download {id} starts");
    sleep(Duration::from_millis(ms)).await;
    println!("download {id} finished after {ms} ms");
    format!("file{id}")
}

#[tokio::main]
async fn main() {
    let jobs = Vec::new();
    jobs.push(download(1, 300));
    jobs.push(download(2, 100));
    jobs.push(download(3, 200));
    println!("{} downloads queued, none started yet", jobs.len());
    let files = join_all(jobs).await;
    println!("{:?}", files);
}
// rustc 1.95: E0596@13
