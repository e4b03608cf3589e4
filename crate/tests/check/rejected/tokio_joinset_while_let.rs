#[tokio::main]
async fn main() {
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { 1 });
    while let Some(r) = set.join_next() {
        println!("{r:?}");
    }
}
// rustc 1.95: E0308@5
