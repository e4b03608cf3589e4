use std::rc::Rc;
use tokio::task;
use tokio::time::{sleep, Duration};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let nonsend = Rc::new("not Send");
    let local = task::LocalSet::new();

    local
        .run_until(async move {
            let data = nonsend.clone();
            let handle = task::spawn_local(async move {
                sleep(Duration::from_millis(10)).await;
                println!("spawn_local sees {data}");
                7
            });
            println!("joined {}", handle.await.unwrap());
        })
        .await;

    let local = task::LocalSet::new();
    for i in 0..3u64 {
        local.spawn_local(async move {
            sleep(Duration::from_millis(30 - 10 * i)).await;
            println!("local task {i}");
        });
    }
    local.await;
    println!("every local task is done");
}
