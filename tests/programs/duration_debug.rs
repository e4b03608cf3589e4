use std::time::Duration;

#[tokio::main]
async fn main() {
    println!("{:?}", Duration::from_secs(3));
    println!("{:?}", Duration::from_millis(1500));
    println!("{:?}", Duration::from_millis(250));
    println!("{:?}", Duration::from_millis(1));
    println!("{:?}", Duration::from_secs(0));
    println!("{:?}", Duration::from_millis(61_000));
    println!("{:?}", Duration::from_millis(1234567));
    let d = Duration::from_millis(2750);
    println!("{} ms, {:.2} s as f64, {} s", d.as_millis(), d.as_secs_f64(), d.as_secs_f64());
}
