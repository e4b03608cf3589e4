use tokio::task::yield_now;

async fn step(name: &str) {
    println!("{name} 1");
    yield_now().await;
    println!("{name} 2");
    yield_now().await;
    println!("{name} 3");
}

#[tokio::main]
async fn main() {
    // futures::join! polls its branches in the order written, every time.
    futures::join!(step("x"), step("y"), step("z"));
    println!("--");
    // tokio::join! rotates the branch it polls first.
    tokio::join!(step("x"), step("y"), step("z"));
}
