use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use futures::FutureExt;
use tokio::time::{sleep, Duration, Sleep};

enum Machine {
    Start(u32),
    Waiting(Pin<Box<Sleep>>, u32),
    Done,
}

impl Future for Machine {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match &mut *self {
                Machine::Start(n) => {
                    println!("start {n}");
                    let n = *n;
                    *self = Machine::Waiting(Box::pin(sleep(Duration::from_millis(10))), n);
                }
                Machine::Waiting(s, n) => {
                    ready!(s.as_mut().poll(cx));
                    let n = *n;
                    println!("slept");
                    *self = Machine::Done;
                    return Poll::Ready(n * 2);
                }
                Machine::Done => panic!("polled after completion"),
            }
        }
    }
}

struct Outer {
    inner: Machine,
}

impl Future for Outer {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let v = ready!(self.inner.poll_unpin(cx));
        Poll::Ready(v + 1)
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Machine::Start(4).await);
    println!("{}", Outer { inner: Machine::Start(5) }.await);
}
