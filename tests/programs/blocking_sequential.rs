use std::thread;
use std::time::Duration;
use tokio::time::Instant;

async fn blocking_step(name: &str) {
    println!("{name} starts");
    // A blocking sleep: nothing else on this thread can run meanwhile.
    thread::sleep(Duration::from_millis(200));
    println!("{name} ends");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    tokio::join!(blocking_step("one"), blocking_step("two"));
    let ms = start.elapsed().as_millis();
    println!("joined after about {} ms", ms / 100 * 100);
}
