async fn process(s: &str) {
    tokio::spawn(async move {
        println!("{s}");
    });
}
fn count() -> u32 {
    "three"
}
fn name() -> String {
    return "x";
}
#[tokio::main]
async fn main() {
    process("a").await;
    let v: Option<String> = Some(String::new());
    println!("{}", v.len());
    println!("{}", count());
}
// rustc 1.95: E0521@2 E0308@7 E0308@10 E0624@16
