#[tokio::main]
async fn main() {
    let a = 1;
    let b = String::from("s");
    let h = tokio::spawn(async {
        println!("{} {}", a, b);
    });
    h.await.unwrap();
}
// rustc 1.95: E0373@5 E0373@5
