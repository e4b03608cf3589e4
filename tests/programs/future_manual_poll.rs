use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use futures::executor::block_on;
use futures::future::{join_all, Either};

struct Yield(bool);
impl Future for Yield {
    type Output = &'static str;
    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.0 { Poll::Ready("yielded") } else { self.0 = true; cx.waker().wake_by_ref(); Poll::Pending }
    }
}

fn main() {
    let waker = Waker::noop();
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(async { 1 + 1 });
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(v) => println!("ready at once: {v}"),
        Poll::Pending => println!("pending"),
    }
    let mut y = Yield(false);
    let mut y = std::pin::Pin::new(&mut y);
    println!("{:?}", y.as_mut().poll(&mut cx));
    println!("{:?}", y.as_mut().poll(&mut cx));
    println!("{:?}", block_on(Yield(false)));
    let all = block_on(join_all(vec![Yield(false), Yield(true)]));
    println!("{all:?}");
    let e: Either<u32, &str> = Either::Left(3);
    println!("{e:?}");
}
