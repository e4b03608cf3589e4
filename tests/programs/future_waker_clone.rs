use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use tokio::time::{sleep, Duration};

#[derive(Default)]
struct Shared {
    done: bool,
    waker: Option<Waker>,
}

struct Flag {
    shared: Arc<Mutex<Shared>>,
}

impl Future for Flag {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.shared.lock().unwrap();
        if s.done {
            println!("flag: ready");
            Poll::Ready(())
        } else {
            println!("flag: pending, storing the waker");
            match &s.waker {
                Some(w) if w.will_wake(cx.waker()) => println!("same waker"),
                _ => s.waker = Some(cx.waker().clone()),
            }
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    let shared = Arc::new(Mutex::new(Shared::default()));
    let setter = shared.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(100)).await;
        println!("setter: done");
        let w = {
            let mut s = setter.lock().unwrap();
            s.done = true;
            s.waker.take()
        };
        if let Some(w) = w {
            w.wake();
        }
    });
    tokio::spawn(async {
        sleep(Duration::from_millis(50)).await;
        println!("tick at 50");
    });
    Flag { shared }.await;
    println!("main: flag awaited");
}
