use std::sync::Arc;

#[tokio::main]
async fn main() {
    let sem = Arc::new(tokio::sync::Semaphore::new(2));
    let s = sem.clone();
    let h = tokio::spawn(async move {
        let permit = s.acquire().unwrap();
        println!("got a permit");
        drop(permit);
    });
    h.await.unwrap();
}
// rustc 1.95: E0599@8
