use std::future::*;
use std::pin::Pin;
use std::task::*;

struct Two(u8);

impl Future for Two {
    type Output = u8;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        self.0 += 1;
        if self.0 < 2 {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(self.0)
    }
}

#[tokio::main]
async fn main() {
    let v = poll_fn(|_cx| Poll::Ready(3)).await;
    let w = ready(4).await;
    let all = futures::future::join_all(vec![Two(0), Two(1)]).await;
    let e: futures::future::Either<u32, u32> = futures::future::Either::Right(1);
    println!("{v} {w} {all:?} {e:?}");
    let r = tokio::time::timeout(std::time::Duration::from_millis(5), pending::<()>()).await;
    println!("{r:?}");
}
