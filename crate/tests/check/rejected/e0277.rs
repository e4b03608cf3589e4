fn five() -> i32 { 5 }
#[tokio::main]
async fn main() {
    let x = five().await;
    println!("{}", x);
}
// rustc 1.95: E0277@4
