use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Countdown {
    name: &'static str,
    left: u32,
}

impl Future for Countdown {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.left == 0 {
            println!("{}: ready", self.name);
            Poll::Ready(self.name)
        } else {
            println!("{}: {} left", self.name, self.left);
            self.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(Countdown { name: "a", left: 2 });
    let b = tokio::spawn(async {
        let v = Countdown { name: "b", left: 3 }.await;
        println!("b gave {v}");
        v.len()
    });
    let c = Countdown { name: "main", left: 1 }.await;
    println!("main gave {c}");
    println!("a joined: {:?}", a.await.unwrap());
    println!("b joined: {:?}", b.await.unwrap());
    let p: Poll<u32> = Poll::Ready(3);
    println!("{:?} {} {}", p, p.is_ready(), p.is_pending());
    let q: Poll<u32> = Poll::Pending;
    println!("{:?} {:?}", q, p.map(|x| x * 2));
    match q {
        Poll::Ready(v) => println!("ready {v}"),
        Poll::Pending => println!("pending"),
    }
}
