use tokio::time::{sleep, Duration};

async fn worker(id: u32) -> u32 {
    println!("worker {id} starts");
    sleep(Duration::from_millis(100 * id as u64)).await;
    println!("worker {id} ends");
    id
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(worker(1));
    let b = tokio::spawn(worker(2));
    println!("main keeps going until it awaits");
    let sum = a.await.unwrap() + b.await.unwrap();
    println!("sum = {sum}");
}
