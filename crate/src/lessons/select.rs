//! # Racing with `select!`
//!
//! `select!` finishes as soon as the first branch does, and drops the others: the user fetch is
//! cancelled mid-sleep (its timer is cleared), so its line never prints.
//!
//! Like `tokio::select!`, `futures::select!` picks **at random** among branches that are ready in the
//! same poll (equal durations); `futures::select_biased!` would check them in order instead.

use super::join::{fetch_product_data, fetch_user_data};
use super::{named, Plan};
use crate::println;
use futures::{select, FutureExt}; // was: use tokio::select;

/// "Run select!": the same two fetches, raced.
pub async fn main(plan: Plan) {
    println!("Racing the two fetches with select!...");

    let winner = select! {
        user_data = named("fetch_user_data", fetch_user_data(plan.user)).fuse() => user_data,
        product_data = named("fetch_product_data", fetch_product_data(plan.product)).fuse() => product_data,
    };
    // Leaving select! dropped the losing future: its timer was cleared and its body never resumes.

    println!("select! is done: the {winner} branch won; the other fetch was dropped.");
}
