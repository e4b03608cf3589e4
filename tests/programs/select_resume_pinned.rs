use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

async fn action(input: Option<i32>) -> Option<String> {
    let i = input?;
    sleep(Duration::from_millis(50)).await;
    Some(format!("action({i}) done"))
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(128);
    tokio::spawn(async move {
        for v in [1, 3, 5, 2, 7] {
            sleep(Duration::from_millis(20)).await;
            tx.send(v).await.unwrap();
        }
    });

    let mut done = false;
    let operation = action(None);
    tokio::pin!(operation);
    operation.set(action(Some(1)));

    loop {
        tokio::select! {
            res = &mut operation, if !done => {
                done = true;
                if let Some(v) = res {
                    println!("GOT = {v}");
                    return;
                }
            }
            Some(v) = rx.recv() => {
                println!("received {v}");
                if v % 2 == 0 {
                    operation.set(action(Some(v)));
                    done = false;
                }
            }
        }
    }
}
