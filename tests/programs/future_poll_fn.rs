use std::future::{pending, poll_fn, ready};
use std::pin::Pin;
use std::task::Poll;
use std::future::Future;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let mut n = 0;
    let v = poll_fn(|cx| {
        n += 1;
        println!("poll {n}");
        if n < 3 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(n * 10)
        }
    })
    .await;
    println!("poll_fn gave {v}");

    let mut s = Box::pin(sleep(Duration::from_millis(50)));
    let mut polls = 0;
    poll_fn(|cx| {
        polls += 1;
        s.as_mut().poll(cx)
    })
    .await;
    println!("slept after {polls} polls");

    let mut inner = ready(7);
    let got = poll_fn(|cx| Pin::new(&mut inner).poll(cx)).await;
    println!("inner ready gave {got}");

    let r = tokio::time::timeout(Duration::from_millis(20), pending::<()>()).await;
    println!("pending timed out: {}", r.is_err());
}
