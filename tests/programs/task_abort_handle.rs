use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        sleep(Duration::from_secs(10)).await;
        println!("never");
    });
    let abort = handle.abort_handle();
    println!("finished: {}", abort.is_finished());
    abort.abort();
    let err = handle.await.unwrap_err();
    println!("cancelled: {}, panic: {}", err.is_cancelled(), err.is_panic());
    println!("finished: {}", abort.is_finished());

    let boom = tokio::spawn(async {
        panic!("boom");
    });
    let err = boom.await.unwrap_err();
    println!("panic: {}", err.is_panic());
    println!("{err}");
}
