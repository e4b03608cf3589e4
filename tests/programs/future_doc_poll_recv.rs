use std::task::{Context, Poll};
use std::pin::Pin;
use tokio::sync::mpsc;
use futures::Future;

struct MyReceiverFuture<'a> {
    rx: &'a mut mpsc::Receiver<i32>,
}

impl<'a> Future for MyReceiverFuture<'a> {
    type Output = Option<i32>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Self { rx } = self.get_mut();
        rx.poll_recv(cx)
    }
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1024);
    let my_receiver_future = MyReceiverFuture {
        rx: &mut rx,
    };

    tx.send(1).await.unwrap();

    let result = my_receiver_future.await;
    assert_eq!(result, Some(1));
    println!("ok");
}
