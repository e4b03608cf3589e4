use futures::executor::block_on;
use futures::future::poll_fn;
use std::task::Poll;

fn main() {
    let mut left = 3;
    let v = block_on(poll_fn(|cx| {
        if left == 0 {
            Poll::Ready("done")
        } else {
            println!("left {left}");
            left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }));
    println!("{v}");
}
