use tokio::time::{sleep, Duration};
struct Guard(&'static str);
impl Drop for Guard { fn drop(&mut self) { println!("drop {}", self.0); } }
async fn work(name: &'static str, ms: u64) -> &'static str {
    let _g = Guard(name);
    sleep(Duration::from_millis(ms)).await;
    println!("{} done", name);
    name
}
#[tokio::main]
async fn main() {
    let _outer = Guard("outer");
    let r = tokio::time::timeout(Duration::from_millis(50), work("slow", 100)).await;
    println!("{:?}", r.is_err());
    let h = tokio::spawn(work("spawned", 10));
    let x = work("inline", 20).await;
    println!("{} {}", x, h.await.unwrap());
    let a = tokio::spawn(work("aborted", 1000));
    sleep(Duration::from_millis(5)).await;
    a.abort();
    println!("{:?}", a.await.unwrap_err().is_cancelled());
    {
        let _inner = Guard("inner");
        let _second = Guard("second");
    }
    println!("end of main");
}
