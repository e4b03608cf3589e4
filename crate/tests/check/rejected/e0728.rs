async fn f() -> u32 { 1 }
fn main() {
    let x = f().await;
    println!("{x}");
}
// rustc 1.95: E0728@3
