use tokio::task::JoinSet;
use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    for (i, ms) in [(1, 300), (2, 100), (3, 200)] {
        set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            println!("task {i} finished after {ms} ms");
            i
        });
    }
    println!("spawned {} tasks", set.len());
    // Results come back in the order the tasks finish.
    while let Some(res) = set.join_next().await {
        println!("joined {}", res.unwrap());
    }
    println!("empty: {}", set.is_empty());

    let mut set = JoinSet::new();
    set.spawn(async {
        sleep(Duration::from_millis(1000)).await;
        println!("never printed");
        0
    });
    set.spawn(async { 7 });
    set.spawn(async { 8 });
    sleep(Duration::from_millis(1)).await;
    match set.try_join_next() {
        Some(Ok(v)) => println!("try_join_next: {v}"),
        other => println!("try_join_next: {}", other.is_none()),
    }
    set.abort_all();
    while let Some(res) = set.join_next().await {
        match res {
            Ok(v) => println!("ok {v}"),
            Err(e) => println!("cancelled: {}", e.is_cancelled()),
        }
    }

    let mut set = JoinSet::new();
    for i in 0..3 {
        set.spawn(async move { i * 2 });
    }
    let all = set.join_all().await;
    println!("join_all: {all:?}");
}
