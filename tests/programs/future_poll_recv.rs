use std::future::poll_fn;
use std::task::Poll;
use tokio::sync::mpsc;
use tokio::time::{interval, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tokio::spawn(async move {
        for i in 0..3 {
            tokio::time::sleep(Duration::from_millis(10)).await;
            tx.send(i).await.unwrap();
        }
    });
    let mut polls = 0;
    loop {
        let got = poll_fn(|cx| {
            polls += 1;
            rx.poll_recv(cx)
        })
        .await;
        match got {
            Some(v) => println!("got {v} after {polls} polls"),
            None => break,
        }
    }
    println!("closed");
    let mut iv = interval(Duration::from_millis(25));
    for _ in 0..3 {
        let at = poll_fn(|cx| match iv.poll_tick(cx) {
            Poll::Ready(t) => Poll::Ready(t),
            Poll::Pending => Poll::Pending,
        })
        .await;
        let _ = at;
        println!("tick");
    }
}
