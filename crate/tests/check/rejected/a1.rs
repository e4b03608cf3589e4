#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];
    for i in 0..3 {
        tokio::spawn(async move {
            println!("{} {:?}", i, v);
        });
    }
    let s = String::from("x");
    let h1 = tokio::spawn(async move { println!("{}", s); });
    let h2 = tokio::spawn(async move { println!("{}", s); });
    let _ = (h1.await, h2.await);
}
// rustc 1.95: E0382@5 E0382@11
