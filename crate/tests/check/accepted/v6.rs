use tokio::time::{sleep, Duration, Instant};
use std::sync::Arc;
use tokio::sync::Mutex;

struct Counter { n: u64 }
impl Counter {
    async fn bump(&mut self) { self.n += 1; sleep(Duration::from_millis(1)).await; }
}

async fn run(c: Arc<Mutex<Counter>>) {
    let mut g = c.lock().await;
    g.bump().await;
}

async fn compute(x: u64) -> u64 { x * 2 }

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let c = Arc::new(Mutex::new(Counter { n: 0 }));
    let hs: Vec<_> = (0..3).map(|_| tokio::spawn(run(c.clone()))).collect();
    for h in hs { h.await.unwrap(); }
    println!("{}", c.lock().await.n);
    let futs = vec![compute(1), compute(2)];
    let outs = futures::future::join_all(futs).await;
    println!("{:?} {:?}", outs, start.elapsed() > Duration::ZERO);
    let f = compute(5);
    let r = f.await;
    println!("{r}");
    let mut interval = tokio::time::interval(Duration::from_millis(2));
    for _ in 0..2 { interval.tick().await; }
    let task = tokio::spawn(async { 42 });
    let out = task.await.unwrap();
    println!("{out}");
    let msg = String::from("m");
    let handle = tokio::spawn(async move {
        sleep(Duration::from_millis(1)).await;
        msg.len()
    });
    println!("{}", handle.await.unwrap());
    let v: Vec<u64> = Vec::new();
    let total: u64 = v.iter().copied().sum();
    println!("{total}");
    let name = "static str";
    tokio::spawn(async move { println!("{name}"); }).await.unwrap();
}
