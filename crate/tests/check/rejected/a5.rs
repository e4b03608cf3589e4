use std::rc::Rc;
use tokio::sync::mpsc;
#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<i32>(8);
    drop(tx);
    while let Some(x) = rx.recv().await {}
    let a = 1;
    let b = "s";
    let h = tokio::spawn(async {
        println!("{} {}", a, b);
    });
    let rc = Rc::new(5);
    tokio::spawn(async move {
        println!("{}", rc);
    });
}
// rustc 1.95: -@14
