async fn fetch() -> u32 { 1 }
async fn go() {
    let x: i32 = "5".parse()?;
    let s: String = "hello";
    let n: i32 = 1.5;
    let m: String = 5;
    let b: bool = 1;
}
fn take(s: String, n: u64) {}
fn main() {
    take("abc", 1);
    take(String::new(), "x");
    take(String::new(), 1.0);
    let c = || fetch().await;
}
// rustc 1.95: E0728@14 E0277@3 E0308@4 E0308@5 E0308@6 E0308@7 E0308@11 E0308@12 E0308@13
