fn add(a: i32, b: i32) -> i32 { a + b }
async fn f(x: u64) {}
#[tokio::main]
async fn main() {
    println!("{}", add(1));
    f(1, 2).await;
}
// rustc 1.95: E0061@5 E0061@6
