#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 5 });
    let v: i32 = h.await;
    println!("{v}");
}
// rustc 1.95: E0308@4
