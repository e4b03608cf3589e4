use futures::FutureExt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::time::{sleep, Duration};

struct Once(bool);

impl Future for Once {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.0 {
            Poll::Ready(7)
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn double(x: u32) -> u32 {
    sleep(Duration::from_millis(5)).await;
    x * 2
}

#[tokio::main]
async fn main() {
    println!("{:?}", async { 1 }.now_or_never());
    println!("{:?}", sleep(Duration::from_millis(1)).now_or_never());
    println!("{:?}", Once(false).now_or_never());
    println!("{:?}", Once(true).now_or_never());
    let v = Once(false).map(|x| x + 1).await;
    println!("map: {v}");
    let w = double(3).then(double).await;
    println!("then: {w}");
    let h = tokio::spawn(async { 5 }).map(|r| r.unwrap() * 10).await;
    println!("join handle map: {h}");
}
