use tokio::time::{sleep, Duration};

async fn named_sleep(name: &str, ms: u64) -> &str {
    sleep(Duration::from_millis(ms)).await;
    println!("{name} woke at {ms} ms");
    name
}

#[tokio::main]
async fn main() {
    // Three timers due at the same instant: who prints first?
    let r = tokio::join!(
        named_sleep("a", 100),
        named_sleep("b", 100),
        named_sleep("c", 100),
    );
    println!("{:?}", r);
    let handles = vec![
        tokio::spawn(named_sleep("t1", 50)),
        tokio::spawn(named_sleep("t2", 50)),
    ];
    for h in handles {
        h.await.unwrap();
    }
}
