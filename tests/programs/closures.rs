use tokio::time::{sleep, timeout, Duration};

#[tokio::main]
async fn main() {
    // A closure that builds futures.
    let make_job = |id: u64, ms: u64| async move {
        sleep(Duration::from_millis(ms)).await;
        println!("job {id} done after {ms} ms");
        id * 10
    };

    let mut handles = Vec::new();
    for id in 1..=3 {
        handles.push(tokio::spawn(make_job(id, 400 - id * 100)));
    }
    for h in handles {
        println!("result {:?}", h.await);
    }

    let add = |a: u32, b: u32| a + b;
    println!("2 + 3 = {}", add(2, 3));

    let limit = Duration::from_millis(150);
    let r = timeout(limit, make_job(9, 200)).await;
    println!("timeout: {:?}", r);
}
