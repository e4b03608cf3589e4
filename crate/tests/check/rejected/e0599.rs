async fn fetch() -> String {
    String::from("user")
}
#[tokio::main]
async fn main() {
    let n = fetch().len();
    println!("{}", n);
}
// rustc 1.95: E0599@6
