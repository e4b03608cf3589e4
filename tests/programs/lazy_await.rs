async fn my_async_task() -> String {
    // This code will only run when the Future is awaited.
    "Task finished".to_string()
}

#[tokio::main]
async fn main() {
    let future = my_async_task();
    println!("created the future; nothing ran yet");
    let result = future.await;
    println!("{result}");
}
