// Your own types with shared state: a struct holding `Arc<Mutex<..>>`, cloned into tasks, whose
// `&self` methods lock it; `#[derive(Default, Debug)]` on the state.
use std::sync::{Arc, Mutex};
use tokio::time::{sleep, Duration};

#[derive(Debug, Default)]
struct Stats {
    hits: u32,
    misses: u32,
    log: Vec<String>,
}

#[derive(Clone)]
struct Cache {
    inner: Arc<Mutex<Stats>>,
}

impl Cache {
    fn new() -> Self {
        Cache {
            inner: Arc::new(Mutex::new(Stats::default())),
        }
    }

    fn hit(&self, who: u64) {
        let mut s = self.inner.lock().unwrap();
        s.hits += 1;
        s.log.push(format!("hit {who}"));
    }

    fn miss(&self, who: u64) {
        let mut s = self.inner.lock().unwrap();
        s.misses += 1;
        s.log.push(format!("miss {who}"));
    }

    fn report(&self) -> String {
        let s = self.inner.lock().unwrap();
        format!("{} hits, {} misses", s.hits, s.misses)
    }
}

#[tokio::main]
async fn main() {
    let cache = Cache::new();
    let mut handles = Vec::new();
    for i in 0..4u64 {
        let c = cache.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(40 - 10 * i)).await;
            if i % 2 == 0 {
                c.hit(i);
            } else {
                c.miss(i);
            }
            println!("task {i} done: {}", c.report());
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("{}", cache.report());
    println!("owners: {}", Arc::strong_count(&cache.inner));
    println!("{:#?}", cache.inner.lock().unwrap());
}
