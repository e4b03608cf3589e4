async fn my_async_task() -> String {
    // This code will only run when the Future is awaited.
    "Task finished".to_string()
}

fn main() {
    // Calling the async function returns a Future, but nothing runs.
    let future = my_async_task();

    // The program would end here without executing my_async_task().
}
