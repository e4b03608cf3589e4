// task_local!: a value per task, set by `scope` for each poll of its future only.
use tokio::time::{sleep, Duration};

tokio::task_local! {
    static REQUEST: u32;
    static NAME: String;
}

async fn handler() {
    println!("handling request {}", REQUEST.get());
    sleep(Duration::from_millis(10)).await;
    NAME.with(|n| println!("{} still sees request {}", n, REQUEST.get()));
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(REQUEST.scope(1, NAME.scope("a".to_string(), handler())));
    let b = tokio::spawn(REQUEST.scope(2, NAME.scope("b".to_string(), handler())));
    a.await.unwrap();
    b.await.unwrap();
    println!("outside: {:?}", REQUEST.try_get().is_err());
    let doubled = REQUEST.sync_scope(21, || REQUEST.get() * 2);
    println!("sync_scope gave {doubled}");
    REQUEST
        .scope(5, async {
            tokio::task_local! {
                static INNER: bool;
            }
            INNER.scope(true, async { println!("inner {} in {}", INNER.get(), REQUEST.get()) }).await;
        })
        .await;
    let inner = tokio::spawn(async { REQUEST.try_with(|r| *r).is_err() });
    println!("a task of its own sees nothing: {}", inner.await.unwrap());
    println!("{}", REQUEST.get());
}
