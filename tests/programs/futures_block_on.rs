use futures::executor::block_on;
use std::future::{pending, ready};

async fn hello() -> u32 {
    println!("hello from an async fn");
    let x = ready(40).await;
    x + 2
}

fn main() {
    let fut = hello();
    println!("nothing printed yet");
    let v = block_on(fut);
    println!("block_on gave {v}");
    let never = pending::<()>();
    drop(never);
    println!("{}", block_on(async { ready("ready").await }));
}
