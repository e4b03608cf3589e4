use tokio::time::{sleep, Duration};

fn main() {
    let future = sleep(Duration::from_millis(10));
    println!("never printed: sleep panics outside a runtime");
}
