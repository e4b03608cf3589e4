// Mistake: there is no `length` method on Vec (it is `len`).
#[tokio::main]
async fn main() {
    let tasks = vec!["fetch", "parse", "store"];
    println!("{} tasks", tasks.length());
}
