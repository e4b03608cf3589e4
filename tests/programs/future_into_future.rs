use std::future::{Future, IntoFuture};
use std::pin::Pin;
use tokio::time::{sleep, Duration};

struct Request {
    ms: u64,
}

impl IntoFuture for Request {
    type Output = String;
    type IntoFuture = Pin<Box<dyn Future<Output = String>>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            sleep(Duration::from_millis(self.ms)).await;
            format!("waited {} ms", self.ms)
        })
    }
}

#[tokio::main]
async fn main() {
    let r = Request { ms: 20 };
    println!("built");
    println!("{}", r.await);
}
