// Notified::enable: a waiter registered before the check, so notify_waiters between the check
// and the .await is not lost.
use std::sync::Arc;
use tokio::sync::Notify;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let notify = Arc::new(Notify::new());
    let n2 = notify.clone();
    let waiter = tokio::spawn(async move {
        let notified = n2.notified();
        tokio::pin!(notified);
        let ready = notified.as_mut().enable();
        println!("enabled, ready already: {ready}");
        sleep(Duration::from_millis(20)).await;
        notified.as_mut().await;
        println!("woken by notify_waiters");
    });
    sleep(Duration::from_millis(10)).await;
    notify.notify_waiters();
    println!("notified the waiters");
    waiter.await.unwrap();

    notify.notify_one();
    let f = notify.notified();
    tokio::pin!(f);
    println!("stored permit makes it ready: {}", f.as_mut().enable());
    f.await;
    println!("done");
}
