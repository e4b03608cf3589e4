use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(4);
    tokio::spawn(async move {
        for i in 0..3 {
            sleep(Duration::from_millis(70)).await;
            tx.send(i).await.unwrap();
        }
    });
    let mut idle = 0;
    loop {
        tokio::select! {
            biased;
            msg = rx.recv() => match msg {
                Some(v) => println!("message {v}"),
                None => {
                    println!("sender gone");
                    break;
                }
            },
            _ = sleep(Duration::from_millis(50)) => {
                idle += 1;
                println!("idle {idle}");
            }
        }
    }
}
