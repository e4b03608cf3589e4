async fn main() {
    println!("hi");
}
// rustc 1.95: E0752@1
