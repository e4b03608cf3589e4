#[tokio::main]
async fn main() {
    let name = String::from("alice");
    let h = tokio::spawn(async move {
        println!("task has {}", name);
    });
    println!("main still has {}", name);
    h.await.unwrap();
}
// rustc 1.95: E0382@7
