use tokio::time::{sleep, Duration};

#[tokio::main]
async fn main() {
    println!("to stdout");
    eprintln!("to stderr");
    sleep(Duration::from_millis(5)).await;
    eprint!("partial ");
    eprintln!("error line");
    println!("stdout again");
}
