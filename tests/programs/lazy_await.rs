async fn my_async_task() -> String {
    // This code will only run when the Future is awaited.
    "Task finished".to_string()
}

#[tokio::main]
async fn main() {
    // The fix: awaiting the Future runs it.
    let result = my_async_task().await;
    println!("{result}");
}
