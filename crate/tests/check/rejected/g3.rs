#[tokio::main]
async fn main() {
    let h = tokio::spawn(|| async { println!("hi") });
    h.await.unwrap();
}
// rustc 1.95: E0277@3
