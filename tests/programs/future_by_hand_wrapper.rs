use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::time::{sleep, Duration, Sleep};

/// Counts the polls of the future it wraps.
struct Counted<F> {
    name: &'static str,
    inner: Pin<Box<F>>,
    polls: u32,
}

impl<F: Future> Future for Counted<F> {
    type Output = (F::Output, u32);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.polls += 1;
        match this.inner.as_mut().poll(cx) {
            Poll::Ready(v) => {
                println!("{} ready after {} polls", this.name, this.polls);
                Poll::Ready((v, this.polls))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Never ready; says when it is dropped.
struct Never {
    name: &'static str,
}

impl Future for Never {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        println!("{} polled", self.name);
        Poll::Pending
    }
}

impl Drop for Never {
    fn drop(&mut self) {
        println!("{} dropped", self.name);
    }
}

async fn work(ms: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    sleep(Duration::from_millis(ms)).await;
    ms * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (v, polls) = Counted { name: "work", inner: Box::pin(work(20)), polls: 0 }.await;
    println!("work gave {v} in {polls} polls");

    let s: Sleep = sleep(Duration::from_millis(30));
    let (_, polls) = Counted { name: "sleep", inner: Box::pin(s), polls: 0 }.await;
    println!("sleep took {polls} polls");

    let never = Never { name: "never" };
    tokio::select! {
        biased;
        _ = never => println!("never finished?"),
        _ = sleep(Duration::from_millis(10)) => println!("timer won"),
    }

    let (a, b) = tokio::join!(
        Counted { name: "a", inner: Box::pin(work(5)), polls: 0 },
        Counted { name: "b", inner: Box::pin(work(3)), polls: 0 },
    );
    println!("join: {a:?} {b:?}");

    let h = tokio::spawn(Counted { name: "task", inner: Box::pin(work(1)), polls: 0 });
    println!("spawned: {:?}", h.await.unwrap());

    let mut pinned = Box::pin(Never { name: "pinned" });
    let r = tokio::time::timeout(Duration::from_millis(5), pinned.as_mut()).await;
    println!("timeout: {}", r.is_err());
    drop(pinned);
    println!("end");
}
