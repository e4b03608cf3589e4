//! # Lazy futures: calling an `async fn` runs nothing
//!
//! Calling `my_async_task()` only builds a `Future`, an inert recipe. Its body runs when something
//! polls it, which is what `.await` does. Dropped unpolled, it never runs at all.

use super::named;
use crate::println;

/// The tutorial's `my_async_task`.
pub async fn my_async_task() -> String {
    // This code will only run when the Future is awaited.
    // (Added to the tutorial's version so the log shows when the body runs.)
    println!("my_async_task is running.");
    "Task finished".to_string()
}

/// "Run: call without .await": the tutorial's `main`.
pub async fn main_without_await() {
    // Calling the async function returns a Future, but nothing runs.
    let future = named("my_async_task", my_async_task());
    println!("Called my_async_task(): got a Future, nothing ran.");

    // The program would end here without executing my_async_task():
    // the Future is dropped, never polled.
    drop(future);
    println!("Dropped the Future without awaiting it.");
}

/// "Run with .await": awaiting the Future polls it, so its body runs.
pub async fn main_with_await() {
    let result = named("my_async_task", my_async_task()).await;
    println!("{result}");
}
