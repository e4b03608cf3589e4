use tokio::sync::Notify;
use tokio::time::{sleep, Duration};

async fn waiter(notify: &Notify, name: &str) {
    notify.notified().await;
    println!("{name} woke");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let notify = Notify::new();

    // A permit stored before anyone waits is taken by the first `notified()`.
    notify.notify_one();
    notify.notified().await;
    println!("stored permit used");

    // notify_one wakes the waiters one at a time, first come first served.
    let a = waiter(&notify, "a");
    let b = waiter(&notify, "b");
    let c = waiter(&notify, "c");
    let wake = async {
        sleep(Duration::from_millis(10)).await;
        println!("notify_one");
        notify.notify_one();
        sleep(Duration::from_millis(10)).await;
        println!("notify_waiters");
        notify.notify_waiters();
    };
    tokio::join!(a, b, c, wake);
    println!("done");
}
