use std::task::{Context, Poll};
use std::pin::Pin;
use tokio::sync::mpsc;
use futures::Future;

struct MyReceiverFuture<'a> {
    rx: &'a mut mpsc::Receiver<i32>,
    buffer: &'a mut Vec<i32>,
    limit: usize,
}

impl<'a> Future for MyReceiverFuture<'a> {
    type Output = usize; // Number of messages received

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let MyReceiverFuture { rx, buffer, limit } = &mut *self;

        // Now `rx` and `buffer` are mutable references, and `limit` is a copy
        match rx.poll_recv_many(cx, *buffer, *limit) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(count) => Poll::Ready(count),
        }
    }
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(32);
    let mut buffer = Vec::new();

    let my_receiver_future = MyReceiverFuture {
        rx: &mut rx,
        buffer: &mut buffer,
        limit: 3,
    };

    for i in 0..10 {
        tx.send(i).await.expect("Unable to send integer");
    }

    let count = my_receiver_future.await;
    assert_eq!(count, 3);
    assert_eq!(buffer, vec![0,1,2]);
    println!("{count} {buffer:?}");
}
