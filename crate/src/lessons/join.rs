//! # Concurrency with `join!`
//!
//! Both fetches are started together and `join!` waits for both: the run takes as long as the
//! longest (3 s), not the sum (4 s). "Run sequentially" awaits one after the other, to feel the sum.
//!
//! `futures::join!` polls every unfinished branch each time any of them wakes: the timeline shows
//! `fetch_user_data` polled (and still pending) when `fetch_product_data`'s timer fires.

use super::{named, Plan, Wait};
use crate::println;
use futures::join; // was: use tokio::join;
use gloo_timers::future::sleep; // was: use tokio::time::sleep;

/// The tutorial's `fetch_user_data` (3 s by default).
pub async fn fetch_user_data(took: Wait) -> String {
    sleep(took.real).await;
    println!("User data fetched after {took}.");
    "User".to_string()
}

/// The tutorial's `fetch_product_data` (1 s by default).
pub async fn fetch_product_data(took: Wait) -> String {
    sleep(took.real).await;
    println!("Product data fetched after {took}.");
    "Product".to_string()
}

/// "Run concurrently (join!)": the tutorial's `main`.
pub async fn main(plan: Plan) {
    println!("Fetching data concurrently...");

    // These two futures are started at the same time and run together.
    let (user_data, product_data) = join!(
        named("fetch_user_data", fetch_user_data(plan.user)),
        named("fetch_product_data", fetch_product_data(plan.product)),
    );

    let (longest, sum) = (
        plan.user.ms.max(plan.product.ms),
        plan.user.ms + plan.product.ms,
    );
    println!(
        "Total execution time is ~{}, not {}.",
        plan.wait(longest),
        plan.wait(sum)
    );
    println!("Result 1: {user_data}");
    println!("Result 2: {product_data}");
}

/// "Run sequentially": each `.await` finishes before the next fetch even starts.
pub async fn main_sequential(plan: Plan) {
    println!("Fetching data sequentially...");

    let user_data = named("fetch_user_data", fetch_user_data(plan.user)).await;
    let product_data = named("fetch_product_data", fetch_product_data(plan.product)).await;

    println!(
        "Total execution time is ~{}: one wait after the other.",
        plan.wait(plan.user.ms + plan.product.ms)
    );
    println!("Result 1: {user_data}");
    println!("Result 2: {product_data}");
}
