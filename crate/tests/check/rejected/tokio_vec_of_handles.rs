#[tokio::main]
async fn main() {
    let mut hs = Vec::new();
    for i in 0..3 {
        hs.push(tokio::spawn(async move {
            println!("task {i}");
        }));
    }
    for h in hs {
        h.unwrap();
    }
}
// rustc 1.95: E0599@10
