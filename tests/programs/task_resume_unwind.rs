// A task's panic, caught as a JoinError and resumed in another task with
// std::panic::resume_unwind: the hook runs once, for the first panic only.
use std::panic;

#[tokio::main]
async fn main() {
    let err = tokio::spawn(async {
        panic!("boom");
    })
    .await
    .unwrap_err();
    println!("is_panic: {}", err.is_panic());
    let again = tokio::spawn(async move {
        panic::resume_unwind(err.into_panic());
    })
    .await
    .unwrap_err();
    println!("resumed: {again}");
    let err = tokio::spawn(async { panic!("last") }).await.unwrap_err();
    panic::resume_unwind(err.into_panic());
}
