use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{broadcast, watch, mpsc};
use tokio::time::{timeout, Duration, Instant};

trait Service {
    async fn call(&self, x: u32) -> u32;
}
struct Doubler;
impl Service for Doubler {
    async fn call(&self, x: u32) -> u32 { x * 2 }
}
struct Handler { f: Box<dyn Fn(u32) -> u32 + Send + Sync> }
impl Handler {
    const LIMIT: u32 = 10;
    fn run(&self, x: u32) -> u32 { (self.f)(x).min(Self::LIMIT) }
}
fn first_word(s: &str) -> &str { s.split(' ').next().unwrap_or("") }
fn get<'a>(m: &'a HashMap<String, u32>, k: &str) -> Option<&'a u32> { m.get(k) }

#[tokio::main]
async fn main() {
    let d = Doubler;
    println!("{}", d.call(4).await);
    let h = Handler { f: Box::new(|x| x + 1) };
    println!("{}", h.run(3));
    let mut counts: HashMap<String, u32> = HashMap::new();
    for w in "a b a".split(' ') {
        *counts.entry(w.to_string()).or_insert(0) += 1;
    }
    println!("{:?} {}", get(&counts, "a"), first_word("x y"));
    let (btx, mut brx) = broadcast::channel(4);
    btx.send(1).unwrap();
    println!("{}", brx.recv().await.unwrap());
    let (wtx, wrx) = watch::channel(0);
    wtx.send(5).unwrap();
    println!("{}", *wrx.borrow());
    let start = Instant::now();
    let r = timeout(Duration::from_millis(5), async { 1 }).await;
    println!("{:?} {}", r, start.elapsed().as_millis() < 1000);
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    let shared = Arc::new(String::from("shared"));
    for i in 0..3 {
        let tx = tx.clone();
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let _ = tx.send(i + shared.len() as u32).await;
        });
    }
    drop(tx);
    let mut got = Vec::new();
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => got.push(v),
            else => break,
        }
    }
    got.sort();
    println!("{:?}", got);
    let opt = Some(5);
    let Some(n) = opt else { return };
    let msg = match n {
        x @ 1..=5 => format!("small {x}"),
        _ => String::from("big"),
    };
    println!("{msg}");
    let v = vec![1, 2, 3];
    let mut sum = 0;
    v.iter().for_each(|x| sum += x);
    let mut add = |x: i32| sum += x;
    add(1);
    println!("{sum}");
    let result: Result<u32, String> = Ok(3);
    if let Ok(x) = result {
        println!("{x}");
    } else if let Err(e) = &result {
        println!("{e}");
    }
    println!("{}", matches!(opt, Some(3..=9)));
    let text = String::from("hello world");
    let word = first_word(&text);
    println!("{word}");
    let mut data = vec![3, 1];
    data.sort_by(|a, b| b.cmp(a));
    let biggest = data[0];
    data.push(biggest + 1);
    println!("{:?}", data);
}
