use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
    spawned: bool,
}

impl Future for Delay {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if Instant::now() >= self.when {
            return Poll::Ready("done");
        }
        if !self.spawned {
            self.spawned = true;
            let waker = cx.waker().clone();
            let when = self.when;
            thread::spawn(move || {
                let now = Instant::now();
                if now < when {
                    thread::sleep(when - now);
                }
                waker.wake();
            });
        }
        Poll::Pending
    }
}

fn main() {
    let start = Instant::now();
    let out = futures::executor::block_on(Delay { when: start + Duration::from_millis(50), spawned: false });
    println!("{out} after {} ms", start.elapsed().as_millis() / 10 * 10);
}
