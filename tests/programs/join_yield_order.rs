use tokio::task::yield_now;

// Each branch prints, yields, and prints again: the output shows the order in which
// tokio::join! polls its branches.
async fn worker(name: &str, steps: u32) {
    for i in 0..steps {
        println!("{name}: step {i}");
        yield_now().await;
    }
    println!("{name}: done");
}

#[tokio::main]
async fn main() {
    tokio::join!(worker("a", 3), worker("b", 3), worker("c", 3));
    println!("all joined");
}
