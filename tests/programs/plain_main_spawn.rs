async fn hello() {
    println!("hello");
}

fn main() {
    println!("no runtime here");
    // Outside a Tokio runtime, spawn panics.
    tokio::spawn(hello());
    println!("never printed");
}
