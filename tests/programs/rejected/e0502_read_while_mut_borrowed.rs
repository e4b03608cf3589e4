// Mistake: reading a String while a `&mut` borrow of it is still used later.
#[tokio::main]
async fn main() {
    let mut log = String::from("start");
    let writer = &mut log;
    println!("log is {}", log);
    writer.push_str(", more");
}
