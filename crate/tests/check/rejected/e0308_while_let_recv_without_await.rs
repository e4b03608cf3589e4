use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for id in 1..=3 {
        let tx = tx.clone();
        tokio::spawn(async {
            sleep(Duration::from_millis(40 * id)).await;
            tx.send(format!("worker {id} reporting")).unwrap();
        });
    }
    // Drop our own sender: otherwise the channel never closes.
    drop(tx);
    let mut count = 0;
    while let Some(report) = rx.recv() {
        count += 1;
        println!("{report}");
    }
    println!("{count} reports, channel closed");
}
// rustc 1.95: E0308@17
