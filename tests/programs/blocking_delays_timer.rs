use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let timer = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        println!("timer task: my 100 ms sleep is over");
    });
    tokio::task::yield_now().await;
    println!("main blocks for 300 ms");
    std::thread::sleep(Duration::from_millis(300));
    println!("main unblocked");
    timer.await.unwrap();
}
