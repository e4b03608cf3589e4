use tokio::task::yield_now;

#[tokio::main]
async fn main() {
    for i in 1..=3 {
        tokio::spawn(async move {
            println!("task {i} runs");
            yield_now().await;
            println!("task {i} runs again");
        });
    }
    println!("spawned three tasks; none has run yet");
    yield_now().await;
    println!("main after one yield");
    yield_now().await;
    println!("main after two yields");
    yield_now().await;
    println!("main after three yields");
}
