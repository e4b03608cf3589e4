use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::task::{Context, Poll};

struct Wrap {
    inner: Ready<u32>,
}

impl Future for Wrap {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        Pin::new(&mut self.inner).poll(cx).map(|v| v + 1)
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Wrap { inner: ready(41) }.await);
}
