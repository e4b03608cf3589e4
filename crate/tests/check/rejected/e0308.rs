async fn fetch_user_data() -> String {
    String::from("user")
}
fn add(a: i32, b: i32) -> i32 { a + b }
#[tokio::main]
async fn main() {
    let user: String = fetch_user_data();
    println!("{}", user);
    println!("{}", add("1", 2));
}
// rustc 1.95: E0308@7 E0308@9
