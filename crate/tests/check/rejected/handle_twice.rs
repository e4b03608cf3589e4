#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 5 });
    let a = h.await.unwrap();
    let b = h.await.unwrap();
    println!("{a} {b}");
}
// rustc 1.95: E0382@5
