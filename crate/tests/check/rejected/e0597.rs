#[tokio::main]
async fn main() {
    let v = vec![1, 2, 3];
    let r = &v;
    tokio::spawn(async move {
        println!("{:?}", r);
    });
}
// rustc 1.95: E0597@4
